"""Member card validation and completeness."""

from datetime import date
from typing import Any

import pytest

from chairclient.validation import (
    POSITION,
    ValidationError,
    is_member_complete,
    missing_member_fields,
    required_member_fields,
    validate_member,
)

TODAY = date(2025, 6, 15)


def card(**changes: Any) -> dict[str, Any]:
    """A complete, valid card of a working member, with ``changes`` applied."""
    values: dict[str, Any] = {
        "last_name": "Иванова-Петрова",
        "first_name": "Анна",
        "patronymic": "Сергеевна",
        "birth_date": date(1985, 4, 20),
        "sex": "F",
        "snils": "112-233-445 95",
        "category": "working",
        "member_since": date(2008, 9, 1),
        "registered_on": date(2015, 9, 1),
        "registration_method": "transfer",
        "status": "active",
        "removed_on": None,
        "removal_reason": None,
        "workplace": "МБОУ СОШ № 5",
        "position_code": "teacher",
        "position_text": "",
        "staff_category": "",
        "study_level": None,
        "study_course": None,
        "study_form": None,
        "education_level": "higher_specialist",
        "academic_degree": None,
        "dues_form": "cashless",
        "address": "г. Тюмень, ул. Республики, д. 1",
        "phone": "8 (912) 345-67-89",
        "email": "anna@mail.ru",
    }
    values.update(changes)
    return values


def student(**changes: Any) -> dict[str, Any]:
    values = card(
        category="student",
        birth_date=date(2006, 2, 1),
        member_since=date(2023, 9, 1),
        registered_on=date(2023, 9, 1),
        registration_method="application",
        workplace="Тюменский колледж",
        position_code=None,
        study_level="spo",
        study_course=2,
        study_form="full_time",
    )
    values.update(changes)
    return values


def test_complete_valid_card() -> None:
    result = validate_member(card(), today=TODAY)
    assert result.ok
    assert result.errors == {}
    assert result.warnings == {}
    assert result.missing == []
    assert result.complete
    assert is_member_complete(card())


def test_empty_card_is_incomplete_but_has_no_errors() -> None:
    result = validate_member({}, today=TODAY)
    assert result.ok
    assert result.missing == [
        "last_name",
        "first_name",
        "birth_date",
        "sex",
        "category",
        "member_since",
        "registered_on",
        "registration_method",
        "workplace",
        POSITION,
        "education_level",
        "dues_form",
    ]


def test_blank_strings_count_as_missing() -> None:
    result = validate_member(card(last_name="  ", patronymic="", email=""), today=TODAY)
    assert result.ok
    assert result.missing == ["last_name"]


# ---------------------------------------------------------------------------- names
@pytest.mark.parametrize(
    "name", ["Иванова", "Иванова-Петрова", "Ёлкина", "Д'Артаньян", "Д’Артаньян", "Анна Мария"]
)
def test_good_names(name: str) -> None:
    assert validate_member(card(last_name=name), today=TODAY).ok


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("Ivanova", "латинские буквы"),
        ("Иванова1", "недопустимые символы: «1»"),
        ("Иван0ва", "«0»"),
        ("Иванова!", "«!»"),
        ("Iвaнова", "латинские буквы «I»"),  # Latin I typed instead of Cyrillic
        ("Іванова", "недопустимые символы: «І»"),  # Ukrainian І is not Russian
        ("-Иванова", "между буквами"),
        ("Иванова-", "между буквами"),
        ("Иванова--Петрова", "между буквами"),
        ("Иванова  Петрова", "между буквами"),
        ("Иванова - Петрова", "между буквами"),
        ("'", "между буквами"),
        ("А" * 101, "Не длиннее 100"),
    ],
)
def test_bad_names(name: str, fragment: str) -> None:
    result = validate_member(card(first_name=name), today=TODAY)
    assert not result.ok
    assert fragment in result.errors["first_name"]
    if "символ" in fragment or "латин" in fragment:
        assert result.errors["first_name"].startswith(
            "Допустимы только русские буквы, пробел, дефис и апостроф"
        )


def test_name_surrounding_spaces_are_tolerated() -> None:
    assert validate_member(card(last_name="  Иванова "), today=TODAY).ok


def test_bad_patronymic_is_an_error_but_empty_is_fine() -> None:
    assert "patronymic" in validate_member(card(patronymic="Sergeevna"), today=TODAY).errors
    assert validate_member(card(patronymic=None), today=TODAY).ok


# ---------------------------------------------------------------------------- birth date
def test_birth_date_in_future() -> None:
    result = validate_member(card(birth_date=date(2025, 6, 16)), today=TODAY)
    assert result.errors["birth_date"] == "Дата не может быть в будущем"


def test_minimum_age_is_14_on_the_day() -> None:
    just_14 = validate_member(card(birth_date=date(2011, 6, 15)), today=TODAY)
    assert "birth_date" not in just_14.errors
    almost_14 = validate_member(card(birth_date=date(2011, 6, 16)), today=TODAY)
    assert "не моложе 14 лет" in almost_14.errors["birth_date"]


def test_old_age_is_only_a_warning() -> None:
    result = validate_member(
        card(birth_date=date(1920, 1, 1), member_since=date(1940, 1, 1)), today=TODAY
    )
    assert result.ok
    assert "больше 100 лет" in result.warnings["birth_date"]
    exactly_100 = validate_member(card(birth_date=date(1925, 6, 15)), today=TODAY)
    assert "birth_date" not in exactly_100.warnings


def test_birth_date_as_text_and_unreadable_text() -> None:
    assert validate_member(card(birth_date="20.04.1985"), today=TODAY).ok
    result = validate_member(card(birth_date="31.02.1985"), today=TODAY)
    assert "не существует" in result.errors["birth_date"]
    assert "birth_date" not in result.missing  # a wrong value is an error, not missing


# ---------------------------------------------------------------------------- sex, СНИЛС
def test_sex_codes() -> None:
    assert validate_member(card(sex="M"), today=TODAY).ok
    result = validate_member(card(sex="Ж"), today=TODAY)
    assert "Недопустимое значение «Ж»" in result.errors["sex"]
    assert "«Мужской», «Женский»" in result.errors["sex"]


def test_snils_vectors_on_the_card() -> None:
    assert validate_member(card(snils="11223344595"), today=TODAY).ok
    result = validate_member(card(snils="112-233-445 96"), today=TODAY)
    assert result.errors == {"snils": "Неверная контрольная сумма"}
    assert str(ValidationError(result)) == "Поле «СНИЛС»: неверная контрольная сумма"


def test_snils_wrong_length_and_optional() -> None:
    result = validate_member(card(snils="112-233-445"), today=TODAY)
    assert "11 цифр" in result.errors["snils"]
    assert validate_member(card(snils=None), today=TODAY).ok
    assert validate_member(card(snils=""), today=TODAY).ok


# ---------------------------------------------------------------------------- membership dates
def test_member_since_not_before_14th_birthday() -> None:
    ok = validate_member(card(member_since=date(1999, 4, 20)), today=TODAY)
    assert ok.ok
    result = validate_member(card(member_since=date(1999, 4, 19)), today=TODAY)
    assert "не раньше 14 лет (с 20.04.1999)" in result.errors["member_since"]


def test_member_since_leap_day_birthday() -> None:
    values = card(birth_date=date(2000, 2, 29), member_since=date(2014, 2, 28))
    assert validate_member(values, today=TODAY).ok


def test_member_since_and_registered_on_not_in_future() -> None:
    result = validate_member(
        card(member_since=date(2025, 7, 1), registered_on=date(2025, 7, 1)), today=TODAY
    )
    assert result.errors["member_since"] == "Дата не может быть в будущем"
    assert result.errors["registered_on"] == "Дата не может быть в будущем"


def test_registered_on_not_before_member_since() -> None:
    result = validate_member(card(registered_on=date(2008, 8, 31)), today=TODAY)
    assert "раньше даты вступления" in result.errors["registered_on"]
    assert validate_member(card(registered_on=date(2008, 9, 1)), today=TODAY).ok


def test_category_and_method_codes() -> None:
    result = validate_member(card(category="retired", registration_method="mail"), today=TODAY)
    assert "«retired»" in result.errors["category"]
    assert "«mail»" in result.errors["registration_method"]


# ---------------------------------------------------------------------------- status, removal
def test_removed_member_needs_date_and_reason() -> None:
    result = validate_member(card(status="removed"), today=TODAY)
    assert result.errors["removed_on"] == "Укажите дату снятия с учёта"
    assert result.errors["removal_reason"] == "Укажите причину снятия с учёта"
    ok = validate_member(
        card(status="removed", removed_on=date(2024, 5, 31), removal_reason="voluntary"),
        today=TODAY,
    )
    assert ok.ok


def test_removal_date_rules() -> None:
    future = validate_member(
        card(status="removed", removed_on=date(2025, 7, 1), removal_reason="voluntary"),
        today=TODAY,
    )
    assert future.errors["removed_on"] == "Дата не может быть в будущем"
    early = validate_member(
        card(status="removed", removed_on=date(2015, 8, 31), removal_reason="voluntary"),
        today=TODAY,
    )
    assert "раньше даты постановки" in early.errors["removed_on"]


def test_removal_data_on_active_member_is_a_warning() -> None:
    result = validate_member(
        card(removed_on=date(2024, 5, 31), removal_reason="voluntary"), today=TODAY
    )
    assert result.ok
    assert set(result.warnings) == {"removed_on", "removal_reason"}


def test_unknown_status() -> None:
    assert "status" in validate_member(card(status="gone"), today=TODAY).errors
    assert validate_member(card(status=None), today=TODAY).ok


# ---------------------------------------------------------------------------- category rules
def test_working_member_needs_workplace_and_position() -> None:
    values = card(workplace="", position_code=None, position_text=None)
    assert missing_member_fields(values) == ["workplace", POSITION]
    assert not is_member_complete(values)


def test_position_may_be_code_or_text() -> None:
    assert is_member_complete(card(position_code=None, position_text="Завхоз"))
    assert is_member_complete(card(position_code="teacher", position_text=None))


def test_student_requirements() -> None:
    assert validate_member(student(), today=TODAY).ok
    assert is_member_complete(student())
    values = student(workplace=None, study_level=None, study_course=None, study_form=None)
    assert missing_member_fields(values) == ["workplace", "study_level", "study_course"]
    assert POSITION not in required_member_fields(values)


@pytest.mark.parametrize("category", ["pensioner", "unemployed"])
def test_non_working_members_need_no_workplace(category: str) -> None:
    values = card(category=category, workplace=None, position_code=None, position_text=None)
    assert is_member_complete(values)
    assert "workplace" not in required_member_fields(values)


@pytest.mark.parametrize("category", [None, "", "bogus"])
def test_unknown_category_uses_working_requirements(category: str | None) -> None:
    required = required_member_fields(card(category=category))
    assert "workplace" in required
    assert POSITION in required


def test_education_and_dues_always_required() -> None:
    for category in ("working", "student", "pensioner", "unemployed"):
        required = required_member_fields({"category": category})
        assert required[-2:] == ["education_level", "dues_form"]


@pytest.mark.parametrize(
    ("course", "ok"),
    [
        (1, True),
        (6, True),
        ("3", True),
        (2.0, True),
        (0, False),
        (7, False),
        ("третий", False),
        (2.5, False),
        (True, False),
    ],
)
def test_study_course(course: object, ok: bool) -> None:
    result = validate_member(student(study_course=course), today=TODAY)
    assert result.ok is ok
    if not ok:
        assert "study_course" in result.errors


def test_study_codes() -> None:
    result = validate_member(student(study_level="bachelor", study_form="evening"), today=TODAY)
    assert set(result.errors) == {"study_level", "study_form"}


def test_zero_course_is_filled_but_wrong() -> None:
    values = student(study_course=0)
    assert "study_course" not in missing_member_fields(values)
    assert validate_member(values, today=TODAY).errors["study_course"] == (
        "Ожидается число от 1 до 6"
    )


# ---------------------------------------------------------------------------- contacts
@pytest.mark.parametrize("phone", ["+79123456789", "8 912 345 67 89", "9123456789", None, ""])
def test_good_phones(phone: str | None) -> None:
    assert validate_member(card(phone=phone), today=TODAY).ok


@pytest.mark.parametrize("phone", ["12345", "+44 20 7946 0958", "тел. 89123456789",
                                   "+7 701 234 56 78", "+7 512 345 67 89", "8 (612) 345-67-89"])
def test_bad_phones(phone: str) -> None:
    assert "phone" in validate_member(card(phone=phone), today=TODAY).errors


@pytest.mark.parametrize("phone", ["+7 701 234 56 78", "+7 (512) 345-67-89"])
def test_phone_outside_russian_ranges_says_which_are_accepted(phone: str) -> None:
    message = validate_member(card(phone=phone), today=TODAY).errors["phone"]
    assert "российские" in message and "3, 4, 8 или 9" in message


@pytest.mark.parametrize("snils", ["000-000-000 00", "00000000000"])
def test_all_zero_snils_is_refused(snils: str) -> None:
    assert validate_member(card(snils=snils), today=TODAY).errors["snils"] == (
        "СНИЛС не может состоять из одних нулей")


@pytest.mark.parametrize(
    "email", ["anna@mail.ru", " Anna.Petrova@MAIL.RU ", "anna@почта.рф", "a+b@school5.ru", None]
)
def test_good_emails(email: str | None) -> None:
    assert validate_member(card(email=email), today=TODAY).ok


@pytest.mark.parametrize(
    "email", ["anna", "anna@", "anna@mail", "anna@@mail.ru", "an na@mail.ru", "anna@mail.ru."]
)
def test_bad_emails(email: str) -> None:
    result = validate_member(card(email=email), today=TODAY)
    assert result.errors["email"].startswith("Неверный адрес электронной почты")


@pytest.mark.parametrize("email", ["анна@mail.ru", "анна@почта.рф", "annaя@mail.ru", "Иванов.И@school5.ru"])
def test_cyrillic_local_part_is_refused(email: str) -> None:
    message = validate_member(card(email=email), today=TODAY).errors["email"]
    assert "латинскими" in message and "кириллица" in message


# ---------------------------------------------------------------------------- misc
def test_today_defaults_to_the_real_date() -> None:
    assert validate_member(card(birth_date=date(2999, 1, 1))).errors["birth_date"]
    assert validate_member(card()).ok


def test_errors_come_in_form_order() -> None:
    result = validate_member(
        card(last_name="X", birth_date=date(2999, 1, 1), snils="1", email="x"), today=TODAY
    )
    assert list(result.errors) == ["last_name", "birth_date", "snils", "email"]

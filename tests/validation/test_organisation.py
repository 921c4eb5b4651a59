"""Passport validation and per-tab completeness."""

from datetime import date
from typing import Any

import pytest

from chairclient.validation import (
    PASSPORT_TABS,
    REQUIRED_BY_TAB,
    is_passport_complete,
    missing_passport_fields,
    required_passport_fields,
    tab_completeness,
    validate_passport,
)

TODAY = date(2025, 6, 15)


def passport(**changes: Any) -> dict[str, Any]:
    """A complete, valid passport with ``changes`` applied."""
    values: dict[str, Any] = {
        "code": "72-0001-005",
        "full_name": "Первичная профсоюзная организация МАОУ СОШ № 5 г. Тюмени",
        "short_name": "ППО СОШ № 5",
        "kind": "workers",
        "employer_type": "school",
        "founded_on": date(1995, 3, 1),
        "is_legal_entity": True,
        "inn": "7707083893",
        "kpp": "770701001",
        "ogrn": "1027700132195",
        "employer_full_name": "МАОУ СОШ № 5 города Тюмени",
        "employer_inn": "7707083893",
        "employer_kpp": "770701001",
        "employer_ogrn": "1027700132195",
        "employer_address": "г. Тюмень, ул. Мира, д. 5",
        "employer_head_name": "Сидоров Пётр Ильич",
        "employer_head_position": "Директор",
        "chair_name": "Иванова Анна Сергеевна",
        "chair_elected_on": date(2022, 3, 10),
        "chair_term_until": date(2027, 3, 10),
        "chair_released": False,
        "chair_phone": "+7 912 345-67-89",
        "chair_email": "chair@school5.ru",
        "deputy_name": "Петров Иван",
        "committee_count": 7,
        "revision_count": 3,
        "safety_reps_count": 0,
        "staff_as_of": date(2025, 1, 1),
        "employees_total": 80,
        "employees_women": 70,
        "employees_youth": 15,
        "employees_pedagogical": 55,
        "students_total": None,
        "postal_index": "625000",
        "address": "г. Тюмень, ул. Мира, д. 5",
        "phone": "8 (3452) 12-34-56",
        "email": "school5@mail.ru",
        "website": "https://school5.ru",
        "collective_agreement": True,
        "agreement_concluded_on": date(2023, 1, 15),
        "agreement_valid_until": date(2026, 1, 14),
        "pd_operator_name": "Тюменская областная организация Профсоюза",
        "pd_operator_address": "г. Тюмень, ул. Республики, д. 1",
    }
    values.update(changes)
    return values


def test_complete_valid_passport() -> None:
    result = validate_passport(passport(), today=TODAY)
    assert result.errors == {}
    assert result.warnings == {}
    assert result.missing == []
    assert is_passport_complete(passport())


def test_tabs_cover_every_field_once() -> None:
    fields = [name for tab in PASSPORT_TABS.values() for name in tab]
    assert len(fields) == len(set(fields))
    assert set(fields) == set(passport())
    assert list(PASSPORT_TABS) == [
        "inpo",
        "employer",
        "leadership",
        "staff",
        "contacts",
        "partnership",
        "pd_operator",
    ]
    for tab, required in REQUIRED_BY_TAB.items():
        assert set(required) <= set(PASSPORT_TABS[tab])


def test_empty_passport() -> None:
    result = validate_passport({}, today=TODAY)
    assert result.ok
    assert result.missing == [
        "full_name",
        "short_name",
        "kind",
        "employer_type",
        "employer_full_name",
        "employer_inn",
        "chair_name",
        "chair_elected_on",
        "employees_total",
    ]
    assert tab_completeness({}) == {
        "inpo": (0, 4),
        "employer": (0, 2),
        "leadership": (0, 2),
        "staff": (0, 1),
        "contacts": (0, 0),
        "partnership": (0, 0),
        "pd_operator": (0, 0),
    }


def test_tab_completeness_counts_false_and_zero_as_filled() -> None:
    values = {
        "full_name": "ППО",
        "kind": "workers",
        "employees_total": 0,
        "is_legal_entity": False,
        "collective_agreement": False,
    }
    completeness = tab_completeness(values)
    assert completeness["inpo"] == (2, 4)
    assert completeness["staff"] == (1, 1)
    assert completeness["partnership"] == (0, 0)


def test_full_passport_completeness() -> None:
    assert tab_completeness(passport()) == {
        "inpo": (6, 6),
        "employer": (2, 2),
        "leadership": (2, 2),
        "staff": (1, 1),
        "contacts": (0, 0),
        "partnership": (2, 2),
        "pd_operator": (0, 0),
    }


# ---------------------------------------------------------------------------- conditionals
def test_legal_entity_needs_inn_and_ogrn() -> None:
    values = passport(inn=None, ogrn="", kpp=None)
    assert missing_passport_fields(values) == ["inn", "ogrn"]
    assert tab_completeness(values)["inpo"] == (4, 6)
    not_legal = passport(is_legal_entity=False, inn=None, ogrn=None, kpp=None)
    assert is_passport_complete(not_legal)
    assert validate_passport(not_legal, today=TODAY).ok


def test_student_organisation_needs_students_total() -> None:
    assert required_passport_fields({"kind": "students"})["staff"] == ["students_total"]
    assert required_passport_fields({"kind": "combined"})["staff"] == [
        "employees_total",
        "students_total",
    ]
    assert required_passport_fields({"kind": "workers"})["staff"] == ["employees_total"]
    values = passport(
        kind="students",
        employees_total=None,
        employees_women=None,
        employees_youth=None,
        employees_pedagogical=None,
        students_total=1200,
    )
    assert is_passport_complete(values)
    assert validate_passport(values, today=TODAY).ok


def test_collective_agreement_needs_dates() -> None:
    values = passport(agreement_concluded_on=None, agreement_valid_until=None)
    assert missing_passport_fields(values) == ["agreement_concluded_on", "agreement_valid_until"]
    assert is_passport_complete(
        passport(
            collective_agreement=False, agreement_concluded_on=None, agreement_valid_until=None
        )
    )


def test_required_by_tab_is_not_mutated() -> None:
    before = {tab: list(fields) for tab, fields in REQUIRED_BY_TAB.items()}
    required_passport_fields(passport(kind="combined"))
    assert before == REQUIRED_BY_TAB


# ---------------------------------------------------------------------------- identifiers
@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"inn": "7707083894"}, "inn", "Неверная контрольная сумма"),
        ({"inn": "500100732259"}, "inn", "10 цифр"),  # a person's ИНН is not a ППО's
        ({"inn": "77070838"}, "inn", "10 цифр"),
        ({"inn": "77O7083893"}, "inn", "10 цифр"),
        ({"inn": "0000000000"}, "inn", "одних нулей"),
        ({"employer_inn": "000000000000"}, "employer_inn", "одних нулей"),
        ({"kpp": "7707ab001"}, "kpp", "КПП — 9 знаков"),
        ({"ogrn": "1022500001328"}, "ogrn", "Неверная контрольная сумма"),
        ({"ogrn": "304500116000157"}, "ogrn", "13 цифр"),
        ({"employer_inn": "500100732258"}, "employer_inn", "Неверная контрольная сумма"),
        ({"employer_inn": "12345"}, "employer_inn", "10 или 12 цифр"),
        ({"employer_kpp": "77070100"}, "employer_kpp", "КПП"),
        ({"employer_ogrn": "304500116000158"}, "employer_ogrn", "Неверная контрольная сумма"),
        ({"employer_ogrn": "10277001321"}, "employer_ogrn", "13 или 15 цифр"),
    ],
)
def test_bad_identifiers(changes: dict[str, Any], field: str, fragment: str) -> None:
    result = validate_passport(passport(**changes), today=TODAY)
    assert fragment in result.errors[field]


def test_identifiers_checked_even_when_not_legal_entity() -> None:
    result = validate_passport(passport(is_legal_entity=False, inn="7707083894"), today=TODAY)
    assert "inn" in result.errors


def test_identifiers_with_spaces_are_accepted() -> None:
    assert validate_passport(passport(inn="7707 083 893", ogrn="1 02 77 00132195"), today=TODAY).ok


def test_entrepreneur_employer() -> None:
    ip = passport(employer_inn="500100732259", employer_kpp=None, employer_ogrn="304500116000157")
    result = validate_passport(ip, today=TODAY)
    assert result.ok
    assert result.warnings == {}
    with_kpp = validate_passport(
        passport(employer_inn="500100732259", employer_ogrn="304500116000157"), today=TODAY
    )
    assert "нет КПП" in with_kpp.warnings["employer_kpp"]
    mismatch = validate_passport(passport(employer_ogrn="304500116000157"), today=TODAY)
    assert mismatch.ok
    assert "не соответствуют" in mismatch.warnings["employer_ogrn"]


# ---------------------------------------------------------------------------- ИНПО, leadership
def test_kind_and_flags() -> None:
    result = validate_passport(
        passport(kind="mixed", is_legal_entity="да", chair_released=1), today=TODAY
    )
    assert "«mixed»" in result.errors["kind"]
    assert result.errors["is_legal_entity"] == "Ожидается «да» или «нет»"
    assert "chair_released" in result.errors


def test_founded_on_not_in_future() -> None:
    result = validate_passport(passport(founded_on=date(2030, 1, 1)), today=TODAY)
    assert result.errors["founded_on"] == "Дата не может быть в будущем"


def test_chair_term() -> None:
    five_years = passport(chair_elected_on=date(2024, 2, 29), chair_term_until=date(2029, 2, 28))
    assert validate_passport(five_years, today=TODAY).ok
    too_long = validate_passport(passport(chair_term_until=date(2027, 3, 11)), today=TODAY)
    assert "не более 5 лет" in too_long.errors["chair_term_until"]
    before = validate_passport(passport(chair_term_until=date(2022, 3, 10)), today=TODAY)
    assert "после даты избрания" in before.errors["chair_term_until"]
    future_election = validate_passport(passport(chair_elected_on=date(2025, 7, 1)), today=TODAY)
    assert future_election.errors["chair_elected_on"] == "Дата не может быть в будущем"


def test_expired_chair_term_is_a_warning() -> None:
    result = validate_passport(
        passport(chair_elected_on=date(2019, 3, 10), chair_term_until=date(2024, 3, 10)),
        today=TODAY,
    )
    assert result.ok
    assert result.warnings["chair_term_until"] == "Срок полномочий председателя истёк"


def test_chair_contacts_and_names() -> None:
    result = validate_passport(
        passport(
            chair_phone="123",
            chair_email="chair@",
            chair_name="Ivanova A.",
            deputy_name="Петров И.",
            employer_head_name="Sidorov",
        ),
        today=TODAY,
    )
    assert set(result.errors) == {
        "chair_phone",
        "chair_email",
        "chair_name",
        "deputy_name",
        "employer_head_name",
    }


@pytest.mark.parametrize("field", ["committee_count", "revision_count", "safety_reps_count"])
def test_counts_are_non_negative_ints(field: str) -> None:
    assert validate_passport(passport(**{field: 0}), today=TODAY).ok
    assert validate_passport(passport(**{field: "4"}), today=TODAY).ok
    negative = validate_passport(passport(**{field: -1}), today=TODAY)
    assert negative.errors[field] == "Не может быть отрицательным"
    assert validate_passport(passport(**{field: "семь"}), today=TODAY).errors[field] == (
        "Ожидается целое число"
    )


# ---------------------------------------------------------------------------- staff
@pytest.mark.parametrize("field", ["employees_women", "employees_youth", "employees_pedagogical"])
def test_staff_parts_not_above_total(field: str) -> None:
    assert validate_passport(passport(**{field: 80}), today=TODAY).ok
    result = validate_passport(passport(**{field: 81}), today=TODAY)
    assert result.errors[field] == "Не может быть больше общего числа работающих (80)"


def test_staff_numbers() -> None:
    result = validate_passport(passport(employees_total=-3, students_total=-1), today=TODAY)
    assert set(result.errors) == {"employees_total", "students_total"}
    future = validate_passport(passport(staff_as_of=date(2026, 1, 1)), today=TODAY)
    assert future.ok
    assert "staff_as_of" in future.warnings


# ---------------------------------------------------------------------------- contacts
@pytest.mark.parametrize("index", ["625000", "101000", 625000, "699999"])
def test_good_postal_index(index: object) -> None:
    assert validate_passport(passport(postal_index=index), today=TODAY).ok


@pytest.mark.parametrize("index", ["025000", "725000", "62500", "6250000", "62500A"])
def test_bad_postal_index(index: str) -> None:
    assert "postal_index" in validate_passport(passport(postal_index=index), today=TODAY).errors


@pytest.mark.parametrize(
    "site",
    [
        "school5.ru",
        "http://school5.ru",
        "https://www.school5.ru/about?x=1",
        "школа5.рф",
        "sch5.tmn.eduru.ru:8080/",
    ],
)
def test_good_websites(site: str) -> None:
    assert validate_passport(passport(website=site), today=TODAY).ok


@pytest.mark.parametrize("site", ["school5", "http://", "school 5.ru", "-school.ru", "ftp://a.ru"])
def test_bad_websites(site: str) -> None:
    assert "website" in validate_passport(passport(website=site), today=TODAY).errors


def test_organisation_contacts() -> None:
    result = validate_passport(passport(phone="+1 555 0100", email="school5"), today=TODAY)
    assert set(result.errors) == {"phone", "email"}


# ---------------------------------------------------------------------------- partnership
def test_agreement_dates() -> None:
    bad = validate_passport(passport(agreement_valid_until=date(2023, 1, 15)), today=TODAY)
    assert "после даты заключения" in bad.errors["agreement_valid_until"]
    future = validate_passport(passport(agreement_concluded_on=date(2025, 7, 1)), today=TODAY)
    assert "agreement_concluded_on" in future.errors
    expired = validate_passport(passport(agreement_valid_until=date(2025, 1, 14)), today=TODAY)
    assert expired.ok
    assert "истёк" in expired.warnings["agreement_valid_until"]


def test_dates_as_text() -> None:
    result = validate_passport(
        passport(chair_elected_on="10.03.2022", chair_term_until="2027-03-10"), today=TODAY
    )
    assert result.ok
    garbage = validate_passport(passport(founded_on="давно"), today=TODAY)
    assert "ДД.ММ.ГГГГ" in garbage.errors["founded_on"]

"""ValidationResult, ValidationError and field labels."""

import pickle

import pytest

from chairclient.validation import (
    FIELD_LABELS,
    MEMBER_FIELD_LABELS,
    PASSPORT_FIELD_LABELS,
    PASSPORT_TABS,
    TAB_LABELS,
    ValidationError,
    ValidationResult,
    field_label,
    field_message,
)


def test_empty_result_is_ok_and_complete() -> None:
    result = ValidationResult()
    assert result.ok
    assert result.complete
    assert result.messages() == []
    assert result.missing_message() == ""
    result.raise_if_errors()  # does not raise


def test_warnings_and_missing_do_not_spoil_ok() -> None:
    result = ValidationResult(warnings={"birth_date": "Проверьте"}, missing=["sex"])
    assert result.ok
    assert not result.complete


def test_first_message_per_field_wins() -> None:
    result = ValidationResult()
    result.add_error("snils", "Первая")
    result.add_error("snils", "Вторая")
    result.add_missing("sex")
    result.add_missing("sex")
    assert result.errors == {"snils": "Первая"}
    assert result.missing == ["sex"]


def test_merge_in_place() -> None:
    first = ValidationResult(errors={"snils": "A"}, warnings={"phone": "W"}, missing=["sex"])
    second = ValidationResult(
        errors={"snils": "B", "email": "C"}, warnings={"email": "W2"}, missing=["sex", "category"]
    )
    merged = first.merge(second)
    assert merged is first
    assert first.errors == {"snils": "A", "email": "C"}
    assert first.warnings == {"phone": "W", "email": "W2"}
    assert first.missing == ["sex", "category"]
    assert second.errors == {"snils": "B", "email": "C"}  # the other one is untouched


def test_validation_error_text() -> None:
    result = ValidationResult(
        errors={
            "last_name": "Допустимы только русские буквы, пробел, дефис и апостроф",
            "snils": "СНИЛС должен содержать 11 цифр",
        },
        missing=["sex", "dues_form"],
    )
    with pytest.raises(ValidationError) as excinfo:
        result.raise_if_errors()
    assert excinfo.value.result is result
    assert str(excinfo.value).splitlines() == [
        "Поле «Фамилия»: допустимы только русские буквы, пробел, дефис и апостроф",
        "Поле «СНИЛС»: СНИЛС должен содержать 11 цифр",
        "Не заполнены обязательные поля: «Пол», «Форма уплаты взносов»",
    ]


def test_validation_error_with_nothing_inside() -> None:
    assert str(ValidationError(ValidationResult())) == "Данные не прошли проверку"


def test_validation_error_pickles() -> None:
    error = ValidationError(ValidationResult(errors={"sex": "Плохо"}))
    copy = pickle.loads(pickle.dumps(error))
    assert copy.result == error.result
    assert str(copy) == "Поле «Пол»: плохо"


def test_warning_messages() -> None:
    result = ValidationResult(warnings={"birth_date": "Возраст больше 100 лет — проверьте дату"})
    assert result.warning_messages() == [
        "Поле «Дата рождения»: возраст больше 100 лет — проверьте дату"
    ]


def test_field_message_keeps_abbreviations() -> None:
    assert field_message("inn", "ИНН должен содержать 10 цифр") == (
        "Поле «ИНН»: ИНН должен содержать 10 цифр"
    )
    assert field_message("snils", "Неверная контрольная сумма") == (
        "Поле «СНИЛС»: неверная контрольная сумма"
    )
    assert field_message("unknown_field", "X") == "Поле «unknown_field»: X"
    assert field_label("unknown_field") == "unknown_field"


def test_every_passport_field_has_a_label() -> None:
    for fields in PASSPORT_TABS.values():
        for name in fields:
            assert name in PASSPORT_FIELD_LABELS
    assert set(TAB_LABELS) == set(PASSPORT_TABS)


def test_shared_field_names_mean_the_same() -> None:
    for name in set(MEMBER_FIELD_LABELS) & set(PASSPORT_FIELD_LABELS):
        assert MEMBER_FIELD_LABELS[name] == PASSPORT_FIELD_LABELS[name]
    assert FIELD_LABELS.keys() == MEMBER_FIELD_LABELS.keys() | PASSPORT_FIELD_LABELS.keys()


def test_labels_are_russian_and_unique_per_form() -> None:
    for labels in (MEMBER_FIELD_LABELS, PASSPORT_FIELD_LABELS):
        assert len(set(labels.values())) == len(labels)
        for label in labels.values():
            assert label
            assert any("а" <= ch.lower() <= "я" for ch in label)

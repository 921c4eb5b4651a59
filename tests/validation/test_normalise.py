"""Normalisation of phones, СНИЛС, names, e-mails and dates."""

from datetime import date, datetime

import pytest

from chairclient.validation import (
    digits_only,
    normalise_email,
    normalise_name,
    normalise_phone,
    normalise_snils,
    parse_date,
)


# ---------------------------------------------------------------------------- digits
def test_digits_only() -> None:
    assert digits_only("+7 (912) 345-67-89") == "79123456789"
    assert digits_only(None) == ""
    assert digits_only(12345) == "12345"
    assert digits_only("abc") == ""
    assert digits_only("١٢٣") == ""  # only ASCII digits count


# ---------------------------------------------------------------------------- phone
@pytest.mark.parametrize(
    "text",
    [
        "+79123456789",
        "+7 (912) 345-67-89",
        "+7(912)345-67-89",
        "8 (912) 345-67-89",
        "89123456789",
        "79123456789",
        "7 912 345 67 89",
        "9123456789",
        "912-345-67-89",
        "  8-912-345-67-89  ",
        "8.912.345.67.89",
        "8\u00a0912\u00a0345\u00a067\u00a089",
        "8 (912) 345–67–89",
        89123456789,
        89123456789.0,
    ],
)
def test_phone_forms(text: str) -> None:
    assert normalise_phone(text) == "+79123456789"


def test_phone_landline_codes() -> None:
    assert normalise_phone("8 (3452) 12-34-56") == "+73452123456"
    assert normalise_phone("8123456789") == "+78123456789"  # Санкт-Петербург, 812
    assert normalise_phone("88123456789") == "+78123456789"
    assert normalise_phone("+7 (495) 123-45-67") == "+74951234567"
    assert normalise_phone("8-800-555-35-35") == "+78005553535"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "не указан"),
        ("   ", "не указан"),
        ("12345", "цифр в номере: 5"),
        ("891234567890", "цифр в номере: 12"),
        ("+89123456789", "+7 и 10 цифр"),
        ("+44 20 7946 0958", "+7 и 10 цифр"),
        ("69123456789", "цифр в номере: 11"),
        ("тел. 89123456789", "только цифры"),
        ("8 912 345 67 89 доб. 12", "только цифры"),
        ("8 912 345-67-8x", "только цифры"),
        ("8 912 345 67 89, 8 913 345 67 89", "только цифры"),
        ("7+9123456789", "только цифры"),
        ("8 (012) 345-67-89", "начинается с 3, 4, 8 или 9"),
        ("+7 123 456 78 90", "начинается с 3, 4, 8 или 9"),
        ("+7 212 345 67 89", "начинается с 3, 4, 8 или 9"),
        ("+7 512 345 67 89", "начинается с 3, 4, 8 или 9"),
        ("+7 701 234 56 78", "начинается с 3, 4, 8 или 9"),  # Kazakhstan's mobile range
        ("8 (727) 234-56-78", "начинается с 3, 4, 8 или 9"),  # Almaty
        ("+7 612 345 67 89", "начинается с 3, 4, 8 или 9"),
        ("+7 (495) 123-45-67 ", None),
    ],
)
def test_phone_rejected(text: str, fragment: str | None) -> None:
    if fragment is None:  # the control case: a Moscow number with a trailing space passes
        assert normalise_phone(text) == "+74951234567"
        return
    with pytest.raises(ValueError) as excinfo:
        normalise_phone(text)
    assert fragment in str(excinfo.value)


# ---------------------------------------------------------------------------- СНИЛС
@pytest.mark.parametrize(
    "text",
    ["11223344595", "112-233-445 95", "112 233 445 95", "112-233-445-95", " 112233 44595 "],
)
def test_snils_formatting(text: str) -> None:
    assert normalise_snils(text) == "112-233-445 95"


def test_snils_from_spreadsheet_number_keeps_leading_zeros() -> None:
    assert normalise_snils(1001998_00) == "001-001-998 00"
    assert normalise_snils(11223344595) == "112-233-445 95"
    assert normalise_snils(11223344595.0) == "112-233-445 95"


def test_snils_is_formatted_without_checking_the_sum() -> None:
    assert normalise_snils("11223344596") == "112-233-445 96"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "не указан"),
        ("1122334459", "11 цифр (указано: 10)"),
        ("112233445955", "11 цифр"),
        ("112-233-445 9a", "только цифры"),
        ("112/233/445/95", "только цифры"),
        (10**11, "11 цифр"),
        (-1, "11 цифр"),
    ],
)
def test_snils_rejected(text: object, fragment: str) -> None:
    with pytest.raises(ValueError) as excinfo:
        normalise_snils(text)  # type: ignore[arg-type]
    assert fragment in str(excinfo.value)


# ---------------------------------------------------------------------------- names
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("иванова-петрова", "Иванова-Петрова"),
        ("  ИВАНОВ  ", "Иванов"),
        ("анна   мария", "Анна Мария"),
        ("иванова - петрова", "Иванова-Петрова"),
        ("иванова–петрова", "Иванова-Петрова"),
        ("ёлкин", "Ёлкин"),
        ("д’артаньян", "Д'артаньян"),
        ("гусейн оглы", "Гусейн оглы"),
        ("ГУСЕЙН КЫЗЫ", "Гусейн кызы"),
        ("оглы", "Оглы"),
        ("", ""),
        (None, ""),
    ],
)
def test_normalise_name(text: str | None, expected: str) -> None:
    assert normalise_name(text) == expected


def test_normalise_name_is_idempotent() -> None:
    once = normalise_name("  мамедов-ЗАДЕ  гусейн  ")
    assert once == "Мамедов-Заде Гусейн"
    assert normalise_name(once) == once


# ---------------------------------------------------------------------------- e-mail
def test_normalise_email() -> None:
    assert normalise_email("  Ivan.Petrov@MAIL.RU ") == "Ivan.Petrov@mail.ru"
    assert normalise_email("Иван@ПОЧТА.РФ") == "Иван@почта.рф"
    assert normalise_email("no-at-sign") == "no-at-sign"
    assert normalise_email(None) == ""


# ---------------------------------------------------------------------------- dates
@pytest.mark.parametrize(
    "value",
    [
        "05.03.2024",
        "5.3.2024",
        "05/03/2024",
        "5/3/2024",
        "05-03-2024",
        "2024-03-05",
        "2024-3-5",
        " 05.03.2024 ",
        "05.03.2024 г.",
        "05.03.2024г",
        "05.03.2024 0:00:00",
        "2024-03-05T00:00:00",
        "2024-03-05 13:45",
        date(2024, 3, 5),
        datetime(2024, 3, 5, 13, 45),
        45356,
        45356.0,
        45356.75,
    ],
)
def test_parse_date_forms(value: object) -> None:
    assert parse_date(value) == date(2024, 3, 5)  # type: ignore[arg-type]


def test_parse_date_returns_plain_date_for_datetime() -> None:
    parsed = parse_date(datetime(2024, 3, 5, 13, 45))
    assert type(parsed) is date


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (1, date(1900, 1, 1)),
        (59, date(1900, 2, 28)),
        (61, date(1900, 3, 1)),
        (25569, date(1970, 1, 1)),
        (36526, date(2000, 1, 1)),
        (45658, date(2025, 1, 1)),
        (2958465, date(9999, 12, 31)),
    ],
)
def test_parse_date_excel_serials(serial: int, expected: date) -> None:
    assert parse_date(serial) == expected


def test_parse_date_excel_serials_agree_with_openpyxl() -> None:
    from_excel = pytest.importorskip("openpyxl.utils.datetime").from_excel
    for serial in (1, 30, 59, 61, 100, 25569, 40000, 45658, 60000):
        assert parse_date(serial) == from_excel(serial).date()


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("", "не указана"),
        ("31.02.2024", "«31.02.2024» не существует"),
        ("29.02.2023", "не существует"),
        ("2024-13-01", "не существует"),
        ("05.03.24", "ДД.ММ.ГГГГ"),
        ("05.03/2024", "ДД.ММ.ГГГГ"),
        ("5 марта 2024", "ДД.ММ.ГГГГ"),
        ("завтра", "ДД.ММ.ГГГГ"),
        ("05.03.2024 и 06.03.2024", "ДД.ММ.ГГГГ"),
        (60, "29.02.1900"),
        (0, "не похоже на дату"),
        (-5, "не похоже на дату"),
        (3_000_000, "не похоже на дату"),
        (float("nan"), "не похоже на дату"),
        (float("inf"), "не похоже на дату"),
        (True, "Ожидается дата"),
        (None, "Ожидается дата"),
        ([2024, 3, 5], "Ожидается дата"),
    ],
)
def test_parse_date_rejected(value: object, fragment: str) -> None:
    with pytest.raises(ValueError) as excinfo:
        parse_date(value)  # type: ignore[arg-type]
    assert fragment in str(excinfo.value)

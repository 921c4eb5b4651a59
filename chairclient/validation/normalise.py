"""Bring user-typed or imported values into the one form the database keeps.

Every ``normalise_*``/``parse_*`` function that can fail raises ``ValueError`` whose message is a
Russian sentence fit to show the user as is.
"""

import math
import re
from datetime import date, datetime, timedelta

_NON_DIGITS = re.compile(r"[^0-9]")
_SPACES = re.compile(r"\s+")

# ---------------------------------------------------------------------------- digits


def digits_only(text: str | int | None) -> str:
    """The ASCII digits of ``text`` in order; ``""`` for None."""
    if text is None:
        return ""
    return _NON_DIGITS.sub("", str(text))


def _integral(value: object) -> int | None:
    """An int for an int or an integral float (as Excel hands numbers over), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


# ---------------------------------------------------------------------------- phone

_PHONE_CHARS = re.compile(r"\+?[0-9\s()\-–.]+")
_PHONE_HINT = "Ожидается российский номер: +7 и 10 цифр, например +7 912 345-67-89"
#: First digits of the Russian area and operator codes after +7 (3xx, 4xx, 8xx, 9xx); +7 6xx
#: and +7 7xx are Kazakhstan's, +7 0xx, 1xx, 2xx and 5xx are not issued.
RUSSIAN_AREA_STARTS = "3489"
_AREA_HINT = ("Принимаются только российские номера: код города или оператора после +7 "
              "начинается с 3, 4, 8 или 9")


def normalise_phone(text: str | int) -> str:
    """A Russian phone number as ``+7XXXXXXXXXX``.

    Accepts ``8XXXXXXXXXX``, ``7XXXXXXXXXX``, ``+7 (XXX) XXX-XX-XX``, ten digits without a prefix,
    with any spaces, dashes, dots and brackets. Written by hand rather than with
    ``phonenumbers``: that library quietly drops letters and words ("тел.", "доб. 12") and
    accepts foreign numbers, and all we need is the fixed +7 + 10 digits shape.
    """
    number = _integral(text)
    raw = str(number) if number is not None else str(text or "").strip()
    if not raw:
        raise ValueError("Номер телефона не указан")
    if not _PHONE_CHARS.fullmatch(raw):
        raise ValueError(
            "Номер телефона может содержать только цифры, пробелы, дефисы, скобки и знак «+» "
            "в начале"
        )
    digits = digits_only(raw)
    if raw.startswith("+"):
        if len(digits) != 11 or digits[0] != "7":
            raise ValueError(_PHONE_HINT)
        national = digits[1:]
    elif len(digits) == 11 and digits[0] in "78":
        national = digits[1:]
    elif len(digits) == 10:
        national = digits
    else:
        raise ValueError(f"{_PHONE_HINT} (цифр в номере: {len(digits)})")
    if national[0] not in RUSSIAN_AREA_STARTS:
        raise ValueError(_AREA_HINT)
    return "+7" + national


# ---------------------------------------------------------------------------- СНИЛС

_SNILS_CHARS = re.compile(r"[0-9\s\-]+")


def normalise_snils(text: str | int) -> str:
    """A СНИЛС as ``XXX-XXX-XXX YY`` from any spacing; the check sum is not verified here.

    A number (a spreadsheet cell) is padded with the leading zeros Excel dropped.
    """
    number = _integral(text)
    if number is not None:
        if not 0 <= number < 10**11:
            raise ValueError("СНИЛС должен содержать 11 цифр")
        digits = f"{number:011d}"
    else:
        raw = str(text or "").strip()
        if not raw:
            raise ValueError("СНИЛС не указан")
        if not _SNILS_CHARS.fullmatch(raw):
            raise ValueError("СНИЛС может содержать только цифры, пробелы и дефисы")
        digits = digits_only(raw)
        if len(digits) != 11:
            raise ValueError(f"СНИЛС должен содержать 11 цифр (указано: {len(digits)})")
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:9]} {digits[9:]}"


# ---------------------------------------------------------------------------- names

_DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "’": "'", "ʼ": "'"})
_AROUND_HYPHEN = re.compile(r"\s*-\s*")
#: Parts of Turkic patronymics written in lower case: «Мамедов Гусейн оглы».
_LOWER_CASE_WORDS = frozenset({"оглы", "кызы", "гызы", "улы", "уулу"})


def _capitalise(part: str) -> str:
    return part[:1].upper() + part[1:].lower()


def normalise_name(text: str | None) -> str:
    """A surname, first name or patronymic tidied up: «  иванова - петрова » → «Иванова-Петрова».

    Strips, collapses inner spaces, unifies dashes and apostrophes, and capitalises every word
    and every part after a hyphen (the rest in lower case; «оглы»/«кызы» stay lower case).
    """
    if not text:
        return ""
    cleaned = _AROUND_HYPHEN.sub("-", _SPACES.sub(" ", text.translate(_DASHES)).strip())
    words = []
    for i, word in enumerate(cleaned.split(" ")):
        if i > 0 and word.lower() in _LOWER_CASE_WORDS:
            words.append(word.lower())
        else:
            words.append("-".join(_capitalise(part) for part in word.split("-")))
    return " ".join(words)


# ---------------------------------------------------------------------------- e-mail


def normalise_email(text: str | None) -> str:
    """An e-mail address stripped, with the domain in lower case (the local part is kept)."""
    address = (text or "").strip()
    local, at, domain = address.rpartition("@")
    if not at:
        return address
    return f"{local}@{domain.lower()}"


# ---------------------------------------------------------------------------- dates

_TIME = r"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?"
_YEAR_MARK = r"(?:\s*г\.?)?"
_DMY = re.compile(rf"([0-9]{{1,2}})([./-])([0-9]{{1,2}})\2([0-9]{{4}}){_YEAR_MARK}{_TIME}")
_YMD = re.compile(rf"([0-9]{{4}})-([0-9]{{1,2}})-([0-9]{{1,2}}){_TIME}")
_DATE_HINT = "ожидается ДД.ММ.ГГГГ"
#: Day 0 of Excel's 1900 date system for serials from 61 on (Excel thinks 1900 was a leap year).
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_MAX_SERIAL = (date(9999, 12, 31) - _EXCEL_EPOCH).days


def _from_excel_serial(value: int | float) -> date:
    if not math.isfinite(value) or not 1 <= value < _EXCEL_MAX_SERIAL + 1:
        raise ValueError(f"Число {value} не похоже на дату Excel")
    serial = int(value)  # a fraction is the time of day
    if serial == 60:
        raise ValueError("Даты 29.02.1900 не существует (ошибка календаря Excel)")
    if serial < 60:
        return _EXCEL_EPOCH + timedelta(days=serial + 1)
    return _EXCEL_EPOCH + timedelta(days=serial)


def parse_date(value: str | date | datetime | int | float) -> date:
    """A date from text, a ``date``/``datetime``, or an Excel serial number (1900 system).

    Text forms: ``dd.mm.yyyy``, ``d.m.yyyy``, ``dd/mm/yyyy``, ``dd-mm-yyyy`` (always day
    first, as in Russia), ``yyyy-mm-dd``; a trailing «г.» or time of day is ignored.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueError("Ожидается дата")
    if isinstance(value, int | float):
        return _from_excel_serial(value)
    if not isinstance(value, str):
        raise ValueError("Ожидается дата")
    text = value.strip()
    if not text:
        raise ValueError("Дата не указана")
    if match := _DMY.fullmatch(text):
        day, _, month, year = match.groups()
    elif match := _YMD.fullmatch(text):
        year, month, day = match.groups()
    else:
        raise ValueError(f"Не удалось распознать дату «{text}»: {_DATE_HINT}")
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(f"Даты «{text}» не существует") from None

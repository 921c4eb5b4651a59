"""Check digits of Russian identifiers: СНИЛС, ИНН, ОГРН, ОГРНИП and the КПП format.

Every function takes a string, tolerates spaces and hyphens between the digits (so
``"112-233-445 95"`` is fine) and returns ``False`` instead of raising on malformed input.
"""

import re

from stdnum.ru import inn as _stdnum_inn
from stdnum.ru import ogrn as _stdnum_ogrn

#: СНИЛС numbers up to and including 001-001-998 were issued before the check sum existed.
SNILS_UNCHECKED_MAX = 1_001_998

_SEPARATORS = re.compile(r"[\s\-]")
_ASCII_DIGITS = re.compile(r"[0-9]+")
_KPP = re.compile(r"[0-9]{4}[0-9A-Z]{2}[0-9]{3}")


def _compact(value: object, *lengths: int) -> str | None:
    """``value`` without separators if it is ASCII digits of one of ``lengths``, else None."""
    if not isinstance(value, str):
        return None
    digits = _SEPARATORS.sub("", value)
    if len(digits) not in lengths or not _ASCII_DIGITS.fullmatch(digits):
        return None
    return digits


def snils_control(number: str) -> str:
    """The two control digits for the nine-digit number part of a СНИЛС."""
    total = sum(int(digit) * (9 - i) for i, digit in enumerate(number))
    if total < 100:
        control = total
    elif total in (100, 101):
        control = 0
    else:
        control = total % 101
        if control == 100:
            control = 0
    return f"{control:02d}"


def is_all_zeros(value: object) -> bool:
    """``value`` is digits (with separators) that are all zeros: a placeholder, never a number
    anyone was given, although its check digits come out «right» (СНИЛС 000-000-000 00, ИНН
    0000000000)."""
    if not isinstance(value, str):
        return False
    digits = _SEPARATORS.sub("", value)
    return bool(digits) and set(digits) == {"0"}


def is_valid_snils(digits: str) -> bool:
    """True for an 11-digit СНИЛС whose control sum is right (or that is too old to have one);
    never for all zeros."""
    snils = _compact(digits, 11)
    if snils is None or is_all_zeros(snils):
        return False
    number, control = snils[:9], snils[9:]
    if int(number) <= SNILS_UNCHECKED_MAX:
        return True
    return snils_control(number) == control


def is_valid_inn(digits: str) -> bool:
    """True for a 10-digit (organisation) or 12-digit (person) ИНН with correct check digits;
    never for all zeros."""
    inn = _compact(digits, 10, 12)
    return inn is not None and not is_all_zeros(inn) and _stdnum_inn.is_valid(inn)


def is_valid_ogrn(digits: str) -> bool:
    """True for a 13-digit ОГРН of a legal entity with a correct check digit (mod 11)."""
    ogrn = _compact(digits, 13)
    return ogrn is not None and _stdnum_ogrn.is_valid(ogrn)


def is_valid_ogrnip(digits: str) -> bool:
    """True for a 15-digit ОГРНИП with a correct check digit (mod 13, then mod 10).

    Done by hand: ``stdnum.ru.ogrn`` compares the last digit with the bare mod-13 remainder,
    so it rejects real numbers whose remainder is 10, 11 or 12.
    """
    ogrnip = _compact(digits, 15)
    if ogrnip is None or ogrnip[0] not in "34":
        return False
    return int(ogrnip[:14]) % 13 % 10 == int(ogrnip[14])


def is_valid_kpp(value: str) -> bool:
    """True for a КПП: 4 digits, 2 digits or capital Latin letters, 3 digits (``7707AB001``)."""
    return isinstance(value, str) and _KPP.fullmatch(value.strip()) is not None

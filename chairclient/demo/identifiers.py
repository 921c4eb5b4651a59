"""Fictitious but well-formed identifiers: СНИЛС, ИНН, ОГРН, КПП, card and registry numbers.

The random digits come first; the control digits are computed from them, so every number
passes the checks of :mod:`chairclient.validation.checksums`.
"""

from __future__ import annotations

from chairclient.demo.common import REGION_CODE, DemoRandom
from chairclient.domain import card_numbers
from chairclient.validation import snils_control

#: Numbers up to 001-001-998 predate the СНИЛС checksum; demo numbers stay above them.
_SNILS_FIRST = 1_001_999
_SNILS_LAST = 999_999_999
_INN10_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)


def format_snils(number: int) -> str:
    """``XXX-XXX-XXX YY`` for the nine-digit ``number`` with its control digits."""
    digits = f"{number:09d}"
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]} {snils_control(digits)}"


class SnilsIssuer:
    """Hands out unique valid СНИЛС numbers."""

    def __init__(self, rng: DemoRandom) -> None:
        self._rng = rng
        self._used: set[int] = set()

    def next(self) -> str:
        while True:
            number = _SNILS_FIRST + self._rng.below(_SNILS_LAST - _SNILS_FIRST + 1)
            if number not in self._used:
                self._used.add(number)
                return format_snils(number)


def inn10_control(first9: str) -> str:
    total = sum(int(d) * w for d, w in zip(first9, _INN10_WEIGHTS, strict=True))
    return str(total % 11 % 10)


def ogrn13_control(first12: str) -> str:
    return str(int(first12) % 11 % 10)


class LegalIdIssuer:
    """Unique ИНН/КПП/ОГРН triples of legal entities registered in the demo region."""

    def __init__(self, rng: DemoRandom) -> None:
        self._rng = rng
        self._inn_serials: set[str] = set()
        self._ogrn_serials: set[str] = set()

    def triple(self, tax_office: str, registered_year: int) -> tuple[str, str, str]:
        """(ИНН, КПП, ОГРН) for an organisation of ``tax_office`` (two digits)."""
        office = f"{REGION_CODE}{tax_office}"
        serial = self._unique(self._inn_serials, 5)
        first9 = office + serial
        inn = first9 + inn10_control(first9)
        kpp = f"{office}01001"
        year = f"{registered_year % 100:02d}"
        first12 = "1" + year + REGION_CODE + self._unique(self._ogrn_serials, 7)
        ogrn = first12 + ogrn13_control(first12)
        return inn, kpp, ogrn

    def _unique(self, used: set[str], length: int) -> str:
        while True:
            candidate = self._rng.digits(length)
            if candidate not in used:
                used.add(candidate)
                return candidate


class CardNumberIssuer:
    """ЭПБ numbers of the documented scheme (:mod:`chairclient.domain.card_numbers`: ``9643``,
    an 11-digit serial, a Luhn check digit), the serials rising with gaps. They start far above
    the registry's own counter, so numbers the registry assigns later do not meet them (the
    registry skips a serial whose number exists anyway)."""

    PREFIX = card_numbers.PREFIX

    def __init__(self, rng: DemoRandom) -> None:
        self._rng = rng
        self._serial = 52_000_000_000 + rng.randint(0, 50_000)

    def next(self) -> str:
        self._serial += self._rng.randint(1, 3)
        return card_numbers.format_number(self._serial)


def registry_code(territory: str, number: int) -> str:
    """A registry code like ``52-03-0117`` (territory ``00`` = directly under the region)."""
    return f"{REGION_CODE}-{territory}-{number:04d}"

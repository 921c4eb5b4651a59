"""СНИЛС, ИНН, ОГРН, ОГРНИП and КПП checks, with the DOMAIN.md test vectors."""

import pytest
from stdnum.ru import ogrn as stdnum_ogrn

from chairclient.validation import (
    is_valid_inn,
    is_valid_kpp,
    is_valid_ogrn,
    is_valid_ogrnip,
    is_valid_snils,
    snils_control,
)


# ---------------------------------------------------------------------------- СНИЛС
@pytest.mark.parametrize(
    "snils", ["112-233-445 95", "11223344595", "112 233 445 95", " 112-233-445-95 "]
)
def test_snils_vector_valid_in_any_spacing(snils: str) -> None:
    assert is_valid_snils(snils)


@pytest.mark.parametrize("snils", ["112-233-445 96", "11223344596", "112-233-445 59"])
def test_snils_vector_invalid(snils: str) -> None:
    assert not is_valid_snils(snils)


@pytest.mark.parametrize(
    "snils",
    [
        "",
        "1122334459",
        "112233445950",
        "112-233-445 9a",
        "１１２２３３４４５９５",
        None,
        11223344595,
    ],
)
def test_snils_malformed(snils: object) -> None:
    assert not is_valid_snils(snils)  # type: ignore[arg-type]


def test_snils_control_branches() -> None:
    assert snils_control("112233445") == "95"  # sum < 100: the sum itself
    assert snils_control("000000001") == "01"
    # sum == 100 and sum == 101 → 00
    assert snils_control(_with_sum(100)) == "00"
    assert snils_control(_with_sum(101)) == "00"
    # sum > 101 → sum mod 101, and a remainder of 100 → 00
    assert snils_control(_with_sum(102)) == "01"
    assert snils_control(_with_sum(201)) == "00"  # 201 % 101 == 100
    assert snils_control(_with_sum(300)) == "98"  # 300 % 101 == 98


def _with_sum(target: int) -> str:
    """Nine digits whose weighted СНИЛС sum (weights 9..1) equals ``target``."""
    digits = []
    remaining = target
    for weight in range(9, 0, -1):
        digit = min(9, remaining // weight)
        digits.append(digit)
        remaining -= digit * weight
    assert remaining == 0
    return "".join(map(str, digits))


@pytest.mark.parametrize("snils", ["000-000-000 00", "00000000000", "000 000 000 00"])
def test_all_zero_snils_is_refused(snils: str) -> None:
    # below the checksum boundary, and 0 would be its "right" control sum: still refused
    assert not is_valid_snils(snils)


def test_snils_old_numbers_are_not_checked() -> None:
    assert is_valid_snils("001-001-998 00")  # the boundary itself: no check
    assert is_valid_snils("000-000-001 77")
    assert is_valid_snils("001-001-997 12")
    # just above the boundary the check applies
    number = "001001999"
    good = snils_control(number)
    assert is_valid_snils(number + good)
    bad = f"{(int(good) + 1) % 100:02d}"
    assert not is_valid_snils(number + bad)


# ---------------------------------------------------------------------------- ИНН
@pytest.mark.parametrize("inn", ["7707083893", "500100732259", "7707 083893"])
def test_inn_vectors_valid(inn: str) -> None:
    assert is_valid_inn(inn)


@pytest.mark.parametrize(
    "inn",
    ["7707083894", "500100732258", "500100732269", "77070838931", "770708389", "", "77O7083893",
     "0000000000", "000000000000", "00000 00000"],
)
def test_inn_invalid(inn: str) -> None:
    assert not is_valid_inn(inn)


# ---------------------------------------------------------------------------- ОГРН / ОГРНИП
def test_ogrn_vectors() -> None:
    assert is_valid_ogrn("1027700132195")
    assert not is_valid_ogrn("1022500001328")


def test_ogrn_must_be_13_digits() -> None:
    assert not is_valid_ogrn("304500116000157")  # a valid ОГРНИП is not an ОГРН
    assert not is_valid_ogrn("102770013219")
    assert not is_valid_ogrn("0027700132195")


def test_ogrnip_vectors() -> None:
    assert is_valid_ogrnip("304500116000157")
    assert not is_valid_ogrnip("304500116000158")
    assert not is_valid_ogrnip("1027700132195")  # a valid ОГРН is not an ОГРНИП


def test_ogrnip_check_digit_is_last_digit_of_mod_13() -> None:
    # 30450011600057 % 13 == 10 → check digit 0. stdnum compares with "10" and rejects it,
    # which is why is_valid_ogrnip does this by hand.
    number = "304500116000570"
    assert int(number[:14]) % 13 == 10
    assert is_valid_ogrnip(number)
    assert not stdnum_ogrn.is_valid(number)


# ---------------------------------------------------------------------------- КПП
@pytest.mark.parametrize("kpp", ["770701001", "7707AB001", "773601001", " 770701001 "])
def test_kpp_valid(kpp: str) -> None:
    assert is_valid_kpp(kpp)


@pytest.mark.parametrize(
    "kpp", ["77070100", "7707010011", "7707ab001", "77A701001", "770701A01", ""]
)
def test_kpp_invalid(kpp: str) -> None:
    assert not is_valid_kpp(kpp)

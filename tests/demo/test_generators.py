"""The building blocks: check digits, name forms, the member allocation."""

from __future__ import annotations

import pytest

from chairclient.demo.common import DemoRandom, stage_rng
from chairclient.demo.identifiers import (
    CardNumberIssuer,
    LegalIdIssuer,
    SnilsIssuer,
    format_snils,
    snils_control,
)
from chairclient.demo.names import NameMaker, feminine_surname, patronymics
from chairclient.demo.organisations import allocate_members, category_totals, plan_organisations
from chairclient.domain import card_numbers as card_scheme
from chairclient.validation import is_valid_inn, is_valid_kpp, is_valid_ogrn, is_valid_snils


def test_snils_control_matches_the_domain_vector() -> None:
    assert snils_control("112233445") == "95"
    assert format_snils(112233445) == "112-233-445 95"


def test_issued_identifiers_are_valid() -> None:
    rng = DemoRandom(1)
    snils = SnilsIssuer(rng)
    numbers = [snils.next() for _ in range(2000)]
    assert len(set(numbers)) == len(numbers)
    assert all(is_valid_snils(n) for n in numbers)
    legal = LegalIdIssuer(rng)
    for _ in range(500):
        inn, kpp, ogrn = legal.triple("14", 2010)
        assert is_valid_inn(inn) and is_valid_kpp(kpp) and is_valid_ogrn(ogrn)
    cards = CardNumberIssuer(rng)
    card_numbers = [cards.next() for _ in range(1000)]
    assert len(set(card_numbers)) == 1000 and all(len(n) == 16 for n in card_numbers)
    # the documented scheme: 9643, an 11-digit serial, a Luhn check digit over the first 15
    assert all(card_scheme.is_valid(n) for n in card_numbers)
    assert all(n.startswith("9643") and card_scheme.luhn_digit(n[:15]) == n[15]
               for n in card_numbers)
    broken = card_numbers[0][:15] + str((int(card_numbers[0][15]) + 1) % 10)
    assert not card_scheme.is_valid(broken)


@pytest.mark.parametrize(
    ("father", "male", "female"),
    [("Иван", "Иванович", "Ивановна"), ("Сергей", "Сергеевич", "Сергеевна"),
     ("Юрий", "Юрьевич", "Юрьевна"), ("Игорь", "Игоревич", "Игоревна"),
     ("Илья", "Ильич", "Ильинична"), ("Михаил", "Михайлович", "Михайловна"),
     ("Пётр", "Петрович", "Петровна"), ("Дмитрий", "Дмитриевич", "Дмитриевна")],
)
def test_patronymics(father: str, male: str, female: str) -> None:
    assert patronymics(father) == (male, female)


def test_feminine_surnames() -> None:
    assert feminine_surname("Иванов") == "Иванова"
    assert feminine_surname("Покровский") == "Покровская"
    assert feminine_surname("Луговой") == "Луговая"
    assert feminine_surname("Черных") == "Черных"


def test_names_follow_sex() -> None:
    maker, rng = NameMaker(), DemoRandom(3)
    for _ in range(500):
        _, _, patronymic = maker.person(rng, "F", 1980)
        assert patronymic is None or patronymic.endswith("на")
        _, _, patronymic = maker.person(rng, "M", 2001)
        assert patronymic is None or patronymic.endswith("ич")


@pytest.mark.parametrize("members", [0, 50, 1500, 100_000])
def test_allocation_adds_up(members: int) -> None:
    plans = plan_organisations(stage_rng(1, "organisations"), members)
    totals = category_totals(members)
    assert sum(totals.values()) == members
    allocate_members(plans, totals)
    assert sum(p.worker_seats for p in plans) == members - totals["student"]
    assert sum(p.student_seats for p in plans) == totals["student"]
    primaries = [p for p in plans if p.level == "primary"]
    assert 12 <= len(primaries) <= 605
    if members >= 50_000:
        sizes = sorted(p.worker_seats + p.student_seats for p in primaries)
        assert sizes[-1] >= 2000  # a university with thousands
        assert sum(20 <= s <= 80 for s in sizes) > len(sizes) / 2  # most are small

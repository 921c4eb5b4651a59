"""Validation and per-tab completeness of a primary organisation's passport (паспорт ППО).

Required fields are :data:`REQUIRED_BY_TAB` plus these conditional ones
(see :func:`required_passport_fields`):

* ``is_legal_entity`` true — ``inn`` and ``ogrn`` of the ППО (tab ``inpo``);
* ``kind`` ``students`` — ``students_total`` instead of ``employees_total``; ``combined`` — both
  (tab ``staff``: they are the denominators of the 5-СП report);
* ``collective_agreement`` true — ``agreement_concluded_on`` and ``agreement_valid_until``.

``False`` and ``0`` count as filled. ИНН, КПП and ОГРН are checked whenever they are given.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from chairclient.validation.checksums import (
    is_all_zeros,
    is_valid_inn,
    is_valid_kpp,
    is_valid_ogrn,
    is_valid_ogrnip,
)
from chairclient.validation.fields import KIND_CHOICES
from chairclient.validation.normalise import digits_only
from chairclient.validation.result import ValidationResult
from chairclient.validation.rules import FieldReader, add_years, is_empty

#: Longest term of office of a chair, in years.
MAX_CHAIR_TERM_YEARS = 5

PASSPORT_TABS: dict[str, list[str]] = {
    "inpo": [
        "code",
        "full_name",
        "short_name",
        "kind",
        "employer_type",
        "founded_on",
        "is_legal_entity",
        "inn",
        "kpp",
        "ogrn",
    ],
    "employer": [
        "employer_full_name",
        "employer_inn",
        "employer_kpp",
        "employer_ogrn",
        "employer_address",
        "employer_head_name",
        "employer_head_position",
    ],
    "leadership": [
        "chair_name",
        "chair_elected_on",
        "chair_term_until",
        "chair_released",
        "chair_phone",
        "chair_email",
        "deputy_name",
        "committee_count",
        "revision_count",
        "safety_reps_count",
    ],
    "staff": [
        "staff_as_of",
        "employees_total",
        "employees_women",
        "employees_youth",
        "employees_pedagogical",
        "students_total",
    ],
    "contacts": ["postal_index", "address", "phone", "email", "website"],
    "partnership": ["collective_agreement", "agreement_concluded_on", "agreement_valid_until"],
    "pd_operator": ["pd_operator_name", "pd_operator_address"],
}

#: Fields every passport needs (a workers' ППО that is not a legal entity); see the module doc.
REQUIRED_BY_TAB: dict[str, list[str]] = {
    "inpo": ["full_name", "short_name", "kind", "employer_type"],
    "employer": ["employer_full_name", "employer_inn"],
    "leadership": ["chair_name", "chair_elected_on"],
    "staff": ["employees_total"],
    "contacts": [],
    "partnership": [],
    "pd_operator": [],
}

_POSTAL_INDEX = re.compile(r"[1-6][0-9]{5}")
_WEBSITE = re.compile(
    r"(?:https?://)?(?:[0-9A-Za-zА-Яа-яЁё](?:[0-9A-Za-zА-Яа-яЁё\-]*[0-9A-Za-zА-Яа-яЁё])?\.)+"
    r"[A-Za-zА-Яа-яЁё]{2,}(?::[0-9]{1,5})?(?:/\S*)?",
    re.IGNORECASE,
)
_CHECKSUM_MESSAGE = "Неверная контрольная сумма"


def _is_true(value: Any) -> bool:
    return value is True


def required_passport_fields(values: Mapping[str, Any]) -> dict[str, list[str]]:
    """The required fields of each tab for this passport, conditional ones included."""
    required = {tab: list(fields) for tab, fields in REQUIRED_BY_TAB.items()}
    level = str(values.get("level") or "primary")
    if level != "primary":
        # Regional and territorial organisations have no single employer, kind or headcount:
        # only their names and leadership are required.
        required["inpo"] = ["full_name", "short_name"]
        required["employer"] = []
        required["staff"] = []
        if _is_true(values.get("is_legal_entity")):
            required["inpo"] += ["inn", "ogrn"]
        if _is_true(values.get("collective_agreement")):
            required["partnership"] += ["agreement_concluded_on", "agreement_valid_until"]
        return required
    if _is_true(values.get("is_legal_entity")):
        required["inpo"] += ["inn", "ogrn"]
    kind = str(values.get("kind") or "").strip()
    if kind == "students":
        required["staff"] = ["students_total"]
    elif kind == "combined":
        required["staff"] = ["employees_total", "students_total"]
    if _is_true(values.get("collective_agreement")):
        required["partnership"] += ["agreement_concluded_on", "agreement_valid_until"]
    return required


def missing_passport_fields(values: Mapping[str, Any]) -> list[str]:
    """Required fields that are empty, tab by tab in form order."""
    return [
        name
        for fields in required_passport_fields(values).values()
        for name in fields
        if is_empty(values.get(name))
    ]


def is_passport_complete(values: Mapping[str, Any]) -> bool:
    """True when no required field of any tab is empty."""
    return not missing_passport_fields(values)


def tab_completeness(values: Mapping[str, Any]) -> dict[str, tuple[int, int]]:
    """``{tab: (filled required fields, required fields)}`` for the completeness indicator."""
    completeness = {}
    for tab, fields in required_passport_fields(values).items():
        filled = sum(not is_empty(values.get(name)) for name in fields)
        completeness[tab] = (filled, len(fields))
    return completeness


def validate_passport(values: Mapping[str, Any], today: date | None = None) -> ValidationResult:
    """Check a passport's values; ``missing`` of the result lists empty required fields."""
    result = ValidationResult()
    reader = FieldReader(values, result, today or date.today())
    _check_inpo(reader)
    _check_employer(reader)
    _check_leadership(reader)
    _check_staff(reader)
    _check_contacts(reader)
    _check_partnership(reader)
    for name in missing_passport_fields(values):
        result.add_missing(name)
    return result


def _check_inpo(reader: FieldReader) -> None:
    reader.get_choice("kind", KIND_CHOICES)
    reader.get_date("founded_on")
    reader.get_bool("is_legal_entity")
    _check_inn(reader, "inn", lengths=(10,))
    _check_kpp(reader, "kpp")
    _check_ogrn(reader, "ogrn", lengths=(13,))


def _check_employer(reader: FieldReader) -> None:
    inn = _check_inn(reader, "employer_inn", lengths=(10, 12))
    kpp = _check_kpp(reader, "employer_kpp")
    ogrn = _check_ogrn(reader, "employer_ogrn", lengths=(13, 15))
    if inn and len(inn) == 12 and kpp:
        reader.warning("employer_kpp", "У индивидуального предпринимателя (ИНН из 12 цифр) нет КПП")
    if inn and ogrn and (len(inn) == 12) != (len(ogrn) == 15):
        reader.warning(
            "employer_ogrn",
            "ИНН и ОГРН не соответствуют друг другу: у организации ИНН из 10 цифр и ОГРН из 13, "
            "у предпринимателя — 12 и 15",
        )
    reader.get_person_name("employer_head_name")


def _check_leadership(reader: FieldReader) -> None:
    reader.get_person_name("chair_name")
    reader.get_person_name("deputy_name")
    elected_on = reader.get_date("chair_elected_on")
    term_until = reader.get_date("chair_term_until", future=True)
    if elected_on and term_until:
        if term_until <= elected_on:
            reader.error("chair_term_until", "Должен заканчиваться после даты избрания")
        elif term_until > add_years(elected_on, MAX_CHAIR_TERM_YEARS):
            reader.error(
                "chair_term_until",
                f"Срок полномочий — не более {MAX_CHAIR_TERM_YEARS} лет со дня избрания",
            )
    if term_until and term_until < reader.today:
        reader.warning("chair_term_until", "Срок полномочий председателя истёк")
    reader.get_bool("chair_released")
    reader.get_phone("chair_phone")
    reader.get_email("chair_email")
    for name in ("committee_count", "revision_count", "safety_reps_count"):
        reader.get_int(name)


def _check_staff(reader: FieldReader) -> None:
    as_of = reader.get_date("staff_as_of", future=True)
    if as_of and as_of > reader.today:
        reader.warning("staff_as_of", "Дата в будущем — проверьте")
    total = reader.get_int("employees_total")
    for name in ("employees_women", "employees_youth", "employees_pedagogical"):
        part = reader.get_int(name)
        if part is not None and total is not None and part > total:
            reader.error(name, f"Не может быть больше общего числа работающих ({total})")
    reader.get_int("students_total")


def _check_contacts(reader: FieldReader) -> None:
    value = reader.values.get("postal_index")
    if not is_empty(value):
        index = str(value).strip()
        if not _POSTAL_INDEX.fullmatch(index):
            reader.error("postal_index", "Индекс — 6 цифр, первая от 1 до 6 (например 625000)")
    reader.get_phone("phone")
    reader.get_email("email")
    website = reader.get_text("website")
    if website and not _WEBSITE.fullmatch(website):
        reader.error("website", "Неверный адрес сайта (пример: school5.ru)")


def _check_partnership(reader: FieldReader) -> None:
    reader.get_bool("collective_agreement")
    concluded_on = reader.get_date("agreement_concluded_on")
    valid_until = reader.get_date("agreement_valid_until", future=True)
    if concluded_on and valid_until and valid_until <= concluded_on:
        reader.error("agreement_valid_until", "Должен заканчиваться после даты заключения")
    elif (
        valid_until
        and valid_until < reader.today
        and _is_true(reader.values.get("collective_agreement"))
    ):
        reader.warning("agreement_valid_until", "Срок действия коллективного договора истёк")


# ---------------------------------------------------------------------------- identifiers


def _identifier(reader: FieldReader, name: str, label: str, lengths: tuple[int, ...]) -> str | None:
    """The field's digits when it is only digits (and separators) of an allowed length."""
    text = reader.get_text(name)
    if text is None:
        return None
    digits = digits_only(text)
    if not re.fullmatch(r"[0-9\s\-]+", text) or len(digits) not in lengths:
        allowed = " или ".join(str(n) for n in lengths)
        reader.error(name, f"{label} должен содержать {allowed} цифр")
        return None
    return digits


def _check_inn(reader: FieldReader, name: str, lengths: tuple[int, ...]) -> str | None:
    inn = _identifier(reader, name, "ИНН", lengths)
    if inn and is_all_zeros(inn):
        reader.error(name, "ИНН не может состоять из одних нулей")
        return None
    if inn and not is_valid_inn(inn):
        reader.error(name, _CHECKSUM_MESSAGE)
        return None
    return inn


def _check_ogrn(reader: FieldReader, name: str, lengths: tuple[int, ...]) -> str | None:
    label = "ОГРН" if lengths == (13,) else "ОГРН (ОГРНИП)"
    ogrn = _identifier(reader, name, label, lengths)
    if ogrn and not (is_valid_ogrn(ogrn) if len(ogrn) == 13 else is_valid_ogrnip(ogrn)):
        reader.error(name, _CHECKSUM_MESSAGE)
        return None
    return ogrn


def _check_kpp(reader: FieldReader, name: str) -> str | None:
    kpp = reader.get_text(name)
    if kpp and not is_valid_kpp(kpp):
        reader.error(
            name, "КПП — 9 знаков: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры"
        )
        return None
    return kpp

"""Validation and completeness of a member's card (учётная карточка).

Required fields (the card may be saved without them, but it is then incomplete and cannot go
into a card request):

* always: ``last_name``, ``first_name``, ``birth_date``, ``sex``, ``category``,
  ``member_since``, ``registered_on``, ``registration_method``, ``education_level``,
  ``dues_form``;
* category ``working`` — also ``workplace`` and ``position`` (``position_code`` or
  ``position_text``, reported as the pseudo-field ``position``);
* category ``student`` — also ``workplace`` (the place of study), ``study_level`` and
  ``study_course``; no position;
* categories ``pensioner`` and ``unemployed`` — nothing more;
* no category yet (or an unknown code) — treated as ``working``, the default category, so the
  form shows the usual requirements from the start.

Wrong values (bad СНИЛС, impossible dates, a removal without date) are errors, not missing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from operator import itemgetter
from typing import Any

from chairclient.validation.checksums import is_all_zeros, is_valid_snils
from chairclient.validation.fields import (
    CATEGORY_CHOICES,
    REGISTRATION_METHOD_CHOICES,
    SEX_CHOICES,
    STATUS_CHOICES,
    STUDY_FORM_CHOICES,
    STUDY_LEVEL_CHOICES,
)
from chairclient.validation.normalise import normalise_snils
from chairclient.validation.result import ValidationResult
from chairclient.validation.rules import FieldReader, add_years, age_on, is_empty

MIN_MEMBER_AGE = 14
#: Above this age the birth date is probably mistyped: a warning, not an error.
SUSPICIOUS_AGE = 100
MAX_STUDY_COURSE = 6

#: Pseudo-field standing for ``position_code`` / ``position_text`` in ``missing``.
POSITION = "position"

_ALWAYS_REQUIRED = (
    "last_name",
    "first_name",
    "birth_date",
    "sex",
    "category",
    "member_since",
    "registered_on",
    "registration_method",
)
_REQUIRED_BY_CATEGORY: dict[str, tuple[str, ...]] = {
    "working": ("workplace", POSITION),
    "student": ("workplace", "study_level", "study_course"),
    "pensioner": (),
    "unemployed": (),
}
_ALWAYS_REQUIRED_LAST = ("education_level", "dues_form")


#: Per category code, the required fields in form order.
_REQUIRED_FIELDS = {
    category: (*_ALWAYS_REQUIRED, *extra, *_ALWAYS_REQUIRED_LAST)
    for category, extra in _REQUIRED_BY_CATEGORY.items()
}
#: The same without the ``position`` pseudo-field (checked apart, as a pair).
_PLAIN_REQUIRED = {
    fields: tuple(name for name in fields if name != POSITION)
    for fields in _REQUIRED_FIELDS.values()
}
_POSITION_PAIR = ("position_code", "position_text")


def required_member_fields(values: Mapping[str, Any]) -> list[str]:
    """The required fields for this card (depends on its category), in form order."""
    return list(_required(values))


def _required(values: Mapping[str, Any]) -> tuple[str, ...]:
    category = values.get("category")
    found = _REQUIRED_FIELDS.get(category) if isinstance(category, str) else None
    if found is None:  # blank, padded or unknown: padded codes count, others mean "working"
        found = _REQUIRED_FIELDS.get(str(category or "").strip(), _REQUIRED_FIELDS["working"])
    return found


def _is_filled(values: Mapping[str, Any], field_name: str) -> bool:
    if field_name == POSITION:
        return not all(map(is_empty, map(values.get, _POSITION_PAIR)))
    return not is_empty(values.get(field_name))


def missing_member_fields(values: Mapping[str, Any]) -> list[str]:
    """Required fields that are empty, in form order (``position`` for the position pair)."""
    return [name for name in _required(values) if not _is_filled(values, name)]


def is_member_complete(values: Mapping[str, Any]) -> bool:
    """True when no required field is empty (whether the values are right is not checked).

    Called for every pulled member row (100,000 on a first download), hence the shape: the
    plain fields are looked up and tested in one pass, the position pair only if needed."""
    required = _required(values)
    plain = _PLAIN_REQUIRED[required]
    found = list(map(values.get, plain))
    if None in found:
        return False
    if set(map(type, found)) == {str}:  # the usual card: text and ISO dates, tested in C
        if "" in map(str.strip, found):
            return False
    elif any(map(is_empty, found)):
        return False
    return len(plain) == len(required) or _is_filled(values, POSITION)


def complete_members(columns: Mapping[str, Sequence[Any]], count: int) -> list[bool]:
    """:func:`is_member_complete` of ``count`` members given column by column (a pulled
    page's members; a column not given is empty): the same answers, found a field at a time
    for all members of a category, with the per-value work in C where the values allow.

    (No closures here: a function that refers to itself is a reference cycle, and a long
    pull pauses the garbage collector, which kept every member page alive until its end.)"""
    filled: dict[str, Sequence[bool]] = {}
    by_required: dict[tuple[str, ...], list[int]] = {}
    categories = columns.get("category") or [None] * count
    required_of: dict[Any, tuple[str, ...]] = {}
    for i, category in enumerate(categories):
        if category is None or isinstance(category, str):
            required = required_of.get(category)
            if required is None:
                required = required_of[category] = _required({"category": category})
        else:  # (not a code: counts as "working"; unhashable, so not remembered)
            required = _required({"category": category})
        by_required.setdefault(required, []).append(i)
    complete = [False] * count
    for required, rows in by_required.items():
        fields = [_filled_field(name, columns, count, filled) for name in required]
        for i, ok in zip(rows, _all_filled(fields, rows), strict=True):
            complete[i] = ok
    return complete


def _filled_field(name: str, columns: Mapping[str, Sequence[Any]], count: int,
                  known: dict[str, Sequence[bool]]) -> Sequence[bool]:
    """Per member, whether field ``name`` is filled (``position``: either of the pair);
    remembered in ``known``."""
    if name not in known:
        if name == POSITION:
            code, text = (_filled_field(n, columns, count, known) for n in _POSITION_PAIR)
            known[name] = list(map(any, zip(code, text, strict=True)))
        else:
            known[name] = _filled_column(columns.get(name), count)
    return known[name]


def _filled_column(values: Sequence[Any] | None, count: int) -> list[bool]:
    """Per value, whether it is filled (not :func:`~chairclient.validation.rules.is_empty`)."""
    if values is None:
        return [False] * count
    if None not in values and set(map(type, values)) == {str}:
        return list(map(bool, map(str.strip, values)))  # the usual column: text, in C
    return [not is_empty(value) for value in values]


def _all_filled(columns: list[Sequence[bool]], rows: list[int]) -> list[bool]:
    """For each of ``rows``, whether every one of ``columns`` is filled there."""
    if not columns:
        return [True] * len(rows)
    if len(rows) == len(columns[0]):  # every row (the rows are 0, 1, …): no picking
        picked = columns
    else:
        pick = itemgetter(*rows)
        picked = [pick(column) if len(rows) > 1 else (pick(column),) for column in columns]
    return list(map(all, zip(*picked, strict=True)))


def validate_member(values: Mapping[str, Any], today: date | None = None) -> ValidationResult:
    """Check a card's values; ``missing`` of the result lists empty required fields."""
    result = ValidationResult()
    reader = FieldReader(values, result, today or date.today())
    birth_date = _check_identity(reader)
    _check_membership(reader, birth_date)
    _check_work_and_study(reader)
    reader.get_phone("phone")
    reader.get_email("email")
    for name in missing_member_fields(values):
        result.add_missing(name)
    return result


def _check_identity(reader: FieldReader) -> date | None:
    """Names, birth date, sex, СНИЛС; returns the birth date when it is usable."""
    for name in ("last_name", "first_name", "patronymic"):
        reader.get_person_name(name)
    birth_date = reader.get_date("birth_date")
    if birth_date is not None:
        age = age_on(birth_date, reader.today)
        if age < MIN_MEMBER_AGE:
            reader.error("birth_date", f"Член профсоюза должен быть не моложе {MIN_MEMBER_AGE} лет")
            birth_date = None
        elif age > SUSPICIOUS_AGE:
            reader.warning("birth_date", f"Возраст больше {SUSPICIOUS_AGE} лет — проверьте дату")
    reader.get_choice("sex", SEX_CHOICES)
    _check_snils(reader)
    return birth_date


def _check_snils(reader: FieldReader) -> None:
    value = reader.values.get("snils")
    if is_empty(value):
        return
    try:
        snils = normalise_snils(value)
    except ValueError as exc:
        reader.error("snils", str(exc))
        return
    if is_all_zeros(snils):
        reader.error("snils", "СНИЛС не может состоять из одних нулей")
    elif not is_valid_snils(snils):
        reader.error("snils", "Неверная контрольная сумма")


def _check_membership(reader: FieldReader, birth_date: date | None) -> None:
    """Category, membership dates and method, status and removal."""
    reader.get_choice("category", CATEGORY_CHOICES)
    reader.get_choice("registration_method", REGISTRATION_METHOD_CHOICES)

    member_since = reader.get_date("member_since")
    if member_since and birth_date:
        earliest = add_years(birth_date, MIN_MEMBER_AGE)
        if member_since < earliest:
            reader.error(
                "member_since",
                f"Вступить в профсоюз можно не раньше {MIN_MEMBER_AGE} лет (с {earliest:%d.%m.%Y})",
            )
    registered_on = reader.get_date("registered_on")
    if registered_on and member_since and registered_on < member_since:
        reader.error("registered_on", "Не может быть раньше даты вступления в профсоюз")

    status = reader.get_choice("status", STATUS_CHOICES)
    removed_on = reader.get_date("removed_on")
    has_reason = reader.filled("removal_reason")
    if removed_on and registered_on and removed_on < registered_on:
        reader.error("removed_on", "Не может быть раньше даты постановки на учёт")
    if status == "removed":
        if not reader.filled("removed_on"):
            reader.error("removed_on", "Укажите дату снятия с учёта")
        if not has_reason:
            reader.error("removal_reason", "Укажите причину снятия с учёта")
    elif status == "active" or not reader.filled("status"):
        if reader.filled("removed_on"):
            reader.warning("removed_on", "Указана дата снятия, но член профсоюза состоит на учёте")
        if has_reason:
            reader.warning(
                "removal_reason", "Указана причина снятия, но член профсоюза состоит на учёте"
            )


def _check_work_and_study(reader: FieldReader) -> None:
    reader.get_choice("study_level", STUDY_LEVEL_CHOICES)
    reader.get_int("study_course", 1, MAX_STUDY_COURSE)
    reader.get_choice("study_form", STUDY_FORM_CHOICES)

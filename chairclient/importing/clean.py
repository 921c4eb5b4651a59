"""Turning the raw cells of one row into card values, with a Russian message per bad cell.

Each cleaner takes a non-empty cell and returns the value for the card; it raises
``ValueError`` (the value is wrong: the row is refused) or :class:`Doubt` (the value is kept as
given or dropped, and the user is warned).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from chairclient.importing import reference
from chairclient.importing.columns import FULL_NAME
from chairclient.importing.reference import Lookup
from chairclient.validation import (
    normalise_email,
    normalise_name,
    normalise_phone,
    normalise_snils,
    parse_date,
)
from chairclient.validation.rules import as_int

_SPACES = re.compile(r"\s+")
_SERIAL = re.compile(r"[0-9]{4,5}(?:[.,]0+)?")
_LOWER_PARTS = {"оглы", "кызы", "гызы", "улы", "уулу"}


class Doubt(Exception):  # noqa: N818 - a finding, not a failure
    """A doubtful cell: ``value`` goes to the card (possibly into another field) with a warning."""

    def __init__(self, message: str, value: Any = None, field: str | None = None) -> None:
        super().__init__(message)
        self.value = value
        self.field = field


def tidy(value: Any) -> str:
    """A cell as one line of text: extra spaces gone, integral numbers without «.0»."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        return f"{value:%d.%m.%Y}"
    return _SPACES.sub(" ", str(value)).strip()


def clean_name(value: Any) -> str:
    if isinstance(value, int | float | datetime | date):
        raise ValueError("Ожидается текст, а указано число или дата")
    return normalise_name(tidy(value))


def clean_date(value: Any) -> date:
    if isinstance(value, str) and _SERIAL.fullmatch(value.strip()):
        value = float(value.strip().replace(",", "."))  # an Excel serial that became text
    if isinstance(value, str):
        value = tidy(value)
    return parse_date(value)


def clean_snils(value: Any) -> str:
    return normalise_snils(value if isinstance(value, int | float) else tidy(value))


def clean_phone(value: Any) -> str:
    return normalise_phone(value if isinstance(value, int | float) else tidy(value))


def clean_email(value: Any) -> str:
    return normalise_email(tidy(value))


def clean_course(value: Any) -> int:
    return as_int(value if isinstance(value, int | float) else tidy(value))


def _choice(lookup: Lookup, strict: bool) -> Callable[[Any], str | None]:
    """A cleaner for a reference list: unknown is an error (strict) or a warning, field left empty."""

    def clean(value: Any) -> str | None:
        code = lookup.find(tidy(value))
        if code is not None:
            return code
        text = tidy(value)
        if strict:
            allowed = ", ".join(f"«{name}»" for name in lookup.names.values())
            raise ValueError(f"Значение «{text}» не из списка; допустимы: {allowed}")
        raise Doubt(f"Значение «{text}» не найдено в справочнике — поле не заполнено")

    return clean


def clean_position(value: Any) -> str:
    text = tidy(value)
    code = reference.POSITION.find(text)
    if code is None:
        raise Doubt(
            f"Должность «{text}» не найдена в справочнике — сохранена текстом",
            text, "position_text",
        )
    return code


def split_full_name(value: Any) -> dict[str, str]:
    """«Иванова Мария Петровна» → surname, name, patronymic (Turkic «… оглы» kept together)."""
    text = tidy(value)
    if isinstance(value, int | float | datetime | date) or not text:
        raise ValueError("Ожидаются фамилия, имя и отчество")
    words = [normalise_name(w) for w in text.replace(",", " ").split()]
    if len(words) < 2:
        raise ValueError("Не удалось разделить ФИО: указано одно слово, нужны фамилия и имя")
    parts = {"last_name": words[0], "first_name": words[1]}
    rest = words[2:]
    if len(rest) > 2 or (len(rest) == 2 and rest[1].lower() not in _LOWER_PARTS):
        raise ValueError(
            "Не удалось разделить ФИО: больше трёх слов; "
            "разнесите фамилию, имя и отчество по отдельным столбцам"
        )
    if rest:
        parts["patronymic"] = " ".join(rest)
    return parts


def _text(value: Any) -> str:
    return tidy(value)


_OFFICE_SEPARATORS = re.compile(r"[;,\n]+")


def clean_union_roles(value: Any) -> tuple[str, ...]:
    """«Член профкома; профгрупорг» → office codes (the reference list's names, case and ё
    ignored); an office not in the list refuses the cell."""
    codes: list[str] = []
    for part in _OFFICE_SEPARATORS.split(tidy(value)):
        if not part.strip():
            continue
        code = reference.UNION_ROLE.find(part)
        if code is None:
            raise ValueError(f"Профсоюзная должность «{part.strip()[:60]}» не найдена в "
                             "справочнике (например: член профкома, профгрупорг, "
                             "уполномоченный по охране труда)")
        codes.append(code)
    return tuple(dict.fromkeys(codes))


CLEANERS: dict[str, Callable[[Any], Any]] = {
    "last_name": clean_name,
    "first_name": clean_name,
    "patronymic": clean_name,
    "birth_date": clean_date,
    "member_since": clean_date,
    "registered_on": clean_date,
    "sex": _choice(reference.SEX, strict=True),
    "snils": clean_snils,
    "category": _choice(reference.CATEGORY, strict=True),
    "registration_method": _choice(reference.REGISTRATION_METHOD, strict=True),
    "workplace": _text,
    "position": clean_position,
    "staff_category": _text,
    "study_level": _choice(reference.STUDY_LEVEL, strict=True),
    "study_course": clean_course,
    "study_form": _choice(reference.STUDY_FORM, strict=True),
    "education_level": _choice(reference.EDUCATION, strict=False),
    "academic_degree": _text,
    "dues_form": _choice(reference.DUES_FORM, strict=False),
    "address": _text,
    "phone": clean_phone,
    "email": clean_email,
    "union_roles": clean_union_roles,
    "union_role_since": clean_date,
}
#: Card field a cleaned value goes to, where it differs from the column's field.
TARGET = {"position": "position_code"}


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def clean_cells(
    cells: dict[str, Any],
) -> tuple[dict[str, Any], dict[str, str], dict[str, str]]:
    """Card values, errors and warnings (per field) from ``{field: raw cell}``."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    full = cells.get(FULL_NAME)
    if not is_blank(full):
        try:
            values.update(split_full_name(full))
        except ValueError as exc:
            errors[FULL_NAME] = str(exc)
    for field_name, raw in cells.items():
        if field_name == FULL_NAME or is_blank(raw):
            continue
        try:
            values[TARGET.get(field_name, field_name)] = CLEANERS[field_name](raw)
        except Doubt as doubt:
            warnings[field_name] = str(doubt)
            if doubt.field:
                values[doubt.field] = doubt.value
        except ValueError as exc:
            errors[field_name] = str(exc)
    return values, errors, warnings

"""Rows to JSON and JSON to column values, with Russian messages for wrong values."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Integer, String, Table, Text

from chairclient.validation import field_label
from registry.models import LOCAL_ONLY_COLUMNS
from sync.protocol_runs import RUN_KEY_COLUMNS

#: Labels of columns the shared validation package does not name.
_EXTRA_LABELS = {
    "parent_id": "Вышестоящая организация",
    "level": "Уровень организации",
    "code": "Код в реестре",
    "member_id": "Член Профсоюза",
    "card_id": "Карта",
    "request_id": "Заявка на карты",
    "organisation_id": "Организация",
    "role": "Должность в профсоюзе",
}


def label(name: str) -> str:
    """The Russian label of a column."""
    found = field_label(name)
    return _EXTRA_LABELS.get(name, found) if found == name else found


class BadValue(ValueError):
    """A field value that cannot be stored; ``str()`` is the Russian reason."""


def wire_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def wire_columns(table: Table) -> list[str]:
    return [c.key for c in table.columns if c.key not in LOCAL_ONLY_COLUMNS]


def run_columns(table: Table) -> list[str]:
    """The columns of a live run's rows (:class:`sync.protocol.ChangeRun`): ``id``,
    ``org_id``, ``version``, then every other wire column but ``deleted`` (a live row is not
    deleted)."""
    rest = [key for key in wire_columns(table) if key not in RUN_KEY_COLUMNS and key != "deleted"]
    return [*RUN_KEY_COLUMNS, *rest]


def row_to_wire(table: Table, row: Any) -> dict[str, Any]:
    """A full row as it travels: every column but the client-derived ones."""
    return {key: wire_value(row[key]) for key in wire_columns(table)}


def data_values(table: Table, row: Any) -> dict[str, Any]:
    """A row's data columns as Python values (what validation takes)."""
    skip = LOCAL_ONLY_COLUMNS | {"id", "version", "deleted", "updated_at", "org_id"}
    return {c.key: row[c.key] for c in table.columns if c.key not in skip}


def _bad(column: Column, text: str) -> BadValue:
    return BadValue(f"Поле «{label(column.key)}»: {text}")


def parse_value(column: Column, value: Any) -> Any:
    """``value`` from JSON as the column's Python value; :class:`BadValue` when it cannot be."""
    kind = column.type
    if value is None:
        if column.nullable:
            return None
        if isinstance(kind, String | Text) and column.default is not None:
            return ""
        raise _bad(column, "не может быть пустым")
    if isinstance(kind, Boolean):
        if isinstance(value, bool):
            return value
        raise _bad(column, "ожидается «да» или «нет»")
    if isinstance(kind, Integer):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**31:
            return value
        raise _bad(column, "ожидается целое число")
    if isinstance(kind, DateTime):
        return _parse_datetime(column, value)
    if isinstance(kind, Date):
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise _bad(column, "ожидается дата в формате ГГГГ-ММ-ДД")
    if isinstance(kind, JSON):
        if isinstance(value, list | dict):
            return value
        raise _bad(column, "ожидается список или объект")
    if isinstance(kind, String | Text):
        if not isinstance(value, str):
            raise _bad(column, "ожидается строка")
        if "\x00" in value:
            raise _bad(column, "недопустимый символ")
        length = getattr(kind, "length", None)
        if length and len(value) > length:
            raise _bad(column, f"не длиннее {length} символов")
        return value
    raise _bad(column, "не поддерживается")


def _parse_datetime(column: Column, value: Any) -> datetime:
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            parsed = None
        if parsed is not None:
            if parsed.tzinfo is not None:
                parsed = parsed.astimezone(UTC).replace(tzinfo=None)
            return parsed
    raise _bad(column, "ожидаются дата и время в формате ISO 8601")


def comparable(column: Column, value: Any) -> Any:
    """A JSON value in the form the server would send it (so base/mine/server compare)."""
    try:
        return wire_value(parse_value(column, value))
    except BadValue:
        return value

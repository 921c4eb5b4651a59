"""Bulk insert of generated rows with plain ``sqlite3`` ``executemany``.

Values are converted by the SQLAlchemy column types' own bind processors, so dates, times,
booleans and JSON are stored exactly as the ORM would store them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter
from typing import Any

from sqlalchemy import Boolean, Table
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite

from chairclient.db.models import Base
from chairclient.demo.common import REF_TIME

_DIALECT = SQLiteDialect_pysqlite()
#: Values of the bookkeeping columns: as if the rows had just been pulled from the registry.
_SYNCED_DEFAULTS = {"version": 1, "deleted": False, "updated_at": REF_TIME}


def _column_defaults(table: Table) -> dict[str, Any]:
    defaults: dict[str, Any] = {}
    for column in table.columns:
        default = column.default
        if default is not None and getattr(default, "is_scalar", False):
            defaults[column.name] = default.arg
    for name, value in _SYNCED_DEFAULTS.items():
        if name in table.columns:
            defaults[name] = value
    return defaults


def insert_rows(connection: sqlite3.Connection, table_name: str, rows: Iterable[dict]) -> int:
    """Insert ``rows`` (dicts; unknown keys ignored, missing ones defaulted) into the table."""
    table: Table = Base.metadata.tables[table_name]
    columns = [c.name for c in table.columns]
    defaults = {name: None for name in columns} | _column_defaults(table)
    required = [c.name for c in table.columns if not c.nullable and defaults[c.name] is None]
    processors: list[tuple[int, Callable[[Any], Any]]] = []
    for index, column in enumerate(table.columns):
        if isinstance(column.type, Boolean):
            continue  # sqlite3 stores True/False as 1/0 itself, as the processor would
        processor = column.type.dialect_impl(_DIALECT).bind_processor(_DIALECT)
        if processor is not None:
            processors.append((index, processor))
    pick = itemgetter(*columns)
    count = 0

    def values() -> Iterator[Any]:
        nonlocal count
        for row in rows:
            merged = defaults | row
            for name in required:
                if merged[name] is None:
                    raise ValueError(f"{table_name}.{name} is required: {row.get('id')}")
            record = pick(merged)
            if processors:
                record = list(record)
                for index, processor in processors:
                    if record[index] is not None:
                        record[index] = processor(record[index])
            count += 1
            yield record

    names = ", ".join(f'"{name}"' for name in columns)
    marks = ", ".join("?" for _ in columns)
    connection.executemany(f'INSERT INTO "{table_name}" ({names}) VALUES ({marks})', values())
    return count


def drop_indexes(connection: sqlite3.Connection) -> list[str]:
    """Drop the explicit indexes (not the primary keys and unique constraints) and return their
    ``CREATE INDEX`` statements: building an index once after the load is much faster than
    keeping it up to date row by row, and packs it tighter."""
    found = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "ORDER BY name"
    ).fetchall()
    for name, _ in found:
        connection.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in found]


def create_indexes(connection: sqlite3.Connection, statements: list[str]) -> None:
    for sql in statements:
        connection.execute(sql)

"""Bulk upserts of synced rows: one executemany of plain SQL per run of rows.

A pulled page brings thousands of rows; going through SQLAlchemy's per-row parameter handling
cost more than SQLite itself. The SQL is built once per entity and key set, values pass
column by column through converters that store them exactly as SQLAlchemy's column types
would (:mod:`sync.columns`), and pulled member rows get their derived columns computed on the
way in rather than read back and updated afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import Dialect
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from chairclient.services.derived import (
    DERIVED,
    best_cards,
    consented_members,
    derived_columns,
)
from sync.columns import ColumnConvert, column_converter
from sync.rows import LOCAL_ONLY, table

#: SQL, ``(position, converter)`` pairs, and the values of the columns filled by default.
Plan = tuple[str, tuple[tuple[int, ColumnConvert], ...], tuple[Any, ...]]


@cache
def _plan(
    entity: str, keys: tuple[str, ...], derived: tuple[str, ...], wire: bool, dialect: Dialect
) -> Plan | None:
    """How to upsert rows with ``keys`` (then ``derived``): None when a column left out has a
    default only SQLAlchemy can compute."""
    t = table(entity)
    given = (*keys, *derived)
    defaults: dict[str, Any] = {}
    for column in t.columns:
        if column.key not in given and column.default is not None:
            if not column.default.is_scalar:
                return None
            defaults[column.key] = column.default.arg  # type: ignore[attr-defined]
    names = [*given, *defaults]
    quote = dialect.identifier_preparer.quote
    updates = ", ".join(f"{quote(k)} = excluded.{quote(k)}" for k in given if k != "id")
    sql = (
        f"INSERT INTO {quote(t.name)} ({', '.join(map(quote, names))}) "
        f"VALUES ({', '.join('?' for _ in names)}) ON CONFLICT (id) DO "
        + (f"UPDATE SET {updates}" if updates else "NOTHING")
    )
    converters = []
    for i, key in enumerate(names):
        kind = t.c[key].type
        convert = column_converter(
            kind, kind.dialect_impl(dialect).bind_processor(dialect), wire and i < len(keys)
        )
        if convert is not None:
            converters.append((i, convert))
    return sql, tuple(converters), tuple(defaults.values())


def _execute(session: Session, plan: Plan, columns: list[Sequence[Any]]) -> None:
    """Run the plan's SQL for rows given as ``columns`` (the plan's keys, then derived)."""
    sql, converters, defaults = plan
    count = len(columns[0])
    columns = [*columns, *([value] * count for value in defaults)]
    for i, convert in converters:
        columns[i] = convert(columns[i])
    session.connection().exec_driver_sql(sql, list(zip(*columns, strict=True)))


def upsert(session: Session, entity: str, rows: list[dict[str, Any]]) -> None:
    """Insert or overwrite ``rows`` (Python values, all with the same keys) by id."""
    if not rows:
        return
    keys = tuple(rows[0])
    plan = _plan(entity, keys, (), False, session.connection().dialect)
    if plan is None:
        stmt = insert(table(entity))
        stmt = stmt.on_conflict_do_update(
            index_elements=["id"], set_={k: stmt.excluded[k] for k in keys if k != "id"}
        )
        session.execute(stmt, rows)
        return
    _execute(session, plan, [[row[k] for row in rows] for k in keys])


@cache
def _run_keys(entity: str, columns: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Of a run's ``columns``, those the table stores from the wire, and their positions."""
    stored = {c.key for c in table(entity).columns} - LOCAL_ONLY - {"deleted"}
    kept = [(key, i) for i, key in enumerate(columns) if key in stored]
    return tuple(key for key, _ in kept), tuple(i for _, i in kept)


def upsert_pulled(
    session: Session, entity: str, columns: list[str], rows: list[list[Any]]
) -> None:
    """Insert or overwrite full pulled ``rows`` of ``entity`` (values in ``columns`` order,
    id, org_id and version first) from their wire values; a pulled row is not deleted. Member
    rows come with their derived columns, computed from the row and the consents and cards
    already stored."""
    if not rows:
        return
    keys, positions = _run_keys(entity, tuple(columns))
    derived = DERIVED if entity == "member" else ()
    plan = _plan(entity, (*keys, "deleted"), derived, True, session.connection().dialect)
    assert plan is not None, f"{entity}: a column needs a computed default"
    transposed = list(zip(*rows, strict=True))  # one tuple per column, in C
    values: list[Any] = [transposed[i] for i in positions]
    values.append([False] * len(rows))
    if derived:
        ids = list(transposed[0])
        named = dict(zip(columns, transposed, strict=True))
        values += derived_columns(named, ids, consented_members(session, ids),
                                  best_cards(session, ids))
    _execute(session, plan, values)

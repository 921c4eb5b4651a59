"""Bulk upserts of synced rows: one executemany of plain SQL per run of rows.

A pulled page brings thousands of rows; going through SQLAlchemy's per-row parameter handling
cost more than SQLite itself. The SQL is built once per entity and key set, values pass through
the column types' own converters (so they are stored exactly as SQLAlchemy would store them),
and pulled member rows get their derived columns computed on the way in rather than read back
and updated afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Date, DateTime, Dialect
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from chairclient.services.derived import (
    DERIVED,
    NO_CARD,
    best_cards,
    consented_members,
    derived_values,
)
from sync.protocol import Change
from sync.rows import LOCAL_ONLY, table

Convert = Callable[[Any], Any]
#: SQL, ``(position, converter)`` pairs, and the values of the columns filled by default.
Plan = tuple[str, tuple[tuple[int, Convert], ...], tuple[Any, ...]]


def _from_wire(kind: Any, convert: Convert | None) -> Convert | None:
    """A converter from a wire (JSON) value to what the driver stores for this column.

    ISO dates and zone-less times are rewritten as text in the shape SQLAlchemy stores
    (``YYYY-MM-DD``, ``YYYY-MM-DD HH:MM:SS.ffffff``) once they are known to parse; anything
    else is parsed and goes through the column type's converter."""
    if isinstance(kind, DateTime):

        def moment(value: Any) -> Any:
            if isinstance(value, str):
                parsed = datetime.fromisoformat(value)
                fraction = value[20:]
                if (convert is not None and parsed.tzinfo is None and value[10:11] == "T"
                        and len(value) >= 19 and value[19:20] in ("", ".") and len(fraction) <= 6):
                    return f"{value[:10]} {value[11:19]}.{fraction:0<6}"
                value = parsed.replace(tzinfo=None) if parsed.tzinfo else parsed
            return convert(value) if convert else value

        return moment
    if isinstance(kind, Date):

        def day(value: Any) -> Any:
            if isinstance(value, str):
                parsed = date.fromisoformat(value)
                if convert is not None and len(value) == 10:
                    return value
                value = parsed
            return convert(value) if convert else value

        return day
    return convert


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
        convert = kind.dialect_impl(dialect).bind_processor(dialect)
        if wire and i < len(keys):
            convert = _from_wire(kind, convert)
        if convert is not None:
            converters.append((i, convert))
    return sql, tuple(converters), tuple(defaults.values())


def _execute(session: Session, plan: Plan, rows: Sequence[list[Any]]) -> None:
    sql, converters, defaults = plan
    params = []
    for values in rows:
        values.extend(defaults)
        for i, convert in converters:
            if values[i] is not None:
                values[i] = convert(values[i])
        params.append(tuple(values))
    session.connection().exec_driver_sql(sql, params)


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
    _execute(session, plan, [[row[k] for k in keys] for row in rows])


#: Columns a pulled row always sets from its change: id, organisation, version, not deleted.
_FIXED_ORDER = ("id", "org_id", "version", "deleted")
_FIXED = frozenset(_FIXED_ORDER)


@cache
def _wire_keys(entity: str, present: frozenset[str]) -> tuple[str, ...]:
    """The table's wire columns present in a pulled row, in table order."""
    return tuple(
        c.key for c in table(entity).columns if c.key in present and c.key not in LOCAL_ONLY
    )


def upsert_pulled(session: Session, entity: str, changes: list[Change]) -> None:
    """Insert or overwrite the full rows of pulled ``changes`` (one entity, rows with the same
    keys) from their wire values. Member rows come with their derived columns, computed from
    the row and the consents and cards already stored."""
    if not changes:
        return
    first = changes[0].row
    assert first is not None
    keys = _wire_keys(entity, frozenset(first) | _FIXED)
    derived = DERIVED if entity == "member" else ()
    plan = _plan(entity, keys, derived, True, session.connection().dialect)
    assert plan is not None, f"{entity}: a column needs a computed default"
    at_id, at_org, at_version, at_deleted = (keys.index(name) for name in _FIXED_ORDER)
    take = itemgetter(*keys)
    rows = []
    for change in changes:
        row = change.row
        assert row is not None
        try:
            values = list(take(row))
        except KeyError:  # a row without one of the fixed columns: they are set just below
            values = [row.get(k) for k in keys]
        values[at_id], values[at_org] = change.id, change.org_id
        values[at_version], values[at_deleted] = change.version, False
        rows.append(values)
    if derived:
        ids = [change.id for change in changes]
        consented, cards = consented_members(session, ids), best_cards(session, ids)
        for change, values in zip(changes, rows, strict=True):
            assert change.row is not None
            extra = derived_values(change.row, change.id in consented,
                                   cards.get(change.id, NO_CARD))
            values.extend(extra[name] for name in DERIVED)
    _execute(session, plan, rows)

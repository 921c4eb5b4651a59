"""PostgreSQL: everything a transaction writes at its commit, in one statement.

A push keeps its audit rows and stored results (:mod:`registry.deferred`) and its change-log
entries (:mod:`registry.changelog`) until just before the commit. Sent one statement each, they
were three round trips, each with its own parse, bind and SQLAlchemy overhead, on every
sync. Here they go out as one statement of data-modifying CTEs; each table's rows travel as
one JSON parameter (``json_populate_recordset`` reads them by column name and type), so the
statement text depends only on which tables and columns are written and stays prepared.

The statement answers the sequence number it took last (the high-water mark right after this
commit: the counter's row lock orders writers, so every smaller number is committed by then)
and the tombstone horizon: a sync that pushes and then pulls needs no second look at the
counters.
"""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

from pydantic_core import to_json
from sqlalchemy import Table
from sqlalchemy.orm import Session

from registry.models import change_log

#: The change-log columns an entry sets (its ``seq`` is assigned by the statement).
_ENTRY_COLUMNS = ("entity", "entity_id", "org_id", "version", "tombstone", "changed_at")


class Counters(NamedTuple):
    """The change counter right after a commit and the tombstone horizon."""

    high_water: int
    horizon: int


Shape = tuple[tuple[str, tuple[str, ...]], ...]


def write_at_commit(
    session: Session, deferred: list[tuple[Table, list[dict[str, Any]]]],
    entries: list[dict[str, Any]],
) -> Counters | None:
    """Insert ``deferred`` rows and upsert change-log ``entries`` (numbered in the order given;
    an entry logged twice keeps its last values and place); the counters when entries were
    logged, else None."""
    deferred = [(table, rows) for table, rows in deferred if rows]
    if not deferred and not entries:
        return None
    shape: Shape = tuple((table.name, tuple(rows[0])) for table, rows in deferred)
    params: dict[str, Any] = {
        f"rows{i}": to_json(rows).decode() for i, (_, rows) in enumerate(deferred)
    }
    if entries:
        latest: dict[tuple[str, str, str], dict[str, Any]] = {}
        for entry in entries:  # an entry logged again moves to its later place
            key = (entry["entity"], entry["entity_id"], entry["org_id"])
            latest.pop(key, None)
            latest[key] = entry
        numbered = list(latest.values())
        params["entries"] = to_json([
            {**{k: e[k] for k in _ENTRY_COLUMNS}, "seq": n}
            for n, e in enumerate(numbered, 1)
        ]).decode()
        params["count"] = len(numbered)
    found = session.connection().exec_driver_sql(_statement(shape, bool(entries)), params).first()
    if not entries or found is None:
        return None
    return Counters(int(found[0]), int(found[1] or 0))


@cache
def _statement(shape: Shape, logged: bool) -> str:
    """The statement for deferred rows of ``shape`` (table, keys) and, if ``logged``, entries."""
    parts = []
    for i, (name, keys) in enumerate(shape):
        columns = ", ".join(f'"{k}"' for k in keys)
        parts.append(
            f'rows{i} AS (INSERT INTO "{name}" ({columns}) SELECT {columns}'
            f' FROM json_populate_recordset(NULL::"{name}", CAST(%(rows{i})s AS json)))'
        )
    if not logged:
        return f"WITH {', '.join(parts)} SELECT NULL, NULL"
    columns = ", ".join(_ENTRY_COLUMNS)
    updates = ", ".join(f"{k} = excluded.{k}" for k in ("seq", *_ENTRY_COLUMNS[3:]))
    parts += [
        "next_seq AS (UPDATE server_counters SET value = value + %(count)s"
        " WHERE key = 'change_seq' RETURNING value)",
        f"logged AS (INSERT INTO {change_log.name} (seq, {columns})"
        f" SELECT (SELECT value FROM next_seq) - %(count)s + e.seq, {columns}"
        f" FROM json_populate_recordset(NULL::{change_log.name}, CAST(%(entries)s AS json)) e"
        f" ON CONFLICT (entity, entity_id, org_id) DO UPDATE SET {updates})",
    ]
    return (
        f"WITH {', '.join(parts)} SELECT (SELECT value FROM next_seq),"
        " (SELECT value FROM server_counters WHERE key = 'tombstone_horizon')"
    )

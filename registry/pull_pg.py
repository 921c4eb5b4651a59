"""Pulled changes rendered as JSON by PostgreSQL itself.

On PostgreSQL one statement per cursor group selects the change-log entries of a page and, for
each, the full row (its ``wire_row``, kept on write by a trigger) or a tombstone, already as
the JSON array of a run's row, and joins them into the runs
(:class:`sync.protocol.ChangeRun`) of one text per page. Python only splices that into the
answer: a
first download of a whole region (hundreds of thousands of rows) no longer spends its time
turning columns into Python objects and back into JSON. Other databases use the row-by-row path
in :mod:`registry.pull`; both give the same changes (see ``tests/registry/test_pull_json.py``).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Table
from sqlalchemy.orm import Session

from registry.live_counts import SUMS_JSON
from registry.models import ENTITY_TABLES
from registry.wire import run_columns
from sync.protocol_runs import TOMBSTONE_COLUMNS


def _row(table: Table) -> str:
    """Row ``t`` as the JSON array text of a live run's row: as stored on write (registry
    migration 0008), or rendered now where the stored text is missing."""
    values = ", ".join(f't."{key}"' for key in run_columns(table))
    return f"COALESCE(t.wire_row, json_build_array({values})::text)"


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _run_start() -> str:
    """The opening of a run (up to its first row) for the entry ``c``: entity, kind and
    columns. (Entities and column names are ours, not a client's: safe as literals.)"""
    live = " ".join(
        f"WHEN '{entity}' THEN "
        + _quoted(json.dumps({"entity": entity, "deleted": False, "columns": run_columns(table)},
                             separators=(",", ":"))[:-1] + ',"rows":[')
        for entity, table in ENTITY_TABLES.items()
    )
    tombstone = (
        "'{\"entity\":' || to_json(c.entity)::text || ',\"deleted\":true,\"columns\":"
        + json.dumps(TOMBSTONE_COLUMNS, separators=(",", ":")) + ",\"rows\":['"
    )
    return f"CASE WHEN c.live_row IS NULL THEN {tombstone} ELSE CASE c.entity {live} END END"


@cache
def _statement(with_sums: bool = False) -> str:
    """Entries of ``orgs`` with ``cursor < seq <= hwm``, oldest first, at most ``limit`` + 1,
    as one row: how many there are, the ``limit``-th one's sequence number, and the first
    ``limit`` changes as the JSON texts of runs (:class:`sync.protocol.ChangeRun`) joined by
    commas. Each entry is its live row while that is not deleted and still belongs to the
    entry's organisation, a tombstone otherwise; a run ends where the entity or the kind
    changes (seen against the previous entry, in one pass over the page in order).

    One row rather than one per change: the driver and Python then handle one value per
    page instead of ten thousand. ``with_sums``: a fourth column, the live-count sums of the
    organisations ``count_orgs`` (:data:`registry.live_counts.SUMS_JSON`), read in the same
    round trip for the count check that comes with a sync's last page."""
    branches = " ".join(
        f"WHEN '{entity}' THEN (SELECT {_row(table)}"
        f' FROM "{table.name}" t WHERE t.id = l.entity_id AND NOT t.deleted'
        " AND t.org_id = l.org_id)"
        for entity, table in ENTITY_TABLES.items()
    )
    page = (
        "SELECT l.seq, l.entity, l.entity_id, l.org_id, l.version,"
        f" CASE WHEN NOT l.tombstone THEN CASE l.entity {branches} END END AS live_row"
        " FROM change_log l"
        " WHERE l.org_id = ANY(%(orgs)s) AND l.seq > %(cursor)s AND l.seq <= %(hwm)s"
        " ORDER BY l.seq LIMIT %(limit)s + 1"
    )
    numbered = (
        "SELECT p.*, row_number() OVER w AS n, p.entity IS NOT DISTINCT FROM lag(p.entity)"
        " OVER w AND (p.live_row IS NULL) = lag(p.live_row IS NULL) OVER w AS same_run"
        f" FROM ({page}) p WINDOW w AS (ORDER BY p.seq)"
    )
    tombstone = ("'[' || to_json(c.entity_id)::text || ',' || to_json(c.org_id)::text"
                 " || ',' || c.version || ']'")
    piece = (
        f"CASE WHEN c.same_run THEN ',' ELSE CASE WHEN c.n = 1 THEN '' ELSE ']}},' END"
        f" || {_run_start()} END || COALESCE(c.live_row, {tombstone})"
    )
    sums = f", {SUMS_JSON}" if with_sums else ""
    return (
        "SELECT count(*), max(seq) FILTER (WHERE n <= %(limit)s),"
        f" string_agg({piece}, '' ORDER BY seq) FILTER (WHERE n <= %(limit)s) || ']}}'{sums}"
        f" FROM ({numbered}) c"
    )


@cache
def _bytes_loader() -> type:
    """A psycopg loader giving text as the bytes PostgreSQL sent (UTF-8): the JSON goes out
    unchanged. (psycopg is imported only here: an SQLite registry does without it.)"""
    from psycopg.adapt import Loader

    class Utf8Bytes(Loader):
        def load(self, data: Any) -> bytes:
            return bytes(data)

    return Utf8Bytes


def _cursor(raw: Any, bound_in_text: bool) -> Any:
    """A driver cursor: one that binds the values into the statement text, or the usual."""
    if not bound_in_text:
        return raw.cursor()
    from psycopg import ClientCursor

    return ClientCursor(raw)


class Batch(NamedTuple):
    """Up to ``limit`` change-log entries of a cursor group, oldest first, as a fetch gives
    them: ``items`` (added to the page's), how many entries, the last one's ``seq``, and
    whether more entries follow within the high-water mark."""

    items: list[Any]
    count: int
    last_seq: int
    more: bool
    #: The rows ``(org_id, entity, live, parts)`` of the live-count sums, when asked for.
    sums: list[Any] | None = None


def changes_after(
    session: Session, orgs: list[str], cursor: int, hwm: int, limit: int,
    count_orgs: list[str] | None = None,
) -> Batch:
    """The entries after ``cursor``: one item, their runs as JSON (UTF-8 bytes, joined by
    commas), or none; with the live-count sums of ``count_orgs`` when given. Runs on the
    driver's own cursor inside the session's transaction.

    Reads keep one generic plan per statement (:mod:`registry.db`), which suits the usual
    small page. Where the range could hold more than a page (a first download), the values
    are bound into the statement text instead: planned for them, the organisations become a
    hashed constant list, and PostgreSQL renders a 10,000-row page in half the time (95–120
    against 165–240 ms), for a planning cost of about a millisecond."""
    raw = session.connection().connection.driver_connection
    assert raw is not None
    with _cursor(raw, hwm - cursor > limit) as db_cursor:
        db_cursor.adapters.register_loader("text", _bytes_loader())  # (JIT is off: registry.db)
        params = {"orgs": orgs, "cursor": cursor, "hwm": hwm, "limit": limit}
        if count_orgs is not None:
            params["count_orgs"] = count_orgs
        db_cursor.execute(_statement(count_orgs is not None), params)
        found = db_cursor.fetchone()
    assert found is not None
    count, last_seq, changes, *sums = found
    taken = min(count, limit)
    return Batch([changes] if taken else [], taken, last_seq or cursor, count > limit,
                 (sums[0] or []) if sums else None)

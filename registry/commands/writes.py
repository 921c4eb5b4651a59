"""Row writes of a command: version bump, change-log entry and audit rows together.

Each write takes many rows at once (a closure moves or removes thousands of members in one
transaction): rows that get the same values are written by one statement, their change-log
entries and audit rows go together. The one-row forms are the same writes of one row.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Table, insert, update

from registry.audit import record_audit
from registry.changelog import log_changes
from registry.commands.base import Context
from registry.models import ENTITY_TABLES
from registry.pull import id_filters

#: A date that is already "today" somewhere (UTC+14) is not in the future.
_LATEST_ZONE = timedelta(hours=14)

Values = dict[str, Any]
#: The values a row gets (the same dict for every row, or one per row).
ValuesOf = Values | Callable[[Any], Values]


def server_today(now: datetime) -> date:
    """The latest calendar date anywhere at server time ``now`` (UTC, naive)."""
    return (now + _LATEST_ZONE).date()


def _audit(
    ctx: Context, entity: str, row_id: str, org_id: str, op: str,
    changes: dict[str, tuple[Any, Any]],
) -> None:
    record_audit(ctx.session, at=ctx.now, user_id=ctx.user_id,
                 mutation_id=ctx.mutation.mutation_id, entity=entity, entity_id=row_id,
                 org_id=org_id, op=op, changes=changes)


def _group_key(values: Values) -> Hashable:
    try:
        key = tuple(sorted(values.items()))
        hash(key)
        return key
    except TypeError:  # an unhashable value (JSON): a group of its own
        return object()


def _write_groups(ctx: Context, table: Table, groups: dict[Hashable, tuple[Values, list[str]]]
                  ) -> None:
    """One UPDATE per group of rows getting the same values (and their version bumped)."""
    for values, ids in groups.values():
        for id_filter in id_filters(ctx.session, table.c.id, ids):
            ctx.session.execute(
                update(table).where(id_filter)
                .values(**values, version=table.c.version + 1, updated_at=ctx.now)
            )


def update_rows(ctx: Context, entity: str, rows: Sequence[Any], values: ValuesOf) -> list[int]:
    """Write ``values`` over each of ``rows`` (mappings of the current rows, locked by the
    caller); the new versions in order (unchanged for a row that already had the values)."""
    table: Table = ENTITY_TABLES[entity]
    groups: dict[Hashable, tuple[Values, list[str]]] = {}
    versions: list[int] = []
    logged: list[dict[str, Any]] = []
    for row in rows:
        wanted = values(row) if callable(values) else values
        changes = {k: (row[k], v) for k, v in wanted.items() if row[k] != v}
        version = int(row["version"])
        if changes:
            version += 1
            new = {k: v for k, (_, v) in changes.items()}
            groups.setdefault(_group_key(new), (new, []))[1].append(row["id"])
            logged.append({"entity": entity, "entity_id": row["id"], "org_id": row["org_id"],
                           "version": version, "tombstone": False})
            _audit(ctx, entity, row["id"], row["org_id"], "update", changes)
        versions.append(version)
    _write_groups(ctx, table, groups)
    log_changes(ctx.session, logged, ctx.now)
    return versions


def update_row(ctx: Context, entity: str, row: Any, values: Values) -> int:
    """Write ``values`` over ``row`` (a mapping of the current row); returns the new version."""
    return update_rows(ctx, entity, [row], values)[0]


def insert_rows(ctx: Context, entity: str, rows: Sequence[tuple[str, str, Values]]) -> None:
    """Create rows ``(id, org_id, values)`` at version 1 with their change-log entries and
    audit rows (rows with the same fields in one statement)."""
    table: Table = ENTITY_TABLES[entity]
    batches: dict[tuple[str, ...], list[Values]] = {}
    for row_id, org_id, values in rows:
        batches.setdefault(tuple(values), []).append(
            {**values, "id": row_id, "org_id": org_id, "version": 1, "deleted": False,
             "updated_at": ctx.now})
        changed = {k: (None, v) for k, v in values.items() if v is not None}
        _audit(ctx, entity, row_id, org_id, "create", changed)
    for batch in batches.values():
        ctx.session.execute(insert(table), batch)
    log_changes(ctx.session, [
        {"entity": entity, "entity_id": row_id, "org_id": org_id, "version": 1,
         "tombstone": False} for row_id, org_id, _ in rows], ctx.now)


def insert_row(ctx: Context, entity: str, row_id: str, org_id: str, values: Values) -> None:
    """Create a row at version 1 with its change-log entry and audit rows."""
    insert_rows(ctx, entity, [(row_id, org_id, values)])


def move_rows(
    ctx: Context, entity: str, rows: Sequence[Any], to_org: str, values: ValuesOf | None = None
) -> list[int]:
    """Move each of ``rows`` to organisation ``to_org`` (with ``values``); the new versions.

    The old organisation's change log gets a tombstone (the row left its pulls), the new one a
    live entry; the audit rows keep ``org_id`` old → new.
    """
    table: Table = ENTITY_TABLES[entity]
    groups: dict[Hashable, tuple[Values, list[str]]] = {}
    versions: list[int] = []
    logged: list[dict[str, Any]] = []
    for row in rows:
        extra = (values(row) if callable(values) else values) or {}
        wanted = {**extra, "org_id": to_org}
        changes = {k: (row[k], v) for k, v in wanted.items() if row[k] != v}
        new = {k: v for k, (_, v) in changes.items()}
        groups.setdefault(_group_key(new), (new, []))[1].append(row["id"])
        version = int(row["version"]) + 1
        if row["org_id"] != to_org:
            logged.append({"entity": entity, "entity_id": row["id"], "org_id": row["org_id"],
                           "version": version, "tombstone": True})
        logged.append({"entity": entity, "entity_id": row["id"], "org_id": to_org,
                       "version": version, "tombstone": False})
        _audit(ctx, entity, row["id"], to_org, "update", changes)
        versions.append(version)
    _write_groups(ctx, table, groups)
    log_changes(ctx.session, logged, ctx.now)
    return versions


def move_row(ctx: Context, entity: str, row: Any, to_org: str, values: Values | None = None
             ) -> int:
    """Move ``row`` to organisation ``to_org`` (with ``values``); returns the new version."""
    return move_rows(ctx, entity, [row], to_org, values)[0]

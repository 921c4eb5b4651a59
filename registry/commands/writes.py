"""Row writes of a command: version bump, change-log entry and audit rows together."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Table, insert, update

from registry.audit import record_audit
from registry.changelog import log_change
from registry.commands.base import Context
from registry.models import ENTITY_TABLES

#: A date that is already "today" somewhere (UTC+14) is not in the future.
_LATEST_ZONE = timedelta(hours=14)


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


def update_row(ctx: Context, entity: str, row: Any, values: dict[str, Any]) -> int:
    """Write ``values`` over ``row`` (a mapping of the current row); returns the new version."""
    table: Table = ENTITY_TABLES[entity]
    changes = {k: (row[k], v) for k, v in values.items() if row[k] != v}
    version = int(row["version"])
    if not changes:
        return version
    version += 1
    ctx.session.execute(
        update(table)
        .where(table.c.id == row["id"])
        .values(**{k: v for k, (_, v) in changes.items()}, version=version, updated_at=ctx.now)
    )
    log_change(ctx.session, entity, row["id"], row["org_id"], version, tombstone=False,
               now=ctx.now)
    _audit(ctx, entity, row["id"], row["org_id"], "update", changes)
    return version


def insert_row(ctx: Context, entity: str, row_id: str, org_id: str, values: dict[str, Any]) -> None:
    """Create a row at version 1 with its change-log entry and audit rows."""
    table: Table = ENTITY_TABLES[entity]
    ctx.session.execute(
        insert(table).values(
            **values, id=row_id, org_id=org_id, version=1, deleted=False, updated_at=ctx.now
        )
    )
    log_change(ctx.session, entity, row_id, org_id, 1, tombstone=False, now=ctx.now)
    changed = {k: (None, v) for k, v in values.items() if v is not None}
    _audit(ctx, entity, row_id, org_id, "create", changed)


def move_row(
    ctx: Context, entity: str, row: Any, to_org: str, values: dict[str, Any] | None = None
) -> int:
    """Move ``row`` to organisation ``to_org`` (with ``values``); returns the new version.

    The old organisation's change log gets a tombstone (the row left its pulls), the new one a
    live entry; the audit rows keep ``org_id`` old → new.
    """
    table: Table = ENTITY_TABLES[entity]
    wanted = {**(values or {}), "org_id": to_org}
    changes = {k: (row[k], v) for k, v in wanted.items() if row[k] != v}
    version = int(row["version"]) + 1
    ctx.session.execute(
        update(table)
        .where(table.c.id == row["id"])
        .values(**{k: v for k, (_, v) in changes.items()}, version=version, updated_at=ctx.now)
    )
    if row["org_id"] != to_org:
        log_change(ctx.session, entity, row["id"], row["org_id"], version, tombstone=True,
                   now=ctx.now)
    log_change(ctx.session, entity, row["id"], to_org, version, tombstone=False, now=ctx.now)
    _audit(ctx, entity, row["id"], to_org, "update", changes)
    return version


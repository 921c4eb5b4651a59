"""Sync bookkeeping in the local ``sync_state`` key/value table.

Keys: ``cursor:<org_id>`` (last applied server sequence of an organisation), ``last_sync``
(server time of the last complete sync, ISO), ``shadow:<entity>:<id>`` (the server's values of
fields a pulled page could not apply because a local change was pending; used to undo a change
the server rejected).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from chairclient.db.models import SyncState

CURSOR = "cursor:"
SHADOW = "shadow:"
LAST_SYNC = "last_sync"


def get(session: Session, key: str) -> str | None:
    return session.scalar(select(SyncState.value).where(SyncState.key == key))


def put(session: Session, key: str, value: str) -> None:
    stmt = insert(SyncState).values(key=key, value=value)
    session.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


def drop(session: Session, key: str) -> None:
    session.execute(delete(SyncState).where(SyncState.key == key))


def cursors(session: Session) -> dict[str, int]:
    """``{org_id: cursor}`` of every organisation held locally."""
    rows = session.execute(
        select(SyncState.key, SyncState.value).where(SyncState.key.startswith(CURSOR))
    )
    return {key[len(CURSOR):]: int(value) for key, value in rows}


def put_cursors(session: Session, values: dict[str, int]) -> None:
    """Store many cursors in one statement (a page carries one for every organisation)."""
    if not values:
        return
    stmt = insert(SyncState.__table__)
    session.execute(
        stmt.on_conflict_do_update(index_elements=["key"], set_={"value": stmt.excluded.value}),
        [{"key": CURSOR + org_id, "value": str(int(cursor))} for org_id, cursor in values.items()],
    )


def drop_cursor(session: Session, org_id: str) -> None:
    drop(session, CURSOR + org_id)


def shadow(session: Session, entity: str, entity_id: str) -> dict[str, Any]:
    raw = get(session, f"{SHADOW}{entity}:{entity_id}")
    return json.loads(raw) if raw else {}


def merge_shadow(session: Session, entity: str, entity_id: str, values: dict[str, Any]) -> None:
    if values:
        merged = {**shadow(session, entity, entity_id), **values}
        put(session, f"{SHADOW}{entity}:{entity_id}", json.dumps(merged, ensure_ascii=False))


def drop_shadow(session: Session, entity: str, entity_id: str) -> None:
    drop(session, f"{SHADOW}{entity}:{entity_id}")


def drop_shadows(session: Session, rows: list[tuple[str, str]]) -> None:
    """:func:`drop_shadow` of many ``(entity, entity_id)`` in one statement."""
    keys = sorted({f"{SHADOW}{entity}:{entity_id}" for entity, entity_id in rows})
    if keys:
        session.execute(delete(SyncState).where(SyncState.key.in_(keys)))


def last_sync(session: Session) -> str | None:
    """Server time (ISO, UTC) of the last complete sync, or None."""
    return get(session, LAST_SYNC)

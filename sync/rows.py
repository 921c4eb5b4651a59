"""Local synced rows: wire values to columns, upserts, tombstones, purges, derived columns."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, Table, delete, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from chairclient.db.engine import Database
from chairclient.db.models import (
    MEMBER_DERIVED_COLUMNS,
    SYNCED_MODELS,
    Organisation,
    OutboxEntry,
)
from chairclient.services.derived import refresh_members
from chairclient.text import organisation_search_text

#: Columns computed locally; never taken from the wire.
LOCAL_ONLY = frozenset(MEMBER_DERIVED_COLUMNS | {"search_text"})
#: Entities whose rows carry a ``member_id`` that feeds the member's derived columns.
MEMBER_CHILDREN = ("consent", "card")
CHUNK = 500


def table(entity: str) -> Table:
    return SYNCED_MODELS[entity].__table__


def wire_columns(entity: str) -> list[str]:
    return [c.key for c in table(entity).columns if c.key not in LOCAL_ONLY]


def from_wire(entity: str, row: dict[str, Any]) -> dict[str, Any]:
    """Known, non-derived columns of a wire row as Python column values."""
    columns = table(entity).columns
    values: dict[str, Any] = {}
    for key in wire_columns(entity):
        if key not in row:
            continue
        value = row[key]
        kind = columns[key].type
        if isinstance(value, str) and isinstance(kind, DateTime):
            parsed = datetime.fromisoformat(value)
            value = parsed.replace(tzinfo=None) if parsed.tzinfo else parsed
        elif isinstance(value, str) and isinstance(kind, Date):
            value = date.fromisoformat(value)
        values[key] = value
    return values


def to_wire(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value


@contextmanager
def page_transaction(db: Database) -> Iterator[Session]:
    """One local transaction with foreign keys off: pulled rows arrive in server order, which
    need not be parents first (a parent edited later comes later); the page is complete data."""
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()
        try:
            with Session(bind=conn, expire_on_commit=False) as session, session.begin():
                yield session
        finally:
            conn.rollback()
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.commit()


def chunks(items: list[str], size: int = CHUNK) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def upsert(session: Session, entity: str, rows: list[dict[str, Any]]) -> None:
    """Insert or overwrite ``rows`` (all with the same keys) by id."""
    if not rows:
        return
    stmt = insert(table(entity))
    keys = [k for k in rows[0] if k != "id"]
    stmt = stmt.on_conflict_do_update(
        index_elements=["id"], set_={k: stmt.excluded[k] for k in keys}
    )
    session.execute(stmt, rows)


def tombstone(session: Session, entity: str, entity_id: str, org_id: str, version: int) -> None:
    """Mark deleted, but only while the local copy still belongs to ``org_id``."""
    t = table(entity)
    session.execute(
        update(t)
        .where(t.c.id == entity_id, t.c.org_id == org_id)
        .values(deleted=True, version=version)
    )


def member_ids_of(session: Session, entity: str, ids: Iterable[str]) -> set[str]:
    """Members whose derived columns depend on the given rows (the rows' own ids for members)."""
    ids = list(ids)
    if entity == "member":
        return set(ids)
    if entity not in MEMBER_CHILDREN:
        return set()
    t = table(entity)
    found: set[str] = set()
    for chunk in chunks(ids):
        found.update(session.scalars(select(t.c.member_id).where(t.c.id.in_(chunk))))
    return {m for m in found if m}


def refresh_derived(session: Session, member_ids: set[str], org_ids: set[str]) -> None:
    """Recompute member derived columns and organisations' search text."""
    if member_ids:
        refresh_members(session, member_ids)
    for chunk in chunks(sorted(org_ids)):
        for org in session.scalars(select(Organisation).where(Organisation.id.in_(chunk))):
            org.search_text = organisation_search_text(org.short_name, org.full_name, org.code)


def pending_ids(session: Session, org_id: str | None = None) -> set[str]:
    """Entity ids with a pending outbox entry (optionally of one organisation)."""
    query = select(OutboxEntry.entity_id).where(OutboxEntry.state == "pending")
    if org_id is not None:
        query = query.where(OutboxEntry.org_id == org_id)
    return set(session.scalars(query))


def purge_org(session: Session, org_id: str, *, keep_local: bool) -> None:
    """Remove an organisation's rows. ``keep_local`` keeps rows the server has never seen and
    rows with pending changes (a re-download); otherwise rows and outbox entries all go."""
    keep = pending_ids(session) if keep_local else set()
    for entity in SYNCED_MODELS:
        t = table(entity)
        query = delete(t).where(t.c.org_id == org_id)
        if keep_local:
            query = query.where(t.c.version > 0)
            for chunk in chunks(sorted(keep)):
                query = query.where(t.c.id.not_in(chunk))
        session.execute(query)
    if not keep_local:
        session.execute(delete(OutboxEntry).where(OutboxEntry.org_id == org_id))


def live_counts(session: Session, org_id: str) -> dict[str, int]:
    """Rows of ``org_id`` the server knows about (version > 0) and that are not deleted."""
    from sqlalchemy import func

    counts: dict[str, int] = {}
    for entity in SYNCED_MODELS:
        t = table(entity)
        n = session.scalar(
            select(func.count()).select_from(t).where(
                t.c.org_id == org_id, t.c.deleted.is_(False), t.c.version > 0
            )
        )
        if n:
            counts[entity] = int(n)
    return counts

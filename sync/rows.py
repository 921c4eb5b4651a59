"""Local synced rows: wire values to columns, upserts, tombstones, purges, derived columns."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Date, DateTime, Table, delete, select, update
from sqlalchemy.orm import Session

from chairclient.db.engine import Database
from chairclient.db.models import (
    MEMBER_DERIVED_COLUMNS,
    SYNCED_MODELS,
    Organisation,
    OutboxEntry,
)
from chairclient.services.derived import (
    json_ids,
    refresh_child_columns,
    refresh_members,
)
from chairclient.text import organisation_search_text

#: Columns computed locally; never taken from the wire.
LOCAL_ONLY = frozenset(MEMBER_DERIVED_COLUMNS | {"search_text"})
#: Entities whose rows carry a ``member_id`` that feeds the member's derived columns.
MEMBER_CHILDREN = ("consent", "card")
CHUNK = 500
#: WAL pages (4 KiB) before an automatic checkpoint while a pulled page is applied.
PAGE_WAL_CHECKPOINT = 10_000


def table(entity: str) -> Table:
    return SYNCED_MODELS[entity].__table__


def wire_columns(entity: str) -> list[str]:
    return [c.key for c in table(entity).columns if c.key not in LOCAL_ONLY]


@cache
def _wire_plan(entity: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """An entity's wire columns, and those of them holding date-times and dates."""
    columns = table(entity).columns
    keys = tuple(wire_columns(entity))
    times = tuple(k for k in keys if isinstance(columns[k].type, DateTime))
    dates = tuple(k for k in keys if isinstance(columns[k].type, Date) and k not in times)
    return keys, times, dates


def from_wire(entity: str, row: dict[str, Any]) -> dict[str, Any]:
    """Known, non-derived columns of a wire row as Python column values."""
    keys, times, dates = _wire_plan(entity)
    values = {key: row[key] for key in keys if key in row}
    for key in times:
        value = values.get(key)
        if isinstance(value, str):
            parsed = datetime.fromisoformat(value)
            values[key] = parsed.replace(tzinfo=None) if parsed.tzinfo else parsed
    for key in dates:
        value = values.get(key)
        if isinstance(value, str):
            values[key] = date.fromisoformat(value)
    return values


def to_wire(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value


@contextmanager
def page_transaction(db: Database) -> Iterator[Session]:
    """One local transaction with foreign keys off: pulled rows arrive in server order, which
    need not be parents first (a parent edited later comes later); the page is complete data.

    While it runs the WAL is checkpointed only past :data:`PAGE_WAL_CHECKPOINT` pages rather
    than after every commit (a first download commits hundreds of large pages in a row)."""
    with db.engine.connect() as conn:
        usual = conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.exec_driver_sql(f"PRAGMA wal_autocheckpoint={PAGE_WAL_CHECKPOINT}")
        conn.commit()
        try:
            with Session(bind=conn, expire_on_commit=False) as session, session.begin():
                yield session
        finally:
            conn.rollback()
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.exec_driver_sql(f"PRAGMA wal_autocheckpoint={int(usual or 1000)}")
            conn.commit()


def chunks(items: list[str], size: int = CHUNK) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


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
    found = set(session.scalars(select(t.c.member_id).where(t.c.id.in_(json_ids(ids)))))
    return {m for m in found if m}


def refresh_derived(
    session: Session, member_ids: set[str], org_ids: set[str],
    child_ids: Iterable[str] = (),
) -> None:
    """Recompute member derived columns and organisations' search text; ``child_ids``:
    members whose consents or cards alone changed (only the columns those decide)."""
    if member_ids:
        refresh_members(session, member_ids)
    children_only = set(child_ids) - member_ids
    if children_only:
        refresh_child_columns(session, children_only)
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

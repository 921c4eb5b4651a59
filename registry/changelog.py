"""The change log: one entry per (entity, row, organisation), renumbered on every change.

Sequence numbers come from a counter row updated inside the writing transaction. The row lock
serialises writers, so sequence order equals commit order and a reader never sees a gap filled
in later (a cursor never skips a change).
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Insert, delete, event, select, text, update
from sqlalchemy.orm import Session

from registry.commit_pg import Counters, write_at_commit
from registry.db import bulk_insert
from registry.deferred import drop_deferred, flush_deferred, take_deferred
from registry.models import change_log, server_counters


def next_seq(session: Session) -> int:
    return reserve_seqs(session, 1)


def reserve_seqs(session: Session, count: int) -> int:
    """Take ``count`` consecutive sequence numbers at once; returns the first of them."""
    counter = server_counters.c
    last = session.scalar(
        update(server_counters)
        .where(counter.key == "change_seq")
        .values(value=counter.value + count)
        .returning(counter.value)
    )
    return int(last) - count + 1


def counters(session: Session) -> tuple[int, int]:
    """``(high water, tombstone horizon)`` in one query."""
    values = dict(session.execute(_COUNTERS).all())
    return int(values.get("change_seq") or 0), int(values.get("tombstone_horizon") or 0)


def high_water(session: Session) -> int:
    """The last sequence number committed (and visible to this transaction)."""
    counter = server_counters.c
    return int(session.scalar(select(counter.value).where(counter.key == "change_seq")) or 0)


def tombstone_horizon(session: Session) -> int:
    return int(session.scalar(_HORIZON) or 0)


# Statements run on every pull and meta request, built once.
_COUNTERS = select(server_counters.c.key, server_counters.c.value).where(
    server_counters.c.key.in_(("change_seq", "tombstone_horizon"))
)
_HORIZON = select(server_counters.c.value).where(server_counters.c.key == "tombstone_horizon")


def log_change(
    session: Session,
    entity: str,
    entity_id: str,
    org_id: str,
    version: int,
    *,
    tombstone: bool,
    now: datetime,
) -> None:
    """Record that a row changed in ``org_id`` (its older entry there is replaced, in one
    upsert on the entry's unique key).

    On PostgreSQL the entry is written just before the transaction commits (see
    :func:`_write_pending`): taking a sequence number locks the counter's row until the commit,
    and every writer waits for that lock, so it is taken as late as possible."""
    values = {"entity": entity, "entity_id": entity_id, "org_id": org_id, "version": version,
              "tombstone": tombstone, "changed_at": now}
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql" and not session.in_nested_transaction():
        session.info.setdefault(_PENDING, []).append(values)
        return
    if dialect == "postgresql":  # inside a savepoint: now, so that its rollback undoes it
        session.execute(_NEXT_SEQ_AND_ENTRY, values)
        return
    seq = next_seq(session)
    session.execute(_replace_entry(dialect), {"seq": seq, **values})


def log_changes(session: Session, entries: list[dict[str, Any]], now: datetime) -> None:
    """:func:`log_change` of many rows (``entity``, ``entity_id``, ``org_id``, ``version``,
    ``tombstone`` each), numbered in this order: on SQLite one block of sequence numbers and
    one executemany instead of two statements per row."""
    if not entries:
        return
    rows = [{**entry, "changed_at": now} for entry in entries]
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql" and not session.in_nested_transaction():
        session.info.setdefault(_PENDING, []).extend(rows)
        return
    if dialect == "postgresql":
        session.execute(_NEXT_SEQ_AND_ENTRY, rows)
        return
    first = reserve_seqs(session, len(rows))
    session.execute(_replace_entry(dialect),
                    [{"seq": first + i, **row} for i, row in enumerate(rows)])


_PENDING = "registry.pending_change_log"

#: PostgreSQL: take the next sequence number and upsert the entry with it, in one statement.
_NEXT_SEQ_AND_ENTRY = text(
    "WITH next_seq AS (UPDATE server_counters SET value = value + 1"
    " WHERE key = 'change_seq' RETURNING value)"
    " INSERT INTO change_log (seq, entity, entity_id, org_id, version, tombstone, changed_at)"
    " SELECT value, :entity, :entity_id, :org_id, :version, :tombstone, :changed_at"
    " FROM next_seq"
    " ON CONFLICT (entity, entity_id, org_id) DO UPDATE SET seq = excluded.seq,"
    " version = excluded.version, tombstone = excluded.tombstone,"
    " changed_at = excluded.changed_at"
)


_COMMITTING = "registry.counters_at_commit"
_COMMITTED = "registry.counters_committed"


@event.listens_for(Session, "before_commit")
def _write_pending(session: Session) -> None:
    """The transaction's deferred inserts (:mod:`registry.deferred`), then its change-log
    entries in the order logged, right before it commits (the counter's row lock is then held
    for this one round trip and the commit). On PostgreSQL all of it is one statement
    (:mod:`registry.commit_pg`), which also tells the counters as of this commit."""
    if session.in_nested_transaction():
        return
    session.info.pop(_COMMITTED, None)
    pending = session.info.pop(_PENDING, None) or []
    if session.get_bind().dialect.name == "postgresql":
        counters = write_at_commit(session, take_deferred(session), pending)
        if counters is not None:
            session.info[_COMMITTING] = counters
        return
    flush_deferred(session)
    if pending:
        session.execute(_NEXT_SEQ_AND_ENTRY, pending)


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    counters = session.info.pop(_COMMITTING, None)
    if counters is not None:
        session.info[_COMMITTED] = counters


def committed_counters(session: Session) -> Counters | None:
    """The counters as of the session's last commit, when it logged changes on PostgreSQL:
    every change numbered up to its high-water mark is committed and visible."""
    return session.info.get(_COMMITTED)


@event.listens_for(Session, "after_transaction_end")
def _drop_pending(session: Session, transaction: Any) -> None:
    if transaction.parent is None:  # the whole transaction ended (a rollback): forget them
        session.info.pop(_PENDING, None)
        session.info.pop(_COMMITTING, None)
        drop_deferred(session)


@cache
def _replace_entry(dialect: str) -> Insert:
    """``INSERT … ON CONFLICT (entity, entity_id, org_id) DO UPDATE`` of a log entry."""
    from sqlalchemy.dialects import postgresql, sqlite

    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(change_log)
    return stmt.on_conflict_do_update(
        index_elements=["entity", "entity_id", "org_id"],
        set_={k: stmt.excluded[k] for k in ("seq", "version", "tombstone", "changed_at")},
    )


def log_new_rows(
    session: Session, entity: str, rows: list[tuple[str, str]], now: datetime
) -> None:
    """Log rows inserted as version 1, ``rows`` being ``(entity_id, org_id)`` pairs with no
    entry yet (a bulk load into an empty registry): one block of sequence numbers, one insert."""
    if not rows:
        return
    first = reserve_seqs(session, len(rows))
    bulk_insert(
        session,
        change_log,
        [
            {"seq": first + i, "entity": entity, "entity_id": entity_id, "org_id": org_id,
             "version": 1, "tombstone": False, "changed_at": now}
            for i, (entity_id, org_id) in enumerate(rows)
        ],
    )


def purge_tombstones(session: Session, older_than: datetime) -> int:
    """Forget tombstones older than ``older_than``; cursors below the new horizon must reset.

    Returns how many entries were dropped.
    """
    log = change_log.c
    old = select(log.seq).where(log.tombstone.is_(True), log.changed_at < older_than)
    seqs = list(session.scalars(old))
    if not seqs:
        return 0
    horizon = max(seqs)
    session.execute(
        delete(change_log).where(log.tombstone.is_(True), log.seq <= horizon)
    )
    counter = server_counters.c
    session.execute(
        update(server_counters)
        .where(counter.key == "tombstone_horizon", counter.value < horizon)
        .values(value=horizon)
    )
    return len(seqs)

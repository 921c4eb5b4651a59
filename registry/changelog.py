"""The change log: one entry per (entity, row, organisation), renumbered on every change.

Sequence numbers come from a counter row updated inside the writing transaction. The row lock
serialises writers, so sequence order equals commit order and a reader never sees a gap filled
in later (a cursor never skips a change).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from registry.models import change_log, server_counters


def next_seq(session: Session) -> int:
    counter = server_counters.c
    session.execute(
        update(server_counters)
        .where(counter.key == "change_seq")
        .values(value=counter.value + 1)
    )
    return int(session.scalar(select(counter.value).where(counter.key == "change_seq")))


def high_water(session: Session) -> int:
    """The last sequence number committed (and visible to this transaction)."""
    counter = server_counters.c
    return int(session.scalar(select(counter.value).where(counter.key == "change_seq")) or 0)


def tombstone_horizon(session: Session) -> int:
    counter = server_counters.c
    return int(
        session.scalar(select(counter.value).where(counter.key == "tombstone_horizon")) or 0
    )


def log_change(
    session: Session,
    entity: str,
    entity_id: str,
    org_id: str,
    version: int,
    *,
    tombstone: bool,
    now: datetime,
) -> int:
    """Record that a row changed in ``org_id`` (its older entry there is replaced)."""
    seq = next_seq(session)
    log = change_log.c
    session.execute(
        delete(change_log).where(
            log.entity == entity, log.entity_id == entity_id, log.org_id == org_id
        )
    )
    session.execute(
        insert(change_log).values(
            seq=seq,
            entity=entity,
            entity_id=entity_id,
            org_id=org_id,
            version=version,
            tombstone=tombstone,
            changed_at=now,
        )
    )
    return seq


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

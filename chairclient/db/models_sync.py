"""The outbox: every local edit waiting to be pushed to the registry, in order."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from chairclient.db.base import Base, new_id, utcnow


class OutboxEntry(Base):
    """One mutation. ``step_id`` groups the entries of one user action (one undo step)."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mutation_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    step_id: Mapped[str] = mapped_column(String(36), index=True, nullable=False)
    entity: Mapped[str] = mapped_column(String(40), nullable=False)
    entity_id: Mapped[str] = mapped_column(String(36), index=True, nullable=False)
    org_id: Mapped[str] = mapped_column(String(36), nullable=False)
    #: 'create', 'update', 'delete' or 'command'
    op: Mapped[str] = mapped_column(String(10), nullable=False)
    #: Changed fields with their new values (or the command's arguments).
    fields: Mapped[dict] = mapped_column(JSON, nullable=False)
    #: The same fields' values as last acknowledged by the server (per-field merge).
    base: Mapped[dict] = mapped_column(JSON, nullable=False)
    base_version: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    #: 'pending', 'sent', 'rejected', 'conflict'
    state: Mapped[str] = mapped_column(String(10), default="pending", nullable=False, index=True)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)


class UndoStep(Base):
    """A bulk action the person may still take back (Правка → Отменить) while it is unsynced.

    ``step_id`` is the step id of the action's outbox entries; ``entries`` how many it queued
    (fewer of them still pending = partly or wholly sent: no longer undoable). ``undo`` holds
    ``{"rows": [{"entity", "id", "version", "old"}]}``: the values a plain update overwrote (wire
    form, ``old`` absent for rows a lifecycle command changed — its entry's ``base`` has them)
    and the rows' versions then (a newer version means the registry changed the row since).
    Rows the action created are the ``create`` entries' ids. See ``chairclient.services.steps``.
    """

    __tablename__ = "undo_steps"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    step_id: Mapped[str] = mapped_column(String(36), unique=True, nullable=False)
    #: What was done: consent, card_request, cards_received, cards_issued, category …
    action: Mapped[str] = mapped_column(String(40), nullable=False)
    #: For the menu text: {"count": members changed, "skipped": n, …}.
    summary: Mapped[dict] = mapped_column(JSON, nullable=False)
    entries: Mapped[int] = mapped_column(Integer, nullable=False)
    undo: Mapped[dict] = mapped_column(JSON, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)


class SyncState(Base):
    """Key/value bookkeeping of the sync client (per-org cursors, last sync time)."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class SyncedRowCount(Base):
    """Live rows (acknowledged by the registry, not deleted) per entity and organisation, kept
    by triggers on every write to a synced table (migration 0005): the sync's count check."""

    __tablename__ = "synced_row_counts"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    live: Mapped[int] = mapped_column(Integer, nullable=False)

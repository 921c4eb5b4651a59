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


class SyncState(Base):
    """Key/value bookkeeping of the sync client (per-org cursors, last sync time)."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)

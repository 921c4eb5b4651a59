"""Declarative base and the columns every synchronised row carries."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import Boolean, DateTime, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A client-generated UUID, the identity of a row everywhere (client, registry, outbox)."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Synced:
    """Columns of every row that travels between client and registry.

    ``version`` is the registry's revision of the row (0 = never acknowledged by the server);
    ``deleted`` is the tombstone flag: rows are never removed while they can still be synced.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=utcnow, onupdate=utcnow, nullable=False
    )

    @declared_attr
    def org_id(cls) -> Mapped[str]:  # noqa: N805 - declared_attr convention
        return mapped_column(String(36), index=True, nullable=False)

    #: Column names that are bookkeeping, not data a person edits (never sent as field changes).
    SYSTEM_COLUMNS = frozenset({"id", "version", "deleted", "updated_at", "org_id"})

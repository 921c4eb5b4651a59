"""Pending lifecycle commands in the local store: what they protect and how they are undone.

A command entry's ``base`` holds ``rows`` (entity, id and the values the optimistic change
overwrote) and ``created`` (rows it added), written by :mod:`chairclient.services.lifecycle`.
While the command is pending, a pulled page keeps those fields (the server's values go to the
row's shadow); when the registry refuses it, the fields go back to the server's values and the
rows it added (never seen by the server) are dropped.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from chairclient.db.models import SYNCED_MODELS, OutboxEntry
from sync import rows, state


def _touched(entry: OutboxEntry) -> list[dict[str, Any]]:
    found = (entry.base or {}).get("rows", [])
    return [r for r in found if isinstance(r, dict) and r.get("entity") in SYNCED_MODELS]


def protected_fields(session: Session) -> dict[str, set[str]]:
    """Per row id, the fields a pending command changed locally."""
    found: dict[str, set[str]] = defaultdict(set)
    for entry in session.scalars(
        select(OutboxEntry).where(OutboxEntry.state == "pending", OutboxEntry.op == "command")
    ):
        for row in _touched(entry):
            found[row["id"]] |= set(row.get("old", {}))
    return found


def member_ids(session: Session, entry: OutboxEntry) -> set[str]:
    """Members whose derived columns a command touched (its member and cards' members)."""
    ids: set[str] = {entry.entity_id} if entry.entity == "member" else set()
    for row in _touched(entry):
        ids |= rows.member_ids_of(session, row["entity"], [row["id"]])
    return ids


def undo(session: Session, entry: OutboxEntry) -> None:
    """Put the server's state back after the registry refused ``entry``."""
    for row in reversed(_touched(entry)):
        server = state.shadow(session, row["entity"], row["id"])
        wanted = {k: server.get(k, old) for k, old in row.get("old", {}).items()}
        values = rows.from_wire(row["entity"], wanted)
        if values:
            t = rows.table(row["entity"])
            session.execute(update(t).where(t.c.id == row["id"]).values(**values))
    for made in reversed((entry.base or {}).get("created", [])):
        if isinstance(made, dict) and made.get("entity") in SYNCED_MODELS:
            t = rows.table(made["entity"])
            session.execute(delete(t).where(t.c.id == made["id"], t.c.version == 0))


def forget_shadows(session: Session, entry: OutboxEntry) -> None:
    """Drop the shadows of rows the command touched once nothing else is pending for them."""
    for row in _touched(entry):
        busy = session.scalar(
            select(OutboxEntry.seq).where(
                OutboxEntry.entity_id == row["id"], OutboxEntry.state == "pending"
            ).limit(1)
        )
        if busy is None and not protected_fields(session).get(row["id"]):
            state.drop_shadow(session, row["entity"], row["id"])

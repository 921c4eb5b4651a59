"""Writing outbox entries: every service edit calls this inside its own transaction."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.models import SYNCED_MODELS, OutboxEntry, Synced, new_id

_ENTITY_BY_MODEL = {model: name for name, model in SYNCED_MODELS.items()}


def wire_value(value: Any) -> Any:
    """A column value as JSON carries it (dates as ISO strings)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def entity_name(row: Synced) -> str:
    return _ENTITY_BY_MODEL[type(row)]


def pending_base(session: Session, entity_id: str) -> dict[str, Any]:
    """Per field, the base value of the earliest still-pending change to ``entity_id``.

    The base must be what the server last acknowledged, not the previous local edit, so that
    several offline edits of one field still merge against the server's value.
    """
    base: dict[str, Any] = {}
    entries = session.scalars(
        select(OutboxEntry)
        .where(OutboxEntry.entity_id == entity_id, OutboxEntry.state == "pending")
        .order_by(OutboxEntry.seq)
    )
    for entry in entries:
        for field, value in entry.base.items():
            base.setdefault(field, value)
    return base


def pending_bases(session: Session, entity_ids: list[str]) -> dict[str, dict[str, Any]]:
    """:func:`pending_base` of many rows at once (one query per 500 ids), for bulk actions."""
    bases: dict[str, dict[str, Any]] = {}
    for start in range(0, len(entity_ids), 500):
        entries = session.execute(
            select(OutboxEntry.entity_id, OutboxEntry.base)
            .where(OutboxEntry.entity_id.in_(entity_ids[start:start + 500]),
                   OutboxEntry.state == "pending")
            .order_by(OutboxEntry.seq)
        )
        for entity_id, entry_base in entries:
            found = bases.setdefault(entity_id, {})
            for field, value in (entry_base or {}).items():
                found.setdefault(field, value)
    return bases


def record(
    session: Session,
    row: Synced,
    op: str,
    fields: dict[str, Any],
    old: dict[str, Any],
    step_id: str,
) -> OutboxEntry:
    """Queue one mutation of ``row``; ``old`` holds the changed fields' values before the edit."""
    earlier = pending_base(session, row.id)
    base = {f: earlier.get(f, wire_value(old.get(f))) for f in fields}
    entry = OutboxEntry(
        mutation_id=new_id(),
        step_id=step_id,
        entity=entity_name(row),
        entity_id=row.id,
        org_id=row.org_id,
        op=op,
        fields={k: wire_value(v) for k, v in fields.items()},
        base=base,
        base_version=row.version,
    )
    session.add(entry)
    return entry


def record_command(
    session: Session, entity: str, entity_id: str, org_id: str, name: str,
    args: dict[str, Any], step_id: str,
) -> OutboxEntry:
    """Queue a lifecycle command (join, transfer, removal, card request …) for the registry."""
    entry = OutboxEntry(
        mutation_id=new_id(),
        step_id=step_id,
        entity=entity,
        entity_id=entity_id,
        org_id=org_id,
        op="command",
        fields={"command": name, **{k: wire_value(v) for k, v in args.items()}},
        base={},
        base_version=0,
    )
    session.add(entry)
    return entry


def pending_count(session: Session) -> int:
    from sqlalchemy import func

    return session.scalar(
        select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == "pending")
    ) or 0

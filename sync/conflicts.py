"""Changes that wait for a person: conflicts to resolve per field, rejections to discard.

A conflict entry (outbox state ``conflict``) keeps, per field, the value before (base), mine
and the server's; the local row shows the server's value. Nothing is lost until a person
decides each field:

* "mine": a new pending update of that field, based on the server's value and the row's current
  version, so it applies on the next push; the row shows my value again;
* "server": my value is dropped.

The conflict entry is removed once all its fields are decided. No Qt here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from chairclient.db.models import SYNCED_MODELS, Member, OutboxEntry, new_id
from chairclient.services import outbox as outbox_service
from sync import rows

Choice = Literal["mine", "server"]


@dataclass(frozen=True)
class FieldConflict:
    field: str
    base: Any
    mine: Any
    server: Any


@dataclass(frozen=True)
class Conflict:
    """One outbox entry in conflict: what it changes and its undecided fields."""

    seq: int
    entity: str
    entity_id: str
    title: str
    fields: tuple[FieldConflict, ...]


@dataclass(frozen=True)
class Rejected:
    seq: int
    entity: str
    entity_id: str
    title: str
    changed: tuple[str, ...]
    reason: str


def _title(session: Session, entity: str, entity_id: str) -> str:
    """A readable name of the changed row (a member's full name), or the entity name."""
    if entity == "member":
        member = session.get(Member, entity_id)
        if member is not None:
            return " ".join(p for p in (member.last_name, member.first_name, member.patronymic)
                            if p)
    return entity


def _details(entry: OutboxEntry) -> dict[str, Any]:
    try:
        data = json.loads(entry.error or "{}")
    except ValueError:
        data = {}
    return data if isinstance(data, dict) else {}


def list_conflicts(session: Session) -> list[Conflict]:
    """Every conflict entry, oldest first."""
    entries = session.scalars(
        select(OutboxEntry).where(OutboxEntry.state == "conflict").order_by(OutboxEntry.seq)
    )
    found = []
    for entry in entries:
        raw = _details(entry).get("conflicts", {})
        fields = tuple(
            FieldConflict(name, v.get("base"), v.get("mine"), v.get("server"))
            for name, v in raw.items()
        )
        found.append(Conflict(entry.seq, entry.entity, entry.entity_id,
                              _title(session, entry.entity, entry.entity_id), fields))
    return found


def resolve(session: Session, seq: int, field: str, choice: Choice) -> bool:
    """Decide one field of conflict entry ``seq``; True when the entry is now gone."""
    entry = session.get(OutboxEntry, seq)
    if entry is None or entry.state != "conflict":
        raise LookupError("no such conflict")
    details = _details(entry)
    conflicts: dict[str, Any] = dict(details.get("conflicts", {}))
    if field not in conflicts:
        raise LookupError("no such field in the conflict")
    value = conflicts.pop(field)
    if choice == "mine":
        _take_mine(session, entry, field, value.get("mine"), value.get("server"))
    elif choice != "server":
        raise ValueError(f"unknown choice {choice!r}")
    if not conflicts:
        session.execute(delete(OutboxEntry).where(OutboxEntry.seq == seq))
        return True
    details["conflicts"] = conflicts
    entry.error = json.dumps(details, ensure_ascii=False)
    return False


def _take_mine(session: Session, entry: OutboxEntry, field: str, mine: Any,
               server: Any) -> None:
    model = SYNCED_MODELS.get(entry.entity)
    row = session.get(model, entry.entity_id) if model is not None else None
    if row is None:
        return  # the row is gone (deleted on the server): nothing to apply my value to
    outbox_service.record(session, row, "update", {field: mine}, {field: server}, new_id())
    for name, value in rows.from_wire(entry.entity, {field: mine}).items():
        setattr(row, name, value)
    session.flush()
    rows.refresh_derived(session, rows.member_ids_of(session, entry.entity, [row.id]), set())


def list_rejected(session: Session) -> list[Rejected]:
    """Changes the server refused, with its reason, oldest first."""
    entries = session.scalars(
        select(OutboxEntry).where(OutboxEntry.state == "rejected").order_by(OutboxEntry.seq)
    )
    return [
        Rejected(e.seq, e.entity, e.entity_id, _title(session, e.entity, e.entity_id),
                 tuple(e.fields) if e.op == "update" else (), e.error or "")
        for e in entries
    ]


def discard_rejected(session: Session, seq: int) -> None:
    """Forget a rejected change (the row already shows the server's values)."""
    session.execute(
        delete(OutboxEntry).where(OutboxEntry.seq == seq, OutboxEntry.state == "rejected")
    )


@dataclass(frozen=True)
class Counts:
    pending: int = 0
    conflicts: int = 0
    rejected: int = 0


def counts(session: Session) -> Counts:
    """How many changes are waiting to be sent, in conflict and rejected."""
    by_state = dict(
        session.execute(select(OutboxEntry.state, func.count()).group_by(OutboxEntry.state)).all()
    )
    return Counts(by_state.get("pending", 0), by_state.get("conflict", 0),
                  by_state.get("rejected", 0))

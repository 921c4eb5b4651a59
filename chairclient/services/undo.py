"""Правка → Отменить: taking back the last bulk action while none of it has been synced.

The step on top of the stack (:class:`UndoStep`, newest first) is undone in the caller's
transaction: rows a plain update changed get the values it overwrote, rows a lifecycle command
changed get the values its entry's ``base`` kept, rows the step created are deleted, its outbox
entries and the step itself are dropped, and the members' derived columns are recomputed.

A step can no longer be undone when (reasons as codes, the UI words them):

* :data:`SENT` — some of its entries were pushed (or the registry refused or questioned them);
* :data:`CHANGED` — a later local change touches the same rows;
* :data:`UPDATED` — the registry changed one of its rows since (a pull brought a newer version).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, Table, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from chairclient.db.models import SYNCED_MODELS, Card, OutboxEntry, UndoStep
from chairclient.services.derived import refresh_consent_flags, refresh_members
from chairclient.services.steps import chunks, table_of

SENT = "sent"
CHANGED = "changed"
UPDATED = "updated"
#: The step the person saw is no longer the last one (or there is none).
GONE = "gone"

_MEMBER_ROWS = ("consent", "card", "membership_event", "member_role")


class CannotUndo(Exception):
    """``code`` is one of :data:`SENT`, :data:`CHANGED`, :data:`UPDATED`, :data:`GONE`."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class StepInfo:
    """The last bulk action, for the Правка menu; ``blocked`` is None when it can be undone."""

    step_id: str
    action: str
    summary: dict[str, Any]
    created_at: datetime
    blocked: str | None


@dataclass
class UndoDone:
    action: str
    summary: dict[str, Any]
    members: list[str] = field(default_factory=list)


def last_step(session: Session) -> StepInfo | None:
    step = _top(session)
    if step is None:
        return None
    return StepInfo(step.step_id, step.action, dict(step.summary), step.created_at,
                    _blocked(session, step))


def undo_last_step(session: Session, step_id: str | None = None) -> UndoDone:
    """Undo the last step (only if it is ``step_id``, when given); :class:`CannotUndo` if not."""
    step = _top(session)
    if step is None or (step_id is not None and step.step_id != step_id):
        raise CannotUndo(GONE)
    reason = _blocked(session, step)
    if reason is not None:
        raise CannotUndo(reason)
    entries = session.execute(
        select(OutboxEntry.entity, OutboxEntry.entity_id, OutboxEntry.op, OutboxEntry.base)
        .where(OutboxEntry.step_id == step.step_id).order_by(OutboxEntry.seq.desc())
    ).all()
    restores: list[dict[str, Any]] = [r for r in step.undo.get("rows", []) if "old" in r]
    deletions: list[tuple[str, str]] = []
    for entity, entity_id, op, base in entries:
        if op == "command":
            restores += [r for r in (base or {}).get("rows", []) if _known(r)]
            deletions += [(c["entity"], c["id"]) for c in reversed((base or {}).get("created", []))
                          if _known(c)]
        elif op == "create":
            deletions.append((entity, entity_id))
    members: set[str] = set()
    touched = _by_entity([(r["entity"], r["id"]) for r in restores] + deletions)
    for entity, ids in touched.items():
        members |= _member_ids(session, entity, ids)
    _restore(session, restores)
    _delete(session, deletions)
    session.execute(delete(OutboxEntry).where(OutboxEntry.step_id == step.step_id))
    session.execute(delete(UndoStep).where(UndoStep.seq == step.seq))
    session.expire_all()
    if set(touched) <= {"consent"}:
        refresh_consent_flags(session, members)
    else:
        refresh_members(session, members)
    return UndoDone(step.action, dict(step.summary), sorted(members))


# -- checks -----------------------------------------------------------------------------------


def _top(session: Session) -> UndoStep | None:
    return session.scalar(select(UndoStep).order_by(UndoStep.seq.desc()).limit(1))


def _known(row: Any) -> bool:
    return isinstance(row, dict) and row.get("entity") in SYNCED_MODELS and "id" in row


def _blocked(session: Session, step: UndoStep) -> str | None:
    pending, last_seq = session.execute(
        select(func.count(), func.max(OutboxEntry.seq))
        .where(OutboxEntry.step_id == step.step_id, OutboxEntry.state == "pending")
    ).one()
    if pending != step.entries or last_seq is None:
        return SENT
    later = session.execute(
        select(OutboxEntry.entity_id, OutboxEntry.op, OutboxEntry.fields, OutboxEntry.base)
        .where(OutboxEntry.seq > last_seq)
    ).all()
    if later:
        touched = _touched(session, step)
        for entity_id, op, fields, base in later:
            refs = {v for v in (fields or {}).values() if isinstance(v, str)}
            if op == "command":
                refs |= {r["id"] for r in (base or {}).get("rows", []) if _known(r)}
            if entity_id in touched or refs & touched:
                return CHANGED
    for entity, rows in _group(step.undo.get("rows", [])).items():
        t = table_of(entity)
        recorded = {r["id"]: r.get("version", 0) for r in rows}
        for part in chunks(sorted(recorded)):
            for row_id, version in session.execute(
                select(t.c.id, t.c.version).where(t.c.id.in_(part))
            ):
                if version > recorded[row_id]:
                    return UPDATED
    return None


def _touched(session: Session, step: UndoStep) -> set[str]:
    """Every row id the step wrote: its entries' rows and the rows its commands changed."""
    touched: set[str] = set()
    for entity_id, op, base in session.execute(
        select(OutboxEntry.entity_id, OutboxEntry.op, OutboxEntry.base)
        .where(OutboxEntry.step_id == step.step_id)
    ):
        touched.add(entity_id)
        if op == "command":
            for key in ("rows", "created"):
                touched |= {r["id"] for r in (base or {}).get(key, []) if _known(r)}
    return touched


# -- writes -----------------------------------------------------------------------------------


def _group(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if _known(row):
            found[row["entity"]].append(row)
    return found


def _by_entity(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for entity, row_id in pairs:
        found[entity].append(row_id)
    return found


def _from_wire(t: Table, values: dict[str, Any]) -> dict[str, Any]:
    """Wire values (dates as ISO text) back to column values; unknown keys are dropped."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in t.c:
            continue
        kind = t.c[key].type
        if isinstance(value, str) and isinstance(kind, DateTime):
            parsed = datetime.fromisoformat(value)
            value = parsed.replace(tzinfo=None) if parsed.tzinfo else parsed
        elif isinstance(value, str) and isinstance(kind, Date):
            value = date.fromisoformat(value)
        out[key] = value
    return out


def _restore(session: Session, rows: list[dict[str, Any]]) -> None:
    """Put the old values back, newest change first (a row changed twice ends as it was)."""
    run: list[dict[str, Any]] = []
    shape: tuple[str, tuple[str, ...]] = ("", ())

    def flush() -> None:
        if run:
            t = table_of(shape[0])
            session.execute(update(t).where(t.c.id == bindparam("_id")), list(run))
            run.clear()

    for row in reversed(rows):
        values = _from_wire(table_of(row["entity"]), row.get("old", {}))
        if not values:
            continue
        if (row["entity"], tuple(sorted(values))) != shape:
            flush()
            shape = (row["entity"], tuple(sorted(values)))
        run.append({"_id": row["id"], **values})
    flush()


def _delete(session: Session, deletions: list[tuple[str, str]]) -> None:
    """Delete created rows in the given order (children before parents), in batches of one
    entity; only rows the registry never acknowledged (version 0)."""
    run: list[str] = []
    run_entity = ""

    def flush() -> None:
        if run:
            t = table_of(run_entity)
            for part in chunks(run):
                session.execute(delete(t).where(t.c.id.in_(part), t.c.version == 0))
            run.clear()

    for entity, row_id in deletions:
        if entity != run_entity:
            flush()
            run_entity = entity
        run.append(row_id)
    flush()


def _member_ids(session: Session, entity: str, ids: list[str]) -> set[str]:
    """Members whose derived columns depend on these rows."""
    if entity == "member":
        return set(ids)
    found: set[str] = set()
    for part in chunks(sorted(set(ids))):
        if entity in _MEMBER_ROWS:
            t = table_of(entity)
            found |= set(session.scalars(select(t.c.member_id).where(t.c.id.in_(part))))
        elif entity == "card_status_change":
            t = table_of(entity)
            found |= set(session.scalars(
                select(Card.member_id).join(t, t.c.card_id == Card.id).where(t.c.id.in_(part))))
    return found

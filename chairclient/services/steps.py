"""Action groups: one bulk action = one transaction = one undoable step of the outbox.

Every outbox entry of an action carries the same ``step_id``; an :class:`UndoStep` row (same id)
says what the action was and keeps what it overwrote. Until the step is pushed, Правка →
Отменить (:mod:`chairclient.services.undo`) takes it back in one transaction: the rows it
changed get their previous values, the rows it created go, its outbox entries are dropped —
as if it had never happened, and nothing of it ever reaches the registry.

:class:`ActionGroup` writes in bulk (one ``INSERT``/``UPDATE`` per batch, not per row) so that
an action over ten thousand members stays fast. Lifecycle commands (category change) join a
group by being called with its ``step_id``; their entries' ``base`` already holds their undo
data, the group adds the touched rows' versions when it finishes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from chairclient.db.models import SYNCED_MODELS, Member, OutboxEntry, UndoStep, new_id, utcnow
from chairclient.services import outbox

CHUNK = 500
NOT_FOUND = "не найден в базе"


class BulkRefused(ValueError):
    """The action as a whole cannot run (``str()`` is the Russian reason); nothing written."""


@dataclass(frozen=True)
class RowChange:
    """A plain field update of one synced row: ``new`` values over ``old`` ones."""

    entity: str
    id: str
    org_id: str
    version: int
    new: Mapping[str, Any]
    old: Mapping[str, Any]


@dataclass
class Skipped:
    """A member an action left alone, and why (Russian, shown to the person)."""

    member_id: str
    name: str
    reason: str


@dataclass
class BulkResult:
    """What a bulk action did: members changed, members skipped, its undo step (None: nothing
    changed, nothing to undo)."""

    action: str
    done: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    step_id: str | None = None
    #: Members who also entered the draft request (re-issue of a lost or damaged card).
    reissued: list[str] = field(default_factory=list)

    @property
    def changed(self) -> list[str]:
        """Members whose rows (or derived columns) changed: the views refresh just these."""
        return self.done

    def skip(self, member_id: str, facts: MemberFacts | None, reason: str) -> None:
        self.skipped.append(Skipped(member_id, facts.name if facts else "",
                                    reason if facts else NOT_FOUND))


#: ``progress(done, total)`` after each batch of members; it may raise to cancel (the
#: caller's transaction then rolls back and nothing is written).
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class MemberFacts:
    """What the bulk actions check about a member (from the member row and its derived columns)."""

    id: str
    org_id: str
    name: str
    status: str
    complete: bool
    consent: bool
    category: str | None


def load_members(session: Session, member_ids: Sequence[str]) -> dict[str, MemberFacts]:
    """The live (not deleted) members among ``member_ids``, by id."""
    found: dict[str, MemberFacts] = {}
    for part in chunks(member_ids):
        for row in session.execute(
            select(Member.id, Member.org_id, Member.last_name, Member.first_name,
                   Member.patronymic, Member.status, Member.is_complete, Member.has_consent,
                   Member.category)
            .where(Member.id.in_(part), Member.deleted.is_(False))
        ):
            name = " ".join(p for p in (row.last_name, row.first_name, row.patronymic) if p)
            found[row.id] = MemberFacts(row.id, row.org_id, name, row.status, row.is_complete,
                                        row.has_consent, row.category)
    return found


def unique(ids: Iterable[str]) -> list[str]:
    """``ids`` without repeats, in their order."""
    return list(dict.fromkeys(ids))


def chunks(items: Sequence[str], size: int = CHUNK) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def table_of(entity: str):
    return SYNCED_MODELS[entity].__table__


class ActionGroup:
    """Collects the writes of one bulk action inside the caller's transaction.

    Use :meth:`create` and :meth:`update` for plain row writes (queued as ``create`` and
    ``update`` mutations with the usual per-field bases), pass :attr:`step_id` to lifecycle
    commands, then :meth:`finish` to record the undo step.
    """

    def __init__(self, session: Session, action: str) -> None:
        self.session = session
        self.action = action
        self.step_id = new_id()
        self._rows: list[dict[str, Any]] = []

    def create(self, entity: str, rows: Sequence[dict[str, Any]], fields: Sequence[str]) -> None:
        """Insert new rows (each with ``id``, ``org_id`` and its values) and queue one
        ``create`` each, carrying ``fields`` (the values that travel)."""
        if not rows:
            return
        self.session.flush()
        now = utcnow()
        stored = [{**row, "version": 0, "deleted": False, "updated_at": now} for row in rows]
        insert_many(self.session, table_of(entity), stored)
        self._queue([
            self._entry(entity, row["id"], row["org_id"], "create",
                        {f: outbox.wire_value(row.get(f)) for f in fields},
                        {f: None for f in fields}, 0, now)
            for row in rows
        ])

    def update(self, changes: Sequence[RowChange]) -> None:
        """Write ``new`` over each row and queue one ``update`` each; ``old`` is kept for undo."""
        if not changes:
            return
        self.session.flush()
        now = utcnow()
        earlier = outbox.pending_bases(self.session, [c.id for c in changes])
        entries = []
        by_shape: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
        for change in changes:
            old = {k: outbox.wire_value(change.old.get(k)) for k in change.new}
            before = earlier.get(change.id, {})
            base = {k: before.get(k, old[k]) for k in change.new}
            entries.append(self._entry(
                change.entity, change.id, change.org_id, "update",
                {k: outbox.wire_value(v) for k, v in change.new.items()}, base, change.version,
                now))
            self._rows.append({"entity": change.entity, "id": change.id,
                               "version": change.version, "old": old})
            shape = (change.entity, tuple(sorted(change.new)))
            by_shape.setdefault(shape, []).append({"_id": change.id, **change.new})
        for (entity, _keys), params in by_shape.items():
            t = table_of(entity)
            for row in params:
                row["updated_at"] = now
            self.session.execute(update(t).where(t.c.id == bindparam("_id")), params)
        self.session.expire_all()  # ORM copies loaded before (flushed above) must re-read
        self._queue(entries)

    def delete(self, entity: str, rows: Sequence[tuple[str, str, int]]) -> None:
        """Tombstone rows (``(id, org_id, version)`` each) and queue one ``delete`` each."""
        if not rows:
            return
        self.session.flush()
        now = utcnow()
        t = table_of(entity)
        self.session.execute(update(t).where(t.c.id == bindparam("_id")),
                             [{"_id": row_id, "deleted": True, "updated_at": now}
                              for row_id, _org, _v in rows])
        self.session.expire_all()
        for row_id, _org, version in rows:
            self._rows.append({"entity": entity, "id": row_id, "version": version,
                               "old": {"deleted": False}})
        self._queue([self._entry(entity, row_id, org_id, "delete", {}, {}, version, now)
                     for row_id, org_id, version in rows])

    def commands(self, entity: str, name: str,
                 items: Sequence[tuple[str, str, dict[str, Any], dict[str, Any]]]) -> None:
        """Queue the lifecycle command ``name`` once per ``(id, org_id, args, base)``, in order;
        ``base`` holds the undo data of the optimistic writes the caller made
        (``{"rows": […], "created": […]}`` as in :mod:`chairclient.services.lifecycle`)."""
        if not items:
            return
        self.session.flush()
        now = utcnow()
        self._queue([
            self._entry(entity, row_id, org_id, "command",
                        {"command": name, **{k: outbox.wire_value(v) for k, v in args.items()}},
                        base, 0, now)
            for row_id, org_id, args, base in items
        ])

    def finish(self, summary: dict[str, Any]) -> str | None:
        """Record the undo step; returns its id, or None when the action changed nothing."""
        self.session.flush()
        count = self.session.scalar(
            select(func.count()).select_from(OutboxEntry)
            .where(OutboxEntry.step_id == self.step_id)
        ) or 0
        if count == 0:
            return None
        forget_stale_steps(self.session)
        rows = self._rows + self._command_rows()
        self.session.add(UndoStep(step_id=self.step_id, action=self.action, summary=summary,
                                  entries=count, undo={"rows": rows}))
        self.session.flush()
        return self.step_id

    # -- plumbing -----------------------------------------------------------------------------

    def _entry(self, entity: str, entity_id: str, org_id: str, op: str, fields: dict[str, Any],
               base: dict[str, Any], base_version: int, now: Any) -> dict[str, Any]:
        return {"mutation_id": new_id(), "step_id": self.step_id, "entity": entity,
                "entity_id": entity_id, "org_id": org_id, "op": op, "fields": fields,
                "base": base, "base_version": base_version, "state": "pending",
                "created_at": now}

    def _queue(self, entries: list[dict[str, Any]]) -> None:
        insert_many(self.session, OutboxEntry.__table__, entries)

    def _command_rows(self) -> list[dict[str, Any]]:
        """The rows this step's lifecycle commands changed, with their versions now."""
        touched: dict[str, list[str]] = {}
        for base in self.session.scalars(
            select(OutboxEntry.base).where(OutboxEntry.step_id == self.step_id,
                                           OutboxEntry.op == "command")
        ):
            for row in (base or {}).get("rows", []):
                if isinstance(row, dict) and row.get("entity") in SYNCED_MODELS:
                    touched.setdefault(row["entity"], []).append(row["id"])
        found: list[dict[str, Any]] = []
        for entity, ids in touched.items():
            t = table_of(entity)
            for part in chunks(sorted(set(ids))):
                for row_id, version in self.session.execute(
                    select(t.c.id, t.c.version).where(t.c.id.in_(part))
                ):
                    found.append({"entity": entity, "id": row_id, "version": version})
        return found


def insert_many(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """``INSERT`` rows that all have the same keys, as one DB-API ``executemany``.

    The columns' own bind processors convert the values (dates, JSON …) exactly as an ORM or
    Core insert would; only SQLAlchemy's per-statement bookkeeping is skipped, which is most of
    the time of a ten-thousand-row insert. Column defaults are not applied: give every value.
    """
    if not rows:
        return
    keys = list(rows[0])
    dialect = session.get_bind().dialect
    processors = [table.c[key].type.bind_processor(dialect) for key in keys]
    names = ", ".join(f'"{key}"' for key in keys)
    marks = ", ".join("?" for _ in keys)
    data = [
        tuple(row[key] if proc is None else proc(row[key])
              for key, proc in zip(keys, processors, strict=True))
        for row in rows
    ]
    session.connection().exec_driver_sql(
        f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', data)


def forget_stale_steps(session: Session) -> None:
    """Drop undo steps that can never be undone again (some of their entries were sent)."""
    pending = (
        select(func.count()).select_from(OutboxEntry)
        .where(OutboxEntry.step_id == UndoStep.step_id, OutboxEntry.state == "pending")
        .scalar_subquery()
    )
    session.execute(delete(UndoStep).where(UndoStep.entries > pending))

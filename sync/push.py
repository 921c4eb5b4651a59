"""Pushing the outbox: in order, in batches, each entry marked by the server's result.

* applied (or a duplicate of an applied one): the entry leaves the outbox, the row takes the
  server's version, and later pending edits of the same fields are re-based on this value;
* conflict: state ``conflict``, ``error`` holds ``{"conflicts": {field: {base, mine, server}},
  "applied_fields": [...], "version": n}``; the row shows the server's value (mine stays in the
  entry and in ``error`` until a person decides);
* rejected: state ``rejected``, ``error`` holds the Russian reason; the row's fields go back to
  the server's values (for a lifecycle command: every row it changed, and the rows it created
  locally are dropped — see :mod:`sync.commands`); never retried and the queue goes on;
* network error: nothing is marked; the exception propagates and the order is kept.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.orm import Session

from chairclient.db.engine import Database
from chairclient.db.models import SYNCED_MODELS, OutboxEntry
from sync import commands, rows, state
from sync.protocol import Mutation, MutationResult

BATCH = 200


@dataclass
class PushOutcome:
    pushed: int = 0
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    rejected_reasons: list[str] = field(default_factory=list)


def to_mutation(entry: OutboxEntry) -> Mutation:
    """The wire form; a command's ``base`` is local undo data and stays home."""
    base = {} if entry.op == "command" else entry.base
    return Mutation(
        mutation_id=entry.mutation_id, entity=entry.entity, entity_id=entry.entity_id,
        org_id=entry.org_id, op=entry.op, fields=entry.fields, base=base,  # type: ignore[arg-type]
        base_version=entry.base_version,
    )


def next_batch(session: Session, size: int = BATCH) -> tuple[list[OutboxEntry], bool]:
    """The oldest pending entries, cut before an update that touches a field an earlier update
    in the batch touches (its base must first be re-based on the earlier one's result); and
    whether pending entries remain after the batch."""
    entries = session.scalars(
        select(OutboxEntry).where(OutboxEntry.state == "pending").order_by(OutboxEntry.seq)
        .limit(size + 1)
    ).all()
    batch: list[OutboxEntry] = []
    touched: set[tuple[str, str]] = set()
    for entry in entries[:size]:
        keys = {(entry.entity_id, f) for f in entry.fields} if entry.op == "update" else set()
        if keys & touched:
            break
        touched |= keys
        batch.append(entry)
    return batch, len(entries) > len(batch)


#: ``send(mutations, last)``: the server's results; ``last`` when no pending entry follows.
Send = Callable[[list[Mutation], bool], list[MutationResult]]


def push_all(
    db: Database,
    send: Send,
    progress: Callable[[int], None] | None = None,
) -> PushOutcome:
    """Push every pending entry; each batch's results are stored in one local transaction."""
    outcome = PushOutcome()
    while True:
        with db.transaction() as session:
            batch, more = next_batch(session)
            mutations = [to_mutation(e) for e in batch]
        if not mutations:
            return outcome
        results = send(mutations, not more)  # network errors propagate: nothing marked
        by_id = {r.mutation_id: r for r in results}
        with db.transaction() as session:
            members: set[str] = set()
            # The batch's entries in one query (``merge`` then finds each in the session).
            seqs = [entry.seq for entry in batch]
            list(session.scalars(select(OutboxEntry).where(OutboxEntry.seq.in_(seqs))))
            done = _store_plain(session, batch, by_id, outcome)
            for entry in batch:
                result = by_id.get(entry.mutation_id)
                if result is None or entry.seq in done:
                    continue
                entry = session.merge(entry)
                _store(session, entry, result, outcome)
                if entry.op == "update" and _status(result) == "applied":
                    continue  # the local row already holds these values: nothing to derive
                members |= rows.member_ids_of(session, entry.entity, [entry.entity_id])
                if entry.op == "command":
                    members |= commands.member_ids(session, entry)
            rows.refresh_derived(session, members, set())
        outcome.pushed += len(by_id)
        if progress is not None:
            progress(outcome.pushed)
        if len(by_id) < len(batch):
            return outcome  # the server answered only part of the batch: try again next time


def _store_plain(
    session: Session, batch: list[OutboxEntry], by_id: dict[str, MutationResult],
    out: PushOutcome,
) -> set[int]:
    """Store at once the commonest results: an applied update that is the only pending entry
    of its row. :func:`_store` would, one entry at a time, set the row's version, find no
    later entry to rebase, delete the entry and drop the row's shadow; here that is one
    statement each for the whole batch. Returns the outbox ``seq`` of the entries stored."""
    plain = [
        (entry, result) for entry in batch
        if (result := by_id.get(entry.mutation_id)) is not None
        and entry.op == "update" and _status(result) == "applied"
        and entry.entity in SYNCED_MODELS
    ]
    if not plain:
        return set()
    ids = sorted({entry.entity_id for entry, _ in plain})
    pending = Counter(session.scalars(
        select(OutboxEntry.entity_id).where(
            OutboxEntry.state == "pending", OutboxEntry.entity_id.in_(ids)
        )
    ))
    plain = [(e, r) for e, r in plain if pending[e.entity_id] == 1]  # itself, nothing else
    if not plain:
        return set()
    versions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry, result in plain:
        if result.version is not None:
            versions[entry.entity].append({"row_id": entry.entity_id, "new": result.version})
    for entity, params in versions.items():
        t = rows.table(entity)
        session.execute(
            update(t).where(t.c.id == bindparam("row_id"), t.c.version < bindparam("new"))
            .values(version=bindparam("new")),
            params,
        )
    done = {entry.seq for entry, _ in plain}
    session.execute(delete(OutboxEntry).where(OutboxEntry.seq.in_(sorted(done))))
    state.drop_shadows(session, [(entry.entity, entry.entity_id) for entry, _ in plain])
    out.applied += len(plain)
    return done


def _status(result: MutationResult) -> str:
    if result.status == "duplicate":
        return result.original_status or "applied"
    return result.status


def _store(session: Session, entry: OutboxEntry, result: MutationResult, out: PushOutcome) -> None:
    status = _status(result)
    if result.version is not None:
        _set_version(session, entry, result.version)
    if status == "applied":
        out.applied += 1
        _rebase_later(session, entry, list(entry.fields))
        session.execute(delete(OutboxEntry).where(OutboxEntry.seq == entry.seq))
    elif status == "conflict":
        out.conflicts += 1
        _rebase_later(session, entry, result.applied_fields)
        entry.state = "conflict"
        entry.error = json.dumps(
            {
                "conflicts": {k: v.model_dump(mode="json") for k, v in result.conflicts.items()},
                "applied_fields": result.applied_fields,
                "version": result.version,
            },
            ensure_ascii=False,
        )
        server = {k: v.server for k, v in result.conflicts.items()}
        _set_fields(session, entry, server)
    else:
        out.rejected += 1
        entry.state = "rejected"
        entry.error = result.reason or "Изменение отклонено сервером"
        out.rejected_reasons.append(entry.error)
        _undo(session, entry)
    if entry.op == "command":
        commands.forget_shadows(session, entry)
    if not _has_pending(session, entry.entity_id):
        state.drop_shadow(session, entry.entity, entry.entity_id)


def _set_version(session: Session, entry: OutboxEntry, version: int) -> None:
    t = rows.table(entry.entity) if entry.entity in SYNCED_MODELS else None
    if t is not None:
        session.execute(
            update(t).where(t.c.id == entry.entity_id, t.c.version < version)
            .values(version=version)
        )


def _later_pending(session: Session, entry: OutboxEntry) -> list[OutboxEntry]:
    return list(
        session.scalars(
            select(OutboxEntry).where(
                OutboxEntry.entity_id == entry.entity_id,
                OutboxEntry.state == "pending",
                OutboxEntry.seq > entry.seq,
            ).order_by(OutboxEntry.seq)
        )
    )


def _has_pending(session: Session, entity_id: str) -> bool:
    found = session.scalar(
        select(OutboxEntry.seq).where(
            OutboxEntry.entity_id == entity_id, OutboxEntry.state == "pending"
        ).limit(1)
    )
    return found is not None


def _rebase_later(session: Session, entry: OutboxEntry, fields: list[str]) -> None:
    """The server now holds this entry's values of ``fields``: later edits merge against them."""
    if entry.op != "update":
        return
    for later in _later_pending(session, entry):
        base = dict(later.base)
        for name in fields:
            if name in base and name in entry.fields:
                base[name] = entry.fields[name]
        later.base = base


def _set_fields(session: Session, entry: OutboxEntry, values: dict[str, Any]) -> None:
    """Write server values into the local row, except fields a later pending edit changed."""
    if entry.entity not in SYNCED_MODELS or not values:
        return
    busy: set[str] = set()
    for later in _later_pending(session, entry):
        busy |= set(later.fields) | ({"deleted"} if later.op == "delete" else set())
    wanted = {k: v for k, v in values.items() if k not in busy}
    known = rows.from_wire(entry.entity, wanted)
    if known:
        t = rows.table(entry.entity)
        session.execute(update(t).where(t.c.id == entry.entity_id).values(**known))


def _undo(session: Session, entry: OutboxEntry) -> None:
    """Put back the server's values of a rejected change (a rejected new row stays local)."""
    if entry.op == "update":
        shadow = state.shadow(session, entry.entity, entry.entity_id)
        _set_fields(session, entry, {k: shadow.get(k, entry.base.get(k)) for k in entry.fields})
    elif entry.op == "delete":
        _set_fields(session, entry, {"deleted": False})
    elif entry.op == "command":
        commands.undo(session, entry)

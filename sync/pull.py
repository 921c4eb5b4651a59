"""Pulling pages by per-organisation cursors; each page and its cursors in one transaction.

Full rows overwrite the local copy except fields with a pending local change (the server's
values of those go to the row's shadow and come back through push and merge); tombstones mark
rows deleted while they still belong to that organisation; revoked organisations are purged
with their outbox entries; organisations to reset are cleared (keeping local-only and pending
rows) before the page, which already restarts them from 0.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.engine import Database
from chairclient.db.models import SYNCED_MODELS, OutboxEntry
from sync import commands, rows, state
from sync.protocol import Change, PullResponse

MAX_PAGES = 100_000


@dataclass
class PullOutcome:
    pulled: int = 0
    pages: int = 0
    added: set[str] = field(default_factory=set)
    revoked: set[str] = field(default_factory=set)
    reset: set[str] = field(default_factory=set)
    server_time: datetime | None = None


def pull_all(
    db: Database,
    fetch: Callable[[dict[str, int]], PullResponse],
    progress: Callable[[int], None] | None = None,
) -> PullOutcome:
    """Pull until the server has no more; a network error keeps every page applied so far."""
    outcome = PullOutcome()
    for _ in range(MAX_PAGES):
        with db.transaction() as session:
            cursors = state.cursors(session)
        page = fetch(cursors)
        apply_page(db, page)
        outcome.pages += 1
        outcome.pulled += len(page.changes)
        outcome.added |= set(page.added) - set(cursors)
        outcome.revoked |= set(page.revoked)
        outcome.reset |= set(page.reset_required)
        outcome.server_time = page.server_time
        if progress is not None:
            progress(outcome.pulled)
        if not page.more:
            break
    return outcome


def apply_page(db: Database, page: PullResponse) -> None:
    """Apply one page atomically: purges, rows, tombstones, derived columns and cursors."""
    with rows.page_transaction(db) as session:
        for org_id in page.revoked:
            rows.purge_org(session, org_id, keep_local=False)
            state.drop_cursor(session, org_id)
        for org_id in page.reset_required:
            rows.purge_org(session, org_id, keep_local=True)
        members, orgs = _apply_changes(session, page.changes)
        rows.refresh_derived(session, members, orgs)
        state.put_cursors(session, page.cursors)


def _protected(session: Session, ids: list[str]) -> dict[str, set[str]]:
    """Per entity id, the fields with a pending local change (``deleted`` for a delete; the
    fields a pending lifecycle command changed)."""
    found: dict[str, set[str]] = defaultdict(set)
    for chunk in rows.chunks(ids):
        entries = session.execute(
            select(OutboxEntry.entity_id, OutboxEntry.op, OutboxEntry.fields).where(
                OutboxEntry.state == "pending", OutboxEntry.entity_id.in_(chunk)
            )
        )
        for entity_id, op, fields in entries:
            if op == "delete":
                found[entity_id].add("deleted")
            elif op in ("create", "update"):
                found[entity_id] |= set(fields or {})
    wanted = set(ids)
    for row_id, names in commands.protected_fields(session).items():
        if row_id in wanted:
            found[row_id] |= names
    return found


def _apply_changes(session: Session, changes: list[Change]) -> tuple[set[str], set[str]]:
    """Apply in server order, grouping consecutive full rows of one entity into bulk upserts."""
    known = [c for c in changes if c.entity in SYNCED_MODELS]
    protected = _protected(session, sorted({c.id for c in known}))
    members: set[str] = set()
    orgs: set[str] = set()
    by_entity: dict[str, list[str]] = defaultdict(list)
    run: list[dict[str, Any]] = []
    run_entity = ""

    def flush() -> None:
        if run:
            rows.upsert(session, run_entity, list(run))
            run.clear()

    for change in known:
        by_entity[change.entity].append(change.id)
        if change.deleted or change.row is None:
            flush()
            if change.entity in rows.MEMBER_CHILDREN:
                members |= rows.member_ids_of(session, change.entity, [change.id])
            rows.tombstone(session, change.entity, change.id, change.org_id, change.version)
            continue
        values = rows.from_wire(change.entity, change.row)
        values.update(id=change.id, org_id=change.org_id, version=change.version, deleted=False)
        mine = protected.get(change.id)
        if mine:
            flush()
            _upsert_protected(session, change, values, mine)
            continue
        if change.entity != run_entity or (run and run[0].keys() != values.keys()):
            flush()
            run_entity = change.entity
        run.append(values)
    flush()
    for entity, ids in by_entity.items():
        members |= rows.member_ids_of(session, entity, ids)
        if entity == "organisation":
            orgs |= set(ids)
    return members, orgs


def _upsert_protected(
    session: Session, change: Change, values: dict[str, Any], mine: set[str]
) -> None:
    """Keep pending local fields; remember the server's values of them in the shadow."""
    assert change.row is not None
    shadow = {k: change.row[k] for k in mine if k in change.row}
    if "deleted" in mine:
        shadow["deleted"] = False
    state.merge_shadow(session, change.entity, change.id, shadow)
    exists = session.scalar(
        select(rows.table(change.entity).c.id).where(rows.table(change.entity).c.id == change.id)
    )
    keep = {k: v for k, v in values.items() if k not in mine or k == "id"}
    rows.upsert(session, change.entity, [keep if exists else values])

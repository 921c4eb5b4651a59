"""Pulling pages by per-organisation cursors; each page and its cursors in one transaction.

Full rows overwrite the local copy except fields with a pending local change (the server's
values of those go to the row's shadow and come back through push and merge); tombstones mark
rows deleted while they still belong to that organisation; revoked organisations are purged
with their outbox entries; organisations to reset are cleared (keeping local-only and pending
rows) before the page, which already restarts them from 0.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db import pull_indexes, row_counts
from chairclient.db.engine import Database
from chairclient.db.models import SYNCED_MODELS, OutboxEntry
from sync import commands, rows, state
from sync.pages import PulledChange, PulledPage
from sync.upsert import upsert, upsert_pulled

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
    fetch: Callable[[dict[str, int]], PulledPage],
    progress: Callable[[int], None] | None = None,
) -> PullOutcome:
    """Pull until the server has no more; a network error keeps every page applied so far.

    The next page is fetched (and parsed) on a helper thread while this one is applied: its
    cursors are this page's, which is what the local store holds once the page is applied."""
    outcome = PullOutcome()
    with db.transaction() as session:
        cursors = state.cursors(session)
    # A long pull (more than one page) counts the rows once at its end, and pauses automatic
    # garbage collection until then: each page is tens of thousands of fresh objects that
    # outlive a young collection while the page is applied, so the collector kept walking the
    # whole heap (36 full collections in a first download of 630,000 rows, 16% of the client's
    # CPU). Pages hold no reference cycles; cycles the rest of the app makes meanwhile wait
    # for the first collection after the pull.
    # A first download (no cursors yet) also writes without the secondary indexes from its
    # second page on (:mod:`chairclient.db.pull_indexes`): not on the first, whose purges of
    # revoked and reset organisations delete by organisation, and not into a store that
    # already holds a region, where building them again would cost more than it saves.
    long_pull, bare, collecting = False, bool(cursors), gc.isenabled()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull") as fetcher:
        try:
            pending: Future[PulledPage] = fetcher.submit(fetch, cursors)
            for _ in range(MAX_PAGES):
                page = pending.result()
                following = _cursors_after(cursors, page)
                if page.more:
                    pending = fetcher.submit(fetch, following)
                    if long_pull and not bare:
                        with rows.page_transaction(db) as session:
                            pull_indexes.suspend(session.connection())
                        bare = True
                    elif not long_pull:
                        with rows.page_transaction(db) as session:
                            row_counts.suspend_counting(session)
                        gc.disable()
                        long_pull = True
                apply_page(db, page)
                _count_page(outcome, page, cursors, progress)
                cursors = following
                if not page.more:
                    break
        finally:
            if long_pull:
                if collecting:
                    gc.enable()
                with rows.page_transaction(db) as session:
                    pull_indexes.restore(session.connection())  # (the recount reads by them)
                    row_counts.resume_counting(session)
    return outcome


def _count_page(outcome: PullOutcome, page: PulledPage, cursors: dict[str, int],
                progress: Callable[[int], None] | None) -> None:
    """Add an applied page to the outcome and report progress."""
    outcome.pages += 1
    outcome.pulled += len(page.changes)
    outcome.added |= set(page.added) - set(cursors)
    outcome.revoked |= set(page.revoked)
    outcome.reset |= set(page.reset_required)
    outcome.server_time = page.server_time
    if progress is not None:
        progress(outcome.pulled)


def _cursors_after(cursors: dict[str, int], page: PulledPage) -> dict[str, int]:
    """The cursors :func:`apply_page` leaves: revoked organisations gone, the page's set."""
    revoked = set(page.revoked)
    following = {org_id: c for org_id, c in cursors.items() if org_id not in revoked}
    following.update(page.cursors)
    return following


def apply_page(db: Database, page: PulledPage) -> None:
    """Apply one page atomically: purges, rows, tombstones, derived columns and cursors."""
    with rows.page_transaction(db) as session:
        for org_id in page.revoked:
            rows.purge_org(session, org_id, keep_local=False)
            state.drop_cursor(session, org_id)
        for org_id in page.reset_required:
            rows.purge_org(session, org_id, keep_local=True)
        members, consents_of, cards_of, orgs = _apply_changes(session, page.changes)
        rows.refresh_derived(session, members, orgs, consents_of, cards_of)
        state.put_cursors(session, page.cursors)


def _protected(session: Session, ids: set[str]) -> dict[str, set[str]]:
    """Per entity id (of ``ids``), the fields with a pending local change (``deleted`` for a
    delete; the fields a pending lifecycle command changed). The pending outbox is read whole:
    it is small next to a page, and usually empty."""
    found: dict[str, set[str]] = defaultdict(set)
    entries = session.execute(
        select(OutboxEntry.entity_id, OutboxEntry.op, OutboxEntry.fields).where(
            OutboxEntry.state == "pending"
        )
    ).all()
    for entity_id, op, fields in entries:
        if entity_id not in ids:
            continue
        if op == "delete":
            found[entity_id].add("deleted")
        elif op in ("create", "update"):
            found[entity_id] |= set(fields or {})
    for row_id, names in commands.protected_fields(session).items():
        if row_id in ids:
            found[row_id] |= names
    return found


def _apply_changes(
    session: Session, changes: list[PulledChange]
) -> tuple[set[str], set[str], set[str], set[str]]:
    """Apply in server order, grouping consecutive full rows of one entity into bulk upserts.

    Returns the members whose derived columns need recomputing, the members whose consents
    changed (their consent flag), the members whose cards changed (their card columns), and
    the organisations pulled."""
    known = [c for c in changes if c["entity"] in SYNCED_MODELS]
    protected = _protected(session, {c["id"] for c in known})
    members: set[str] = set()
    orgs = {c["id"] for c in known if c["entity"] == "organisation"}
    #: Per child entity (consent, card), the members of its pulled rows.
    parents: dict[str, set[str]] = defaultdict(set)
    stored: dict[str, list[str]] = defaultdict(list)  # children whose stored row is kept
    run: list[PulledChange] = []
    run_entity, run_keys = "", {}.keys()

    def flush() -> None:
        if run:
            upsert_pulled(session, run_entity, list(run))
            run.clear()

    for change in known:
        entity, row = change["entity"], change.get("row")
        if row is None or change.get("deleted"):  # a tombstone
            flush()
            entity_id = change["id"]
            if entity in rows.MEMBER_CHILDREN:
                members |= rows.member_ids_of(session, entity, [entity_id])
                stored[entity].append(entity_id)
            rows.tombstone(session, entity, entity_id, change["org_id"], change["version"])
            continue
        mine = protected.get(change["id"]) if protected else None
        if mine:
            flush()
            entity_id = change["id"]
            _upsert_protected(session, change, row, mine)
            if entity == "member":
                members.add(entity_id)  # kept local fields: derive from the stored row
            elif entity in rows.MEMBER_CHILDREN:
                stored[entity].append(entity_id)
            continue
        if entity in rows.MEMBER_CHILDREN and row.get("member_id"):
            parents[entity].add(row["member_id"])
        if run and (entity != run_entity or row.keys() != run_keys):
            flush()
        if not run:
            run_entity, run_keys = entity, row.keys()
        run.append(change)
    flush()
    for entity, ids in stored.items():
        parents[entity] |= rows.member_ids_of(session, entity, ids)
    # Pulled member rows came with their derived columns; consents and cards change some.
    return members, parents["consent"], parents["card"], orgs


def _upsert_protected(
    session: Session, change: PulledChange, row: dict[str, Any], mine: set[str]
) -> None:
    """Keep pending local fields; remember the server's values of them in the shadow."""
    entity, entity_id = change["entity"], change["id"]
    values = rows.from_wire(entity, row)
    values.update(id=entity_id, org_id=change["org_id"], version=change["version"],
                  deleted=False)
    shadow = {k: row[k] for k in mine if k in row}
    if "deleted" in mine:
        shadow["deleted"] = False
    state.merge_shadow(session, entity, entity_id, shadow)
    t = rows.table(entity)
    exists = session.scalar(select(t.c.id).where(t.c.id == entity_id))
    keep = {k: v for k, v in values.items() if k not in mine or k == "id"}
    upsert(session, entity, [keep if exists else values])

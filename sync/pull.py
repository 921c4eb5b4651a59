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
from operator import itemgetter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db import pull_indexes, row_counts
from chairclient.db.engine import Database
from chairclient.db.models import SYNCED_MODELS, OutboxEntry
from chairclient.services import first_download
from sync import commands, rows, state
from sync.pages import PulledPage, PulledRun, run_keys
from sync.upsert import upsert, upsert_pulled

MAX_PAGES = 100_000
_ID = itemgetter(0)


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
    # Such a pull also leaves the member columns that consents and cards decide to its end
    # (:mod:`chairclient.services.first_download`): a first download brings a region's
    # members first and their consents and cards later, and would rewrite most member rows
    # twice.
    first, long_pull, suspended = not cursors, False, False
    collecting = gc.isenabled()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull") as fetcher:
        try:
            pending: Future[PulledPage] = fetcher.submit(fetch, cursors)
            for _ in range(MAX_PAGES):
                page = pending.result()
                following = _cursors_after(cursors, page)
                if page.more:
                    pending = fetcher.submit(fetch, following)
                    if long_pull and first and not suspended:
                        with rows.page_transaction(db) as session:
                            pull_indexes.suspend(session.connection())
                        suspended = True
                    elif not long_pull:
                        with rows.page_transaction(db) as session:
                            row_counts.suspend_counting(session)
                        gc.disable()
                        long_pull = True
                apply_page(db, page, children_later=suspended)
                _count_page(outcome, page, cursors, progress)
                cursors = following
                if not page.more:
                    break
        finally:
            if long_pull:
                if collecting:
                    gc.enable()
                with rows.page_transaction(db) as session:
                    if suspended:
                        first_download.finish(session)
                    row_counts.resume_counting(session)  # (the recount reads by the indexes)
    return outcome


def _count_page(outcome: PullOutcome, page: PulledPage, cursors: dict[str, int],
                progress: Callable[[int], None] | None) -> None:
    """Add an applied page to the outcome and report progress."""
    outcome.pages += 1
    outcome.pulled += page.size
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


def apply_page(db: Database, page: PulledPage, *, children_later: bool = False) -> None:
    """Apply one page atomically: purges, rows, tombstones, derived columns and cursors.

    ``children_later``: leave the member columns that pulled consents and cards decide to
    the end of the pull (:mod:`chairclient.services.first_download`)."""
    with rows.page_transaction(db) as session:
        for org_id in page.revoked:
            rows.purge_org(session, org_id, keep_local=False)
            state.drop_cursor(session, org_id)
        for org_id in page.reset_required:
            rows.purge_org(session, org_id, keep_local=True)
        members, children, orgs = _apply_runs(session, page.runs)
        rows.refresh_derived(session, members, orgs, () if children_later else children)
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


def _apply_runs(
    session: Session, runs: list[PulledRun]
) -> tuple[set[str], set[str], set[str]]:
    """Apply the runs in server order, each run's plain full rows in one bulk upsert.

    Returns the members whose derived columns need recomputing, the members whose consents
    or cards changed (the columns those decide), and the organisations pulled."""
    known = [run for run in runs if run["entity"] in SYNCED_MODELS and run["rows"]]
    ids = {row[0] for run in known for row in run["rows"]}
    protected = _protected(session, ids) if ids else {}
    members: set[str] = set()
    orgs: set[str] = set()
    #: Per child entity (consent, card), the members of its pulled rows.
    parents: dict[str, set[str | None]] = defaultdict(set)
    stored: dict[str, list[str]] = defaultdict(list)  # children whose stored row is kept
    for run in known:
        entity, columns, pulled = run["entity"], run["columns"], run["rows"]
        if run.get("deleted"):
            for entity_id, org_id, version in map(run_keys, pulled):
                if entity in rows.MEMBER_CHILDREN:
                    members |= rows.member_ids_of(session, entity, [entity_id])
                    stored[entity].append(entity_id)
                rows.tombstone(session, entity, entity_id, org_id, version)
            continue
        mine = [row for row in pulled if row[0] in protected] if protected else []
        plain = [row for row in pulled if row[0] not in protected] if mine else pulled
        upsert_pulled(session, entity, columns, plain)
        if entity == "organisation":
            orgs.update(map(_ID, pulled))
        elif entity in rows.MEMBER_CHILDREN and plain and "member_id" in columns:
            parents[entity].update(map(itemgetter(columns.index("member_id")), plain))
        for row in mine:
            entity_id = row[0]
            _upsert_protected(session, entity, dict(zip(columns, row, strict=True)),
                              protected[entity_id])
            if entity == "member":
                members.add(entity_id)  # kept local fields: derive from the stored row
            elif entity in rows.MEMBER_CHILDREN:
                stored[entity].append(entity_id)
    for entity, children in stored.items():
        parents[entity] |= rows.member_ids_of(session, entity, children)
    # Pulled member rows came with their derived columns; consents and cards change some.
    return members, set().union(*parents.values()) - {None}, orgs


def _upsert_protected(
    session: Session, entity: str, row: dict[str, Any], mine: set[str]
) -> None:
    """Keep pending local fields; remember the server's values of them in the shadow."""
    entity_id = row["id"]
    values = rows.from_wire(entity, row)
    values["deleted"] = False
    shadow = {k: row[k] for k in mine if k in row}
    if "deleted" in mine:
        shadow["deleted"] = False
    state.merge_shadow(session, entity, entity_id, shadow)
    t = rows.table(entity)
    exists = session.scalar(select(t.c.id).where(t.c.id == entity_id))
    keep = {k: v for k, v in values.items() if k not in mine or k == "id"}
    upsert(session, entity, [keep if exists else values])

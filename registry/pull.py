"""Pages of changes after per-organisation cursors, limited to the user's scope."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from registry.auth import now_utc
from registry.changelog import high_water, tombstone_horizon
from registry.models import ENTITY_TABLES, change_log
from registry.scope import Scope
from registry.wire import row_to_wire
from sync.protocol import Change, PullRequest, PullResponse

CHUNK = 500


def _chunks(items: list[str], size: int = CHUNK) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def pull(session: Session, scope: Scope, request: PullRequest) -> PullResponse:
    """One page. Orgs out of scope (or unknown) are ``revoked``; in scope but not asked for are
    ``added`` and start from 0; cursors below the tombstone horizon restart from 0."""
    hwm = high_water(session)
    horizon = tombstone_horizon(session)
    cursors: dict[str, int] = {}
    reset: list[str] = []
    for org_id in sorted(scope.org_ids):
        cursor = max(0, request.cursors.get(org_id, 0))
        if 0 < cursor < horizon:
            reset.append(org_id)
            cursor = 0
        cursors[org_id] = min(cursor, hwm)
    added = sorted(scope.org_ids - set(request.cursors))
    revoked = sorted(set(request.cursors) - scope.org_ids)

    groups: dict[int, list[str]] = defaultdict(list)
    for org_id, cursor in cursors.items():
        groups[cursor].append(org_id)
    entries: list[Any] = []
    remaining = request.limit
    more = False
    for cursor in sorted(groups):
        if remaining <= 0:
            more = True
            break
        orgs = groups[cursor]
        page = _entries_after(session, orgs, cursor, hwm, remaining + 1)
        if len(page) > remaining:
            page = page[:remaining]
            more = True
            upto = page[-1].seq
        else:
            upto = hwm
        entries.extend(page)
        remaining -= len(page)
        for org_id in orgs:
            cursors[org_id] = upto
        if more:
            break
    return PullResponse(
        changes=_changes(session, entries),
        cursors=cursors,
        added=added,
        revoked=revoked,
        reset_required=reset,
        more=more,
        server_time=now_utc(),
    )


def _entries_after(
    session: Session, orgs: list[str], cursor: int, hwm: int, limit: int
) -> list[Any]:
    """Change-log entries of ``orgs`` with cursor < seq <= hwm, oldest first, at most ``limit``."""
    log = change_log.c
    found: list[Any] = []
    for chunk in _chunks(orgs):
        found.extend(
            session.execute(
                select(change_log)
                .where(log.org_id.in_(chunk), log.seq > cursor, log.seq <= hwm)
                .order_by(log.seq)
                .limit(limit)
            ).all()
        )
    found.sort(key=lambda entry: entry.seq)
    return found[:limit]


def _changes(session: Session, entries: list[Any]) -> list[Change]:
    """Full rows for live entries; a tombstone for deleted rows and rows that left the org."""
    by_entity: dict[str, list[str]] = defaultdict(list)
    for entry in entries:
        if not entry.tombstone:
            by_entity[entry.entity].append(entry.entity_id)
    rows: dict[tuple[str, str], Any] = {}
    for entity, ids in by_entity.items():
        table = ENTITY_TABLES[entity]
        for chunk in _chunks(ids):
            for row in session.execute(select(table).where(table.c.id.in_(chunk))).mappings():
                rows[(entity, row["id"])] = row
    changes: list[Change] = []
    for entry in entries:
        row = rows.get((entry.entity, entry.entity_id))
        live = row is not None and not row["deleted"] and row["org_id"] == entry.org_id
        if live:
            table = ENTITY_TABLES[entry.entity]
            changes.append(
                Change(
                    entity=entry.entity, id=entry.entity_id, org_id=entry.org_id,
                    seq=entry.seq, version=row["version"], row=row_to_wire(table, row),
                )
            )
        else:
            changes.append(
                Change(
                    entity=entry.entity, id=entry.entity_id, org_id=entry.org_id,
                    seq=entry.seq, version=entry.version, deleted=True,
                )
            )
    return changes


def counts(session: Session, scope: Scope) -> dict[str, dict[str, int]]:
    """Live rows per organisation in scope and per entity."""
    result: dict[str, dict[str, int]] = {org_id: {} for org_id in scope.org_ids}
    for entity, table in ENTITY_TABLES.items():
        query = (
            select(table.c.org_id, func.count())
            .where(table.c.deleted.is_(False))
            .group_by(table.c.org_id)
        )
        for org_id, n in session.execute(query):
            if org_id in result:
                result[org_id][entity] = int(n)
    return result

"""Pages of changes after per-organisation cursors, limited to the user's scope."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import UTC
from functools import cache
from typing import Any, NamedTuple

from pydantic_core import to_json
from sqlalchemy import (
    ARRAY,
    Date,
    DateTime,
    String,
    any_,
    bindparam,
    func,
    literal,
    not_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from registry import pull_pg
from registry.auth import now_utc
from registry.changelog import counters
from registry.commit_pg import Counters
from registry.live_counts import counts_of_sums, live_counts
from registry.models import ENTITY_TABLES, change_log
from registry.pull_pg import Batch
from registry.scope import Scope
from registry.wire import run_columns
from sync.protocol import PullRequest, PullResponse
from sync.protocol_runs import TOMBSTONE_COLUMNS

CHUNK = 500
#: Up to this many organisations the SQLite count query lists them (else it counts all).
SQLITE_SCOPE_FILTER = 1000


def _chunks(items: list[str], size: int = CHUNK) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def pull(session: Session, scope: Scope, request: PullRequest) -> PullResponse:
    """One page. Orgs out of scope (or unknown) are ``revoked``; in scope but not asked for are
    ``added`` and start from 0; cursors below the tombstone horizon restart from 0."""
    return PullResponse.model_validate_json(pull_json(session, scope, request))


def pull_json(session: Session, scope: Scope, request: PullRequest) -> bytes:
    """:func:`pull` as the JSON the endpoint sends. On PostgreSQL the changes come rendered by
    the database (:mod:`registry.pull_pg`); elsewhere from :func:`pull_page`."""
    return pull_json_more(session, scope, request).page


class PageJson(NamedTuple):
    """A page as the JSON sent, whether more pages follow, and the counts when asked for
    (only with the last page: None while ``more``)."""

    page: bytes
    more: bool
    counts: dict[str, dict[str, int]] | None = None


def pull_json_more(
    session: Session, scope: Scope, request: PullRequest, known: Counters | None = None,
    *, with_counts: bool = False,
) -> PageJson:
    """:func:`pull_json` and whether more pages follow; ``known``: the counters as of a
    commit this request just made (:func:`registry.changelog.committed_counters`), which
    then need not be read again; ``with_counts``: add :func:`counts` to a last page (on
    PostgreSQL read in the page's own statement: a round trip fewer on every sync)."""
    if session.get_bind().dialect.name != "postgresql":
        page = pull_page(session, scope, request)
        found = counts(session, scope) if with_counts and not page["more"] else None
        return PageJson(to_json(page), page["more"], found)
    count_orgs = sorted(scope.org_ids) if with_counts and not scope.is_admin else None
    texts, rest, sums = _page(session, scope, request, pull_pg.changes_after, known, count_orgs)
    page = b'{"runs":[' + b",".join(texts) + b"]," + to_json(rest)[1:]
    if not with_counts or rest["more"]:
        return PageJson(page, rest["more"])
    if sums is None:
        return PageJson(page, False, counts(session, scope))
    return PageJson(page, False, _in_scope(scope, counts_of_sums(session, sums)))


def pull_page(session: Session, scope: Scope, request: PullRequest) -> dict[str, Any]:
    """:func:`pull` as plain values in the wire format, built row by row in Python."""
    entries, rest, _ = _page(session, scope, request, _entries_after)
    return {"runs": _runs(session, entries), **rest}


Fetch = Callable[..., Batch]


def _page(
    session: Session, scope: Scope, request: PullRequest, fetch: Fetch,
    known: Counters | None = None, count_orgs: list[str] | None = None,
) -> tuple[list[Any], dict[str, Any], list[Any] | None]:
    """The page's items (the batches' items, in order), the page's other fields, and the
    live-count sums of ``count_orgs`` read with the first batch (None if not asked for or if
    no batch was read)."""
    hwm, horizon = known or counters(session)
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
    sums: list[Any] | None = None
    for cursor in sorted(groups):
        if remaining <= 0:
            more = True
            break
        orgs = groups[cursor]
        if count_orgs is not None and sums is None:
            batch = fetch(session, orgs, cursor, hwm, remaining, count_orgs)
            sums = batch.sums
        else:
            batch = fetch(session, orgs, cursor, hwm, remaining)
        entries.extend(batch.items)
        remaining -= batch.count
        for org_id in orgs:
            cursors[org_id] = batch.last_seq if batch.more else hwm
        if batch.more:
            more = True
            break
    return entries, {
        "cursors": cursors,
        "added": added,
        "revoked": revoked,
        "reset_required": reset,
        "more": more,
        "server_time": now_utc().replace(tzinfo=UTC),
    }, sums


def _entries_after(
    session: Session, orgs: list[str], cursor: int, hwm: int, limit: int
) -> Batch:
    """Change-log entries of ``orgs`` with cursor < seq <= hwm, oldest first, at most
    ``limit`` (one more is read to know whether more follow)."""
    log = change_log.c
    found: list[Any] = []
    for org_filter in id_filters(session, log.org_id, orgs):
        found.extend(
            session.execute(
                select(change_log)
                .where(org_filter, log.seq > cursor, log.seq <= hwm)
                .order_by(log.seq)
                .limit(limit + 1)
            ).all()
        )
    found.sort(key=lambda entry: entry.seq)
    page = found[:limit]
    return Batch(page, len(page), page[-1].seq if page else cursor, len(found) > limit)


@cache
def _wire_plan(entity: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The columns of an entity's live runs and the positions of those holding dates or
    times."""
    table = ENTITY_TABLES[entity]
    keys = tuple(run_columns(table))
    temporal = tuple(
        i for i, key in enumerate(keys) if isinstance(table.c[key].type, Date | DateTime)
    )
    return keys, temporal


class _Live(NamedTuple):
    """What a live entry needs of its row: the row as sent, and whether it still counts."""

    values: list[Any]
    deleted: bool


def _wire_rows(session: Session, entity: str, ids: list[str]) -> dict[str, _Live]:
    """``{id: row}`` of the given rows, values in run column order (only dates converted)."""
    table = ENTITY_TABLES[entity]
    keys, temporal = _wire_plan(entity)
    query = select(*(table.c[key] for key in keys), table.c.deleted)
    found: dict[str, _Live] = {}
    for id_filter in id_filters(session, table.c.id, ids):
        for *values, deleted in session.execute(query.where(id_filter)).all():
            for i in temporal:
                if values[i] is not None:
                    values[i] = values[i].isoformat()
            found[values[0]] = _Live(values, deleted)
    return found


def _runs(session: Session, entries: list[Any]) -> list[dict[str, Any]]:
    """The entries as runs (:class:`sync.protocol.ChangeRun` as plain values): full rows for
    live entries; a tombstone for deleted rows and rows that left the org. A run ends where
    the entity or the kind (full row or tombstone) changes."""
    by_entity: dict[str, list[str]] = defaultdict(list)
    for entry in entries:
        if not entry.tombstone:
            by_entity[entry.entity].append(entry.entity_id)
    rows = {entity: _wire_rows(session, entity, ids) for entity, ids in by_entity.items()}
    runs: list[dict[str, Any]] = []
    for entry in entries:
        live = None if entry.tombstone else rows.get(entry.entity, {}).get(entry.entity_id)
        # (id, org_id, version come first: org_id is the row's second value)
        if live is None or live.deleted or live.values[1] != entry.org_id:
            deleted, values = True, [entry.entity_id, entry.org_id, entry.version]
        else:
            deleted, values = False, live.values
        if not runs or runs[-1]["entity"] != entry.entity or runs[-1]["deleted"] != deleted:
            columns = TOMBSTONE_COLUMNS if deleted else list(_wire_plan(entry.entity)[0])
            runs.append({"entity": entry.entity, "deleted": deleted, "columns": columns,
                         "rows": []})
        runs[-1]["rows"].append(values)
    return runs


def id_filters(session: Session, column: Any, ids: list[str]) -> list[Any]:
    """Conditions ``column in ids``: one ``= ANY(array)`` on PostgreSQL (one parameter, the
    statement is prepared once), chunks of ``IN`` elsewhere."""
    if not ids:
        return []
    if session.get_bind().dialect.name == "postgresql":
        return [column == any_(literal(ids, ARRAY(String)))]
    return [column.in_(chunk) for chunk in _chunks(ids)]


def counts(session: Session, scope: Scope) -> dict[str, dict[str, int]]:
    """Live rows per organisation in scope and per entity. On PostgreSQL they are kept on
    write (:mod:`registry.live_counts`); elsewhere :func:`counted`."""
    if session.get_bind().dialect.name != "postgresql":
        return counted(session, scope)
    if not scope.org_ids:
        return {}
    return _in_scope(scope, live_counts(session, None if scope.is_admin else sorted(scope.org_ids)))


def _in_scope(scope: Scope, kept: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """The kept counts of the scope's organisations, every one of them present."""
    result: dict[str, dict[str, int]] = {org_id: {} for org_id in scope.org_ids}
    for org_id, per_entity in kept.items():
        if org_id in result:
            result[org_id] = per_entity
    return result


def counted(session: Session, scope: Scope) -> dict[str, dict[str, int]]:
    """Live rows per organisation in scope and per entity, counted in one statement (a
    ``UNION ALL`` of a grouped count per table), only in the scope's organisations: a chair's
    check reads its own rows, not the whole registry."""
    result: dict[str, dict[str, int]] = {org_id: {} for org_id in scope.org_ids}
    if not result:
        return result
    postgres = session.get_bind().dialect.name == "postgresql"
    filtered = not scope.is_admin and (postgres or len(result) <= SQLITE_SCOPE_FILTER)
    params = {"scope_orgs": sorted(result)} if filtered else {}
    for entity, org_id, n in session.execute(_counts_statement(postgres, filtered), params):
        if org_id in result:
            result[org_id][entity] = int(n)
    return result


@cache
def _counts_statement(postgres: bool, filtered: bool) -> Any:
    """The statement of :func:`counts`, built once (the scope's organisations are a parameter):
    building and keying a nine-table ``UNION ALL`` on every request costs more than running it."""
    orgs = (
        bindparam("scope_orgs", type_=ARRAY(String))
        if postgres else bindparam("scope_orgs", expanding=True)
    )
    parts = []
    for entity, table in ENTITY_TABLES.items():
        # ``NOT deleted``: the very condition of the partial indexes (registry migration 0003).
        part = select(literal(entity).label("entity"), table.c.org_id, func.count())
        part = part.where(not_(table.c.deleted)).group_by(table.c.org_id)
        if filtered:
            part = part.where(table.c.org_id == any_(orgs) if postgres else table.c.org_id.in_(orgs))
        parts.append(part)
    return union_all(*parts)

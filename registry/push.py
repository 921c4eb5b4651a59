"""Applying pushed mutations: in order, idempotent by ``mutation_id``, merged per field.

A mutation's row write, its version bump, the change-log entry, the audit rows, the conflict
records and the stored result commit together or not at all: a batch in one transaction when
every mutation of it goes through, else one transaction per mutation (:func:`push_in_scope`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from registry.audit import record_audit
from registry.auth import now_utc
from registry.changelog import committed_counters, log_change
from registry.commands import check_create, check_delete, check_not_lifecycle, run_command
from registry.commit_pg import Counters
from registry.db import Database
from registry.deferred import defer_insert
from registry.models import ENTITY_TABLES, applied_mutations, conflicts
from registry.pull import id_filters
from registry.rules import (
    NOT_FOUND,
    Rejected,
    check_org_create,
    check_references,
    check_required_columns,
    check_tree_change,
    check_writable,
    fetch_row,
    parse_fields,
    validate,
)
from registry.scope import PositionRow, Scope, compute_scope
from registry.wire import comparable, data_values, wire_value
from sync.protocol import FieldConflict, Mutation, MutationResult

INTEGRITY_REASON = "Изменение противоречит данным на сервере (повтор кода, номера или ссылки)"
FOREIGN_MUTATION = "Идентификатор изменения уже использован"
#: PostgreSQL's SQLSTATE for "deadlock detected".
DEADLOCK = "40P01"


class _Refused(Exception):
    """The mutation was refused: its transaction rolls back, the refusal is stored in another."""

    def __init__(self, result: MutationResult) -> None:
        super().__init__(result.reason)
        self.result = result


def push(db: Database, user_id: str, mutations: list[Mutation]) -> list[MutationResult]:
    """Apply ``mutations`` in order; one result per mutation, never an exception for bad data."""
    return push_in_scope(db, user_id, mutations)[0]


class PushOutcome(NamedTuple):
    """The results; the scope the last mutation ran in (None when none ran, or when an
    organisation changed after it was computed) and the counters as of the last commit that
    logged a change (None if none did, or not on PostgreSQL): what the same request may read
    in next, without computing or reading them again."""

    results: list[MutationResult]
    scope: Scope | None
    counters: Counters | None


def push_in_scope(
    db: Database, user_id: str, mutations: list[Mutation],
    positions: Sequence[PositionRow] | None = None,
) -> PushOutcome:
    """:func:`push`, with the scope and counters a pull in the same request may use.
    ``positions``: the user's, as this request already read them (the scope is computed from
    them first, and from the database again after a mutation that may move it).

    A batch is first tried in ONE transaction: the usual push (a chair's edits since the last
    sync) then costs one commit and one multi-row insert of its audit rows and results instead
    of one of each per mutation. If any mutation of it is refused, or a concurrent push stored
    one of its ids first, that transaction is rolled back and the batch runs again one
    transaction per mutation, which stores each refusal on its own. Either way every result
    is the one the mutation would get alone, after those before it."""
    stored = _stored_ids(db, mutations)
    if stored is not None:  # a batch (one mutation is simply pushed alone)
        try:
            return _push_together(db, user_id, mutations, stored, positions)
        except (_Refused, IntegrityError):
            pass
        except OperationalError as exc:
            # Two batches locking the same rows in opposite orders: PostgreSQL ends one of
            # them; one transaction per mutation never holds two row locks at once.
            if getattr(exc.orig, "sqlstate", None) != DEADLOCK:
                raise
    return _push_apart(db, user_id, mutations, stored, positions)


def _push_together(
    db: Database, user_id: str, mutations: list[Mutation], stored: set[str],
    positions: Sequence[PositionRow] | None,
) -> PushOutcome:
    results: list[MutationResult] = []
    scope: Scope | None = None
    with db.write() as session:
        locked = _lock_rows(session, mutations)
        for mutation in mutations:
            if scope is None:
                scope, positions = compute_scope(session, user_id, positions), None
            result = _push_one(session, scope, user_id, mutation,
                               check=mutation.mutation_id in stored, locked=locked)
            results.append(result)
            if _may_move_scope(mutation, result):
                scope = None
            if mutation.op != "update" or mutation.entity == "organisation":
                locked.clear()  # it may have written other rows: read them afresh
    return PushOutcome(results, scope, committed_counters(session))


Locked = dict[tuple[str, str], Any]


def _lock_rows(session: Session, mutations: list[Mutation]) -> Locked:
    """The rows a batch updates, read and locked (FOR UPDATE) in one query per table, in the
    order of their ids: a round trip per mutation fewer, and two batches take their locks in
    the same order. A row is used once: a later mutation of it reads it again."""
    wanted: dict[str, set[str]] = {}
    for m in mutations:
        if m.op == "update" and m.entity in ENTITY_TABLES:
            wanted.setdefault(m.entity, set()).add(m.entity_id)
    locked: Locked = {}
    for entity in sorted(wanted):
        table = ENTITY_TABLES[entity]
        for id_filter in id_filters(session, table.c.id, sorted(wanted[entity])):
            query = select(table).where(id_filter).order_by(table.c.id).with_for_update()
            for row in session.execute(query).mappings():
                locked[(entity, row["id"])] = row
    return locked


def _push_apart(
    db: Database, user_id: str, mutations: list[Mutation], stored: set[str] | None,
    positions: Sequence[PositionRow] | None,
) -> PushOutcome:
    results: list[MutationResult] = []
    scope: Scope | None = None
    counters: Counters | None = None
    for mutation in mutations:
        for attempt in range(3):
            try:
                try:
                    with db.write() as session:
                        if scope is None:
                            scope, positions = compute_scope(session, user_id, positions), None
                        check = attempt > 0 or (
                            mutation.op != "update" if stored is None
                            else mutation.mutation_id in stored)
                        result = _push_one(session, scope, user_id, mutation, check=check)
                    counters = committed_counters(session) or counters
                except _Refused as refused:  # nothing it wrote is kept: store just the refusal
                    with db.write() as session:
                        result = _store_refusal(session, user_id, mutation, refused.result)
                break
            except IntegrityError:
                # A concurrent push stored the same mutation_id first: answer from it next time.
                if attempt == 2:
                    raise
        results.append(result)
        if _may_move_scope(mutation, result):
            scope = None  # the tree may have changed: recompute before the next mutation
    return PushOutcome(results, scope, counters)


def _may_move_scope(mutation: Mutation, result: MutationResult) -> bool:
    return mutation.entity == "organisation" and result.status in ("applied", "conflict")


def _stored_ids(db: Database, mutations: list[Mutation]) -> set[str] | None:
    """The mutation ids of a batch already stored (a retried push), in one query; None for a
    single mutation (:func:`_push_one` looks it up in its own transaction instead)."""
    if len(mutations) < 2:
        return None
    ids = sorted({m.mutation_id for m in mutations})
    with db.read() as session:
        column = applied_mutations.c.mutation_id
        return {
            found
            for id_filter in id_filters(session, column, ids)
            for found in session.scalars(select(column).where(id_filter))
        }


def _push_one(
    session: Session, scope: Scope, user_id: str, m: Mutation, *, check: bool = True,
    locked: Locked | None = None,
) -> MutationResult:
    """Apply one mutation and store its result, in the caller's transaction.

    The result is stored last, under the unique ``mutation_id``: a concurrent push of the same
    mutation fails there, its whole transaction rolls back and its retry answers ``duplicate``
    (no claim row and savepoint up front: three round trips fewer on every mutation).
    ``check=False``: the id was not stored when the batch began, or the mutation is a plain
    update, whose repeat merely merges again before that store refuses it and the retry
    answers ``duplicate`` (one query fewer on the commonest push)."""
    stored = session.execute(_STORED, {"mutation_id": m.mutation_id}).first() if check else None
    if stored is not None:
        return _duplicate(stored, user_id, m.mutation_id)
    try:
        result = _apply(session, scope, user_id, m, locked)
    except Rejected as exc:
        raise _Refused(MutationResult(
            mutation_id=m.mutation_id, status="rejected", reason=exc.reason
        )) from None
    except IntegrityError:
        raise _Refused(MutationResult(
            mutation_id=m.mutation_id, status="rejected", reason=INTEGRITY_REASON
        )) from None
    _store_result(session, user_id, m, result)
    return result


def _store_refusal(
    session: Session, user_id: str, m: Mutation, result: MutationResult
) -> MutationResult:
    """Store a refusal (unless a concurrent push of the same mutation stored its result)."""
    stored = session.execute(_STORED, {"mutation_id": m.mutation_id}).first()
    if stored is not None:
        return _duplicate(stored, user_id, m.mutation_id)
    _store_result(session, user_id, m, result)
    return result


def _store_result(session: Session, user_id: str, m: Mutation, result: MutationResult) -> None:
    defer_insert(session, applied_mutations, [{
        "mutation_id": m.mutation_id, "user_id": user_id, "entity": m.entity[:40],
        "entity_id": m.entity_id, "status": result.status,
        "result": result.model_dump(mode="json"), "applied_at": now_utc(),
    }])


_STORED = select(applied_mutations).where(
    applied_mutations.c.mutation_id == bindparam("mutation_id")
)


def _duplicate(stored: Any, user_id: str, mutation_id: str) -> MutationResult:
    if stored.user_id != user_id or stored.status == "pending":
        return MutationResult(mutation_id=mutation_id, status="rejected", reason=FOREIGN_MUTATION)
    result = MutationResult.model_validate(stored.result)
    return result.model_copy(update={"status": "duplicate", "original_status": result.status})


def _apply(
    session: Session, scope: Scope, user_id: str, m: Mutation, locked: Locked | None = None
) -> MutationResult:
    table = ENTITY_TABLES.get(m.entity)
    if table is None:
        raise Rejected(f"Неизвестный тип записи «{m.entity[:40]}»")
    if m.op == "command":
        return run_command(session, scope, user_id, m)
    if m.op == "create":
        return _create(session, scope, user_id, m)
    row = locked.pop((m.entity, m.entity_id), None) if locked else None
    if row is None:
        row = fetch_row(session, table, m.entity_id, lock=True)
    if row is None:
        raise Rejected(NOT_FOUND)
    check_writable(scope, row["org_id"])
    if m.op == "delete":
        check_not_lifecycle(m.entity, {"deleted": True})
        if not row["deleted"]:
            check_delete(session, m.entity, row)
        return _delete(session, scope, user_id, m, row)
    if row["deleted"]:
        raise Rejected("Запись удалена на сервере")
    check_not_lifecycle(m.entity, m.fields)
    return _update(session, scope, user_id, m, row)


def _create(session: Session, scope: Scope, user_id: str, m: Mutation) -> MutationResult:
    table = ENTITY_TABLES[m.entity]
    if fetch_row(session, table, m.entity_id) is not None:
        raise Rejected("Запись с таким идентификатором уже существует")
    values = parse_fields(table, m.fields)
    if m.entity == "organisation":
        check_org_create(scope, m.entity_id, m.org_id, values)
    else:
        check_writable(scope, m.org_id)
    check_required_columns(table, values)
    check_references(session, table, values, m.org_id, scope)
    check_create(session, m.entity, m.org_id, values)
    validate(session, m.entity, values, None, row_id=m.entity_id, scope=scope)
    now = now_utc()
    session.execute(
        insert(table).values(
            **values, id=m.entity_id, org_id=m.org_id, version=1, deleted=False, updated_at=now
        )
    )
    _audit(session, user_id, m, "create", {f: (None, v) for f, v in values.items()}, now)
    log_change(session, m.entity, m.entity_id, m.org_id, 1, tombstone=False, now=now)
    return MutationResult(
        mutation_id=m.mutation_id, status="applied", version=1, applied_fields=sorted(values)
    )


def _delete(
    session: Session, scope: Scope, user_id: str, m: Mutation, row: Any
) -> MutationResult:
    if row["deleted"]:
        return MutationResult(mutation_id=m.mutation_id, status="applied", version=row["version"])
    if m.entity == "organisation" and row["id"] not in scope.superior_ids:
        raise Rejected("Удалить организацию может только вышестоящая организация")
    table = ENTITY_TABLES[m.entity]
    now = now_utc()
    version = row["version"] + 1
    session.execute(
        update(table)
        .where(table.c.id == row["id"])
        .values(deleted=True, version=version, updated_at=now)
    )
    _audit(session, user_id, m, "delete", {"deleted": (False, True)}, now, org_id=row["org_id"])
    log_change(session, m.entity, row["id"], row["org_id"], version, tombstone=True, now=now)
    return MutationResult(mutation_id=m.mutation_id, status="applied", version=version)


def _update(
    session: Session, scope: Scope, user_id: str, m: Mutation, row: Any
) -> MutationResult:
    """Per-field merge against the mutation's base values (or its base version)."""
    table = ENTITY_TABLES[m.entity]
    mine = parse_fields(table, m.fields)
    apply: dict[str, Any] = {}
    found: dict[str, FieldConflict] = {}
    for name, value in mine.items():
        column = table.c[name]
        server = wire_value(row[name])
        wanted = wire_value(value)
        if wanted == server:
            continue  # already so on the server: nothing to do, nothing to fight about
        if name in m.base:
            unchanged_since_base = comparable(column, m.base[name]) == server
        else:
            unchanged_since_base = row["version"] == m.base_version
        if unchanged_since_base:
            apply[name] = value
        else:
            base = comparable(column, m.base[name]) if name in m.base else None
            found[name] = FieldConflict(base=base, mine=wanted, server=server)
    if m.entity == "organisation":
        check_tree_change(session, scope, row, apply)
    current = data_values(table, row)
    merged = {**current, **apply}
    if apply:
        check_references(session, table, apply, row["org_id"], scope)
        validate(session, m.entity, merged, current, row_id=row["id"], scope=scope)
    now = now_utc()
    version = row["version"]
    if apply:
        version += 1
        session.execute(
            update(table)
            .where(table.c.id == row["id"])
            .values(**apply, version=version, updated_at=now)
        )
        changes = {f: (current[f], v) for f, v in apply.items()}
        _audit(session, user_id, m, "update", changes, now, org_id=row["org_id"])
    for name, conflict in found.items():
        session.execute(
            insert(conflicts).values(
                mutation_id=m.mutation_id, user_id=user_id, entity=m.entity,
                entity_id=row["id"], org_id=row["org_id"], field=name,
                base_value=conflict.base, mine_value=conflict.mine,
                server_value=conflict.server, created_at=now,
            )
        )
    if apply:  # last: the sequence counter's row stays locked until the commit
        log_change(session, m.entity, row["id"], row["org_id"], version, tombstone=False, now=now)
    return MutationResult(
        mutation_id=m.mutation_id,
        status="conflict" if found else "applied",
        version=version,
        applied_fields=sorted(apply),
        conflicts=found,
    )


def _audit(
    session: Session,
    user_id: str,
    m: Mutation,
    op: str,
    changes: dict[str, tuple[Any, Any]],
    now: Any,
    *,
    org_id: str | None = None,
) -> None:
    record_audit(session, at=now, user_id=user_id, mutation_id=m.mutation_id, entity=m.entity,
                 entity_id=m.entity_id, org_id=org_id or m.org_id, op=op, changes=changes)

"""Applying pushed mutations: in order, idempotent by ``mutation_id``, merged per field.

Each mutation runs in its own transaction: the row write, its version bump, the change-log entry,
the audit rows, the conflict records and the stored result commit together or not at all.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from registry.auth import now_utc
from registry.changelog import log_change
from registry.commands import check_create, check_delete, check_not_lifecycle, run_command
from registry.db import Database
from registry.models import ENTITY_TABLES, applied_mutations, audit_history, conflicts
from registry.pull import id_filters
from registry.rules import (
    NOT_FOUND,
    Rejected,
    check_org_create,
    check_references,
    check_required_columns,
    check_tree_change,
    fetch_row,
    parse_fields,
    validate,
)
from registry.scope import Scope, compute_scope
from registry.wire import comparable, data_values, wire_value
from sync.protocol import FieldConflict, Mutation, MutationResult

INTEGRITY_REASON = "Изменение противоречит данным на сервере (повтор кода, номера или ссылки)"
FOREIGN_MUTATION = "Идентификатор изменения уже использован"


class _Refused(Exception):
    """The mutation was refused: its transaction rolls back, the refusal is stored in another."""

    def __init__(self, result: MutationResult) -> None:
        super().__init__(result.reason)
        self.result = result


def push(db: Database, user_id: str, mutations: list[Mutation]) -> list[MutationResult]:
    """Apply ``mutations`` in order; one result per mutation, never an exception for bad data."""
    return push_in_scope(db, user_id, mutations)[0]


def push_in_scope(
    db: Database, user_id: str, mutations: list[Mutation]
) -> tuple[list[MutationResult], Scope | None]:
    """:func:`push`, and the scope the last mutation ran in (None when none ran, or when an
    organisation changed after it was computed): what the same request may read in next."""
    results: list[MutationResult] = []
    scope: Scope | None = None
    stored = _stored_ids(db, mutations)
    for mutation in mutations:
        for attempt in range(3):
            try:
                try:
                    with db.write() as session:
                        if scope is None:
                            scope = compute_scope(session, user_id)
                        check = attempt > 0 or (
                            mutation.op != "update" if stored is None
                            else mutation.mutation_id in stored)
                        result = _push_one(session, scope, user_id, mutation, check=check)
                except _Refused as refused:  # nothing it wrote is kept: store just the refusal
                    with db.write() as session:
                        result = _store_refusal(session, user_id, mutation, refused.result)
                break
            except IntegrityError:
                # A concurrent push stored the same mutation_id first: answer from it next time.
                if attempt == 2:
                    raise
        results.append(result)
        if mutation.entity == "organisation" and result.status in ("applied", "conflict"):
            scope = None  # the tree may have changed: recompute before the next mutation
    return results, scope


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
    session: Session, scope: Scope, user_id: str, m: Mutation, *, check: bool = True
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
        result = _apply(session, scope, user_id, m)
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
    session.execute(
        insert(applied_mutations).values(
            mutation_id=m.mutation_id, user_id=user_id, entity=m.entity[:40],
            entity_id=m.entity_id, status=result.status, result=result.model_dump(mode="json"),
            applied_at=now_utc(),
        )
    )


_STORED = select(applied_mutations).where(
    applied_mutations.c.mutation_id == bindparam("mutation_id")
)


def _duplicate(stored: Any, user_id: str, mutation_id: str) -> MutationResult:
    if stored.user_id != user_id or stored.status == "pending":
        return MutationResult(mutation_id=mutation_id, status="rejected", reason=FOREIGN_MUTATION)
    result = MutationResult.model_validate(stored.result)
    return result.model_copy(update={"status": "duplicate", "original_status": result.status})


def _apply(session: Session, scope: Scope, user_id: str, m: Mutation) -> MutationResult:
    table = ENTITY_TABLES.get(m.entity)
    if table is None:
        raise Rejected(f"Неизвестный тип записи «{m.entity[:40]}»")
    if m.op == "command":
        return run_command(session, scope, user_id, m)
    if m.op == "create":
        return _create(session, scope, user_id, m)
    row = fetch_row(session, table, m.entity_id, lock=True)
    if row is None or row["org_id"] not in scope:
        raise Rejected(NOT_FOUND)
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
    elif m.org_id not in scope:
        raise Rejected(NOT_FOUND)
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
    """One audit row per accepted field change: who, when, entity, field, old → new."""
    rows = [
        {
            "at": now, "user_id": user_id, "mutation_id": m.mutation_id, "entity": m.entity,
            "entity_id": m.entity_id, "org_id": org_id or m.org_id, "op": op, "field": field,
            "old_value": wire_value(old), "new_value": wire_value(new),
        }
        for field, (old, new) in sorted(changes.items())
    ]
    if rows:
        session.execute(insert(audit_history), rows)

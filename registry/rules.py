"""Checks a mutation must pass: editable fields, references in scope, org-tree rules, validation.

Every refusal raises :class:`Rejected` with a Russian reason. Whatever lies outside the user's
scope is refused with :data:`NOT_FOUND`, exactly as if it did not exist.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from sqlalchemy import Table, bindparam, select, text
from sqlalchemy.orm import Session

from chairclient.domain.closure import CLOSED
from chairclient.domain.transfers import org_label
from chairclient.validation import field_message, validate_member, validate_passport
from registry.models import (
    ENTITY_TABLES,
    LOCAL_ONLY_COLUMNS,
    SYSTEM_COLUMNS,
    members,
    organisations,
)
from registry.scope import Scope, subtree
from registry.wire import BadValue, label, parse_value

NOT_FOUND = "Запись не найдена или недоступна"
#: Organisation fields only a superior (territorial level or higher) may change.
TREE_FIELDS = frozenset({"parent_id", "code", "level"})

_TABLE_ENTITY = {table.name: name for name, table in ENTITY_TABLES.items()}


class Rejected(Exception):
    """The mutation is refused; nothing it asked for is written."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def check_writable(scope: Scope, org_id: str | None) -> None:
    """A write into ``org_id``: refused as missing out of scope; a closed organisation the user
    can see is read-only (saying so reveals nothing they cannot read)."""
    if org_id in scope.closed_ids:
        raise Rejected(CLOSED)
    if org_id not in scope:
        raise Rejected(NOT_FOUND)


def parse_fields(table: Table, fields: Mapping[str, Any]) -> dict[str, Any]:
    """Field values from the wire as Python values; system, derived and unknown fields refused."""
    values: dict[str, Any] = {}
    for name, raw in fields.items():
        if name in SYSTEM_COLUMNS or name in LOCAL_ONLY_COLUMNS:
            raise Rejected(f"Поле «{label(name)}» нельзя изменять")
        if name not in table.c:
            raise Rejected(f"Неизвестное поле «{name[:60]}»")
        try:
            values[name] = parse_value(table.c[name], raw)
        except BadValue as exc:
            raise Rejected(str(exc)) from exc
    return values


def fetch_row(session: Session, table: Table, row_id: str, *, lock: bool = False) -> Any:
    """The row by id; ``lock`` holds it (SELECT … FOR UPDATE) until the transaction ends, so
    concurrent merges of the same row run one after the other on PostgreSQL."""
    return session.execute(_row_query(table, lock), {"row_id": row_id}).mappings().first()


@cache
def _row_query(table: Table, lock: bool) -> Any:
    """The statement of :func:`fetch_row`, built once per table (every push runs it)."""
    query = select(table).where(table.c.id == bindparam("row_id"))
    return query.with_for_update() if lock else query


def check_references(
    session: Session, table: Table, values: Mapping[str, Any], org_id: str, scope: Scope
) -> None:
    """Every reference to another synced row points at a live row in scope, in the same org
    (an organisation's ``parent_id`` may point at any organisation in scope)."""
    for column in table.columns:
        value = values.get(column.key)
        if value is None:
            continue
        for fk in column.foreign_keys:
            target_table = fk.column.table
            if target_table.name not in _TABLE_ENTITY:
                continue  # a reference list: the database's foreign key checks it
            target = fetch_row(session, target_table, value)
            if target is None or target["deleted"] or target["org_id"] not in scope:
                raise Rejected(f"Поле «{label(column.key)}»: {NOT_FOUND.lower()}")
            same_org_needed = not (table.name == "organisations" and column.key == "parent_id")
            if same_org_needed and target["org_id"] != org_id:
                raise Rejected(
                    f"Поле «{label(column.key)}»: запись относится к другой организации"
                )


def check_tree_change(
    session: Session, scope: Scope, org_row: Mapping[str, Any] | None, values: Mapping[str, Any]
) -> None:
    """Moving, recoding or re-levelling an organisation is for its superiors only."""
    touched = TREE_FIELDS & set(values)
    if org_row is not None:
        touched = {f for f in touched if values[f] != org_row[f]}
        if touched and org_row["id"] not in scope.superior_ids:
            raise Rejected(
                "Перемещать организацию, менять её код и уровень может только "
                "вышестоящая организация"
            )
    parent_id = values.get("parent_id")
    if "parent_id" in touched and parent_id is not None:
        if parent_id not in scope:
            raise Rejected(f"Поле «{label('parent_id')}»: {NOT_FOUND.lower()}")
        if org_row is not None and parent_id in subtree(session, [org_row["id"]]):
            raise Rejected("Нельзя подчинить организацию её собственной подчинённой")


def check_org_create(scope: Scope, entity_id: str, org_id: str, values: Mapping[str, Any]) -> None:
    if org_id != entity_id:
        raise Rejected("У организации org_id должен совпадать с её идентификатором")
    parent_id = values.get("parent_id")
    if parent_id is None and not scope.is_admin:
        raise Rejected("Укажите вышестоящую организацию")
    if parent_id is not None and parent_id in scope.closed_ids:
        raise Rejected("Вышестоящая организация закрыта: в ней нельзя создавать организации")
    if parent_id is not None and parent_id not in scope:
        raise Rejected(f"Поле «{label('parent_id')}»: {NOT_FOUND.lower()}")
    if not scope.is_admin and parent_id not in scope.elevated_ids:
        raise Rejected("Создавать организации может только вышестоящая организация")


def check_required_columns(table: Table, values: Mapping[str, Any]) -> None:
    for column in table.columns:
        if column.key in SYSTEM_COLUMNS or column.key in LOCAL_ONLY_COLUMNS:
            continue
        has_default = column.default is not None or column.server_default is not None
        if not column.nullable and not has_default and values.get(column.key) is None:
            raise Rejected(f"Поле «{label(column.key)}»: не может быть пустым")


def _new_errors(after: dict[str, str], before: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in after.items() if before.get(k) != v}


def validate(
    session: Session,
    entity: str,
    merged: Mapping[str, Any],
    current: Mapping[str, Any] | None,
    *,
    row_id: str,
    scope: Scope,
) -> None:
    """The client's validation rules on the merged row; only errors this change introduces
    refuse it (an old, already stored problem does not block an unrelated edit)."""
    if entity == "member":
        check = validate_member
    elif entity == "organisation":
        check = validate_passport
    else:
        from registry.record_rules import record_errors  # (imports the commands: a cycle)

        errors = record_errors(session, entity, merged, current, row_id)
        if errors:
            raise Rejected("; ".join(errors.values()))
        return
    after = check(dict(merged)).errors
    before = check(dict(current)).errors if current is not None else {}
    errors = _new_errors(after, before)
    if entity == "organisation":
        from registry.record_rules import leadership_errors

        errors.update(leadership_errors(session, merged, current, row_id))
    snils = merged.get("snils") if entity == "member" else None
    snils_changed = snils and (current is None or snils != current.get("snils"))
    becomes_active = snils and (merged.get("status") or "active") == "active" and (
        snils_changed or (current or {}).get("status") != "active")
    if becomes_active:
        holder = active_holder(session, snils, row_id)
        if holder is not None:
            errors.setdefault("snils", _held_elsewhere(session, holder, scope))
    if snils_changed and _snils_taken(session, snils, row_id, scope):
        errors.setdefault("snils", "Член Профсоюза с таким СНИЛС уже есть в базе")
    if errors:
        raise Rejected("; ".join(field_message(k, v) for k, v in errors.items()))


def _snils_taken(session: Session, snils: str, row_id: str, scope: Scope) -> bool:
    """Another live member with this СНИЛС, looked for only where the user can see."""
    found = session.execute(
        select(members.c.org_id).where(
            members.c.snils == snils, members.c.id != row_id, members.c.deleted.is_(False)
        )
    ).scalars()
    return any(org_id in scope for org_id in found)


#: One person, one active membership: the registry judges it for the whole union. Two pushes
#: registering one СНИЛС at once must not both see "nobody": on PostgreSQL each takes a
#: transaction-scoped advisory lock keyed by the СНИЛС before looking (the second waits for
#: the first to commit, then sees its row). Not a partial unique index: registers merged from
#: paper and older versions may already hold two active cards of one person, which the index
#: could not be built over; staff clear them with the duplicates report, and an edit of an
#: unrelated field of such a card is not blocked (only a change that makes a card active or
#: gives it the СНИЛС is checked). SQLite takes the whole database's write lock up front.
_SNILS_LOCK = text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")


def active_holder(session: Session, snils: str, row_id: str) -> str | None:
    """The organisation where another live member with this СНИЛС is on the register."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(_SNILS_LOCK, {"key": "snils:" + snils})
    return session.scalar(
        select(members.c.org_id).where(
            members.c.snils == snils, members.c.id != row_id, members.c.deleted.is_(False),
            members.c.status == "active",
        ).order_by(members.c.org_id).limit(1)
    )


def _held_elsewhere(session: Session, org_id: str, scope: Scope) -> str:
    org = fetch_row(session, organisations, org_id)
    name = org_label((org["short_name"] or org["full_name"] or "") if org else "",
                     org["code"] if org else "")
    if org_id in scope:
        return f"член Профсоюза с таким СНИЛС уже состоит на учёте в организации {name}"
    return (f"член Профсоюза с таким СНИЛС состоит на учёте в организации {name}: "
            "один человек состоит на учёте только в одной организации — направьте ей "
            "запрос на перевод («Запросить перевод»)")

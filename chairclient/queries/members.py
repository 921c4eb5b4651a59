"""Member list queries: search, filters and sorting done in SQL, returning ids then rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from chairclient.db.models import Member, MembershipEvent, Organisation
from chairclient.queries.conditions import condition_clause
from chairclient.text import search_tokens

#: The list's columns, in display order: key → SQL expression used to show and to sort.
LIST_COLUMNS: dict[str, Any] = {
    "full_name": Member.search_text,
    "birth_date": Member.birth_date,
    "category": Member.category,
    "position": func.coalesce(Member.position_text, Member.position_code),
    "status": Member.status,
    "has_consent": Member.has_consent,
    "card_status": Member.card_status,
    "card_number": Member.card_number,
    "is_complete": Member.is_complete,
    "phone": Member.phone,
    "org_name": select(Organisation.short_name)
    .where(Organisation.id == Member.org_id)
    .scalar_subquery(),
}


@dataclass(frozen=True)
class MemberFilter:
    """What the member list shows. ``None`` in a field means "any"."""

    org_ids: tuple[str, ...]
    text: str = ""
    category: str | None = None
    status: str | None = "active"
    has_consent: bool | None = None
    card_status: str | None = None
    is_complete: bool | None = None
    #: A named condition of :mod:`chairclient.queries.conditions` (dashboard lists).
    condition: str | None = None
    sort_key: str = "full_name"
    descending: bool = False
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


def filter_clauses(flt: MemberFilter) -> list[ColumnElement[bool]]:
    """What ``flt`` asks of a member beyond the scope (organisations, not deleted).

    The dashboard counts with these same clauses, so its counts and the lists agree.
    """
    clauses = [func.instr(Member.search_text, token) > 0 for token in search_tokens(flt.text)]
    if flt.category:
        clauses.append(Member.category == flt.category)
    if flt.status:
        clauses.append(Member.status == flt.status)
    if flt.has_consent is not None:
        clauses.append(Member.has_consent.is_(flt.has_consent))
    if flt.card_status:
        clauses.append(Member.card_status == flt.card_status)
    if flt.is_complete is not None:
        clauses.append(Member.is_complete.is_(flt.is_complete))
    if flt.condition:
        clauses.append(condition_clause(flt.condition))
    return clauses


def _filtered(query: Select, flt: MemberFilter) -> Select:
    query = query.where(Member.org_id.in_(flt.org_ids), Member.deleted.is_(False))
    return query.where(*filter_clauses(flt))


def member_ids(session: Session, flt: MemberFilter) -> list[str]:
    """Ids of the members matching ``flt``, in display order (ties broken by name, then id)."""
    sort = LIST_COLUMNS[flt.sort_key]
    order = [sort.desc() if flt.descending else sort.asc()]
    if flt.sort_key != "full_name":
        order.append(Member.search_text)
    order.append(Member.id)
    return list(session.scalars(_filtered(select(Member.id), flt).order_by(*order)))


def count_members(session: Session, flt: MemberFilter) -> int:
    return session.scalar(_filtered(select(func.count(Member.id)), flt)) or 0


@dataclass(frozen=True)
class MemberRow:
    """One line of the member list."""

    id: str
    last_name: str
    first_name: str
    patronymic: str | None
    birth_date: Any
    category: str | None
    position: str | None
    status: str
    has_consent: bool
    card_status: str
    card_number: str | None
    is_complete: bool
    phone: str | None
    org_id: str
    org_name: str

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)


def fetch_rows(session: Session, ids: Sequence[str]) -> dict[str, MemberRow]:
    """The list rows for ``ids`` (any order; callers index by id)."""
    from chairclient.db.models_ref import RefPosition

    position = func.coalesce(Member.position_text, RefPosition.name)
    query = (
        select(
            Member.id, Member.last_name, Member.first_name, Member.patronymic, Member.birth_date,
            Member.category, position, Member.status, Member.has_consent, Member.card_status,
            Member.card_number, Member.is_complete, Member.phone, Member.org_id,
            func.coalesce(func.nullif(Organisation.short_name, ""), Organisation.full_name, ""),
        )
        .outerjoin(RefPosition, RefPosition.code == Member.position_code)
        .outerjoin(Organisation, Organisation.id == Member.org_id)
        .where(Member.id.in_(list(ids)))
    )
    return {row[0]: MemberRow(*row) for row in session.execute(query)}


def member_history(session: Session, member_id: str) -> list[MembershipEvent]:
    return list(
        session.scalars(
            select(MembershipEvent)
            .where(MembershipEvent.member_id == member_id, MembershipEvent.deleted.is_(False))
            .order_by(MembershipEvent.event_date, MembershipEvent.updated_at)
        )
    )

"""SQL pieces of the lists: scope, birthdays in a period, removals in a period."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from chairclient.db.models import Member, MembershipEvent, Organisation
from chairclient.db.models_ref import RefRemovalReason
from reports.excel.list_columns import FULL_NAME

_MONTH_DAY = func.strftime("%m-%d", Member.birth_date)


def scope(org_id: str) -> Select:
    """Ids of ``org_id`` and every organisation below it (a recursive CTE, no id lists)."""
    tree = select(Organisation.id).where(Organisation.id == org_id).cte("scope",
                                                                      recursive=True)
    tree = tree.union_all(select(Organisation.id).where(Organisation.parent_id == tree.c.id))
    return select(tree.c.id)


def birthdays_filter(start: date | None, end: date | None) -> ColumnElement[bool]:
    """Members whose birthday (month and day) falls in [start, end], across a new year too."""
    assert start is not None and end is not None
    if (end - start).days >= 365:
        return Member.birth_date.is_not(None)
    first, last = start.strftime("%m-%d"), end.strftime("%m-%d")
    if first <= last and start.year == end.year:
        return _MONTH_DAY.between(first, last)
    return or_(first <= _MONTH_DAY, last >= _MONTH_DAY)


def birthdays_order(start: date | None) -> list[ColumnElement[Any]]:
    """Birthdays in calendar order from the period's first day."""
    first = (start or date.today()).strftime("%m-%d")
    return [case((first <= _MONTH_DAY, 0), else_=1), _MONTH_DAY]


_HEADERS: list[tuple[str, str, float]] = [
    ("Фамилия, имя, отчество", "text", 36),
    ("Дата рождения", "date", 12),
    ("Организация", "text", 34),
    ("Дата снятия с учёта", "date", 13),
    ("Основание", "text", 30),
    ("Куда переведён", "text", 30),
    ("Номер ЭПБ", "text", 20),
]


def removed_rows(session: Session, org_id: str, start: date | None, end: date | None
                 ) -> tuple[list[tuple[str, str, float]], Iterator[Sequence[Any]]]:
    """Removals and transfers out of the subtree dated within [start, end], by date and name."""
    source = aliased(Organisation, name="source")
    target = aliased(Organisation, name="target")
    reason = aliased(RefRemovalReason, name="reason")
    from_org = func.coalesce(MembershipEvent.from_org_id, MembershipEvent.org_id)
    basis = case(
        (MembershipEvent.kind == "transferred_out", literal("Перевод в другую организацию")),
        else_=func.coalesce(reason.name, literal("Снят с учёта")),
    )
    query = (
        select(FULL_NAME, Member.birth_date, source.short_name, MembershipEvent.event_date,
               basis, target.short_name, Member.card_number)
        .select_from(MembershipEvent)
        .join(Member, Member.id == MembershipEvent.member_id)
        .outerjoin(source, source.id == from_org)
        .outerjoin(target, and_(MembershipEvent.kind == "transferred_out",
                                target.id == MembershipEvent.to_org_id))
        .outerjoin(reason, reason.code == MembershipEvent.reason)
        .where(
            MembershipEvent.deleted.is_(False),
            MembershipEvent.kind.in_(("removed", "transferred_out")),
            MembershipEvent.event_date.between(start, end),
            from_org.in_(scope(org_id)),
            Member.deleted.is_(False),
        )
        .order_by(MembershipEvent.event_date, Member.last_name, Member.first_name, Member.id)
    )
    result = session.execute(query, execution_options={"yield_per": 2000})
    return _HEADERS, (tuple(row) for row in result)

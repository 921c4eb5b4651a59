"""Union offices as the card's tab and the passport's «Руководство» read them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.models import Member, MemberRole
from chairclient.db.models_ref import RefUnionRole
from chairclient.domain import role_rules
from chairclient.domain.role_rules import Leaders, Office


@dataclass(frozen=True)
class OfficeRow:
    id: str
    role: str
    role_name: str
    body: str | None
    body_name: str | None
    since: date | None
    until: date | None

    def held_on(self, day: date) -> bool:
        return role_rules.holds_on(self.since, self.until, day)


def member_offices(session: Session, member_id: str) -> list[OfficeRow]:
    """The member's offices, the latest first."""
    rows = session.execute(
        select(MemberRole, RefUnionRole.name)
        .join(RefUnionRole, RefUnionRole.code == MemberRole.role, isouter=True)
        .where(MemberRole.member_id == member_id, MemberRole.deleted.is_(False))
    ).all()
    found = [OfficeRow(r.id, r.role, name or r.role, role_rules.body_of(r.role, r.body),
                       r.body_name, r.since, r.until) for r, name in rows]
    return sorted(found, key=lambda o: (o.since or date.min, o.role_name), reverse=True)


def org_leaders(session: Session, org_id: str, day: date) -> Leaders | None:
    """The passport's leadership of ``org_id`` from the offices its members on the register
    hold on ``day``; None when no office of the organisation is recorded at all."""
    rows = session.execute(
        select(MemberRole, Member.last_name, Member.first_name, Member.patronymic,
               Member.status)
        .join(Member, Member.id == MemberRole.member_id)
        .where(MemberRole.org_id == org_id, MemberRole.deleted.is_(False),
               Member.deleted.is_(False))
    ).all()
    if not rows:
        return None
    held = [
        (Office(r.id, r.member_id, r.role, r.body, r.since, r.until),
         " ".join(p for p in (last, first, middle) if p))
        for r, last, first, middle, status in rows if status == "active"
    ]
    return role_rules.leaders(held, day)

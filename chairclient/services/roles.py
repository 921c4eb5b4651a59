"""Union offices (``member_roles``): appoint, end, delete a mistaken entry — the one write path.

Every change is a bulk action (:class:`ActionGroup`): one transaction, its outbox entries, one
undo step of Правка → Отменить, also for one member from the card. The rules are those of
:mod:`chairclient.domain.role_rules`, which the registry runs on the pushed rows too; a member
an office cannot be given to is skipped with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.models import Member, MemberRole, new_id
from chairclient.db.models_ref import RefUnionRole
from chairclient.domain import role_rules
from chairclient.domain.role_rules import Office
from chairclient.services.derived import refresh_members
from chairclient.services.steps import (
    ActionGroup,
    BulkRefused,
    BulkResult,
    Progress,
    RowChange,
    load_members,
    unique,
)

APPOINT = "role"
END = "role_end"
DELETE = "role_delete"
_FIELDS = ("member_id", "role", "since", "until", "body", "body_name")


def union_roles(session: Session) -> list[tuple[str, str]]:
    """The offices a chair may choose, in the reference list's order."""
    return [(code, name) for code, name in session.execute(
        select(RefUnionRole.code, RefUnionRole.name).where(RefUnionRole.active.is_(True))
        .order_by(RefUnionRole.sort_order, RefUnionRole.name))]


def _offices(session: Session, org_id: str, skip: str | None = None) -> list[Office]:
    query = select(MemberRole).where(MemberRole.org_id == org_id, MemberRole.deleted.is_(False))
    return [Office(r.id, r.member_id, r.role, r.body, r.since, r.until)
            for r in session.scalars(query) if r.id != skip]


def _first(errors: dict[str, str]) -> str:
    text = next(iter(errors.values()))
    return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class Wanted:
    """An office to give: who, which, in which body, from / to."""

    member_id: str
    role: str
    since: date
    until: date | None = None
    body: str | None = None
    body_name: str | None = None


def _checked(
    session: Session, wanted: Sequence[Wanted], names: dict[str, str], today: date,
    progress: Progress | None = None,
) -> tuple[list[dict], dict[str, str]]:
    """The rows of the offices the rules allow, and member id → why one was refused (each
    judged against the organisation's offices, those allowed before it included)."""
    facts = load_members(session, unique([w.member_id for w in wanted]))
    # Only offices of the same kind can clash (role_rules): per organisation and office, so a
    # selection of thousands is not judged against thousands each.
    by_org: dict[tuple[str, str], list[Office]] = {}
    rows: list[dict] = []
    refused: dict[str, str] = {}
    for number, item in enumerate(wanted, 1):
        member = facts.get(item.member_id)
        if member is None:
            refused[item.member_id] = "не найден в базе"
            continue
        body = item.body or role_rules.DEFAULT_BODY.get(item.role)
        body_name = (item.body_name or "").strip() or None
        key = (member.org_id, item.role)
        if key not in by_org:
            by_org[key] = [o for o in _offices(session, member.org_id) if o.role == item.role]
        others = by_org[key]
        office = Office(new_id(), item.member_id, item.role, body, item.since, item.until)
        errors = role_rules.role_errors(
            office, roles=names, today=today, member_active=member.status == "active",
            others=others, body_name=body_name, roles_named=names)
        if errors:
            refused.setdefault(item.member_id, _first(errors))
        else:
            others.append(office)
            rows.append({"id": office.id, "org_id": member.org_id,
                         "member_id": item.member_id, "role": item.role, "since": item.since,
                         "until": item.until, "body": body, "body_name": body_name})
        if progress is not None and (number % 500 == 0 or number == len(wanted)):
            progress(number, len(wanted))
    return rows, refused


def appoint_with_step(session: Session, wanted: Sequence[Wanted], step_id: str, *,
                      today: date | None = None) -> dict[str, str]:
    """Offices written as part of another action's step (the import of a sheet, whose cards
    and offices go in one transaction): returns member id → why an office was not given."""
    names = dict(union_roles(session))
    rows, refused = _checked(session, wanted, names, today or date.today())
    group = ActionGroup(session, APPOINT)
    group.step_id = step_id
    group.create("member_role", rows, _FIELDS)
    return refused


def appoint(
    session: Session, member_ids: Sequence[str], role: str, since: date, *,
    until: date | None = None, body: str | None = None, body_name: str | None = None,
    today: date | None = None, progress: Progress | None = None,
) -> BulkResult:
    """«Назначить на должность»: the office ``role`` for each member (skipping those the rules
    refuse: not on the register, already holding it, a single-holder office taken …)."""
    today = today or date.today()
    names = dict(union_roles(session))
    body = body or role_rules.DEFAULT_BODY.get(role)
    body_name = (body_name or "").strip() or None
    probe = role_rules.role_errors(
        Office("", "", role, body, since, until), roles=names, today=today, member_active=True,
        others=(), body_name=body_name, roles_named=names)
    if probe:  # wrong for everyone: the question itself is wrong
        raise BulkRefused(next(iter(probe.values())))
    ids = unique(member_ids)
    result = BulkResult(APPOINT)
    group = ActionGroup(session, APPOINT)
    facts = load_members(session, ids)
    for member_id in ids:
        if member_id not in facts:
            result.skip(member_id, None, "")
    wanted = [Wanted(m, role, since, until, body, body_name) for m in ids if m in facts]
    rows, refused = _checked(session, wanted, names, today, progress)
    for item in wanted:
        if item.member_id in refused:
            result.skip(item.member_id, facts[item.member_id], refused[item.member_id])
        else:
            result.done.append(item.member_id)
    group.create("member_role", rows, _FIELDS)
    result.step_id = group.finish({"count": len(result.done), "skipped": len(result.skipped),
                                   "role": role, "since": since.isoformat()})
    return result


def _office_row(session: Session, role_id: str) -> MemberRole:
    row = session.get(MemberRole, role_id)
    if row is None or row.deleted:
        raise LookupError(f"office {role_id} not found")
    return row


def end_office(session: Session, role_id: str, until: date, *,
               today: date | None = None) -> BulkResult:
    """«Завершить полномочия»: the office ends on ``until`` (the day before a successor's
    election, say); refused with the rules' reason as :class:`BulkRefused`."""
    today = today or date.today()
    row = _office_row(session, role_id)
    member = session.get(Member, row.member_id)
    names = dict(union_roles(session))
    office = Office(row.id, row.member_id, row.role, row.body, row.since, until)
    before = role_rules.role_errors(
        Office(row.id, row.member_id, row.role, row.body, row.since, row.until), roles=names,
        today=today, member_active=member is not None and member.status == "active",
        others=_offices(session, row.org_id, row.id), roles_named=names)
    after = role_rules.role_errors(
        office, roles=names, today=today,
        member_active=member is not None and member.status == "active",
        others=_offices(session, row.org_id, row.id), roles_named=names)
    new = {k: v for k, v in after.items() if before.get(k) != v}
    if new:
        raise BulkRefused(next(iter(new.values())))
    group = ActionGroup(session, END)
    group.update([RowChange("member_role", row.id, row.org_id, row.version,
                            {"until": until}, {"until": row.until})])
    result = BulkResult(END, done=[row.member_id])
    result.step_id = group.finish({"count": 1, "role": row.role, "until": until.isoformat()})
    refresh_members(session, [row.member_id])
    return result


def delete_office(session: Session, role_id: str) -> BulkResult:
    """«Удалить ошибочную запись»: the office was never held (an ended one is ended instead)."""
    row = _office_row(session, role_id)
    group = ActionGroup(session, DELETE)
    group.delete("member_role", [(row.id, row.org_id, row.version)])
    result = BulkResult(DELETE, done=[row.member_id])
    result.step_id = group.finish({"count": 1, "role": row.role})
    return result

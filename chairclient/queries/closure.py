"""What the «Закрыть организацию» dialog shows and checks, read from the local store."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chairclient.db.models import (
    Card,
    Member,
    MembershipEvent,
    Organisation,
    OutboxEntry,
    TransferRequest,
)
from chairclient.domain import closure


@dataclass(frozen=True)
class MergeTarget:
    id: str
    name: str
    code: str


@dataclass(frozen=True)
class ClosureFacts:
    """An organisation as its closure needs it. ``may_close``: the user is its superior or the
    administrator; ``may_reopen``: the user is the administrator (by the positions the
    registry sent with the last sign-in or token refresh; it decides for certain). Both False
    while none are known."""

    org_id: str
    name: str
    code: str
    parent_id: str | None
    level: str
    closed_on: date | None
    closure_kind: str | None
    merged_into_id: str | None
    on_register: int
    open_children: int
    #: ЭПБ lines in its draft card request (a merger waits until they are sent or removed).
    draft_cards: int
    #: Its transfer requests waiting for a decision (decided or withdrawn before a closure).
    pending_requests: int
    earliest: date | None
    may_close: bool
    may_reopen: bool
    pending: bool
    targets: list[MergeTarget] = field(default_factory=list)


def _live_orgs(session: Session) -> list[Organisation]:
    return list(session.scalars(select(Organisation).where(Organisation.deleted.is_(False))))


def _ancestors(by_id: dict[str, Organisation], org: Organisation) -> list[str]:
    found: list[str] = []
    parent = org.parent_id
    while parent is not None and parent not in found:
        found.append(parent)
        above = by_id.get(parent)
        parent = above.parent_id if above is not None else None
    return found


Positions = Iterable[tuple[str, str]]


def closure_facts(session: Session, org_id: str, positions: Positions = ()) -> ClosureFacts:
    """The facts of ``org_id`` for a user with ``positions`` (organisation id, role);
    :class:`LookupError` when it is not in the store."""
    orgs = _live_orgs(session)
    by_id = {o.id: o for o in orgs}
    org = by_id.get(org_id)
    if org is None:
        raise LookupError(f"organisation {org_id} not found")
    on_register = select(Member.id).where(
        Member.org_id == org_id, Member.deleted.is_(False), Member.status == "active")
    count = session.scalar(select(func.count()).select_from(on_register.subquery())) or 0
    last_event = session.scalar(select(func.max(MembershipEvent.event_date)).where(
        MembershipEvent.member_id.in_(on_register), MembershipEvent.deleted.is_(False)))
    registered = session.scalar(select(func.max(Member.registered_on)).where(
        Member.org_id == org_id, Member.deleted.is_(False), Member.status == "active"))
    earliest = max((d for d in (last_event, registered) if d is not None), default=None)
    children = sum(1 for o in orgs if o.parent_id == org_id and o.closed_on is None)
    draft_cards = session.scalar(select(func.count()).select_from(Card).where(
        Card.org_id == org_id, Card.status == "in_request", Card.deleted.is_(False))) or 0
    requests = session.scalar(select(func.count()).select_from(TransferRequest).where(
        TransferRequest.org_id == org_id, TransferRequest.state == "pending",
        TransferRequest.deleted.is_(False))) or 0
    targets = sorted(
        (MergeTarget(o.id, o.short_name or o.full_name, o.code) for o in orgs
         if o.parent_id == org.parent_id and o.level == org.level and o.id != org_id
         and o.closed_on is None and org.parent_id is not None),
        key=lambda t: (t.name, t.code))
    positions = list(positions)
    return ClosureFacts(
        org_id, org.short_name or org.full_name, org.code, org.parent_id, org.level,
        org.closed_on, org.closure_kind, org.merged_into_id, count, children, draft_cards,
        requests, earliest, closure.may_close(_ancestors(by_id, org), positions),
        closure.may_reopen(positions), closure_pending(session, org_id), targets,
    )


def closure_pending(session: Session, org_id: str) -> bool:
    """A closure or reopening of ``org_id`` waits in the outbox."""
    names = (closure.CLOSE_ORGANISATION, closure.REOPEN_ORGANISATION)
    entries = session.scalars(select(OutboxEntry).where(
        OutboxEntry.entity == "organisation", OutboxEntry.entity_id == org_id,
        OutboxEntry.op == "command", OutboxEntry.state == "pending"))
    return any(e.fields.get("command") in names for e in entries)

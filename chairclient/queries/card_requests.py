"""What the «Заявки на ЭПБ» workspace shows for one organisation, read in one go.

The draft and its lines, who cannot enter a request and why, the next processing date, past
requests with every line's status history, the received cards waiting to be handed out, and
(for regional staff) the cards produced or on their way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.models import (
    Card,
    CardRequest,
    CardStatusChange,
    Member,
    Organisation,
    OutboxEntry,
)
from chairclient.db.models_ref import RefPosition
from chairclient.services.card_requests import DRAFT, Eligibility, eligibility
from chairclient.services.card_rules import expected_arrival, next_processing_date
from chairclient.services.steps import chunks

#: Statuses regional staff move on from the workspace.
REGIONAL_STATUSES = ("produced", "shipped")


@dataclass
class Line:
    """One card of a request (or waiting to be handed out)."""

    card_id: str
    member_id: str
    name: str
    position: str
    status: str
    number: str | None
    issued_on: date | None
    replaces_id: str | None
    history: list[tuple[str, datetime]] = field(default_factory=list)


@dataclass
class PastRequest:
    id: str
    state: str
    submitted_at: datetime | None
    processing_date: date | None
    waiting_sync: bool
    lines: list[Line] = field(default_factory=list)


@dataclass
class CardWorkspace:
    org_id: str
    today: date
    draft_id: str | None
    draft: list[Line]
    eligibility: Eligibility
    requests: list[PastRequest]
    received: list[Line]
    regional: list[Line]
    may_ship: bool

    @property
    def next_processing(self) -> date:
        return next_processing_date(self.today)

    @property
    def expected_arrival(self) -> date:
        return expected_arrival(self.next_processing)

    @property
    def draft_members(self) -> set[str]:
        return {line.member_id for line in self.draft}


def card_workspace(session: Session, org_id: str, *, today: date | None = None,
                   regional: bool | None = None) -> CardWorkspace:
    """Everything the workspace shows for ``org_id``. ``regional``: whether the user marks
    cards shipped (None: when the local database holds a regional or central organisation,
    i.e. the user's scope reaches that high)."""
    today = today or date.today()
    if regional is None:
        regional = session.scalar(select(Organisation.id).where(
            Organisation.level.in_(("regional", "central")),
            Organisation.deleted.is_(False)).limit(1)) is not None
    draft_id = session.scalar(
        select(CardRequest.id).where(CardRequest.org_id == org_id, CardRequest.state == DRAFT,
                                     CardRequest.deleted.is_(False))
        .order_by(CardRequest.id).limit(1))
    past = session.execute(
        select(CardRequest.id, CardRequest.state, CardRequest.submitted_at,
               CardRequest.processing_date)
        .where(CardRequest.org_id == org_id, CardRequest.state != DRAFT,
               CardRequest.deleted.is_(False))
        .order_by(CardRequest.submitted_at.desc(), CardRequest.id)).all()
    waiting = set(session.scalars(select(OutboxEntry.entity_id).where(
        OutboxEntry.entity == "card_request", OutboxEntry.state == "pending")))
    requests = [PastRequest(r.id, r.state, r.submitted_at, r.processing_date, r.id in waiting)
                for r in past]
    by_request = {r.id: r for r in requests}
    ids = [r.id for r in requests] + ([draft_id] if draft_id else [])
    lines = _lines(session, Card.request_id.in_(ids)) if ids else []
    draft: list[Line] = []
    for request_id, line in lines:
        if request_id == draft_id:
            draft.append(line)
        else:
            by_request[request_id].lines.append(line)
    _add_history(session, [line for r in requests for line in r.lines])
    received = [line for _r, line in _lines(session, Card.org_id == org_id,
                                            Card.status == "received")]
    on_way = [line for _r, line in _lines(session, Card.org_id == org_id,
                                          Card.status.in_(REGIONAL_STATUSES))] if regional else []
    return CardWorkspace(org_id, today, draft_id, draft, eligibility(session, org_id), requests,
                         received, on_way, regional)


def _lines(session: Session, *where) -> list[tuple[str | None, Line]]:
    rows = session.execute(
        select(Card.request_id, Card.id, Card.member_id, Card.status, Card.number,
               Card.issued_on, Card.replaces_id, Member.last_name, Member.first_name,
               Member.patronymic, Member.position_text, RefPosition.name.label("position"))
        .join(Member, Member.id == Card.member_id)
        .outerjoin(RefPosition, RefPosition.code == Member.position_code)
        .where(Card.deleted.is_(False), *where)
        .order_by(Member.last_name, Member.first_name, Member.patronymic, Card.id)).all()
    found = []
    for r in rows:
        name = " ".join(p for p in (r.last_name, r.first_name, r.patronymic) if p)
        position = r.position_text or r.position or ""
        found.append((r.request_id, Line(r.id, r.member_id, name, position, r.status, r.number,
                                         r.issued_on, r.replaces_id)))
    return found


def _add_history(session: Session, lines: Sequence[Line]) -> None:
    by_card = {line.card_id: line for line in lines}
    for part in chunks(list(by_card)):
        for card_id, status, moment in session.execute(
            select(CardStatusChange.card_id, CardStatusChange.status,
                   CardStatusChange.changed_at)
            .where(CardStatusChange.card_id.in_(part), CardStatusChange.deleted.is_(False))
            .order_by(CardStatusChange.changed_at, CardStatusChange.id)
        ):
            by_card[card_id].history.append((status, moment))

"""Отправить заявку на ЭПБ: the draft request becomes «submitted», ONE registry command.

Locally (optimistic, in the caller's transaction): the request gets state «submitted»,
``submitted_at`` and ``processing_date`` (the next 1st or 15th), every В ЗАЯВКЕ line becomes
ЗАКАЗАН with a status-change row whose id both sides derive (:func:`submit_change_id`). The
``submit_card_request`` command waits in the outbox (offline until the next sync); its ``base``
keeps what was overwritten and created, so the sync client rolls everything back should the
registry refuse it. It is one undoable step too (Правка → Отменить) until it is sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from chairclient.db.models import (
    LIVE_CARD_STATUSES,
    Card,
    CardRequest,
    CardStatusChange,
    OutboxEntry,
    utcnow,
)
from chairclient.services import outbox
from chairclient.services.card_requests import DRAFT
from chairclient.services.card_rules import (
    SUBMIT_REQUEST,
    check_request,
    next_processing_date,
    submit_change_id,
)
from chairclient.services.derived import refresh_members
from chairclient.services.steps import ActionGroup, chunks, insert_many, load_members

SUBMIT = "card_submit"
SUBMITTED = "submitted"
#: At most this many members are named in a refusal; the rest are counted.
NAMED = 10


class SubmitRefused(ValueError):
    """The draft cannot be submitted; ``str()`` is the Russian reason, nothing was written."""


@dataclass(frozen=True)
class SubmitDone:
    request_id: str
    lines: int
    processing_date: date
    step_id: str | None
    mutation_id: str
    members: list[str]


def submit_request(
    session: Session, request_id: str, *, today: date | None = None, now: datetime | None = None,
) -> SubmitDone:
    """Submit the draft ``request_id`` (validated like the registry will: a draft, at least one
    line, every line's member still may enter a request)."""
    today = today or date.today()
    now = now or utcnow()
    request = session.get(CardRequest, request_id)
    if request is None or request.deleted:
        raise SubmitRefused("Заявка не найдена")
    if request.state != DRAFT:
        raise SubmitRefused("Заявка уже отправлена")
    lines = list(session.scalars(
        select(Card).where(Card.request_id == request_id, Card.deleted.is_(False),
                           Card.status == "in_request").order_by(Card.id)))
    if not lines:
        raise SubmitRefused("В заявке нет ни одного члена Профсоюза")
    _check_lines(session, lines)

    processing = next_processing_date(today)
    old_request = {"state": request.state, "submitted_at": outbox.wire_value(request.submitted_at),
                   "processing_date": outbox.wire_value(request.processing_date)}
    rows: list[dict[str, Any]] = [{"entity": "card_request", "id": request.id,
                                   "old": old_request}]
    created: list[dict[str, str]] = []
    changes: list[dict[str, Any]] = []
    for card in lines:
        rows.append({"entity": "card", "id": card.id, "old": {"status": card.status}})
        change_id = submit_change_id(request.id, card.id)
        created.append({"entity": "card_status_change", "id": change_id})
        changes.append({"id": change_id, "org_id": card.org_id, "card_id": card.id,
                        "status": "ordered", "changed_at": now, "note": None, "version": 0,
                        "deleted": False, "updated_at": now})
    members = [card.member_id for card in lines]
    org_id = request.org_id
    session.flush()
    requests = CardRequest.__table__
    session.execute(update(requests).where(requests.c.id == request.id).values(
        state=SUBMITTED, submitted_at=now, processing_date=processing, updated_at=now))
    cards = Card.__table__
    session.execute(update(cards).where(cards.c.id == bindparam("_id")),
                    [{"_id": card.id, "status": "ordered", "updated_at": now} for card in lines])
    insert_many(session, CardStatusChange.__table__, changes)
    session.expire_all()

    group = ActionGroup(session, SUBMIT)
    group.commands("card_request", SUBMIT_REQUEST,
                   [(request_id, org_id, {}, {"rows": rows, "created": created})])
    refresh_members(session, members)
    step_id = group.finish({"count": len(lines), "processing_date": processing.isoformat()})
    mutation_id = session.scalar(select(OutboxEntry.mutation_id).where(
        OutboxEntry.step_id == group.step_id).limit(1)) or ""
    return SubmitDone(request_id, len(lines), processing, step_id, mutation_id, members)


def _check_lines(session: Session, lines: list[Card]) -> None:
    """Every line's member may still enter: on the register, complete card, consent, and no
    live card besides this line."""
    ids = [card.member_id for card in lines]
    facts = load_members(session, ids)
    mine = {card.id for card in lines}
    other_live: dict[str, str] = {}
    for part in chunks(ids):
        for card_id, member_id, status in session.execute(
            select(Card.id, Card.member_id, Card.status).where(
                Card.member_id.in_(part), Card.deleted.is_(False),
                Card.status.in_(sorted(LIVE_CARD_STATUSES)))
        ):
            if card_id not in mine:
                other_live.setdefault(member_id, status)
    problems: list[str] = []
    for card in lines:
        member = facts.get(card.member_id)
        if member is None:
            problems.append("член Профсоюза удалён из базы")
            continue
        reason = check_request(member.status, member.complete, member.consent,
                               other_live.get(card.member_id))
        if reason:
            problems.append(f"{member.name} — {reason}")
    if problems:
        named = "; ".join(problems[:NAMED])
        if len(problems) > NAMED:
            named += f" и ещё {len(problems) - NAMED}"
        raise SubmitRefused(
            "Заявку нельзя отправить: эти члены Профсоюза не могут получить ЭПБ: " + named
            + ". Исправьте карточки или уберите их из заявки.")


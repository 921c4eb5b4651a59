"""Card requests (заявки на ЭПБ): one draft request per organisation, members added to it.

A request's lines are card rows (``cards.request_id``) in status В ЗАЯВКЕ, each with its first
status-change row. Adding members is one action group (one transaction, one undoable step):
the draft is created when the organisation has none, members who may not enter a request
(:func:`card_rules.check_request`) are skipped with the reason. Submitting the draft and
everything after it belong to the ЭПБ issue.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.models import (
    CARD_PRIORITY,
    LIVE_CARD_STATUSES,
    Card,
    CardRequest,
    new_id,
    utcnow,
)
from chairclient.services.card_rules import check_request
from chairclient.services.derived import refresh_members
from chairclient.services.steps import (
    ActionGroup,
    BulkResult,
    Progress,
    chunks,
    load_members,
    unique,
)

ADD_TO_REQUEST = "card_request"
DRAFT = "draft"


def draft_request_id(session: Session, org_id: str) -> str | None:
    """The organisation's draft request (the oldest, should sync ever bring two)."""
    return session.scalar(
        select(CardRequest.id).where(
            CardRequest.org_id == org_id, CardRequest.state == DRAFT,
            CardRequest.deleted.is_(False),
        ).order_by(CardRequest.id).limit(1)
    )


def live_cards(session: Session, member_ids: Sequence[str]) -> dict[str, str]:
    """Per member, the status of their live card (the foremost one), if any."""
    found: dict[str, str] = {}
    for part in chunks(member_ids):
        for member_id, status in session.execute(
            select(Card.member_id, Card.status).where(
                Card.member_id.in_(part), Card.deleted.is_(False),
                Card.status.in_(sorted(LIVE_CARD_STATUSES)),
            )
        ):
            best = found.get(member_id)
            if best is None or CARD_PRIORITY[status] < CARD_PRIORITY[best]:
                found[member_id] = status
    return found


def add_to_draft(
    session: Session, member_ids: Sequence[str], *, now: datetime | None = None,
    progress: Progress | None = None,
) -> BulkResult:
    """Add the members to their organisation's draft request, in the caller's transaction."""
    now = now or utcnow()
    ids = unique(member_ids)
    result = BulkResult(ADD_TO_REQUEST)
    group = ActionGroup(session, ADD_TO_REQUEST)
    facts = load_members(session, ids)
    live = live_cards(session, ids)
    drafts: dict[str, str | None] = {}
    requests: list[dict] = []
    cards: list[dict] = []
    changes: list[dict] = []
    for number, member_id in enumerate(ids, 1):
        member = facts.get(member_id)
        reason = check_request(member.status, member.complete, member.consent,
                               live.get(member_id)) if member else ""
        if member is None or reason:
            result.skip(member_id, member, reason or "")
        else:
            org_id = member.org_id
            if org_id not in drafts:
                drafts[org_id] = draft_request_id(session, org_id)
            if drafts[org_id] is None:
                drafts[org_id] = new_id()
                requests.append({"id": drafts[org_id], "org_id": org_id, "state": DRAFT})
            card_id = new_id()
            cards.append({"id": card_id, "org_id": org_id, "member_id": member_id,
                          "status": "in_request", "request_id": drafts[org_id]})
            changes.append({"id": new_id(), "org_id": org_id, "card_id": card_id,
                            "status": "in_request", "changed_at": now})
            result.done.append(member_id)
        if progress is not None and (number % 500 == 0 or number == len(ids)):
            progress(number, len(ids))
    group.create("card_request", requests, ["state"])
    group.create("card", cards, ["member_id", "status", "request_id"])
    group.create("card_status_change", changes, ["card_id", "status", "changed_at"])
    refresh_members(session, result.done)
    result.step_id = group.finish({"count": len(result.done), "skipped": len(result.skipped),
                                   "requests": len(requests)})
    return result

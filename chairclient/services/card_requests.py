"""Card requests (заявки на ЭПБ): one draft request per organisation, members added to it.

A request's lines are card rows (``cards.request_id``) in status В ЗАЯВКЕ, each with its first
status-change row. Adding and removing members is one action group each (one transaction, one
undoable step): the draft is created when the organisation has none, members who may not enter
a request (:func:`card_rules.check_request`) are skipped with the reason; a removed line is a
tombstone of its В ЗАЯВКЕ card. Submitting is :mod:`chairclient.services.card_submit`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.models import (
    CARD_PRIORITY,
    LIVE_CARD_STATUSES,
    Card,
    CardRequest,
    Member,
    new_id,
    utcnow,
)
from chairclient.services.card_rules import (
    INCOMPLETE,
    NO_CONSENT,
    NOT_ON_REGISTER,
    check_request,
)
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
REMOVE_FROM_REQUEST = "card_request_remove"
DRAFT = "draft"
NOT_IN_DRAFT = "нет в черновике заявки"


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
    result = BulkResult(ADD_TO_REQUEST)
    group = ActionGroup(session, ADD_TO_REQUEST)
    added, created = add_lines(session, group, result, unique(member_ids), now=now,
                               progress=progress)
    result.done.extend(added)
    result.step_id = group.finish({"count": len(result.done), "skipped": len(result.skipped),
                                   "requests": created})
    return result


def add_all_eligible(session: Session, org_id: str, *, now: datetime | None = None,
                     progress: Progress | None = None) -> BulkResult:
    """«Добавить всех, кто может получить ЭПБ»: every member of ``org_id`` who may enter."""
    return add_to_draft(session, eligibility(session, org_id).eligible, now=now,
                        progress=progress)


def add_lines(
    session: Session, group: ActionGroup, result: BulkResult, ids: Sequence[str], *,
    replaces: Mapping[str, str] | None = None, now: datetime | None = None,
    progress: Progress | None = None, reason_prefix: str = "",
) -> tuple[list[str], int]:
    """Add lines for ``ids`` to the drafts (created when missing) within ``group``; members
    who may not enter are skipped into ``result`` (with ``reason_prefix``). ``replaces``: per
    member, the lost or damaged card the new one replaces. Returns the members added and the
    number of drafts created."""
    now = now or utcnow()
    replaces = replaces or {}
    facts = load_members(session, ids)
    live = live_cards(session, ids)
    drafts: dict[str, str | None] = {}
    requests: list[dict] = []
    cards: list[dict] = []
    changes: list[dict] = []
    added: list[str] = []
    for number, member_id in enumerate(ids, 1):
        member = facts.get(member_id)
        reason = check_request(member.status, member.complete, member.consent,
                               live.get(member_id)) if member else ""
        if member is None or reason:
            result.skip(member_id, member, reason_prefix + (reason or ""))
        else:
            org_id = member.org_id
            if org_id not in drafts:
                drafts[org_id] = draft_request_id(session, org_id)
            if drafts[org_id] is None:
                drafts[org_id] = new_id()
                requests.append({"id": drafts[org_id], "org_id": org_id, "state": DRAFT})
            card_id = new_id()
            cards.append({"id": card_id, "org_id": org_id, "member_id": member_id,
                          "status": "in_request", "request_id": drafts[org_id],
                          "replaces_id": replaces.get(member_id)})
            changes.append({"id": new_id(), "org_id": org_id, "card_id": card_id,
                            "status": "in_request", "changed_at": now})
            added.append(member_id)
        if progress is not None and (number % 500 == 0 or number == len(ids)):
            progress(number, len(ids))
    group.create("card_request", requests, ["state"])
    plain = [c for c in cards if c["replaces_id"] is None]
    group.create("card", [{k: v for k, v in c.items() if k != "replaces_id"} for c in plain],
                 ["member_id", "status", "request_id"])
    group.create("card", [c for c in cards if c["replaces_id"] is not None],
                 ["member_id", "status", "request_id", "replaces_id"])
    group.create("card_status_change", changes, ["card_id", "status", "changed_at"])
    refresh_members(session, added)
    return added, len(requests)


def remove_from_draft(session: Session, member_ids: Sequence[str]) -> BulkResult:
    """Take the members' lines out of the draft request (a tombstone of each В ЗАЯВКЕ card),
    one undoable step."""
    ids = unique(member_ids)
    result = BulkResult(REMOVE_FROM_REQUEST)
    group = ActionGroup(session, REMOVE_FROM_REQUEST)
    facts = load_members(session, ids)
    lines: dict[str, tuple[str, str, int]] = {}
    for part in chunks(ids):
        for card_id, member_id, org_id, version in session.execute(
            select(Card.id, Card.member_id, Card.org_id, Card.version)
            .join(CardRequest, CardRequest.id == Card.request_id)
            .where(Card.member_id.in_(part), Card.deleted.is_(False),
                   Card.status == "in_request", CardRequest.state == DRAFT)
        ):
            lines[member_id] = (card_id, org_id, version)
    for member_id in ids:
        if member_id in lines:
            result.done.append(member_id)
        else:
            result.skip(member_id, facts.get(member_id), NOT_IN_DRAFT)
    group.delete("card", [lines[m] for m in result.done])
    refresh_members(session, result.done)
    result.step_id = group.finish({"count": len(result.done), "skipped": len(result.skipped)})
    return result


@dataclass(frozen=True)
class Ineligible:
    member_id: str
    name: str
    reason: str


@dataclass
class Eligibility:
    """Members of an organisation who may enter a card request (ids, by name), and those who
    may not with the reason (actionable reasons first)."""

    eligible: list[str] = field(default_factory=list)
    ineligible: list[Ineligible] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)


def eligibility(session: Session, org_id: str) -> Eligibility:
    """Per member of ``org_id`` (not those of subordinate organisations): may they enter?"""
    rows = session.execute(
        select(Member.id, Member.last_name, Member.first_name, Member.patronymic,
               Member.status, Member.is_complete, Member.has_consent)
        .where(Member.org_id == org_id, Member.deleted.is_(False))
        .order_by(Member.last_name, Member.first_name, Member.patronymic, Member.id)
    ).all()
    live = live_cards(session, [r.id for r in rows])
    found = Eligibility()
    for row in rows:
        reason = check_request(row.status, row.is_complete, row.has_consent, live.get(row.id))
        name = " ".join(p for p in (row.last_name, row.first_name, row.patronymic) if p)
        if reason is None:
            found.eligible.append(row.id)
            found.names[row.id] = name
        else:
            found.ineligible.append(Ineligible(row.id, name, reason))
    found.ineligible.sort(key=lambda i: _REASON_ORDER.get(i.reason, 2))
    return found


#: Reasons the chair can fix come first in the list; «снят с учёта» last.
_REASON_ORDER = {INCOMPLETE: 0, NO_CONSENT: 1, NOT_ON_REGISTER: 3}

"""Bulk actions on a selection of members: each is ONE transaction and ONE undoable step.

Every function works inside the caller's transaction, skips the members the action does not
apply to (with a Russian reason) and returns a :class:`BulkResult` whose ``step_id`` is the undo
step (:mod:`chairclient.services.undo`). A wrong argument for the whole action (a date in the
future, an unknown category) raises :class:`BulkRefused` before anything is written; any other
error propagates and the transaction rolls back, leaving nothing. Adding to the draft card
request is :func:`chairclient.services.card_requests.add_to_draft`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chairclient.db.models import CARD_PRIORITY, Card, CardStatusChange, Consent, new_id, utcnow
from chairclient.db.models_ref import RefCategory
from chairclient.services import lifecycle
from chairclient.services.card_rules import PREVIOUS_STATUS, check_step, check_step_date
from chairclient.services.derived import refresh_consent_flags, refresh_members
from chairclient.services.members import CONSENT_TEMPLATE_VERSION
from chairclient.services.steps import (
    ActionGroup,
    BulkResult,
    Progress,
    RowChange,
    chunks,
    load_members,
    unique,
)

CONSENT = "consent"
CARDS_RECEIVED = "cards_received"
CARDS_ISSUED = "cards_issued"
CATEGORY = "category"

ALREADY_CONSENTED = "согласие уже отмечено"
REMOVED = "снят с учёта"
_CONSENT_FIELDS = ("member_id", "signed_on", "template_version", "recorded_by")


class BulkRefused(ValueError):
    """The action as a whole cannot run (``str()`` is the Russian reason); nothing written."""


def _report(progress: Progress | None, number: int, total: int) -> None:
    if progress is not None and (number % 500 == 0 or number == total):
        progress(number, total)


def mark_consent(
    session: Session, member_ids: Sequence[str], signed_on: date, *,
    recorded_by: str | None = None, today: date | None = None, progress: Progress | None = None,
) -> BulkResult:
    """Согласие получено: a consent record (current template version) for each member without
    a live one."""
    if signed_on > (today or date.today()):
        raise BulkRefused("Дата подписания согласия не может быть в будущем")
    ids = unique(member_ids)
    result = BulkResult(CONSENT)
    group = ActionGroup(session, CONSENT)
    facts = load_members(session, ids)
    consented: set[str] = set()
    for part in chunks(ids):
        consented |= set(session.scalars(select(Consent.member_id).where(
            Consent.member_id.in_(part), Consent.deleted.is_(False),
            Consent.revoked_on.is_(None))))
    rows = []
    for number, member_id in enumerate(ids, 1):
        member = facts.get(member_id)
        if member is None or member.status != "active" or member_id in consented:
            result.skip(member_id, member,
                        REMOVED if member and member.status != "active" else ALREADY_CONSENTED)
        else:
            rows.append({"id": new_id(), "org_id": member.org_id, "member_id": member_id,
                         "signed_on": signed_on, "template_version": CONSENT_TEMPLATE_VERSION,
                         "recorded_by": recorded_by})
            result.done.append(member_id)
        _report(progress, number, len(ids))
    group.create("consent", rows, _CONSENT_FIELDS)
    refresh_consent_flags(session, result.done)
    result.step_id = group.finish({"count": len(result.done), "skipped": len(result.skipped),
                                   "on": signed_on.isoformat()})
    return result


def mark_cards(
    session: Session, member_ids: Sequence[str], target: str, on: date, *,
    today: date | None = None, progress: Progress | None = None,
) -> BulkResult:
    """ЭПБ получен (``target`` "received", from ОТПРАВЛЕН В РЕГИОН) or выдан ("issued", from
    ПОЛУЧЕН, with the date in ``issued_on``): the next status only, never a skipped step."""
    if target not in ("received", "issued"):
        raise ValueError(f"not a bulk card status: {target}")
    today = today or date.today()
    if on > today:
        raise BulkRefused("Дата не может быть в будущем")
    action = CARDS_RECEIVED if target == "received" else CARDS_ISSUED
    ids = unique(member_ids)
    result = BulkResult(action)
    group = ActionGroup(session, action)
    facts = load_members(session, ids)
    cards = _cards_by_member(session, ids)
    last = _last_changes(session, [c.id for found in cards.values() for c in found])
    now = utcnow()
    updates: list[RowChange] = []
    changes: list[dict] = []
    for number, member_id in enumerate(ids, 1):
        member = facts.get(member_id)
        card = _card_for(cards.get(member_id, []), target)
        stamp = last.get(card.id) if card is not None else None
        reason = check_step(card.status if card else None, target) if member else ""
        if not reason:
            reason = check_step_date(on, today, stamp.date() if stamp else None) or ""
        if member is None or reason or card is None:
            result.skip(member_id, member, reason or "")
        else:
            new: dict = {"status": target}
            if target == "issued":
                new["issued_on"] = on
            updates.append(RowChange("card", card.id, card.org_id, card.version, new,
                                     {"status": card.status, "issued_on": card.issued_on}))
            changes.append({"id": new_id(), "org_id": card.org_id, "card_id": card.id,
                            "status": target, "changed_at": _moment(on, today, now, stamp)})
            result.done.append(member_id)
        _report(progress, number, len(ids))
    group.update(updates)
    group.create("card_status_change", changes, ["card_id", "status", "changed_at"])
    refresh_members(session, result.done)
    result.step_id = group.finish({"count": len(result.done), "skipped": len(result.skipped),
                                   "on": on.isoformat()})
    return result


def change_category(
    session: Session, member_ids: Sequence[str], category: str, on: date, *,
    today: date | None = None, progress: Progress | None = None,
) -> BulkResult:
    """Сменить категорию: the lifecycle command for each member, all in one undoable step."""
    today = today or date.today()
    known = session.scalar(select(RefCategory.code).where(RefCategory.code == category,
                                                          RefCategory.active.is_(True)))
    if known is None:
        raise BulkRefused("Категория не найдена в справочнике")
    if on > today:
        raise BulkRefused("Дата не может быть в будущем")
    ids = unique(member_ids)
    result = BulkResult(CATEGORY)
    group = ActionGroup(session, CATEGORY)
    facts = load_members(session, ids)
    for number, member_id in enumerate(ids, 1):
        member = facts.get(member_id)
        if member is None:
            result.skip(member_id, None, "")
        else:
            try:
                lifecycle.change_category(session, member_id, category, on,
                                          step_id=group.step_id, today=today)
            except lifecycle.LifecycleRefused as refused:
                result.skip(member_id, member, _lower_first(str(refused)))
            else:
                result.done.append(member_id)
        _report(progress, number, len(ids))
    result.step_id = group.finish({"count": len(result.done), "skipped": len(result.skipped),
                                   "category": category, "on": on.isoformat()})
    return result


# -- cards ------------------------------------------------------------------------------------


def _cards_by_member(session: Session, ids: Sequence[str]) -> dict[str, list[Card]]:
    found: dict[str, list[Card]] = {}
    for part in chunks(ids):
        for card in session.scalars(
            select(Card).where(Card.member_id.in_(part), Card.deleted.is_(False))
            .order_by(Card.id)
        ):
            found.setdefault(card.member_id, []).append(card)
    return found


def _card_for(cards: list[Card], target: str) -> Card | None:
    """The card the step applies to: one in the status just before ``target``; otherwise the
    member's foremost live card (whose status explains why not)."""
    before = PREVIOUS_STATUS[target]
    ready = [c for c in cards if c.status == before]
    if ready:
        return ready[0]
    if not cards:
        return None
    return min(cards, key=lambda c: CARD_PRIORITY.get(c.status, 9))


def _last_changes(session: Session, card_ids: list[str]) -> dict[str, datetime]:
    found: dict[str, datetime] = {}
    for part in chunks(card_ids):
        for card_id, moment in session.execute(
            select(CardStatusChange.card_id, func.max(CardStatusChange.changed_at))
            .where(CardStatusChange.card_id.in_(part), CardStatusChange.deleted.is_(False))
            .group_by(CardStatusChange.card_id)
        ):
            found[card_id] = moment
    return found


def _moment(on: date, today: date, now: datetime, after: datetime | None) -> datetime:
    """When the status changed: now for today, midday of an earlier date; always after the
    previous change, so the card's history stays in order."""
    moment = now if on == today else datetime.combine(on, time(12, 0))
    if after is not None and moment <= after:
        moment = after + timedelta(minutes=1)
    return moment


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


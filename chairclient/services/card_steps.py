"""ЭПБ status steps on a selection of members: ОТПРАВЛЕН В РЕГИОН, ПОЛУЧЕН, ВЫДАН, УТЕРЯН,
ИСПОРЧЕН — each card moved by ONE ``card_step`` command, the whole selection ONE undoable step.

The card's status (and ``issued_on`` for ВЫДАН) and a new status-change row are written
optimistically; the command carries the change row's id (``change_id``) so the registry writes
the very same row, and its ``base`` keeps what was overwritten and created, so the sync client
puts things back should the registry refuse the step (like :mod:`lifecycle`). Marking a card
lost or damaged can re-issue it in the same step: the member goes into the draft request with a
new card that ``replaces_id`` the broken one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from chairclient.db.models import CARD_PRIORITY, Card, CardStatusChange, new_id, utcnow
from chairclient.services import outbox
from chairclient.services.card_requests import add_lines
from chairclient.services.card_rules import (
    BREAKABLE_FROM,
    BROKEN_STATUSES,
    CARD_STEP,
    PREVIOUS_STATUS,
    check_step,
    check_step_date,
)
from chairclient.services.derived import refresh_members
from chairclient.services.steps import (
    ActionGroup,
    BulkRefused,
    BulkResult,
    Progress,
    chunks,
    insert_many,
    load_members,
    unique,
)

CARDS_SHIPPED = "cards_shipped"
CARDS_RECEIVED = "cards_received"
CARDS_ISSUED = "cards_issued"
CARDS_BROKEN = "cards_broken"
ACTIONS = {"shipped": CARDS_SHIPPED, "received": CARDS_RECEIVED, "issued": CARDS_ISSUED,
           "lost": CARDS_BROKEN, "damaged": CARDS_BROKEN}
#: Prefix of the reason when the broken card was marked but no new one could be ordered.
NO_REISSUE = "новая ЭПБ не заказана: "


def mark_cards(
    session: Session, member_ids: Sequence[str], target: str, on: date, *,
    today: date | None = None, progress: Progress | None = None,
) -> BulkResult:
    """ОТПРАВЛЕН В РЕГИОН (``target`` "shipped", regional staff), ПОЛУЧЕН ("received") or
    ВЫДАН ("issued", the date in ``issued_on``): the next status only, never a skipped step."""
    if target not in ("shipped", "received", "issued"):
        raise ValueError(f"not a bulk card status: {target}")
    result = BulkResult(ACTIONS[target])
    group = ActionGroup(session, result.action)
    _step(session, group, result, unique(member_ids), target, on, today or date.today(),
          progress)
    result.step_id = group.finish({"count": len(result.done), "skipped": len(result.skipped),
                                   "on": on.isoformat(), "status": target})
    return result


def mark_broken(
    session: Session, member_ids: Sequence[str], target: str, on: date, *, reissue: bool = True,
    today: date | None = None, progress: Progress | None = None,
) -> BulkResult:
    """УТЕРЯН or ИСПОРЧЕН (``target`` "lost" / "damaged") for a received or issued card; with
    ``reissue`` the member enters the draft request with a replacement card, same undo step."""
    if target not in BROKEN_STATUSES:
        raise ValueError(f"not a broken card status: {target}")
    result = BulkResult(CARDS_BROKEN)
    group = ActionGroup(session, CARDS_BROKEN)
    broken = _step(session, group, result, unique(member_ids), target, on,
                   today or date.today(), progress)
    if reissue and broken:
        result.reissued, _drafts = add_lines(session, group, result, list(broken),
                                             replaces=broken, reason_prefix=NO_REISSUE)
    result.step_id = group.finish({"count": len(result.done), "skipped": len(result.skipped),
                                   "on": on.isoformat(), "status": target,
                                   "reissued": len(result.reissued)})
    return result


def _step(
    session: Session, group: ActionGroup, result: BulkResult, ids: list[str], target: str,
    on: date, today: date, progress: Progress | None,
) -> dict[str, str]:
    """Move each member's card to ``target`` within ``group``; returns member → card moved."""
    if on > today:
        raise BulkRefused("Дата не может быть в будущем")
    facts = load_members(session, ids)
    cards = _cards_by_member(session, ids)
    last = _last_changes(session, [c.id for found in cards.values() for c in found])
    now = utcnow()
    moved: dict[str, str] = {}
    updates: list[dict[str, Any]] = []
    changes: list[dict[str, Any]] = []
    commands: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = []
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
            new: dict[str, Any] = {"status": target}
            if target == "issued":
                new["issued_on"] = on
            old = {"status": card.status, "issued_on": outbox.wire_value(card.issued_on)}
            change_id = new_id()
            updates.append({"_id": card.id, "status": target,
                            "issued_on": on if target == "issued" else card.issued_on,
                            "updated_at": now})
            changes.append({"id": change_id, "org_id": card.org_id, "card_id": card.id,
                            "status": target, "changed_at": _moment(on, today, now, stamp),
                            "note": None, "version": 0, "deleted": False, "updated_at": now})
            base = {"rows": [{"entity": "card", "id": card.id,
                              "old": {k: old[k] for k in new}}],
                    "created": [{"entity": "card_status_change", "id": change_id}]}
            commands.append((card.id, card.org_id,
                             {"status": target, "on": on, "change_id": change_id}, base))
            moved[member_id] = card.id
            result.done.append(member_id)
        if progress is not None and (number % 500 == 0 or number == len(ids)):
            progress(number, len(ids))
    if updates:
        session.flush()
        t = Card.__table__
        session.execute(update(t).where(t.c.id == bindparam("_id")), updates)
        insert_many(session, CardStatusChange.__table__, changes)
        session.expire_all()
    group.commands("card", CARD_STEP, commands)
    refresh_members(session, result.done)
    return moved


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
    """The card the step applies to: one in a status the step may start from; otherwise the
    member's foremost card (whose status explains why not)."""
    ready_from = BREAKABLE_FROM if target in BROKEN_STATUSES else {PREVIOUS_STATUS[target]}
    ready = [c for c in cards if c.status in ready_from]
    if ready:
        return min(ready, key=lambda c: CARD_PRIORITY.get(c.status, 9))
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

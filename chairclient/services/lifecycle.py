"""Membership lifecycle: removal, restoration, category change and transfers, as registry
commands (registration is :func:`chairclient.services.members.save_member`'s create path).

Each function validates locally (the rules of :mod:`lifecycle_rules`, the same the registry
runs), applies the change to the local rows optimistically (the member, a new history event and,
on removal, live ЭПБ cards set АННУЛИРОВАН with a status-change row) and queues ONE command in
the outbox — all in the caller's transaction. The event id travels in the command, so the
registry creates the very same row. The entry's ``base`` keeps what the change overwrote
(``rows``) and what it created (``created``): the sync client puts it back if the registry
refuses the command. History is never edited: a removal is undone only by a restoration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chairclient.db.base import utcnow
from chairclient.db.models import (
    LIVE_CARD_STATUSES,
    Card,
    CardStatusChange,
    Member,
    MembershipEvent,
    OutboxEntry,
    Synced,
    new_id,
)
from chairclient.db.models_ref import RefCategory, RefRemovalReason
from chairclient.services import lifecycle_rules as rules
from chairclient.services import outbox
from chairclient.services.derived import member_values, refresh_members
from chairclient.validation import field_message, validate_member


class LifecycleRefused(ValueError):
    """The operation is not allowed now; ``str()`` is the Russian reason."""


@dataclass
class LifecycleDone:
    """What changed: the member, the new history event, the cards cancelled."""

    member_id: str
    event_id: str
    mutation_id: str
    cancelled_cards: list[str] = field(default_factory=list)


def _member(session: Session, member_id: str) -> Member:
    member = session.get(Member, member_id)
    if member is None or member.deleted:
        raise LookupError(f"member {member_id} not found")
    return member


def _last_event(session: Session, member_id: str) -> date | None:
    return session.scalar(
        select(func.max(MembershipEvent.event_date)).where(
            MembershipEvent.member_id == member_id, MembershipEvent.deleted.is_(False)
        )
    )


def _codes(session: Session, model: type[RefCategory] | type[RefRemovalReason]) -> set[str]:
    return set(session.scalars(select(model.code).where(model.active.is_(True))))


def _refuse_if(reason: str | None) -> None:
    if reason is not None:
        raise LifecycleRefused(reason)


class _Change:
    """Collects the optimistic writes of one command and what they overwrote."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: list[dict[str, Any]] = []
        self.created: list[dict[str, str]] = []

    def set(self, entity: str, row: Synced, values: dict[str, Any]) -> None:
        old = {k: outbox.wire_value(getattr(row, k)) for k in values}
        self.rows.append({"entity": entity, "id": row.id, "old": old})
        for key, value in values.items():
            setattr(row, key, value)

    def add(self, entity: str, row: Synced) -> None:
        self.session.add(row)
        self.created.append({"entity": entity, "id": row.id})


def _check_member(member: Member, changes: dict[str, Any], today: date) -> None:
    """The member card stays as valid as it was (e.g. removal not before registration)."""
    before = member_values(member)
    after = validate_member({**before, **changes}, today=today).errors
    was = validate_member(before, today=today).errors
    new = {k: v for k, v in after.items() if was.get(k) != v}
    if new:
        raise LifecycleRefused("; ".join(field_message(k, v) for k, v in new.items()))


def _commit(
    session: Session, member: Member, change: _Change, name: str, args: dict[str, Any],
    event: MembershipEvent, step_id: str | None, refresh: bool = True,
) -> LifecycleDone:
    """Write the event, queue the command (with undo data) and refresh derived columns (a
    bulk action refreshes all its members once at its end instead: ``refresh=False``)."""
    change.add("membership_event", event)
    session.flush()
    entry = outbox.record_command(
        session, "member", member.id, member.org_id, name, {**args, "event_id": event.id},
        step_id or new_id(),
    )
    entry.base = {"rows": change.rows, "created": change.created}
    if refresh:
        refresh_members(session, [member.id])
    cards = [r["id"] for r in change.rows if r["entity"] == "card"]
    return LifecycleDone(member.id, event.id, entry.mutation_id, cards)


def _note(note: str | None) -> str | None:
    try:
        return rules.clean_note(note)
    except ValueError as exc:
        raise LifecycleRefused(str(exc)) from None


def remove_member(
    session: Session, member_id: str, on: date, reason: str, *, note: str | None = None,
    step_id: str | None = None, today: date | None = None, refresh: bool = True,
) -> LifecycleDone:
    """Снять с учёта: status «removed», date and reason, a «removed» event (with the person's
    ``note``, if any); live cards become АННУЛИРОВАН."""
    today = today or date.today()
    note = _note(note)
    member = _member(session, member_id)
    _refuse_if(rules.check_remove(
        member.status, on, today, _last_event(session, member_id), reason,
        _codes(session, RefRemovalReason),
    ))
    values = {"status": "removed", "removed_on": on, "removal_reason": reason}
    _check_member(member, values, today)
    change = _Change(session)
    change.set("member", member, values)
    event = MembershipEvent(
        id=new_id(), org_id=member.org_id, member_id=member.id, kind="removed", event_date=on,
        reason=reason, from_org_id=member.org_id, note=note,
    )
    live = session.scalars(
        select(Card).where(
            Card.member_id == member.id, Card.deleted.is_(False),
            Card.status.in_(sorted(LIVE_CARD_STATUSES)),
        ).order_by(Card.id)
    ).all()
    for card in live:
        change.set("card", card, {"status": "cancelled"})
        change.add("card_status_change", CardStatusChange(
            id=rules.card_cancel_id(event.id, card.id), org_id=card.org_id, card_id=card.id,
            status="cancelled", changed_at=utcnow(), note=rules.CARD_CANCEL_NOTE,
        ))
    args: dict[str, Any] = {"on": on, "reason": reason}
    if note:
        args["note"] = note
    return _commit(session, member, change, rules.REMOVE_MEMBER, args, event, step_id, refresh)


def restore_member(
    session: Session, member_id: str, on: date, *, note: str | None = None,
    step_id: str | None = None, today: date | None = None, refresh: bool = True,
) -> LifecycleDone:
    """Восстановить на учёте снятого члена Профсоюза: a «restored» event (with ``note``)."""
    today = today or date.today()
    note = _note(note)
    member = _member(session, member_id)
    _refuse_if(rules.check_restore(member.status, on, today, _last_event(session, member_id)))
    change = _Change(session)
    change.set("member", member, {"status": "active", "removed_on": None, "removal_reason": None})
    event = MembershipEvent(
        id=new_id(), org_id=member.org_id, member_id=member.id, kind="restored", event_date=on,
        to_org_id=member.org_id, note=note,
    )
    args: dict[str, Any] = {"on": on}
    if note:
        args["note"] = note
    return _commit(session, member, change, rules.RESTORE_MEMBER, args, event, step_id, refresh)


def change_category(
    session: Session, member_id: str, new_category: str, on: date, *,
    step_id: str | None = None, today: date | None = None,
) -> LifecycleDone:
    """Сменить категорию (работающий, обучающийся …): a «category_changed» event."""
    today = today or date.today()
    member = _member(session, member_id)
    _refuse_if(rules.check_category(
        member.status, member.category, new_category, on, today,
        _last_event(session, member_id), _codes(session, RefCategory),
    ))
    old = member.category
    change = _Change(session)
    change.set("member", member, {"category": new_category})
    event = MembershipEvent(
        id=new_id(), org_id=member.org_id, member_id=member.id, kind="category_changed",
        event_date=on, old_category=old, new_category=new_category,
    )
    args = {"on": on, "new_category": new_category}
    return _commit(session, member, change, rules.CHANGE_CATEGORY, args, event, step_id)


def transfer_out(
    session: Session, member_id: str, on: date, *, destination: str | None = None,
    to_org_id: str | None = None, step_id: str | None = None, today: date | None = None,
) -> LifecycleDone:
    """Перевести в другую организацию: status «removed» with reason «transfer» and a
    «transferred_out» event (to ``to_org_id`` or to ``destination`` as typed, or unknown).

    Not a loss to the union: the live ЭПБ stays valid. The member stays here among those
    removed until the receiving organisation accepts them (:func:`accept_transfer` there),
    which moves the card away; until then a restoration undoes it. See
    ``registry/commands/transfer.py`` for how both sides fit together.
    """
    today = today or date.today()
    member = _member(session, member_id)
    _refuse_if(rules.check_transfer_out(member.status, on, today, _last_event(session, member_id)))
    values = {"status": "removed", "removed_on": on, "removal_reason": rules.TRANSFER_REASON}
    _check_member(member, values, today)
    change = _Change(session)
    change.set("member", member, values)
    destination = (destination or "").strip() or None
    note = f"Куда: {destination}" if destination else None
    event = MembershipEvent(
        id=new_id(), org_id=member.org_id, member_id=member.id, kind="transferred_out",
        event_date=on, reason=rules.TRANSFER_REASON, from_org_id=member.org_id,
        to_org_id=to_org_id, note=note,
    )
    args: dict[str, Any] = {"on": on}
    if to_org_id:
        args["to_org_id"] = to_org_id
    if note:
        args["note"] = note
    return _commit(session, member, change, rules.TRANSFER_OUT, args, event, step_id)


@dataclass
class TransferQueued:
    """A queued acceptance: the member arrives with the first sync after it is pushed."""

    handle: str
    org_id: str
    event_id: str
    mutation_id: str


def accept_transfer(
    session: Session, org_id: str, handle: str, on: date, *,
    step_id: str | None = None, today: date | None = None,
) -> TransferQueued:
    """Принять переводом the member the registry lookup found (``handle``) into ``org_id``.

    Nothing changes locally: the member is outside this database until the registry moves
    them, so only the ``transfer_in`` command is queued (it works offline and is pushed with the
    next sync, whose pull then brings the member, their history, consent and cards).
    """
    today = today or date.today()
    _refuse_if(rules.check_date(on, today, None))
    here = session.get(Member, handle)
    if here is not None and not here.deleted and here.org_id == org_id:
        raise LifecycleRefused("Член Профсоюза уже состоит на учёте в этой организации")
    waiting = session.scalars(
        select(OutboxEntry).where(
            OutboxEntry.entity_id == handle, OutboxEntry.op == "command",
            OutboxEntry.state == "pending",
        )
    )
    if any(e.fields.get("command") == rules.TRANSFER_IN for e in waiting):
        raise LifecycleRefused("Перевод этого члена Профсоюза уже ждёт синхронизации")
    event_id = new_id()
    entry = outbox.record_command(
        session, "member", handle, org_id, rules.TRANSFER_IN,
        {"on": on, "event_id": event_id}, step_id or new_id(),
    )
    entry.base = {"rows": [], "created": []}
    return TransferQueued(handle, org_id, event_id, entry.mutation_id)


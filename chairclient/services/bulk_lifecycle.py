"""Removal from the register and restoration for a selection of members: ONE transaction and
ONE undoable step (Правка → Отменить), as the other bulk actions of :mod:`bulk`.

Each member goes through the lifecycle command of :mod:`lifecycle` (the same rules the registry
runs): a member the command refuses (already removed, a date before their last history event…)
is skipped with the reason, the others are changed. Removing or restoring one member from the
card or the list is the same action for a selection of one, so it can be undone too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.models_ref import RefRemovalReason
from chairclient.services import lifecycle
from chairclient.services import lifecycle_rules as rules
from chairclient.services.derived import refresh_members
from chairclient.services.steps import ActionGroup, BulkRefused, BulkResult, Progress, unique
from chairclient.services.steps import load_members as _load

REMOVAL = "removal"
RESTORATION = "restoration"


def removal_reasons(session: Session) -> list[tuple[str, str]]:
    """The reasons a chair may choose, in the reference list's order: active ones, without
    «перевод в другую ППО» (a transfer has its own action)."""
    rows = session.execute(
        select(RefRemovalReason.code, RefRemovalReason.name)
        .where(RefRemovalReason.active.is_(True), RefRemovalReason.code != rules.TRANSFER_REASON)
        .order_by(RefRemovalReason.sort_order, RefRemovalReason.name)
    )
    return [(code, name) for code, name in rows]


def _common(on: date, today: date, note: str | None) -> str | None:
    if on > today:
        raise BulkRefused("Дата не может быть в будущем")
    try:
        return rules.clean_note(note)
    except ValueError as exc:
        raise BulkRefused(str(exc)) from None


def _run(
    session: Session, action: str, member_ids: Sequence[str],
    command: Callable[[str, str], object], summary: dict, progress: Progress | None,
) -> BulkResult:
    ids = unique(member_ids)
    result = BulkResult(action)
    group = ActionGroup(session, action)
    facts = _load(session, ids)
    for number, member_id in enumerate(ids, 1):
        member = facts.get(member_id)
        if member is None:
            result.skip(member_id, None, "")
        else:
            try:
                command(member_id, group.step_id)
            except lifecycle.LifecycleRefused as refused:
                text = str(refused)
                result.skip(member_id, member, text[:1].lower() + text[1:])
            else:
                result.done.append(member_id)
        if progress is not None and (number % 200 == 0 or number == len(ids)):
            progress(number, len(ids))
    refresh_members(session, result.done)  # once for all: per member it was half the time
    result.step_id = group.finish({"count": len(result.done), "skipped": len(result.skipped),
                                   **summary})
    return result


def remove_members(
    session: Session, member_ids: Sequence[str], reason: str, on: date, *,
    note: str | None = None, today: date | None = None, progress: Progress | None = None,
) -> BulkResult:
    """Снять с учёта: the removal command for each member (live ЭПБ become АННУЛИРОВАН)."""
    today = today or date.today()
    note = _common(on, today, note)
    if reason not in dict(removal_reasons(session)):
        raise BulkRefused("Укажите причину снятия с учёта из справочника")
    return _run(
        session, REMOVAL, member_ids,
        lambda member_id, step: lifecycle.remove_member(
            session, member_id, on, reason, note=note, step_id=step, today=today,
            refresh=False),
        {"reason": reason, "on": on.isoformat()}, progress)


def restore_members(
    session: Session, member_ids: Sequence[str], on: date, *,
    note: str | None = None, today: date | None = None, progress: Progress | None = None,
) -> BulkResult:
    """Восстановить на учёте: the restoration command for each removed member."""
    today = today or date.today()
    note = _common(on, today, note)
    return _run(
        session, RESTORATION, member_ids,
        lambda member_id, step: lifecycle.restore_member(
            session, member_id, on, note=note, step_id=step, today=today, refresh=False),
        {"on": on.isoformat()}, progress)

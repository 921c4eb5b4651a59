"""Bulk actions on a selection of members: each is ONE transaction and ONE undoable step.

Every function works inside the caller's transaction, skips the members the action does not
apply to (with a Russian reason) and returns a :class:`BulkResult` whose ``step_id`` is the undo
step (:mod:`chairclient.services.undo`). A wrong argument for the whole action (a date in the
future, an unknown category) raises :class:`BulkRefused` before anything is written; any other
error propagates and the transaction rolls back, leaving nothing. Adding to the draft card
request is :func:`chairclient.services.card_requests.add_to_draft`; the ЭПБ status steps
(:func:`mark_cards`, :func:`mark_broken`) are :mod:`chairclient.services.card_steps` commands.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.models import Consent, new_id
from chairclient.db.models_ref import RefCategory
from chairclient.domain import consent_rules
from chairclient.services import lifecycle
from chairclient.services.card_steps import (  # noqa: F401  (the bulk actions, in one place)
    CARDS_BROKEN,
    CARDS_ISSUED,
    CARDS_RECEIVED,
    CARDS_SHIPPED,
    mark_broken,
    mark_cards,
)
from chairclient.services.derived import refresh_consent_flags
from chairclient.services.members import CONSENT_TEMPLATE_VERSION
from chairclient.services.steps import (
    ActionGroup,
    BulkRefused,
    BulkResult,
    Progress,
    chunks,
    load_members,
    unique,
)

CONSENT = "consent"
CATEGORY = "category"

ALREADY_CONSENTED = "согласие уже отмечено"
REMOVED = "снят с учёта"
_CONSENT_FIELDS = ("member_id", "signed_on", "template_version", "recorded_by")


def _report(progress: Progress | None, number: int, total: int) -> None:
    if progress is not None and (number % 500 == 0 or number == total):
        progress(number, total)


def mark_consent(
    session: Session, member_ids: Sequence[str], signed_on: date, *,
    recorded_by: str | None = None, today: date | None = None, progress: Progress | None = None,
) -> BulkResult:
    """Согласие получено: a consent record (current template version) for each member without
    a live one."""
    refused = consent_rules.check_signed_on(signed_on, today or date.today())
    if refused is not None:
        raise BulkRefused(refused)
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


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


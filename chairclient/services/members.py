"""Member card commands: create, edit, consent. Each is one transaction with its outbox entries."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.models import Consent, Member, MembershipEvent, new_id
from chairclient.domain import consent_rules
from chairclient.services import outbox
from chairclient.services.derived import member_values, refresh_members
from chairclient.services.lifecycle_rules import registration_kind
from chairclient.validation import (
    ValidationError,
    ValidationResult,
    normalise_email,
    normalise_name,
    normalise_phone,
    normalise_snils,
    validate_member,
)

#: Consent template version printed on the form and stored on each consent record made now.
CONSENT_TEMPLATE_VERSION = consent_rules.CURRENT_TEMPLATE_VERSION
#: The card's names of the consent fields (a refusal names the field it is about).
CONSENT_FIELDS = {"signed_on": "consent_signed_on", "template_version": "consent_signed_on",
                  "revoked_on": "consent_revoked_on"}

_EDITABLE = frozenset(member_values(Member()).keys()) - {"status", "removed_on", "removal_reason"}


@dataclass
class MemberSaved:
    member_id: str
    created: bool
    changed: dict[str, Any] = field(default_factory=dict)
    validation: ValidationResult = field(default_factory=ValidationResult)


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    """Trim and normalise what a person typed; leave anything unparseable for validation."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, str):
            value = value.strip() or None
        out[key] = value
    for key in ("last_name", "first_name", "patronymic"):
        if out.get(key):
            out[key] = normalise_name(out[key])
    for key in ("last_name", "first_name"):  # NOT NULL columns: cleared means empty
        if key in out and out[key] is None:
            out[key] = ""
    for key, normalise in (("snils", normalise_snils), ("phone", normalise_phone)):
        if out.get(key):
            with contextlib.suppress(ValueError):  # left as typed; validation names the field
                out[key] = normalise(out[key])
    if out.get("email"):
        out["email"] = normalise_email(out["email"])
    return out


def _check_snils_unique(session: Session, snils: str | None, member_id: str | None) -> str | None:
    if not snils:
        return None
    query = select(Member.id).where(Member.snils == snils, Member.deleted.is_(False))
    if member_id:
        query = query.where(Member.id != member_id)
    if session.scalar(query.limit(1)):
        return "Член Профсоюза с таким СНИЛС уже есть в базе"
    return None


def save_member(
    session: Session,
    org_id: str,
    values: dict[str, Any],
    member_id: str | None = None,
    *,
    step_id: str | None = None,
    today: date | None = None,
) -> MemberSaved:
    """Create (``member_id`` None) or edit a member card inside the caller's transaction.

    Wrong values raise :class:`ValidationError` and nothing is written; missing required fields
    do not: an incomplete card may be saved and is marked incomplete.
    """
    unknown = set(values) - _EDITABLE
    if unknown:
        raise ValueError(f"not editable through save_member: {sorted(unknown)}")
    step_id = step_id or new_id()
    cleaned = _clean(values)
    member = session.get(Member, member_id) if member_id else None
    if member_id and (member is None or member.deleted):
        raise LookupError(f"member {member_id} not found")
    current = member_values(member) if member else {"status": "active"}
    merged = {**current, **cleaned}
    result = validate_member(merged, today=today)
    snils_error = _check_snils_unique(session, merged.get("snils"), member_id)
    if snils_error:
        result.errors["snils"] = snils_error
    if not result.ok:
        raise ValidationError(result)

    if member is None:
        member = Member(id=new_id(), org_id=org_id, status="active")
        for key, value in merged.items():
            setattr(member, key, value)
        session.add(member)
        session.flush()
        fields = {k: v for k, v in merged.items() if v is not None}
        outbox.record(session, member, "create", fields, {}, step_id)
        _add_join_event(session, member, step_id)
        refresh_members(session, [member.id])
        return MemberSaved(member.id, True, fields, result)

    changed = {k: v for k, v in cleaned.items() if current.get(k) != v}
    if changed:
        for key, value in changed.items():
            setattr(member, key, value)
        outbox.record(session, member, "update", changed, current, step_id)
        refresh_members(session, [member.id])
    return MemberSaved(member.id, False, changed, result)


def _add_join_event(session: Session, member: Member, step_id: str) -> None:
    kind = registration_kind(member.registration_method)
    event = MembershipEvent(
        id=new_id(),
        org_id=member.org_id,
        member_id=member.id,
        kind=kind,
        event_date=member.registered_on or date.today(),
        registration_method=member.registration_method,
        new_category=member.category,
    )
    session.add(event)
    session.flush()
    fields = {
        "member_id": event.member_id, "kind": event.kind, "event_date": event.event_date,
        "registration_method": event.registration_method, "new_category": event.new_category,
    }
    outbox.record(session, event, "create", fields, {}, step_id)


def _refuse_consent(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(ValidationResult(
            errors={CONSENT_FIELDS.get(k, k): v for k, v in errors.items()}))


def set_consent(
    session: Session,
    member_id: str,
    given: bool,
    *,
    signed_on: date | None = None,
    revoked_on: date | None = None,
    recorded_by: str | None = None,
    step_id: str | None = None,
    today: date | None = None,
) -> bool:
    """Tick or untick the consent box. Unticking revokes the live consent on ``revoked_on``
    (the day the written revocation arrived; today by default); the record stays.

    The rules of :mod:`chairclient.domain.consent_rules` (the registry's too): no date in the
    future, no revocation before the signing. A refusal raises :class:`ValidationError` keyed
    by the card's consent fields. Returns whether anything changed.
    """
    step_id = step_id or new_id()
    today = today or date.today()
    member = session.get(Member, member_id)
    if member is None or member.deleted:
        raise LookupError(f"member {member_id} not found")
    live = session.scalars(
        select(Consent).where(
            Consent.member_id == member_id,
            Consent.deleted.is_(False),
            Consent.revoked_on.is_(None),
        )
    ).all()
    if given and not live:
        signed = signed_on or today
        _refuse_consent(consent_rules.consent_errors(
            signed, CONSENT_TEMPLATE_VERSION, None, today, other_live=False))
        consent = Consent(
            id=new_id(),
            org_id=member.org_id,
            member_id=member_id,
            signed_on=signed,
            template_version=CONSENT_TEMPLATE_VERSION,
            recorded_by=recorded_by,
        )
        session.add(consent)
        session.flush()
        fields = {
            "member_id": member_id, "signed_on": consent.signed_on,
            "template_version": consent.template_version, "recorded_by": recorded_by,
        }
        outbox.record(session, consent, "create", fields, {}, step_id)
    elif not given and live:
        when = revoked_on or today
        for consent in live:
            reason = consent_rules.check_revoked_on(when, consent.signed_on, today)
            _refuse_consent({"revoked_on": reason} if reason else {})
        for consent in live:
            consent.revoked_on = when
            outbox.record(
                session, consent, "update", {"revoked_on": consent.revoked_on},
                {"revoked_on": None}, step_id,
            )
    else:
        return False
    refresh_members(session, [member_id])
    return True

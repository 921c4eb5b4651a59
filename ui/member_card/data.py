"""What the member card shows, read in one go on a reader thread (plain values, no ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.models import Card, CardRequest, Consent, Member, Organisation
from chairclient.db.models_ref import (
    RefCategory,
    RefDuesForm,
    RefEducationLevel,
    RefPosition,
    RefRegistrationMethod,
    RefRemovalReason,
)
from chairclient.queries.members import member_history
from chairclient.queries.roles import OfficeRow, member_offices
from chairclient.services.bulk_lifecycle import removal_reasons
from chairclient.services.derived import member_values
from chairclient.services.roles import union_roles

Choices = list[tuple[str, str]]


@dataclass(frozen=True)
class References:
    """The reference lists the card offers (active entries plus any the card already uses)."""

    categories: Choices = field(default_factory=list)
    positions: Choices = field(default_factory=list)
    pedagogical: frozenset[str] = frozenset()
    education_levels: Choices = field(default_factory=list)
    dues_forms: Choices = field(default_factory=list)
    registration_methods: Choices = field(default_factory=list)
    removal_reasons: dict[str, str] = field(default_factory=dict)
    #: The reasons a chair may choose for a removal (no transfer: it has its own action).
    removal_choices: Choices = field(default_factory=list)
    #: The union offices of the reference list.
    union_roles: Choices = field(default_factory=list)


@dataclass(frozen=True)
class ConsentInfo:
    given: bool = False
    signed_on: date | None = None
    template_version: str | None = None
    recorded_by: str | None = None
    # When the last consent was revoked (only when no consent is live now).
    revoked_on: date | None = None


@dataclass(frozen=True)
class CardInfo:
    number: str | None
    status: str
    issued_on: date | None
    request_state: str | None
    request_submitted_at: datetime | None
    processing_date: date | None


@dataclass(frozen=True)
class HistoryEntry:
    event_date: date
    kind: str
    reason: str | None = None
    from_org: str | None = None
    to_org: str | None = None
    old_category: str | None = None
    new_category: str | None = None
    registration_method: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class MemberCardData:
    member_id: str | None
    org_name: str
    values: dict[str, Any]
    references: References
    consent: ConsentInfo = ConsentInfo()
    card: CardInfo | None = None
    history: list[HistoryEntry] = field(default_factory=list)
    offices: list[OfficeRow] = field(default_factory=list)


def _choices(session: Session, model: type, keep: set[str | None]) -> list[Any]:
    rows = session.scalars(select(model).order_by(model.sort_order, model.name)).all()
    return [row for row in rows if row.active or row.code in keep]


def load_references(session: Session, values: dict[str, Any]) -> References:
    keep = set(values.values()) if values else set()
    positions = _choices(session, RefPosition, keep)
    methods = _choices(session, RefRegistrationMethod, keep)
    return References(
        categories=[(r.code, r.name) for r in _choices(session, RefCategory, keep)],
        positions=[(r.code, r.name) for r in positions],
        pedagogical=frozenset(r.code for r in positions if r.pedagogical),
        education_levels=[(r.code, r.name) for r in _choices(session, RefEducationLevel, keep)],
        dues_forms=[(r.code, r.name) for r in _choices(session, RefDuesForm, keep)],
        registration_methods=[(r.code, r.name) for r in methods],
        removal_reasons={r.code: r.name for r in session.scalars(select(RefRemovalReason))},
        removal_choices=removal_reasons(session),
        union_roles=union_roles(session),
    )


def _consent(session: Session, member_id: str) -> ConsentInfo:
    consents = session.scalars(
        select(Consent)
        .where(Consent.member_id == member_id, Consent.deleted.is_(False))
        .order_by(Consent.signed_on.desc(), Consent.updated_at.desc())
    ).all()
    live = next((c for c in consents if c.revoked_on is None), None)
    if live is not None:
        return ConsentInfo(True, live.signed_on, live.template_version, live.recorded_by)
    if consents:
        last = max(consents, key=lambda c: c.revoked_on or date.min)
        return ConsentInfo(False, last.signed_on, last.template_version, last.recorded_by,
                           last.revoked_on)
    return ConsentInfo()


def _card(session: Session, member: Member) -> CardInfo | None:
    cards = session.scalars(
        select(Card)
        .where(Card.member_id == member.id, Card.deleted.is_(False))
        .order_by(Card.updated_at.desc())
    ).all()
    card = next((c for c in cards if c.status == member.card_status), None)
    if card is None:
        return None
    request = session.get(CardRequest, card.request_id) if card.request_id else None
    return CardInfo(
        number=card.number,
        status=card.status,
        issued_on=card.issued_on,
        request_state=request.state if request else None,
        request_submitted_at=request.submitted_at if request else None,
        processing_date=request.processing_date if request else None,
    )


def _history(session: Session, member_id: str, reasons: dict[str, str]) -> list[HistoryEntry]:
    events = member_history(session, member_id)
    org_ids = {e.from_org_id for e in events} | {e.to_org_id for e in events}
    org_ids.discard(None)
    names = dict(
        session.execute(
            select(Organisation.id, Organisation.short_name).where(Organisation.id.in_(org_ids))
        ).all()
    ) if org_ids else {}
    return [
        HistoryEntry(
            event_date=e.event_date,
            kind=e.kind,
            reason=reasons.get(e.reason or "", e.reason),
            # An organisation outside this database is not shown by id: the event's note
            # names it (a transfer writes «Из организации «…» (код)»).
            from_org=names.get(e.from_org_id) if e.from_org_id else None,
            to_org=names.get(e.to_org_id) if e.to_org_id else None,
            old_category=e.old_category,
            new_category=e.new_category,
            registration_method=e.registration_method,
            note=e.note,
        )
        for e in events
    ]


def load_member_card(session: Session, org_id: str, member_id: str | None) -> MemberCardData:
    """Everything the card shows; for a new member (``member_id`` None) only the lists.

    Raises LookupError when the member does not exist (deleted meanwhile).
    """
    org = session.get(Organisation, org_id)
    org_name = (org.short_name or org.full_name) if org else ""
    if member_id is None:
        return MemberCardData(None, org_name, {}, load_references(session, {}))
    member = session.get(Member, member_id)
    if member is None or member.deleted:
        raise LookupError("member not found")
    values = member_values(member)
    if member.org_id != org_id:
        owner = session.get(Organisation, member.org_id)
        org_name = (owner.short_name or owner.full_name) if owner else org_name
    references = load_references(session, values)
    return MemberCardData(
        member_id=member.id,
        org_name=org_name,
        values=values,
        references=references,
        consent=_consent(session, member.id),
        card=_card(session, member),
        history=_history(session, member.id, references.removal_reasons),
        offices=member_offices(session, member.id),
    )

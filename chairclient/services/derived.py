"""Local, derived member columns (search text, completeness, consent and card flags).

They make the member list filterable and sortable in SQL; they are recomputed whenever the
rows they derive from change (a service edit here, a pulled page in the sync issue).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.models import CARD_PRIORITY, LIVE_CARD_STATUSES, Card, Consent, Member
from chairclient.text import member_search_text
from chairclient.validation import is_member_complete


def member_values(member: Member) -> dict:
    """The member's editable fields as a plain dict (what validation takes)."""
    from chairclient.db.models import MEMBER_DERIVED_COLUMNS

    skip = MEMBER_DERIVED_COLUMNS | Member.SYSTEM_COLUMNS
    return {c.key: getattr(member, c.key) for c in Member.__table__.columns if c.key not in skip}


def refresh_members(session: Session, member_ids: Iterable[str]) -> None:
    """Recompute the derived columns of the given members (in the caller's transaction)."""
    ids = list(set(member_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        members = session.scalars(select(Member).where(Member.id.in_(chunk))).all()
        consented = set(
            session.scalars(
                select(Consent.member_id).where(
                    Consent.member_id.in_(chunk),
                    Consent.deleted.is_(False),
                    Consent.revoked_on.is_(None),
                )
            )
        )
        cards: dict[str, Card] = {}
        for card in session.scalars(
            select(Card).where(Card.member_id.in_(chunk), Card.deleted.is_(False))
        ):
            best = cards.get(card.member_id)
            if best is None or CARD_PRIORITY.get(card.status, 9) < CARD_PRIORITY.get(
                best.status, 9
            ):
                cards[card.member_id] = card
        for member in members:
            card = cards.get(member.id)
            member.has_consent = member.id in consented
            member.card_status = card.status if card else "not_ordered"
            member.card_number = card.number if card else None
            member.is_complete = is_member_complete(member_values(member))
            member.search_text = member_search_text(
                member.last_name, member.first_name, member.patronymic, member.snils,
                member.card_number,
            )


def has_live_card(session: Session, member_id: str) -> bool:
    return (
        session.scalar(
            select(Card.id).where(
                Card.member_id == member_id,
                Card.deleted.is_(False),
                Card.status.in_(LIVE_CARD_STATUSES),
            )
        )
        is not None
    )

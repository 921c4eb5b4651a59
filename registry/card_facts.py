"""What the registry knows about a member's ЭПБ eligibility, from its own rows.

The rule itself is the client's (:func:`chairclient.services.card_rules.check_request`), and so
is completeness (:func:`chairclient.validation.is_member_complete`): the same code judges a
member in the client's request workspace and here, where a crafted push cannot bypass it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chairclient.db.models import CARD_PRIORITY, LIVE_CARD_STATUSES
from chairclient.services.card_rules import check_request
from chairclient.validation import is_member_complete
from registry.models import ENTITY_TABLES, members
from registry.wire import data_values

cards = ENTITY_TABLES["card"]
changes = ENTITY_TABLES["card_status_change"]
consents = ENTITY_TABLES["consent"]
requests = ENTITY_TABLES["card_request"]


def has_consent(session: Session, member_id: str) -> bool:
    """A consent that is recorded, not deleted and not revoked."""
    return session.scalar(
        select(consents.c.id).where(
            consents.c.member_id == member_id, consents.c.deleted.is_(False),
            consents.c.revoked_on.is_(None),
        ).limit(1)
    ) is not None


def live_card(session: Session, member_id: str, *, exclude: str | None = None) -> str | None:
    """The status of the member's foremost live card (``exclude``: a card not to count)."""
    query = select(cards.c.status).where(
        cards.c.member_id == member_id, cards.c.deleted.is_(False),
        cards.c.status.in_(sorted(LIVE_CARD_STATUSES)),
    )
    if exclude is not None:
        query = query.where(cards.c.id != exclude)
    found = list(session.scalars(query))
    return min(found, key=lambda s: CARD_PRIORITY.get(s, 9)) if found else None


def request_reason(
    session: Session, member: Mapping[str, Any], *, exclude_card: str | None = None
) -> str | None:
    """Why this member may not enter a card request now (None: they may)."""
    if member["deleted"]:
        return "карточка удалена"
    return check_request(
        member["status"], is_member_complete(data_values(members, member)),
        has_consent(session, member["id"]), live_card(session, member["id"], exclude=exclude_card),
    )


def full_name(member: Mapping[str, Any]) -> str:
    parts = (member["last_name"], member["first_name"], member["patronymic"])
    return " ".join(p for p in parts if p)


def last_change(session: Session, card_id: str) -> datetime | None:
    return session.scalar(
        select(func.max(changes.c.changed_at)).where(
            changes.c.card_id == card_id, changes.c.deleted.is_(False)
        )
    )


def change_moment(on: date, now: datetime, after: datetime | None) -> datetime:
    """When a status changed «on» a date: now for today (or later), midday of an earlier date;
    always after the previous change, so the card's history stays in order (as the client)."""
    moment = now if on >= now.date() else datetime.combine(on, time(12, 0))
    if after is not None and moment <= after:
        moment = after + timedelta(minutes=1)
    return moment

"""Members as the documents print them, and the selections the documents are made for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.models import Card, Member

_CHUNK = 500


@dataclass(frozen=True)
class MemberDoc:
    """What a document prints about one member (never passport data: not in the database)."""

    id: str
    org_id: str
    last_name: str
    first_name: str
    patronymic: str | None
    birth_date: date | None
    sex: str | None
    address: str | None
    card_number: str | None
    card_status: str

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)

    @property
    def short_name(self) -> str:
        """«Иванова М. П.»"""
        initials = " ".join(f"{p[0]}." for p in (self.first_name, self.patronymic) if p)
        return f"{self.last_name} {initials}".strip()


_COLUMNS = (
    Member.id, Member.org_id, Member.last_name, Member.first_name, Member.patronymic,
    Member.birth_date, Member.sex, Member.address, Member.card_number, Member.card_status,
)
_ORDER = (Member.last_name, Member.first_name, Member.patronymic, Member.id)


def load_members(session: Session, ids: Sequence[str]) -> list[MemberDoc]:
    """The members with ``ids`` in the given order; unknown or deleted ids raise LookupError."""
    found: dict[str, MemberDoc] = {}
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), _CHUNK):
        chunk = unique[start : start + _CHUNK]
        query = select(*_COLUMNS).where(Member.id.in_(chunk), Member.deleted.is_(False))
        for row in session.execute(query):
            found[row[0]] = MemberDoc(*row)
    missing = [i for i in unique if i not in found]
    if missing:
        raise LookupError(f"Член Профсоюза не найден: {missing[0]}")
    return [found[i] for i in unique]


def members_in_scope(session: Session, org_ids: Sequence[str], member_ids: Sequence[str]
                     ) -> list[MemberDoc]:
    """``member_ids`` loaded, refusing any that is not on the register of ``org_ids``."""
    members = load_members(session, member_ids)
    scope = set(org_ids)
    for member in members:
        if member.org_id not in scope:
            raise LookupError(f"Член Профсоюза {member.id} не состоит на учёте в этой организации")
    return members


def active_without_consent(session: Session, org_ids: Sequence[str]) -> list[MemberDoc]:
    """Members on the register of ``org_ids`` without a live consent, by organisation and name."""
    query = (
        select(*_COLUMNS)
        .where(Member.org_id.in_(list(org_ids)), Member.deleted.is_(False),
               Member.status == "active", Member.has_consent.is_(False))
        .order_by(Member.org_id, *_ORDER)
    )
    return [MemberDoc(*row) for row in session.execute(query)]


def active_members(session: Session, org_ids: Sequence[str]) -> list[MemberDoc]:
    query = (
        select(*_COLUMNS)
        .where(Member.org_id.in_(list(org_ids)), Member.deleted.is_(False),
               Member.status == "active")
        .order_by(Member.org_id, *_ORDER)
    )
    return [MemberDoc(*row) for row in session.execute(query)]


@dataclass(frozen=True)
class CardToHand:
    """One line of the hand-over sheet."""

    member: MemberDoc
    card_number: str | None


def received_cards(session: Session, org_ids: Sequence[str]) -> list[CardToHand]:
    """Cards in status ПОЛУЧЕН of members on the register of ``org_ids``, by org and name."""
    query = (
        select(*_COLUMNS, Card.number)
        .join(Card, Card.member_id == Member.id)
        .where(Member.org_id.in_(list(org_ids)), Member.deleted.is_(False),
               Member.status == "active", Card.deleted.is_(False), Card.status == "received")
        .order_by(Member.org_id, *_ORDER, Card.number)
    )
    return [CardToHand(MemberDoc(*row[:-1]), row[-1]) for row in session.execute(query)]


def cards_of_members(members: Sequence[MemberDoc]) -> list[CardToHand]:
    """The current card of each given member (the derived card number; may be empty)."""
    return [CardToHand(m, m.card_number) for m in members]

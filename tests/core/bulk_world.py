"""A small local database for the bulk-action tests: two organisations, members in every
situation a bulk action meets, cards as if synced (version 1) with their status history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select, text

from chairclient.db.engine import Database
from chairclient.db.models import (
    Base,
    Card,
    CardRequest,
    CardStatusChange,
    Member,
    OutboxEntry,
    UndoStep,
    new_id,
)
from chairclient.services.derived import refresh_members
from chairclient.services.members import save_member, set_consent
from tests.core.factories import add_org, member_values

TODAY = date(2025, 3, 1)
#: Bookkeeping that legitimately moves on (never compared when checking "restored exactly").
_VOLATILE = {"updated_at"}


@dataclass
class World:
    org: str
    other_org: str
    members: dict[str, str] = field(default_factory=dict)  # label → member id
    cards: dict[str, str] = field(default_factory=dict)  # label → card id

    def ids(self, *labels: str) -> list[str]:
        return [self.members[label] for label in labels]


_CARDS = {  # member label → status of the card it holds
    "shipped": "shipped", "shipped2": "shipped", "received": "received",
    "ordered": "ordered", "issued": "issued",
}


def build(db: Database) -> World:
    world = World(add_org(db, code="01-001"), add_org(db, code="01-002", name="ППО МБОУ СОШ № 2"))
    people = {
        "ready": {}, "ready2": {}, "no_consent": {}, "incomplete": {"dues_form": None},
        "removed": {}, "other_org": {}, **{label: {} for label in _CARDS},
    }
    with db.transaction() as s:
        for number, (label, over) in enumerate(people.items()):
            org = world.other_org if label == "other_org" else world.org
            values = member_values(first_name=["Анна", "Ольга", "Мария", "Елена"][number % 4],
                                   last_name=f"Петрова-{chr(0x430 + number)}", **over)
            member_id = save_member(s, org, values, today=TODAY).member_id
            world.members[label] = member_id
            if label != "no_consent":
                set_consent(s, member_id, True, signed_on=date(2024, 1, 10))
        s.get(Member, world.members["removed"]).status = "removed"
        request = CardRequest(id=new_id(), org_id=world.org, state="processed", version=1)
        s.add(request)
        s.flush()
        for number, (label, status) in enumerate(_CARDS.items()):
            card = Card(id=new_id(), org_id=world.org, member_id=world.members[label],
                        status=status, request_id=request.id, number=f"{1000 + number:016d}",
                        issued_on=date(2025, 1, 20) if status == "issued" else None, version=1)
            s.add(card)
            world.cards[label] = card.id
            s.flush()
            s.add(CardStatusChange(id=new_id(), org_id=world.org, card_id=card.id,
                                   status=status, changed_at=datetime(2025, 1, 15, 10),
                                   version=1))
        s.flush()
        refresh_members(s, world.members.values())
        s.execute(text("UPDATE members SET version = 1"))
        s.execute(text("UPDATE consents SET version = 1"))
        s.execute(text("UPDATE membership_events SET version = 1"))
        s.execute(delete(OutboxEntry))  # as if everything so far had been synced
    return world


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (but the undo steps' own), without volatile bookkeeping."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    with db.session() as s:
        for name, table in Base.metadata.tables.items():
            if name == UndoStep.__tablename__:
                continue
            columns = [c for c in table.columns if c.key not in _VOLATILE]
            found[name] = sorted(s.execute(select(*columns)).all(), key=repr)
    return found


def outbox(db: Database) -> list[OutboxEntry]:
    with db.session() as s:
        return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def steps(db: Database) -> list[UndoStep]:
    with db.session() as s:
        return list(s.scalars(select(UndoStep).order_by(UndoStep.seq)))

"""Lifecycle commands on the client: local checks, one transaction, one outbox command."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from chairclient.db.models import (
    Card,
    CardStatusChange,
    Member,
    MembershipEvent,
    OutboxEntry,
    new_id,
)
from chairclient.services.lifecycle import (
    LifecycleRefused,
    change_category,
    remove_member,
    restore_member,
)
from chairclient.services.lifecycle_rules import card_cancel_id
from chairclient.services.members import save_member
from tests.core.factories import add_org, member_values

TODAY = date(2025, 3, 1)


@pytest.fixture
def member(db) -> str:
    org = add_org(db, code="01-001")
    with db.transaction() as s:
        member_id = save_member(s, org, member_values()).member_id
        s.query(OutboxEntry).delete()
    return member_id


def _commands(db) -> list[OutboxEntry]:
    with db.session() as s:
        return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def _events(db, member_id: str) -> list[tuple[str, date]]:
    with db.session() as s:
        found = s.scalars(
            select(MembershipEvent).where(MembershipEvent.member_id == member_id)
            .order_by(MembershipEvent.event_date, MembershipEvent.kind)
        )
        return [(e.kind, e.event_date) for e in found]


def test_remove_writes_member_event_and_one_command(db, member) -> None:
    with db.transaction() as s:
        done = remove_member(s, member, date(2025, 2, 1), "voluntary", today=TODAY)
    with db.session() as s:
        m = s.get(Member, member)
        assert (m.status, m.removed_on, m.removal_reason) == ("removed", date(2025, 2, 1),
                                                               "voluntary")
    assert _events(db, member) == [("joined", date(2015, 9, 1)), ("removed", date(2025, 2, 1))]
    [entry] = _commands(db)
    assert (entry.op, entry.entity, entry.entity_id) == ("command", "member", member)
    assert entry.fields == {"command": "remove_member", "on": "2025-02-01",
                            "reason": "voluntary", "event_id": done.event_id}
    assert entry.base["rows"][0]["old"] == {"status": "active", "removed_on": None,
                                            "removal_reason": None}


def test_restore_and_category_change(db, member) -> None:
    with db.transaction() as s:
        remove_member(s, member, date(2025, 1, 10), "dismissal", today=TODAY)
    with db.transaction() as s:
        restore_member(s, member, date(2025, 2, 1), today=TODAY)
    with db.transaction() as s:
        change_category(s, member, "pensioner", date(2025, 2, 20), today=TODAY)
    with db.session() as s:
        m = s.get(Member, member)
        assert (m.status, m.removed_on, m.removal_reason, m.category) == (
            "active", None, None, "pensioner")
    kinds = [kind for kind, _ in _events(db, member)]
    assert kinds == ["joined", "removed", "restored", "category_changed"]
    assert [e.fields["command"] for e in _commands(db)] == [
        "remove_member", "restore_member", "change_category"]


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda s, m: restore_member(s, m, date(2025, 2, 1), today=TODAY), "только снятого"),
        (lambda s, m: remove_member(s, m, date(2025, 2, 1), "no-such", today=TODAY),
         "причину"),
        (lambda s, m: remove_member(s, m, date(2025, 3, 2), "voluntary", today=TODAY),
         "в будущем"),
        (lambda s, m: remove_member(s, m, date(2015, 1, 1), "voluntary", today=TODAY),
         "раньше последнего события"),
        (lambda s, m: change_category(s, m, "working", date(2025, 2, 1), today=TODAY),
         "уже такая"),
        (lambda s, m: change_category(s, m, "astronaut", date(2025, 2, 1), today=TODAY),
         "справочнике"),
    ],
)
def test_refusals_write_nothing(db, member, action, message) -> None:
    with pytest.raises(LifecycleRefused, match=message), db.transaction() as s:
        action(s, member)
    assert _commands(db) == []
    assert [k for k, _ in _events(db, member)] == ["joined"]


def test_removing_twice_is_refused(db, member) -> None:
    with db.transaction() as s:
        remove_member(s, member, date(2025, 2, 1), "voluntary", today=TODAY)
    with pytest.raises(LifecycleRefused, match="уже снят"), db.transaction() as s:
        remove_member(s, member, date(2025, 2, 2), "voluntary", today=TODAY)
    assert len(_commands(db)) == 1


def test_failure_later_in_the_transaction_rolls_everything_back(db, member) -> None:
    with pytest.raises(RuntimeError), db.transaction() as s:
        remove_member(s, member, date(2025, 2, 1), "voluntary", today=TODAY)
        raise RuntimeError("boom")
    with db.session() as s:
        assert s.get(Member, member).status == "active"
    assert _commands(db) == [] and len(_events(db, member)) == 1


def test_removal_cancels_a_live_card(db, member) -> None:
    with db.transaction() as s:
        org = s.get(Member, member).org_id
        live, old = new_id(), new_id()
        s.add(Card(id=live, org_id=org, member_id=member, status="issued", number="1234"))
        s.add(Card(id=old, org_id=org, member_id=member, status="lost", number="1111"))
    with db.transaction() as s:
        done = remove_member(s, member, date(2025, 2, 1), "voluntary", today=TODAY)
    assert done.cancelled_cards == [live]
    with db.session() as s:
        assert s.get(Card, live).status == "cancelled"
        assert s.get(Card, old).status == "lost"
        change = s.get(CardStatusChange, card_cancel_id(done.event_id, live))
        assert change is not None and change.status == "cancelled"
        assert s.get(Member, member).card_status != "issued"
    [entry] = _commands(db)
    assert {r["entity"] for r in entry.base["rows"]} == {"member", "card"}

"""Transfers and registration on the client: shared rules, local writes, the offline queue."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from chairclient.db.models import Card, Consent, Member, MembershipEvent, OutboxEntry, new_id
from chairclient.services import lifecycle_rules as rules
from chairclient.services.lifecycle import (
    LifecycleRefused,
    accept_transfer,
    remove_member,
    restore_member,
    transfer_out,
)
from chairclient.services.members import save_member, set_consent
from tests.core.factories import add_org, member_values

TODAY = date(2025, 3, 1)


@pytest.fixture
def org(db) -> str:
    return add_org(db, code="01-002")


@pytest.fixture
def member(db, org) -> str:
    with db.transaction() as s:
        member_id = save_member(s, org, member_values()).member_id
        s.query(OutboxEntry).delete()
    return member_id


def _outbox(db) -> list[OutboxEntry]:
    with db.session() as s:
        return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def _kinds(db, member_id: str) -> list[str]:
    with db.session() as s:
        return [e.kind for e in s.scalars(
            select(MembershipEvent).where(MembershipEvent.member_id == member_id)
            .order_by(MembershipEvent.event_date, MembershipEvent.kind))]


def test_rules() -> None:
    assert rules.registration_kind("transfer") == "transferred_in"
    assert rules.registration_kind("application") == rules.registration_kind(None) == "joined"
    assert rules.can_transfer("active", None) and rules.can_transfer("removed", "transfer")
    assert not rules.can_transfer("removed", "voluntary")
    on, last = date(2025, 2, 1), date(2025, 1, 1)
    assert rules.check_transfer_in("active", None, False, on, TODAY, last) is None
    assert "уже состоит" in rules.check_transfer_in("active", None, True, on, TODAY, last)
    assert "снят" in rules.check_transfer_in("removed", "death", False, on, TODAY, last)
    assert "раньше" in rules.check_transfer_in("active", None, False, on, TODAY, TODAY)
    assert "уже снят" in rules.check_transfer_out("removed", on, TODAY, last)
    assert "будущем" in rules.check_transfer_out("active", date(2025, 3, 2), TODAY, last)
    assert "Перевести" in rules.check_remove("active", on, TODAY, last, "transfer", {"transfer"})
    assert rules.check_registration_event("joined", "application", "active", False, {}) is None
    assert rules.check_registration_event("joined", "transfer", "active", False, {}) is not None
    assert rules.check_registration_event("joined", None, "active", True, {}) is not None
    assert rules.check_registration_event("removed", None, "active", False, {}) is not None
    assert rules.check_registration_event(
        "joined", None, "active", False, {"reason": "voluntary"}) is not None
    assert rules.transfer_out_event_id("a") == rules.transfer_out_event_id("a") != "a"


@pytest.mark.parametrize(("method", "kind"), [("application", "joined"),
                                              ("transfer", "transferred_in")])
def test_registration_writes_its_dated_event(db, org, method, kind) -> None:
    values = member_values(registration_method=method, registered_on=date(2024, 9, 2))
    with db.transaction() as s:
        member_id = save_member(s, org, values).member_id
    with db.session() as s:
        [event] = s.scalars(select(MembershipEvent).where(MembershipEvent.member_id == member_id))
        assert (event.kind, event.event_date, event.registration_method) == (
            kind, date(2024, 9, 2), method)
    assert [(e.entity, e.op) for e in _outbox(db)] == [("member", "create"),
                                                       ("membership_event", "create")]


def test_transfer_out_keeps_the_card_and_queues_one_command(db, member) -> None:
    with db.transaction() as s:
        org = s.get(Member, member).org_id
        card = new_id()
        s.add(Card(id=card, org_id=org, member_id=member, status="issued", number="777"))
    with db.transaction() as s:
        done = transfer_out(s, member, date(2025, 2, 1), destination=" МБОУ СОШ № 7 ",
                            today=TODAY)
    with db.session() as s:
        m = s.get(Member, member)
        assert (m.status, m.removed_on, m.removal_reason) == ("removed", date(2025, 2, 1),
                                                               "transfer")
        assert s.get(Card, card).status == "issued" and m.card_status == "issued"
        event = s.get(MembershipEvent, done.event_id)
        assert (event.kind, event.reason, event.from_org_id, event.note) == (
            "transferred_out", "transfer", org, "Куда: МБОУ СОШ № 7")
    [entry] = _outbox(db)
    assert entry.fields == {"command": "transfer_out", "on": "2025-02-01",
                            "note": "Куда: МБОУ СОШ № 7", "event_id": done.event_id}
    assert done.cancelled_cards == []
    # The person changed their mind: a restoration undoes it (history keeps both).
    with db.transaction() as s:
        restore_member(s, member, date(2025, 2, 5), today=TODAY)
    assert _kinds(db, member) == ["joined", "transferred_out", "restored"]
    with pytest.raises(LifecycleRefused, match="Перевести"), db.transaction() as s:
        remove_member(s, member, date(2025, 2, 6), "transfer", today=TODAY)


def test_transfer_out_refusals_write_nothing(db, member) -> None:
    with pytest.raises(LifecycleRefused, match="будущем"), db.transaction() as s:
        transfer_out(s, member, date(2025, 3, 2), today=TODAY)
    with db.transaction() as s:
        transfer_out(s, member, date(2025, 2, 1), today=TODAY)
    with pytest.raises(LifecycleRefused, match="уже снят"), db.transaction() as s:
        transfer_out(s, member, date(2025, 2, 2), today=TODAY)
    assert len(_outbox(db)) == 1


def test_accept_transfer_only_queues_the_command(db, org, member) -> None:
    handle = new_id()  # a member the registry found elsewhere: not in this database
    with db.transaction() as s:
        queued = accept_transfer(s, org, handle, date(2025, 2, 20), today=TODAY)
    [entry] = _outbox(db)
    assert (entry.op, entry.entity, entry.entity_id, entry.org_id, entry.state) == (
        "command", "member", handle, org, "pending")
    assert entry.fields == {"command": "transfer_in", "on": "2025-02-20",
                            "event_id": queued.event_id}
    assert entry.base == {"rows": [], "created": []}
    with db.session() as s:
        assert s.get(Member, handle) is None
        assert s.scalars(select(MembershipEvent).where(
            MembershipEvent.id == queued.event_id)).first() is None
    with pytest.raises(LifecycleRefused, match="уже ждёт"), db.transaction() as s:
        accept_transfer(s, org, handle, date(2025, 2, 20), today=TODAY)
    with pytest.raises(LifecycleRefused, match="будущем"), db.transaction() as s:
        accept_transfer(s, org, new_id(), date(2025, 3, 2), today=TODAY)
    with pytest.raises(LifecycleRefused, match="уже состоит"), db.transaction() as s:
        accept_transfer(s, org, member, date(2025, 2, 20), today=TODAY)
    assert len(_outbox(db)) == 1


def test_removal_cancels_cards_but_keeps_the_consent(db, member) -> None:
    with db.transaction() as s:
        set_consent(s, member, True, signed_on=date(2024, 5, 1))
        org = s.get(Member, member).org_id
        s.add(Card(id=new_id(), org_id=org, member_id=member, status="received", number="55"))
    with db.transaction() as s:
        done = remove_member(s, member, date(2025, 2, 1), "dismissal", today=TODAY)
    with db.session() as s:
        [consent] = s.scalars(select(Consent).where(Consent.member_id == member))
        assert (consent.deleted, consent.revoked_on) == (False, None)
        assert s.get(Member, member).has_consent is True
        assert s.get(Card, done.cancelled_cards[0]).status == "cancelled"

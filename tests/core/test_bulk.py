"""Bulk actions on a selection: what each does and skips, one transaction, one undoable step."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text

from chairclient.db.models import (
    Card,
    CardRequest,
    CardStatusChange,
    Consent,
    Member,
    MembershipEvent,
)
from chairclient.services import bulk
from chairclient.services.card_requests import add_to_draft, draft_request_id
from chairclient.services.members import CONSENT_TEMPLATE_VERSION
from chairclient.services.undo import undo_last_step
from tests.core.bulk_world import TODAY, World, build, outbox, snapshot, steps


@pytest.fixture
def world(db) -> World:
    return build(db)


def _reasons(result) -> dict[str, str]:
    return {s.member_id: s.reason for s in result.skipped}


def test_mark_consent(db, world: World) -> None:
    chosen = world.ids("no_consent", "ready", "removed")
    with db.transaction() as s:
        result = bulk.mark_consent(s, chosen + ["no-such-id"], date(2025, 2, 3), today=TODAY)
    assert result.done == world.ids("no_consent")
    assert _reasons(result) == {world.members["ready"]: "согласие уже отмечено",
                                world.members["removed"]: "снят с учёта",
                                "no-such-id": "не найден в базе"}
    with db.session() as s:
        [consent] = s.scalars(select(Consent).where(
            Consent.member_id == world.members["no_consent"]))
        assert (consent.signed_on, consent.template_version) == (
            date(2025, 2, 3), CONSENT_TEMPLATE_VERSION)
        assert s.get(Member, world.members["no_consent"]).has_consent
    [entry] = outbox(db)
    assert (entry.op, entry.entity, entry.entity_id) == ("create", "consent", consent.id)
    assert entry.fields == {"member_id": world.members["no_consent"], "signed_on": "2025-02-03",
                            "template_version": CONSENT_TEMPLATE_VERSION, "recorded_by": None}
    [step] = steps(db)
    assert (step.step_id, step.action, step.entries) == (result.step_id, "consent", 1)
    assert step.summary["count"] == 1 and step.summary["skipped"] == 3


def test_an_action_that_changes_nothing_leaves_no_step(db, world: World) -> None:
    with db.transaction() as s:
        result = bulk.mark_consent(s, world.ids("ready"), TODAY, today=TODAY)
    assert result.step_id is None and result.done == []
    assert outbox(db) == [] and steps(db) == []


def test_future_dates_are_refused_before_writing(db, world: World) -> None:
    before = snapshot(db)
    with pytest.raises(bulk.BulkRefused, match="будущем"), db.transaction() as s:
        bulk.mark_consent(s, world.ids("no_consent"), date(2025, 3, 2), today=TODAY)
    with pytest.raises(bulk.BulkRefused, match="будущем"), db.transaction() as s:
        bulk.mark_cards(s, world.ids("received"), "issued", date(2025, 3, 2), today=TODAY)
    with pytest.raises(bulk.BulkRefused, match="справочнике"), db.transaction() as s:
        bulk.change_category(s, world.ids("ready"), "astronaut", TODAY, today=TODAY)
    assert snapshot(db) == before


def test_add_to_the_draft_request(db, world: World) -> None:
    chosen = world.ids("ready", "ready2", "other_org", "no_consent", "incomplete", "removed",
                       "ordered")
    with db.transaction() as s:
        result = add_to_draft(s, chosen + world.ids("ready"))
    assert result.done == world.ids("ready", "ready2", "other_org")
    assert _reasons(result) == {
        world.members["no_consent"]: "нет согласия на обработку персональных данных",
        world.members["incomplete"]: "карточка заполнена не полностью",
        world.members["removed"]: "снят с учёта",
        world.members["ordered"]: "уже есть ЭПБ в статусе «ЗАКАЗАН»",
    }
    with db.session() as s:
        drafts = {org: draft_request_id(s, org) for org in (world.org, world.other_org)}
        assert all(drafts.values()) and len(set(drafts.values())) == 2  # one per organisation
        for label in ("ready", "ready2", "other_org"):
            member = s.get(Member, world.members[label])
            [card] = s.scalars(select(Card).where(Card.member_id == member.id))
            assert (card.status, card.request_id) == ("in_request", drafts[member.org_id])
            assert member.card_status == "in_request"
            [change] = s.scalars(select(CardStatusChange).where(
                CardStatusChange.card_id == card.id))
            assert change.status == "in_request"
    entities = [e.entity for e in outbox(db)]
    # parents travel before the rows that refer to them
    assert entities == ["card_request"] * 2 + ["card"] * 3 + ["card_status_change"] * 3
    assert len({e.step_id for e in outbox(db)}) == 1

    with db.transaction() as s:  # the same drafts take the next members; nobody enters twice
        again = add_to_draft(s, world.ids("ready", "ready2"))
    assert again.done == [] and len(again.skipped) == 2
    with db.transaction() as s:
        s.get(Member, world.members["no_consent"]).has_consent = True
        later = add_to_draft(s, world.ids("no_consent"))
    assert later.done == world.ids("no_consent")
    with db.session() as s:
        assert s.scalar(select(Card.request_id).where(
            Card.member_id == world.members["no_consent"])) == drafts[world.org]
        assert len(s.scalars(select(CardRequest).where(CardRequest.state == "draft")).all()) == 2


def test_cards_received_then_issued_in_order(db, world: World) -> None:
    chosen = world.ids("shipped", "received", "ordered", "issued", "ready")
    with db.transaction() as s:
        received = bulk.mark_cards(s, chosen, "received", date(2025, 2, 1), today=TODAY)
    assert received.done == world.ids("shipped")
    reasons = _reasons(received)
    assert reasons[world.members["received"]] == "ЭПБ уже в статусе «ПОЛУЧЕН»"
    assert reasons[world.members["ordered"]] == (
        "ЭПБ в статусе «ЗАКАЗАН»: «ПОЛУЧЕН» можно отметить только из статуса "
        "«ОТПРАВЛЕН В РЕГИОН»")
    assert reasons[world.members["ready"]] == "нет ЭПБ"

    with db.transaction() as s:
        issued = bulk.mark_cards(s, world.ids("shipped", "received", "shipped2"), "issued",
                                 date(2025, 2, 10), today=TODAY)
    assert issued.done == world.ids("shipped", "received")  # shipped2 may not skip ПОЛУЧЕН
    assert "«ВЫДАН» можно отметить только из статуса «ПОЛУЧЕН»" in _reasons(issued)[
        world.members["shipped2"]]
    with db.session() as s:
        card = s.get(Card, world.cards["shipped"])
        assert (card.status, card.issued_on) == ("issued", date(2025, 2, 10))
        history = s.scalars(select(CardStatusChange.status).where(
            CardStatusChange.card_id == card.id).order_by(CardStatusChange.changed_at)).all()
        assert history == ["shipped", "received", "issued"]
        assert s.get(Member, world.members["shipped"]).card_status == "issued"
    steps_ = [e for e in outbox(db) if e.entity_id == world.cards["shipped"]]
    # each step is a card_step command (the registry refuses plain status updates); its base
    # keeps what the optimistic write overwrote and the status-change row it created
    assert [(e.op, e.fields["command"], e.fields["status"]) for e in steps_] == [
        ("command", "card_step", "received"), ("command", "card_step", "issued")]
    assert steps_[1].fields["on"] == "2025-02-10"
    assert steps_[1].base["rows"] == [{"entity": "card", "id": world.cards["shipped"],
                                       "old": {"status": "received", "issued_on": None}}]
    with db.session() as s:
        [change] = s.scalars(select(CardStatusChange).where(
            CardStatusChange.id == steps_[1].fields["change_id"]))
        assert (change.card_id, change.status) == (world.cards["shipped"], "issued")
    assert steps_[1].base["created"] == [{"entity": "card_status_change", "id": change.id}]


def test_a_status_date_before_the_previous_change_is_skipped(db, world: World) -> None:
    with db.transaction() as s:
        result = bulk.mark_cards(s, world.ids("received"), "issued", date(2025, 1, 14),
                                 today=TODAY)
    assert result.done == []
    assert _reasons(result)[world.members["received"]] == (
        "дата раньше предыдущей смены статуса ЭПБ (15.01.2025)")


def test_change_category(db, world: World) -> None:
    with db.transaction() as s:
        result = bulk.change_category(s, world.ids("ready", "ready2", "removed"), "pensioner",
                                      date(2025, 2, 1), today=TODAY)
    assert result.done == world.ids("ready", "ready2")
    assert "снят с учёта" in _reasons(result)[world.members["removed"]]
    commands = outbox(db)
    assert [e.fields["command"] for e in commands] == ["change_category"] * 2
    assert {e.step_id for e in commands} == {result.step_id}
    [step] = steps(db)
    assert {r["id"] for r in step.undo["rows"]} == set(world.ids("ready", "ready2"))


def test_a_failure_midway_leaves_nothing(db, world: World) -> None:
    """A real database error on the last kind of row: the request and cards go too."""
    before = snapshot(db)
    with db.transaction() as s:
        s.execute(text("CREATE TRIGGER boom BEFORE INSERT ON card_status_changes "
                       "BEGIN SELECT RAISE(ABORT, 'disk says no'); END"))
    with pytest.raises(Exception, match="disk says no"), db.transaction() as s:
        add_to_draft(s, world.ids("ready", "ready2"))
    with db.transaction() as s:
        s.execute(text("DROP TRIGGER boom"))
    assert snapshot(db) == before and steps(db) == []


def test_a_failing_member_midway_rolls_back_the_whole_category_change(db, world) -> None:
    before = snapshot(db)
    third = world.members["shipped"]
    with db.transaction() as s:
        s.execute(text(f"CREATE TRIGGER boom BEFORE INSERT ON membership_events "
                       f"WHEN NEW.member_id = '{third}' "
                       f"BEGIN SELECT RAISE(ABORT, 'disk says no'); END"))
    with pytest.raises(Exception, match="disk says no"), db.transaction() as s:
        bulk.change_category(s, world.ids("ready", "ready2", "shipped", "received"),
                             "pensioner", date(2025, 2, 1), today=TODAY)
    with db.transaction() as s:
        s.execute(text("DROP TRIGGER boom"))
    assert snapshot(db) == before and steps(db) == []


def test_cancelling_through_progress_writes_nothing(db, world: World) -> None:
    before = snapshot(db)

    def progress(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt), db.transaction() as s:
        bulk.mark_consent(s, world.ids("no_consent"), TODAY, today=TODAY, progress=progress)
    assert snapshot(db) == before


@pytest.mark.parametrize("action", ["consent", "request", "received", "issued", "category"])
def test_undo_restores_exactly(db, world: World, action: str) -> None:
    before = snapshot(db)
    everyone = list(world.members.values())
    with db.transaction() as s:
        match action:
            case "consent":
                result = bulk.mark_consent(s, everyone, TODAY, today=TODAY)
            case "request":
                result = add_to_draft(s, everyone)
            case "received":
                result = bulk.mark_cards(s, everyone, "received", TODAY, today=TODAY)
            case "issued":
                result = bulk.mark_cards(s, everyone, "issued", TODAY, today=TODAY)
            case _:
                result = bulk.change_category(s, everyone, "unemployed", TODAY, today=TODAY)
    assert result.done and snapshot(db) != before
    with db.transaction() as s:
        done = undo_last_step(s, result.step_id)
    assert set(done.members) >= set(result.done)
    assert snapshot(db) == before
    assert outbox(db) == [] and steps(db) == []


def test_undo_keeps_the_events_history_of_other_steps(db, world: World) -> None:
    with db.transaction() as s:
        first = bulk.change_category(s, world.ids("ready"), "pensioner", date(2025, 2, 1),
                                     today=TODAY)
    middle = snapshot(db)
    with db.transaction() as s:
        bulk.change_category(s, world.ids("ready", "ready2"), "unemployed", date(2025, 2, 2),
                             today=TODAY)
    with db.transaction() as s:
        undo_last_step(s)
    assert snapshot(db) == middle
    with db.session() as s:
        assert s.get(Member, world.members["ready"]).category == "pensioner"
        kinds = s.scalars(select(MembershipEvent.kind).where(
            MembershipEvent.member_id == world.members["ready"])).all()
        assert sorted(kinds) == ["category_changed", "joined"]
    assert [e.step_id for e in outbox(db)] == [first.step_id]


def test_card_status_names_agree_with_the_documents() -> None:
    from chairclient.services.card_rules import CARD_STATUS_RU
    from reports.labels import CARD_STATUS

    assert CARD_STATUS_RU == CARD_STATUS

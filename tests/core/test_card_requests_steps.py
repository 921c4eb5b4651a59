"""ЭПБ steps as ``card_step`` commands: issued, shipped, lost/damaged with re-issue, undo."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from chairclient.db.models import Card, CardStatusChange, Member
from chairclient.services import bulk
from chairclient.services.card_requests import draft_request_id
from chairclient.services.card_rules import CARD_STEP
from chairclient.services.card_steps import NO_REISSUE, mark_broken
from chairclient.services.undo import undo_last_step
from tests.core.bulk_world import TODAY, World, build, outbox, snapshot, steps


@pytest.fixture
def world(db) -> World:
    return build(db)


def _commands(db) -> list[tuple[str, str, str]]:
    return [(e.entity_id, e.fields["command"], e.fields["status"]) for e in outbox(db)
            if e.op == "command"]


def test_mark_issued_is_one_command_per_card_in_one_step(db, world: World) -> None:
    with db.transaction() as s:
        result = bulk.mark_cards(s, world.ids("received", "issued"), "issued", TODAY,
                                 today=TODAY)
    assert result.done == world.ids("received")
    assert _commands(db) == [(world.cards["received"], CARD_STEP, "issued")]
    assert [e.op for e in outbox(db)] == ["command"]  # no plain status update any more
    [entry] = outbox(db)
    assert entry.fields["on"] == TODAY.isoformat() and entry.step_id == result.step_id
    with db.session() as s:
        card = s.get(Card, world.cards["received"])
        assert (card.status, card.issued_on) == ("issued", TODAY)
        assert s.get(CardStatusChange, entry.fields["change_id"]).status == "issued"


def test_regional_staff_mark_shipped(db, world: World) -> None:
    with db.transaction() as s:
        card = s.get(Card, world.cards["ordered"])
        card.status = "produced"
    with db.transaction() as s:
        result = bulk.mark_cards(s, world.ids("ordered", "shipped"), "shipped", TODAY,
                                 today=TODAY)
    assert result.done == world.ids("ordered")
    assert "уже в статусе «ОТПРАВЛЕН В РЕГИОН»" in result.skipped[0].reason


def test_lost_card_is_reissued_in_the_same_undo_step(db, world: World) -> None:
    before = snapshot(db)
    with db.transaction() as s:
        result = mark_broken(s, world.ids("issued", "ordered"), "lost", TODAY, today=TODAY)
    assert result.done == world.ids("issued")
    assert "только для полученной или выданной карты" in result.skipped[0].reason
    assert len(steps(db)) == 1 and result.step_id == steps(db)[0].step_id
    assert {e.step_id for e in outbox(db)} == {result.step_id}
    with db.session() as s:
        assert s.get(Card, world.cards["issued"]).status == "lost"
        new = s.scalars(select(Card).where(Card.member_id == world.members["issued"],
                                           Card.status == "in_request")).one()
        assert new.replaces_id == world.cards["issued"]
        assert new.request_id == draft_request_id(s, world.org)
        assert s.get(Member, world.members["issued"]).card_status == "in_request"
    created = [e for e in outbox(db) if e.op == "create" and e.entity == "card"]
    assert created[0].fields["replaces_id"] == world.cards["issued"]
    assert _commands(db) == [(world.cards["issued"], CARD_STEP, "lost")]

    with db.transaction() as s:
        undo_last_step(s, result.step_id)
    assert snapshot(db) == before and outbox(db) == []


def test_damaged_without_reissue_and_a_reissue_refused(db, world: World) -> None:
    with db.transaction() as s:
        plain = mark_broken(s, world.ids("received"), "damaged", TODAY, reissue=False,
                            today=TODAY)
    assert plain.done == world.ids("received")
    with db.session() as s:
        assert s.get(Card, world.cards["received"]).status == "damaged"
        assert s.get(Member, world.members["received"]).card_status == "damaged"
        assert draft_request_id(s, world.org) is None
    with db.transaction() as s:
        s.get(Member, world.members["issued"]).status = "removed"
    with db.transaction() as s:
        result = mark_broken(s, world.ids("issued"), "damaged", TODAY, today=TODAY)
    assert result.done == world.ids("issued")  # marked, but no new card: not on the register
    assert result.skipped[0].reason == NO_REISSUE + "снят с учёта"


def test_future_date_is_refused_before_writing(db, world: World) -> None:
    before = snapshot(db)
    with db.transaction() as s, pytest.raises(bulk.BulkRefused):
        mark_broken(s, world.ids("issued"), "lost", date(2099, 1, 1), today=TODAY)
    assert snapshot(db) == before

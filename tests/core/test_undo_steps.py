"""Undo steps: only the last one, only while nothing of it was sent, changed later or pulled."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete, select, update

from chairclient.db.models import Card, Consent, OutboxEntry
from chairclient.services import bulk
from chairclient.services.members import save_member, set_consent
from chairclient.services.undo import (
    CHANGED,
    GONE,
    SENT,
    UPDATED,
    CannotUndo,
    last_step,
    undo_last_step,
)
from tests.core.bulk_world import TODAY, World, build, outbox, snapshot, steps


@pytest.fixture
def world(db) -> World:
    return build(db)


def _consent(db, world: World, *labels: str) -> str:
    with db.transaction() as s:
        result = bulk.mark_consent(s, world.ids(*labels), TODAY, today=TODAY)
    assert result.step_id is not None
    return result.step_id


def _blocked(db) -> str | None:
    with db.session() as s:
        info = last_step(s)
    assert info is not None
    return info.blocked


def _undo_fails(db, code: str, step_id: str | None = None) -> None:
    before = snapshot(db)
    with pytest.raises(CannotUndo) as caught, db.transaction() as s:
        undo_last_step(s, step_id)
    assert caught.value.code == code
    assert snapshot(db) == before


def test_nothing_to_undo(db, world: World) -> None:
    with db.session() as s:
        assert last_step(s) is None
    _undo_fails(db, GONE)


def test_last_step_describes_the_action(db, world: World) -> None:
    step_id = _consent(db, world, "no_consent")
    with db.session() as s:
        info = last_step(s)
    assert (info.step_id, info.action, info.blocked) == (step_id, "consent", None)
    assert info.summary == {"count": 1, "skipped": 0, "on": TODAY.isoformat()}


def test_steps_are_undone_last_first(db, world: World) -> None:
    start = snapshot(db)
    first = _consent(db, world, "no_consent")
    middle = snapshot(db)
    with db.transaction() as s:
        second = bulk.mark_cards(s, world.ids("shipped"), "received", TODAY, today=TODAY).step_id
    _undo_fails(db, GONE, first)  # the menu showed an older step: refuse, do not guess
    with db.transaction() as s:
        undo_last_step(s, second)
    assert snapshot(db) == middle
    with db.transaction() as s:
        undo_last_step(s, first)
    assert snapshot(db) == start


def test_a_step_partly_sent_cannot_be_undone(db, world: World) -> None:
    _consent(db, world, "no_consent", "incomplete")
    with db.transaction() as s:  # the registry applied the first entry (push deletes it)
        first = s.scalar(select(OutboxEntry.seq).order_by(OutboxEntry.seq).limit(1))
        s.execute(delete(OutboxEntry).where(OutboxEntry.seq == first))
    assert _blocked(db) == SENT
    _undo_fails(db, SENT)


def test_a_rejected_step_cannot_be_undone(db, world: World) -> None:
    _consent(db, world, "no_consent")
    with db.transaction() as s:
        s.execute(update(OutboxEntry).values(state="rejected", error="Нет"))
    assert _blocked(db) == SENT


def test_a_later_edit_of_the_same_rows_blocks_undo(db, world: World) -> None:
    _consent(db, world, "no_consent")
    with db.transaction() as s:  # the chair unticks the consent in the member card
        set_consent(s, world.members["no_consent"], False)
    assert _blocked(db) == CHANGED
    _undo_fails(db, CHANGED)


def test_a_later_edit_of_other_rows_does_not_block(db, world: World) -> None:
    step_id = _consent(db, world, "no_consent")
    with db.transaction() as s:
        save_member(s, world.org, {"phone": "+79161234567"},
                    member_id=world.members["ready"], today=TODAY)
    assert _blocked(db) is None
    with db.transaction() as s:
        undo_last_step(s, step_id)
    with db.session() as s:
        assert s.scalar(select(Consent.id).where(
            Consent.member_id == world.members["no_consent"])) is None
    assert [e.entity_id for e in outbox(db)] == [world.members["ready"]]


def test_registry_news_about_a_row_blocks_undo(db, world: World) -> None:
    with db.transaction() as s:
        bulk.mark_cards(s, world.ids("shipped"), "received", TODAY, today=TODAY)
    with db.transaction() as s:  # a pull brought a newer version of the card
        s.execute(update(Card).where(Card.id == world.cards["shipped"]).values(version=2))
    assert _blocked(db) == UPDATED


def test_a_new_action_forgets_steps_that_were_sent(db, world: World) -> None:
    _consent(db, world, "no_consent")
    with db.transaction() as s:
        s.execute(delete(OutboxEntry))  # all sent
    assert _blocked(db) == SENT
    with db.transaction() as s:
        latest = bulk.mark_cards(s, world.ids("shipped"), "received", TODAY, today=TODAY).step_id
    assert [s.step_id for s in steps(db)] == [latest]


def test_undo_of_a_card_step_keeps_the_earlier_step(db, world: World) -> None:
    with db.transaction() as s:
        bulk.mark_cards(s, world.ids("shipped"), "received", date(2025, 2, 1), today=TODAY)
    with db.transaction() as s:
        bulk.mark_cards(s, world.ids("shipped"), "issued", date(2025, 2, 5), today=TODAY)
    with db.transaction() as s:
        undo_last_step(s)
    with db.session() as s:
        card = s.get(Card, world.cards["shipped"])
        assert (card.status, card.issued_on) == ("received", None)
    assert [(e.fields["command"], e.fields["status"]) for e in outbox(db)] == [
        ("card_step", "received")]

"""Removal and restoration for a selection: one transaction, one undo step, skips with reasons."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from chairclient.db.models import Card, Member, MembershipEvent
from chairclient.services import bulk_lifecycle
from chairclient.services.steps import BulkRefused
from chairclient.services.undo import undo_last_step
from tests.core.bulk_world import TODAY, World, build, outbox, snapshot, steps


@pytest.fixture
def world(db) -> World:
    return build(db)


def _status(db, member_id: str) -> tuple[str, date | None, str | None]:
    with db.session() as s:
        m = s.get(Member, member_id)
        return m.status, m.removed_on, m.removal_reason


def _events(db, member_id: str) -> list[tuple[str, str | None]]:
    with db.session() as s:
        return [(e.kind, e.note) for e in s.scalars(
            select(MembershipEvent).where(MembershipEvent.member_id == member_id)
            .order_by(MembershipEvent.event_date, MembershipEvent.updated_at))]


def test_reasons_come_from_the_reference_list_without_transfer(db, world: World) -> None:
    with db.session() as s:
        reasons = dict(bulk_lifecycle.removal_reasons(s))
    assert "transfer" not in reasons
    assert reasons["voluntary"] == "Добровольный выход"
    assert {"expelled", "dismissal", "death", "erroneous"} <= set(reasons)


def test_bulk_removal_is_one_step_and_undo_puts_everything_back(db, world: World) -> None:
    before = snapshot(db)
    chosen = world.ids("ready", "issued", "removed")
    with db.transaction() as s:
        result = bulk_lifecycle.remove_members(s, chosen, "dismissal", date(2025, 2, 1),
                                               note="  приказ № 12 ", today=TODAY)
    assert result.done == world.ids("ready", "issued")
    assert [(s.member_id, s.reason) for s in result.skipped] == [
        (world.members["removed"], "член Профсоюза уже снят с учёта")]
    assert _status(db, world.members["ready"]) == ("removed", date(2025, 2, 1), "dismissal")
    assert _events(db, world.members["ready"])[-1] == ("removed", "приказ № 12")
    with db.session() as s:  # the live card of the member who had one is cancelled
        assert s.get(Card, world.cards["issued"]).status == "cancelled"
    entries = outbox(db)
    assert [e.fields["command"] for e in entries] == ["remove_member", "remove_member"]
    assert {e.step_id for e in entries} == {result.step_id}
    assert entries[0].fields["note"] == "приказ № 12"
    [step] = steps(db)
    assert (step.action, step.summary["count"]) == ("removal", 2)

    with db.transaction() as s:
        done = undo_last_step(s, result.step_id)
    assert sorted(done.members) == sorted(result.done)
    assert snapshot(db) == before
    assert outbox(db) == [] and steps(db) == []


def test_bulk_restoration_and_its_undo(db, world: World) -> None:
    with db.transaction() as s:
        bulk_lifecycle.remove_members(s, world.ids("ready", "ready2"), "voluntary",
                                      date(2025, 1, 10), today=TODAY)
    before = snapshot(db)
    with db.transaction() as s:
        result = bulk_lifecycle.restore_members(
            s, world.ids("ready", "ready2", "no_consent"), date(2025, 2, 1),
            note="решение профкома", today=TODAY)
    assert result.done == world.ids("ready", "ready2")
    assert "только снятого" in result.skipped[0].reason
    assert _status(db, world.members["ready"]) == ("active", None, None)
    assert [k for k, _ in _events(db, world.members["ready"])] == ["joined", "removed", "restored"]
    assert steps(db)[-1].action == "restoration"
    with db.transaction() as s:
        undo_last_step(s, result.step_id)
    assert snapshot(db) == before


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"reason": "transfer"}, "причину"), ({"reason": "nonsense"}, "причину"),
     ({"on": date(2025, 3, 2)}, "в будущем"), ({"note": "x" * 501}, "не длиннее 500")],
)
def test_whole_action_refusals_write_nothing(db, world: World, kwargs, message) -> None:
    before = snapshot(db)
    args = {"reason": "voluntary", "on": date(2025, 2, 1), "note": None, **kwargs}
    with pytest.raises(BulkRefused, match=message), db.transaction() as s:
        bulk_lifecycle.remove_members(s, world.ids("ready"), args["reason"], args["on"],
                                      note=args["note"], today=TODAY)
    assert snapshot(db) == before


def test_a_date_before_the_last_event_skips_the_member(db, world: World) -> None:
    with db.transaction() as s:
        result = bulk_lifecycle.remove_members(s, world.ids("ready"), "voluntary",
                                               date(2000, 1, 1), today=TODAY)
    assert result.done == [] and result.step_id is None
    assert "раньше последнего события" in result.skipped[0].reason
    assert outbox(db) == []

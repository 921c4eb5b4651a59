"""Union offices on the client: the shared rules, the one write path (bulk, undoable), and the
passport's leadership derived from the offices."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from chairclient.db.models import MemberRole
from chairclient.domain import role_rules
from chairclient.domain.role_rules import Office
from chairclient.queries.roles import member_offices, org_leaders
from chairclient.services import roles
from chairclient.services.steps import BulkRefused
from chairclient.services.undo import undo_last_step
from tests.core.bulk_world import TODAY, World, build, outbox, snapshot, steps


@pytest.fixture
def world(db) -> World:
    return build(db)


def _office(member: str, role: str, since: date, until: date | None = None,
            body: str | None = None, office_id: str = "x") -> Office:
    return Office(office_id, member, role, body, since, until)


ROLES = {code for code, *_ in __import__("chairclient.db.reference_data",
                                         fromlist=["UNION_ROLES"]).UNION_ROLES}


def _errors(office: Office, *others: Office, active: bool = True) -> dict[str, str]:
    return role_rules.role_errors(office, roles=ROLES, today=TODAY, member_active=active,
                                  others=others)


def test_shared_rules() -> None:
    assert _errors(_office("a", "chair", date(2024, 1, 1))) == {}
    assert "справочника" in _errors(_office("a", "emperor", date(2024, 1, 1)))["role"]
    assert "будущем" in _errors(_office("a", "chair", date(2025, 3, 2)))["since"]
    assert "раньше даты избрания" in _errors(
        _office("a", "chair", date(2024, 1, 1), date(2023, 1, 1)))["until"]
    assert "органу" in _errors(_office("a", "group_organiser", date(2024, 1, 1),
                                       body="revision"))["body"]
    assert "Выберите орган" in _errors(_office("a", "youth_council", date(2024, 1, 1),
                                               body="senate"))["body"]
    assert "состоящий на учёте" in _errors(_office("a", "committee_member", date(2024, 1, 1)),
                                           active=False)["member_id"]
    assert _errors(_office("a", "committee_member", date(2020, 1, 1), date(2023, 1, 1)),
                   active=False) == {}  # a past office of a removed member is history
    chair = _office("b", "chair", date(2022, 1, 1), office_id="c1")
    assert "занимает другой" in _errors(_office("a", "chair", date(2024, 1, 1)), chair)["role"]
    ended = _office("b", "chair", date(2019, 1, 1), date(2023, 12, 31), office_id="c0")
    assert _errors(_office("a", "chair", date(2024, 1, 1)), ended) == {}
    twice = _office("a", "committee_member", date(2022, 1, 1), office_id="m1")
    assert "уже занимает" in _errors(_office("a", "committee_member", date(2024, 1, 1)),
                                     twice)["role"]
    # several deputies and committee members at once are fine
    assert _errors(_office("a", "deputy_chair", date(2024, 1, 1)),
                   _office("b", "deputy_chair", date(2024, 1, 1), office_id="d")) == {}


def test_leaders_follow_the_current_holders() -> None:
    held = [(_office("m1", "chair", date(2019, 1, 1), date(2023, 12, 31), office_id="1"),
             "Старова А. А."),
            (_office("m2", "chair", date(2024, 1, 1), office_id="2"), "Новикова Б. Б."),
            (_office("m3", "deputy_chair", date(2024, 1, 1), office_id="3"), "Заместина В."),
            (_office("m3", "committee_member", date(2024, 1, 1), office_id="4"), "Заместина В."),
            (_office("m4", "revision_member", date(2024, 1, 1), office_id="5"), "Р."),
            (_office("m5", "safety_rep", date(2026, 1, 1), office_id="6"), "С.")]
    now = role_rules.leaders(held, TODAY)
    assert (now.chair, now.chair_since, now.deputy) == ("Новикова Б. Б.", date(2024, 1, 1),
                                                        "Заместина В.")
    assert (now.committee, now.revision, now.safety) == (2, 1, 0)  # people, not offices
    assert role_rules.leaders(held, date(2023, 6, 1)).chair == "Старова А. А."


def test_appoint_is_one_undoable_step_and_skips_with_reasons(db, world: World) -> None:
    before = snapshot(db)
    chosen = world.ids("ready", "ready2", "removed")
    with db.transaction() as s:
        result = roles.appoint(s, chosen, "committee_member", date(2025, 1, 15),
                               today=TODAY)
    assert result.done == world.ids("ready", "ready2")
    assert "состоящий на учёте" in result.skipped[0].reason
    entries = outbox(db)
    assert [(e.entity, e.op) for e in entries] == [("member_role", "create")] * 2
    assert entries[0].fields["body"] == "committee"
    assert steps(db)[-1].action == "role"
    with db.session() as s:
        [office] = member_offices(s, world.members["ready"])
        assert (office.role_name, office.body, office.since) == (
            "Член профкома", "committee", date(2025, 1, 15))
        leaders = org_leaders(s, world.org, TODAY)
        assert leaders is not None and leaders.committee == 2 and leaders.chair is None
    with db.transaction() as s:
        undo_last_step(s, result.step_id)
    assert snapshot(db) == before


def test_one_chair_at_a_time_end_then_appoint(db, world: World) -> None:
    with db.transaction() as s:
        first = roles.appoint(s, world.ids("ready"), "chair", date(2021, 11, 2), today=TODAY)
    with db.transaction() as s:
        taken = roles.appoint(s, world.ids("ready2", "no_consent"), "chair", date(2025, 2, 1),
                              today=TODAY)
    assert taken.done == [] and "занимает другой член Профсоюза" in taken.skipped[0].reason
    with db.session() as s:
        office_id = s.scalar(select(MemberRole.id).where(
            MemberRole.member_id == world.members["ready"]))
    with pytest.raises(BulkRefused, match="раньше даты избрания"), db.transaction() as s:
        roles.end_office(s, office_id, date(2020, 1, 1), today=TODAY)
    with db.transaction() as s:
        roles.end_office(s, office_id, date(2025, 1, 31), today=TODAY)
    with db.transaction() as s:
        chair = roles.appoint(s, world.ids("ready2", "no_consent"), "chair", date(2025, 2, 1),
                              today=TODAY)
    # the second of the selection would be a second chair in the same period
    assert chair.done == world.ids("ready2") and len(chair.skipped) == 1
    with db.session() as s:
        leaders = org_leaders(s, world.org, TODAY)
        assert leaders.chair is not None and "Петрова" in leaders.chair
        assert leaders.chair_since == date(2025, 2, 1)
    assert first.step_id is not None


def test_a_question_wrong_for_everyone_is_refused_whole(db, world: World) -> None:
    before = snapshot(db)
    for kwargs in ({"role": "emperor"}, {"since": date(2025, 3, 2)},
                   {"body": "revision", "role": "group_organiser"}):
        args = {"role": "committee_member", "since": date(2025, 1, 1), **kwargs}
        with pytest.raises(BulkRefused), db.transaction() as s:
            roles.appoint(s, world.ids("ready"), args["role"], args["since"],
                          body=args.get("body"), today=TODAY)
    assert snapshot(db) == before


def test_delete_a_mistaken_office(db, world: World) -> None:
    with db.transaction() as s:
        roles.appoint(s, world.ids("ready"), "group_organiser", date(2025, 1, 1),
                      body_name="начальная школа", today=TODAY)
    with db.session() as s:
        office_id = s.scalar(select(MemberRole.id))
    with db.transaction() as s:
        roles.delete_office(s, office_id)
    with db.session() as s:
        assert member_offices(s, world.members["ready"]) == []

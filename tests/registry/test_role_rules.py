"""Union offices on the registry: the shared rules refuse what the client refuses (pushed
creates and updates), a single-holder office has one holder per organisation, and a primary
organisation's «Руководство» is not edited around its offices — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from registry.models import ENTITY_TABLES
from registry.rules import NOT_FOUND
from tests.registry.card_helpers import add_member
from tests.registry.helpers import Api, create, update
from tests.registry.world import World, new_id

offices = ENTITY_TABLES["member_role"]
LATER = (date.today() + timedelta(days=2)).isoformat()


def _office(member_id: str, **over: Any) -> dict[str, Any]:
    return {"member_id": member_id, "role": "committee_member", "since": "2024-11-02", **over}


def _count(db, org_id: str) -> int:
    with db.read() as session:
        return len(session.execute(select(offices.c.id).where(offices.c.org_id == org_id))
                   .all())


def test_refused_offices_write_nothing(api: Api, world: World, db) -> None:
    org = world.orgs["P1a"]
    member = add_member(db, world, "P1a")
    removed = add_member(db, world, "P1a", status="removed", removed_on="2025-01-10",
                         removal_reason="voluntary")
    before = _count(db, org)
    results = api.push(
        "chair1a",
        create("member_role", new_id(), org, _office(member, role="emperor")),
        create("member_role", new_id(), org, _office(member, since=LATER)),
        create("member_role", new_id(), org, _office(member, until="2024-01-01")),
        create("member_role", new_id(), org, _office(member, body="revision")),
        create("member_role", new_id(), org, _office(member, body="senate")),
        create("member_role", new_id(), org, _office(member, since=None)),
        create("member_role", new_id(), org, _office(removed)),
        create("member_role", new_id(), org, _office(member, body_name="x" * 201)),
        create("member_role", new_id(), world.orgs["P1a"], _office(world.members["P2"])),
    )
    assert all(r["status"] == "rejected" for r in results), results
    reasons = [r["reason"] for r in results]
    assert "справочника профсоюзных должностей" in reasons[0]
    assert "в будущем" in reasons[1]
    assert "раньше даты избрания" in reasons[2]
    assert "относится к органу" in reasons[3]
    assert "Выберите орган" in reasons[4]
    assert "дату избрания" in reasons[5]
    assert "состоящий на учёте" in reasons[6]
    assert "200" in reasons[7]
    assert NOT_FOUND.lower() in reasons[8]  # another organisation's member: as if missing
    assert _count(db, org) == before


def test_one_chair_at_a_time_and_no_office_twice(api: Api, world: World, db) -> None:
    org = world.orgs["P1b"]
    first, second = add_member(db, world, "P1b"), add_member(db, world, "P1b")
    chair, rival, duplicate, member_office = new_id(), new_id(), new_id(), new_id()
    results = api.push(
        "chair1b",
        create("member_role", chair, org, _office(first, role="chair", since="2021-11-02")),
        create("member_role", rival, org, _office(second, role="chair", since="2025-01-01")),
        create("member_role", member_office, org, _office(second)),
        create("member_role", duplicate, org, _office(second, since="2025-02-01")),
        create("member_role", new_id(), org, _office(first, role="deputy_chair")),
    )
    assert [r["status"] for r in results] == [
        "applied", "rejected", "applied", "rejected", "applied"], results
    assert "занимает другой член Профсоюза" in results[1]["reason"]
    assert "уже занимает" in results[3]["reason"]
    # the first chair's term ends; then the second may be elected
    ended, bad_end, elected = api.push(
        "chair1b",
        update("member_role", chair, org, {"until": "2024-12-31"}, {"until": None}),
        update("member_role", chair, org, {"until": "2020-01-01"}, {"until": "2024-12-31"},
               base_version=2),
        create("member_role", rival, org, _office(second, role="chair", since="2025-01-01")),
    )
    assert (ended["status"], bad_end["status"], elected["status"]) == (
        "applied", "rejected", "applied"), (ended, bad_end, elected)
    # reopening the old term would make two chairs at once
    [reopen] = api.push("chair1b", update("member_role", chair, org, {"until": None},
                                          {"until": "2024-12-31"}, base_version=2))
    assert reopen["status"] == "rejected" and "занимает другой" in reopen["reason"]


def test_leadership_of_a_primary_with_offices_comes_from_them(api: Api, world: World,
                                                              db) -> None:
    org, plain = world.orgs["P2"], world.orgs["P1a"]
    member = add_member(db, world, "P2")
    [office] = api.push("chair2", create("member_role", new_id(), org,
                                         _office(member, role="chair")))
    assert office["status"] == "applied", office
    refused, allowed = api.push(
        "chair2", update("organisation", org, org, {"chair_name": "Кто-то Другой"},
                         {"chair_name": None}),
        update("organisation", org, org, {"phone": "+73452123456"}, {"phone": None}))
    assert refused["status"] == "rejected" and "должностей" in refused["reason"], refused
    assert allowed["status"] in ("applied", "conflict"), allowed
    # an organisation without offices on record still edits its passport as before
    [edit] = api.push("chair1a", update("organisation", plain, plain,
                                        {"deputy_name": "Заместитель Новый"},
                                        {"deputy_name": None}))
    assert edit["status"] in ("applied", "conflict"), edit

"""Deleting an organisation with members or live sub-organisations is refused on every path
(a single push, a batch, the exchange); out of scope it is refused like a missing one; only an
organisation entered by mistake (no member card, nothing below it) may still be deleted."""

from __future__ import annotations

from registry.rules import NOT_FOUND
from tests.registry.closure_helpers import close, live, org_row, pulled
from tests.registry.helpers import Api, create, delete, update
from tests.registry.transfer_helpers import add_person, member_row
from tests.registry.world import World, new_id


def _org(world: World, name: str, parent: str, level: str = "primary") -> dict:
    return {"parent_id": world.orgs[parent], "level": level, "code": f"{name}-{world.suffix}",
            "full_name": f"Организация {name}", "short_name": f"Орг {name}",
            "kind": "workers" if level == "primary" else None}


def test_an_organisation_with_members_is_not_deleted(api: Api, world: World, db) -> None:
    p1a, p1b, t1 = world.orgs["P1a"], world.orgs["P1b"], world.orgs["T1"]
    member = world.members["P1a"]
    before, cursors = pulled(api, "admin")
    assert member in live(before, "member", p1a)
    [single] = api.push("terr1", delete("organisation", p1a, p1a))
    assert single["status"] == "rejected" and "нельзя удалить" in single["reason"], single
    assert "1 карточка" in single["reason"]
    # In a batch and through the exchange: the deletion alone is refused, the rest applies.
    edit = update("organisation", p1b, p1b, {"phone": "+74951234567"}, {"phone": None})
    batch = api.push("terr1", edit, delete("organisation", p1a, p1a))
    assert [r["status"] for r in batch] == ["applied", "rejected"], batch
    answer = api.exchange("region", delete("organisation", p1a, p1a), cursors=None)
    assert answer["results"][0]["status"] == "rejected"
    assert "нельзя удалить" in answer["results"][0]["reason"]
    # The administrator's deletion is refused too: nobody makes members vanish.
    [by_admin] = api.push("admin", delete("organisation", p1a, p1a))
    assert by_admin["status"] == "rejected" and "нельзя удалить" in by_admin["reason"]
    assert org_row(db, p1a)["deleted"] is False
    assert member_row(db, member)["deleted"] is False
    after, _ = pulled(api, "admin", cursors)
    assert all(c["id"] != p1a or not c["deleted"] for c in after)
    assert p1a in api.meta("admin")["scope"] and t1 in api.meta("terr1")["scope"]


def test_removed_members_and_live_children_also_keep_it(api: Api, world: World, db) -> None:
    t1, r = world.orgs["T1"], world.orgs["R"]
    # An organisation whose only member was removed keeps that member's history.
    org_id = new_id()
    [made] = api.push("terr1", create("organisation", org_id, org_id, _org(world, "X", "T1")))
    assert made["status"] == "applied", made
    add_person(db, world, "T1")  # the territorial organisation has a member of its own too
    world.orgs["X"] = org_id
    add_person(db, world, "X", status="removed", removed_on="2024-02-01",
               removal_reason="voluntary")
    [refused] = api.push("terr1", delete("organisation", org_id, org_id))
    assert refused["status"] == "rejected" and "1 карточка" in refused["reason"], refused
    [children] = api.push("region", delete("organisation", t1, t1))
    assert children["status"] == "rejected" and "нельзя удалить" in children["reason"]
    # A territorial organisation without members but with sub-organisations.
    empty_parent = new_id()
    child = new_id()
    api.push("region", create("organisation", empty_parent, empty_parent,
                              _org(world, "Y", "R", "territorial")))
    world.orgs["Y"] = empty_parent
    api.push("region", create("organisation", child, child, _org(world, "Z", "Y")))
    [below] = api.push("region", delete("organisation", empty_parent, empty_parent))
    assert below["status"] == "rejected" and "подчинённые" in below["reason"], below
    assert org_row(db, empty_parent)["deleted"] is False and r


def test_an_organisation_entered_by_mistake_is_deleted(api: Api, world: World, db) -> None:
    org_id = new_id()
    [made] = api.push("terr1", create("organisation", org_id, org_id, _org(world, "W", "T1")))
    assert made["status"] == "applied", made
    # Out of scope: exactly the answer for an organisation that does not exist.
    [foreign] = api.push("terr2", delete("organisation", org_id, org_id))
    [missing] = api.push("terr2", delete("organisation", new_id(), org_id))
    assert foreign["reason"] == missing["reason"] == NOT_FOUND
    [done] = api.push("terr1", delete("organisation", org_id, org_id))
    assert done["status"] == "applied", done
    assert org_row(db, org_id)["deleted"] is True


def test_a_closed_organisation_is_not_deleted(api: Api, world: World, db) -> None:
    p1b = world.orgs["P1b"]
    [closed] = api.push("terr1", close(p1b, "liquidation", "2025-03-03"))
    assert closed["status"] == "applied", closed
    for login in ("terr1", "admin"):
        [refused] = api.push(login, delete("organisation", p1b, p1b))
        assert refused["status"] == "rejected", refused
    assert org_row(db, p1b)["deleted"] is False

"""The access matrix: every role × in-scope / out-of-scope organisation × read / write / command,
with forged org ids, entity ids and cursors. Out of scope: nothing seen, nothing changed."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from registry.models import ENTITY_TABLES, audit_history, change_log, members, organisations
from registry.rules import NOT_FOUND
from sync.protocol_runs import changes_of
from tests.registry.helpers import Api, create, update
from tests.registry.world import SCOPES, TREE, USERS, World, member_values, new_id

ORG_NAMES = [name for name, _, _ in TREE]
PRIMARIES = [name for name, _, level in TREE if level == "primary"]


def _snapshot(db, world: World) -> dict[str, Any]:
    """Everything a write could touch for this world's rows."""
    org_ids = list(world.orgs.values())
    with db.read() as session:
        return {
            "members": sorted(
                tuple(r) for r in session.execute(
                    select(members.c.id, members.c.version, members.c.phone, members.c.deleted)
                    .where(members.c.org_id.in_(org_ids))
                )
            ),
            "orgs": sorted(
                tuple(r) for r in session.execute(
                    select(organisations.c.id, organisations.c.version, organisations.c.code,
                           organisations.c.parent_id)
                    .where(organisations.c.id.in_(org_ids))
                )
            ),
            "log": session.scalar(
                select(func.count()).select_from(change_log)
                .where(change_log.c.org_id.in_(org_ids))
            ),
            "audit": session.scalar(
                select(func.count()).select_from(audit_history)
                .where(audit_history.c.org_id.in_(org_ids))
            ),
            "rows": {
                entity: session.scalar(
                    select(func.count()).select_from(table).where(table.c.org_id.in_(org_ids))
                )
                for entity, table in ENTITY_TABLES.items()
            },
        }


@pytest.mark.parametrize("login", list(USERS))
def test_read_matrix(api: Api, world: World, login: str) -> None:
    """Pull from nothing: exactly the scope's orgs and members, nothing else of this world."""
    changes, cursors, _ = api.pull_all(login)
    ours = set(world.orgs.values())
    seen_orgs = {c["org_id"] for c in changes} & ours
    expected = {world.orgs[name] for name in SCOPES[login]}
    assert seen_orgs == expected
    assert set(cursors) & ours == expected
    seen_members = {c["id"] for c in changes if c["entity"] == "member"}
    for name in PRIMARIES:
        assert (world.members[name] in seen_members) == (name in SCOPES[login])
    meta = api.meta(login)
    assert set(meta["scope"]) & ours == expected
    assert set(meta["counts"]) & ours == expected


@pytest.mark.parametrize("login", [u for u in USERS if u != "admin"])
def test_forged_cursors_and_org_ids_see_nothing(api: Api, world: World, login: str) -> None:
    outside = [world.orgs[n] for n in ORG_NAMES if n not in SCOPES[login]]
    unknown = new_id()
    forged = {org_id: 0 for org_id in outside} | {unknown: 0, "'; DROP TABLE members; --": 0}
    page = api.pull(login, forged)
    assert {c["org_id"] for c in changes_of(page["runs"])}.isdisjoint(outside)
    # Out-of-scope orgs are answered exactly like an org that does not exist.
    assert set(page["revoked"]) == set(forged)
    assert set(page["cursors"]).isdisjoint(forged)
    # Negative and far-future cursors of in-scope orgs are harmless.
    inside = {world.orgs[n]: -5 for n in SCOPES[login]}
    assert api.pull(login, inside)["revoked"] == []
    future = {world.orgs[n]: 10**15 for n in SCOPES[login]}
    page = api.pull(login, future)
    assert changes_of(page["runs"]) == [] and all(v < 10**15 for v in page["cursors"].values())


@pytest.mark.parametrize("login", list(USERS))
def test_write_matrix(api: Api, world: World, db, login: str) -> None:
    """Edit each primary's member: applied in scope; out of scope refused like a missing row."""
    missing = api.push(
        login, update("member", new_id(), world.orgs["P1a"], {"phone": "+79990000000"},
                      {"phone": "+79161234567"})
    )[0]
    assert missing["status"] == "rejected" and missing["reason"] == NOT_FOUND
    for name in PRIMARIES:
        before = _snapshot(db, world)
        phone = f"+7916{abs(hash((login, name))) % 10**7:07d}"
        result = api.push(
            login, update("member", world.members[name], world.orgs[name], {"phone": phone},
                          {"phone": "+79161234567"})
        )[0]
        if name in SCOPES[login]:
            assert result["status"] == "applied", result
            assert result["version"] == 2
        else:
            assert result == {**missing, "mutation_id": result["mutation_id"]}
            assert _snapshot(db, world) == before


@pytest.mark.parametrize("login", [u for u in USERS if u != "admin"])
def test_forged_org_id_and_entity_ids_change_nothing(api: Api, world: World, db, login: str):
    own = next(iter(sorted(SCOPES[login])))
    outside = [n for n in PRIMARIES if n not in SCOPES[login]]
    before = _snapshot(db, world)
    mutations = []
    for name in outside:
        target = world.orgs[name]
        # 1. the body claims an in-scope org, the entity lives outside
        mutations.append(update("member", world.members[name], world.orgs[own],
                                {"phone": "+79990000001"}, {"phone": "+79161234567"}))
        # 2. create a member directly in an out-of-scope org
        mutations.append(create("member", new_id(), target, member_values()))
        # 3. create a consent in our org for a member outside
        mutations.append(create("consent", new_id(), world.orgs[own], {
            "member_id": world.members[name], "signed_on": "2024-01-10",
            "template_version": "2025-09"}))
        # 4. delete an out-of-scope member, and a lifecycle command on it
        mutations.append({**update("member", world.members[name], target, {}, {}),
                          "op": "delete"})
        mutations.append({**update("member", world.members[name], target,
                                   {"command": "remove", "reason": "voluntary"}, {}),
                          "op": "command"})
        # 5. an out-of-scope organisation's passport
        mutations.append(update("organisation", target, target, {"short_name": "Взлом"},
                                {"short_name": f"Орг {name}"}))
    results = api.push(login, *mutations)
    assert all(r["status"] == "rejected" for r in results), results
    assert _snapshot(db, world) == before


def test_commands_are_refused_without_changes(api: Api, world: World, db) -> None:
    before = _snapshot(db, world)
    result = api.push("chair1a", {**update("member", world.members["P1a"], world.orgs["P1a"],
                                           {"command": "remove"}, {}), "op": "command"})[0]
    assert result["status"] == "rejected" and result["reason"]
    assert _snapshot(db, world) == before


def test_only_superiors_move_or_recode_an_organisation(api: Api, world: World, db) -> None:
    p1a, t1, t2 = world.orgs["P1a"], world.orgs["T1"], world.orgs["T2"]
    code = f"P1a-{world.suffix}"
    # A primary chair may edit the passport but not the code or the parent.
    results = api.push(
        "chair1a",
        update("organisation", p1a, p1a, {"code": "NEW-1"}, {"code": code}),
        update("organisation", p1a, p1a, {"parent_id": t2}, {"parent_id": t1}),
        update("organisation", p1a, p1a, {"phone": "+74951234567"}, {"phone": None}),
    )
    assert [r["status"] for r in results] == ["rejected", "rejected", "applied"]
    assert "вышестоящая" in results[0]["reason"]
    # A territorial chair may not recode their own organisation, but may recode a subordinate.
    own = api.push("terr1", update("organisation", t1, t1, {"code": "T1-X"},
                                   {"code": f"T1-{world.suffix}"}))[0]
    assert own["status"] == "rejected"
    sub = api.push("terr1", update("organisation", p1a, p1a, {"code": f"P1a-new-{world.suffix}"},
                                   {"code": code}, base_version=2))[0]
    assert sub["status"] == "applied", sub
    # Moving under an org outside the scope is refused like a missing org.
    away = api.push("terr1", update("organisation", p1a, p1a, {"parent_id": t2},
                                    {"parent_id": t1}, base_version=3))[0]
    assert away["status"] == "rejected"
    # The regional user moves P1a to T2: terr1 loses it, terr2 gains it.
    moved = api.push("region", update("organisation", p1a, p1a, {"parent_id": t2},
                                      {"parent_id": t1}, base_version=3))[0]
    assert moved["status"] == "applied", moved
    assert p1a not in api.meta("terr1")["scope"]
    assert p1a in api.meta("terr2")["scope"]
    # A cycle is refused.
    cycle = api.push("region", update("organisation", t2, t2, {"parent_id": p1a},
                                      {"parent_id": world.orgs["R"]}))[0]
    assert cycle["status"] == "rejected"


def test_creating_organisations_is_for_superiors(api: Api, world: World) -> None:
    fields = {"parent_id": world.orgs["T1"], "level": "primary", "code": f"N-{world.suffix}",
              "full_name": "Новая ППО", "short_name": "Новая", "kind": "workers"}
    org_id = new_id()
    refused = api.push("chair1a", create("organisation", org_id, org_id, fields))[0]
    assert refused["status"] == "rejected"
    outside = api.push("terr2", create("organisation", org_id, org_id, fields))[0]
    assert outside["status"] == "rejected"
    done = api.push("terr1", create("organisation", org_id, org_id, fields))[0]
    assert done["status"] == "applied", done
    assert org_id in api.meta("terr1")["scope"]
    assert org_id not in api.meta("terr2")["scope"]

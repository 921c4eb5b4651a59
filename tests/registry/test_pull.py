"""Pull: pages by per-org cursors, tombstones, scope added / revoked, the tombstone horizon."""

from __future__ import annotations

from datetime import timedelta

from registry.auth import now_utc
from registry.changelog import purge_tombstones
from sync.protocol_runs import changes_of
from tests.registry.helpers import Api, create, delete, update
from tests.registry.world import World, member_values, new_id


def test_pages_deliver_every_row_once_and_cursors_advance(api: Api, world: World) -> None:
    org = world.orgs["P1a"]
    ids = {new_id() for _ in range(7)}
    results = api.push("chair1a", *(create("member", i, org, member_values()) for i in ids))
    assert {r["status"] for r in results} == {"applied"}
    changes, cursors, pages = api.pull_all("terr1", limit=3)
    assert pages >= 4
    keys = [(c["entity"], c["id"], c["org_id"]) for c in changes]
    assert len(keys) == len(set(keys))
    assert ids <= {c["id"] for c in changes}
    rows = {c["id"]: c for c in changes}
    assert all(rows[i]["row"]["last_name"] == "Иванова" for i in ids)
    assert "search_text" not in rows[next(iter(ids))]["row"]
    assert "is_complete" not in rows[next(iter(ids))]["row"]
    # Nothing new: an empty page, same cursors.
    page = api.pull("terr1", cursors)
    assert changes_of(page["runs"]) == [] and page["more"] is False
    assert page["cursors"] == cursors
    # One remote change arrives alone.
    member_id = next(iter(ids))
    api.push("chair1a", update("member", member_id, org, {"phone": "+79037778899"},
                               {"phone": "+79161234567"}))
    page = api.pull("terr1", cursors)
    assert [(c["id"], c["version"]) for c in changes_of(page["runs"])] == [(member_id, 2)]
    assert page["cursors"][org] > cursors[org]


def test_tombstones_and_scope_changes(api: Api, world: World) -> None:
    org = world.orgs["P1a"]
    _, cursors, _ = api.pull_all("terr1")
    api.push("chair1a", delete("member", world.members["P1a"], org))
    page = api.pull("terr1", cursors)
    assert [(c["id"], c["deleted"]) for c in changes_of(page["runs"])] == [(world.members["P1a"], True)]
    cursors = page["cursors"]
    # P1a moves to T2: terr1 is told to purge it, terr2 gets it added.
    api.push("region", update("organisation", org, org, {"parent_id": world.orgs["T2"]},
                              {"parent_id": world.orgs["T1"]}))
    page = api.pull("terr1", cursors)
    assert page["revoked"] == [org]
    _, terr2_cursors, _ = api.pull_all("terr2")
    assert org in terr2_cursors
    page = api.pull("terr2", {k: v for k, v in terr2_cursors.items() if k != org})
    assert page["added"] == [org]
    assert any(c["id"] == org and c["entity"] == "organisation" for c in changes_of(page["runs"]))


def test_cursor_older_than_the_horizon_restarts_from_zero(api: Api, world: World, db) -> None:
    org = world.orgs["P2"]
    extra = new_id()
    api.push("chair2", create("member", extra, org, member_values()))
    _, old_cursors, _ = api.pull_all("chair2")
    api.push("chair2", delete("member", extra, org))
    _, cursors, _ = api.pull_all("chair2")
    with db.write() as session:
        assert purge_tombstones(session, now_utc() + timedelta(seconds=5)) >= 1
    page = api.pull("chair2", old_cursors)
    assert page["reset_required"] == [org]
    ids = {c["id"] for c in changes_of(page["runs"])}
    assert {org, world.members["P2"]} <= ids and extra not in ids
    assert api.meta("chair2")["tombstone_horizon"] > 0
    # A cursor at or after the horizon goes on as usual.
    assert api.pull("chair2", cursors)["reset_required"] == []


def test_meta_counts_match_what_pull_delivers(api: Api, world: World) -> None:
    org = world.orgs["P1b"]
    api.push("chair1b", create("member", new_id(), org, member_values()))
    changes, _, _ = api.pull_all("chair1b")
    live = [c for c in changes if not c["deleted"] and c["org_id"] == org]
    meta = api.meta("chair1b")
    assert meta["counts"][org] == {"organisation": 1, "member": 2}
    assert sum(meta["counts"][org].values()) == len(live)
    assert meta["user"]["login"] == world.logins["chair1b"]
    assert meta["user"]["positions"] == [
        {"org_id": org, "role": "primary", "org_name": "Орг P1b"}
    ]
    assert meta["scope"] == [org]

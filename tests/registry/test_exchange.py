"""``/sync/exchange``: push, a page and the counts in one round trip, within the same scope and
with the same answers as ``/sync/push``, ``/sync/pull`` and ``/sync/meta`` each give."""

from __future__ import annotations

from typing import Any

import pytest

from registry.rules import NOT_FOUND
from sync.protocol_runs import changes_of
from tests.registry.helpers import Api, create, update
from tests.registry.test_access import PRIMARIES, _snapshot
from tests.registry.world import SCOPES, USERS, World, member_values, new_id


def _without_time(page: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in page.items() if k != "server_time"}


def test_one_round_trip_pushes_then_brings_the_page_and_counts(api: Api, world: World) -> None:
    _, cursors, _ = api.pull_all("chair1a")
    member = world.members["P1a"]
    answer = api.exchange(
        "chair1a",
        update("member", member, world.orgs["P1a"], {"phone": "+79165550101"},
               {"phone": "+79161234567"}),
        cursors=cursors, limit=1000,
    )
    assert [r["status"] for r in answer["results"]] == ["applied"]
    page = answer["page"]
    pulled = [c for c in changes_of(page["runs"]) if c["id"] == member]
    assert [c["row"]["phone"] for c in pulled] == ["+79165550101"]
    assert pulled[0]["version"] == answer["results"][0]["version"] == 2
    assert page["more"] is False
    # The same page a pull from the same cursors gives, and the counts meta gives.
    assert _without_time(api.pull("chair1a", cursors)) == _without_time(page)
    assert answer["counts"] == api.meta("chair1a")["counts"]
    assert answer["server_time"].endswith("Z")


def test_without_cursors_it_is_a_push_only(api: Api, world: World) -> None:
    answer = api.exchange(
        "chair1b", create("member", new_id(), world.orgs["P1b"], member_values()))
    assert [r["status"] for r in answer["results"]] == ["applied"]
    assert answer["page"] is None and answer["counts"] is None


def test_counts_come_with_the_last_page_only(api: Api, world: World) -> None:
    cursors: dict[str, int] = {}
    pages: list[dict[str, Any]] = []
    while True:
        answer = api.exchange("terr1", cursors=cursors, limit=2)
        pages.append(answer)
        cursors = answer["page"]["cursors"]
        if not answer["page"]["more"]:
            break
    assert len(pages) > 1
    assert all(p["counts"] is None for p in pages[:-1])
    assert pages[-1]["counts"] == api.meta("terr1")["counts"]
    assert set(pages[-1]["counts"]) == {world.orgs[n] for n in SCOPES["terr1"]}
    # Asked not to count: no counts, even with the last page.
    assert api.exchange("terr1", cursors=cursors, counts=False)["counts"] is None


@pytest.mark.parametrize("login", [u for u in USERS if u != "admin"])
def test_out_of_scope_sees_nothing_and_changes_nothing(
    api: Api, world: World, db, login: str
) -> None:
    outside = [n for n in PRIMARIES if n not in SCOPES[login]]
    forged = {world.orgs[n]: 0 for n in outside} | {new_id(): 0}
    before = _snapshot(db, world)
    mutations = [
        update("member", world.members[n], world.orgs[n], {"phone": "+79990000002"},
               {"phone": "+79161234567"})
        for n in outside
    ]
    answer = api.exchange(login, *mutations, cursors=forged)
    assert all(r["status"] == "rejected" and r["reason"] == NOT_FOUND
               for r in answer["results"])
    assert _snapshot(db, world) == before
    page = answer["page"]
    assert set(page["revoked"]) == set(forged)
    assert {c["org_id"] for c in changes_of(page["runs"])}.isdisjoint(forged)
    assert set(answer["counts"]).isdisjoint(forged)
    mine = {world.orgs[n] for n in SCOPES[login]}
    assert mine <= set(answer["counts"])


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"mutations": [], "cursors": {}, "extra": 1}, "extra"),
        ({"mutations": [], "cursors": {}, "limit": 0}, "limit"),
        ({"mutations": [], "cursors": [1, 2]}, "cursors"),
        ({"mutations": [{"mutation_id": "x"}] * 501}, "mutations"),
        ({"mutations": [], "counts": "yes"}, "counts"),
    ],
)
def test_bad_requests_are_422_naming_the_field(
    api: Api, world: World, body: dict[str, Any], field: str
) -> None:
    response = api.http.post("/api/v1/sync/exchange", json=body, headers=api.headers("chair2"))
    assert response.status_code == 422, response.text
    assert field in response.json()["detail"] or any(
        field in map(str, problem["loc"]) for problem in response.json()["errors"])


def test_without_a_token_it_is_401(anon: Api) -> None:
    response = anon.http.post("/api/v1/sync/exchange", json={"mutations": []})
    assert response.status_code == 401

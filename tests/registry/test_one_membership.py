"""One person, one active membership: a СНИЛС on the register anywhere in the union refuses a
second active card through every path (registration, import batch, СНИЛС edit, restoration,
transfer), with the organisation named; two registrations at once cannot both pass."""

from __future__ import annotations

import threading
from datetime import date, timedelta

from tests.registry.helpers import Api, create, update
from tests.registry.transfer_helpers import (
    add_person,
    fresh_snils,
    lookup,
    member_row,
    transfer,
)
from tests.registry.world import World, member_values, new_id


def _named(reason: str, world: World, org: str) -> bool:
    return f"«Орг {org}» ({org}-{world.suffix})" in reason and "СНИЛС" in reason


def test_a_second_active_snils_is_refused_on_every_path(api: Api, world: World, db) -> None:
    held = add_person(db, world, "P1a")  # on the register in P1a, outside chair3's scope
    p2, p3 = world.orgs["P2"], world.orgs["P3"]
    own = add_person(db, world, "P3")
    removed = add_person(db, world, "P3", status="removed", removed_on="2024-02-01",
                         removal_reason="voluntary", snils=held["snils"])
    card_id, other_id = new_id(), new_id()
    refused = api.push(
        "chair3",
        create("member", card_id, p3, member_values(snils=held["snils"])),  # a new card
        update("member", own["id"], p3, {"snils": held["snils"]}, {"snils": own["snils"]}),
    )
    assert [r["status"] for r in refused] == ["rejected", "rejected"], refused
    for result in refused:
        assert _named(result["reason"], world, "P1a") and "Запросить перевод" in result["reason"]
    # An import pushes its rows as one batch of creates: the duplicate alone is refused.
    batch = api.push(
        "chair3",
        create("member", other_id, p3, member_values(snils=fresh_snils())),
        create("member", new_id(), p3, member_values(snils=held["snils"], last_name="Другая")),
    )
    assert [r["status"] for r in batch] == ["applied", "rejected"], batch
    # Restoring a card whose СНИЛС is on the register elsewhere.
    [restore] = api.push("chair3", transfer(removed["id"], p3, "restore_member",
                                            on=str(date.today())))
    assert restore["status"] == "rejected" and _named(restore["reason"], world, "P1a"), restore
    assert member_row(db, removed["id"])["status"] == "removed"
    # The same person marked as leaving P2 while a card of them went live in P3 meanwhile.
    leaving = add_person(db, world, "P2")
    [out] = api.push("chair2", transfer(leaving["id"], p2, "transfer_out",
                                        on=str(date.today() - timedelta(days=1))))
    assert out["status"] == "applied", out
    [meanwhile] = api.push("chair1a", create("member", new_id(), world.orgs["P1a"],
                                             member_values(snils=leaving["snils"])))
    assert meanwhile["status"] == "applied", meanwhile  # nobody is on the register with it
    found = lookup(api, "chair3", {"snils": leaving["snils"]}).json()["results"][0]["matches"]
    handle = next(m["handle"] for m in found if m["org_id"] == p2)
    [moved] = api.push("chair3", transfer(handle, p3, on=str(date.today())))
    assert moved["status"] == "rejected" and _named(moved["reason"], world, "P1a"), moved
    assert member_row(db, leaving["id"])["org_id"] == p2
    # Inside one's own tree the answer names the organisation too.
    [inside] = api.push("terr1", create("member", new_id(), world.orgs["P1b"],
                                        member_values(snils=held["snils"])))
    assert inside["status"] == "rejected" and _named(inside["reason"], world, "P1a")
    # A person removed elsewhere may join here (a new membership, not a second active one).
    gone = add_person(db, world, "P2", status="removed", removed_on="2024-03-01",
                      removal_reason="voluntary")
    [joins] = api.push("chair3", create("member", new_id(), p3,
                                        member_values(snils=gone["snils"])))
    assert joins["status"] == "applied", joins


def test_two_registrations_of_one_snils_at_once_cannot_both_pass(
    api: Api, world: World, registry
) -> None:
    snils = fresh_snils()
    clients = {login: Api(registry.base_url, world) for login in ("chair2", "chair3")}
    orgs = {"chair2": world.orgs["P2"], "chair3": world.orgs["P3"]}
    for login, client in clients.items():
        client.headers(login)  # log in before the race
    results: dict[str, str] = {}
    start = threading.Barrier(len(clients))

    def register(login: str) -> None:
        start.wait()
        mutations = [create("member", new_id(), orgs[login],
                            member_values(snils=fresh_snils(), last_name="Фон"))
                     for _ in range(30)]
        mutations.append(create("member", new_id(), orgs[login], member_values(snils=snils)))
        results[login] = clients[login].push(login, *mutations)[-1]["status"]

    for _ in range(3):
        snils = fresh_snils()
        threads = [threading.Thread(target=register, args=(login,)) for login in clients]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(results.values()) == ["applied", "rejected"], results
    for client in clients.values():
        client.close()

"""Transfer requests decided by the sender's superior, declined and withdrawn: both copies
follow, the member moves only on an acceptance."""

from __future__ import annotations

from chairclient.domain.transfers import sender_copy_id
from tests.registry.helpers import Api
from tests.registry.transfer_helpers import add_person, copies, handle_of, member_row, request
from tests.registry.world import World, new_id

ON = "2025-03-03"


def _ask(api: Api, world: World, person: dict) -> str:
    request_id = new_id()
    handle = handle_of(api, "chair3", person["snils"])
    [asked] = api.push("chair3", request(request_id, world.orgs["P3"], handle=handle, on=ON))
    assert asked["status"] == "applied", asked
    return request_id


def test_the_superior_decides_when_the_chair_does_not(api: Api, world: World, db) -> None:
    person = add_person(db, world, "P1a")
    request_id = _ask(api, world, person)
    copy = sender_copy_id(request_id)
    [done] = api.push("terr1", request(copy, world.orgs["P1a"], "decide_transfer",
                                       decision="accept", comment="Председатель в отпуске"))
    assert done["status"] == "applied", done
    assert member_row(db, person["id"])["org_id"] == world.orgs["P3"]
    theirs, mine = copies(db, request_id)
    assert theirs["state"] == mine["state"] == "accepted"
    assert mine["decided_by"] == f"вышестоящая организация «Орг T1» (T1-{world.suffix})"
    assert mine["member_id"] == person["id"]
    [late] = api.push("chair1a", request(copy, world.orgs["P1a"], "decide_transfer",
                                         decision="decline", comment="Нет"))
    assert "уже рассмотрен" in late["reason"]


def test_declined_and_withdrawn_requests_move_nobody(api: Api, world: World, db) -> None:
    person = add_person(db, world, "P1b")
    declined = _ask(api, world, person)
    [no] = api.push("chair1b", request(sender_copy_id(declined), world.orgs["P1b"],
                                       "decide_transfer", decision="decline",
                                       comment="Не увольняется"))
    assert no["status"] == "applied", no
    theirs, mine = copies(db, declined)
    assert (theirs["state"], mine["state"], mine["decision_comment"]) == (
        "declined", "declined", "Не увольняется")
    assert mine["member_id"] is None
    withdrawn = _ask(api, world, person)
    [back] = api.push("chair3", request(withdrawn, world.orgs["P3"], "withdraw_transfer"))
    assert back["status"] == "applied", back
    assert {row["state"] for row in copies(db, withdrawn)} == {"withdrawn"}
    # The sender cannot withdraw the receiver's request, nor decide a withdrawn one.
    [wrong] = api.push("chair1b", request(sender_copy_id(withdrawn), world.orgs["P1b"],
                                          "withdraw_transfer"))
    [gone] = api.push("chair1b", request(sender_copy_id(withdrawn), world.orgs["P1b"],
                                         "decide_transfer", decision="accept"))
    assert wrong["status"] == gone["status"] == "rejected"
    assert member_row(db, person["id"])["org_id"] == world.orgs["P1b"]

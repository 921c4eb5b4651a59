"""Taking a member without the sending side's agreement, tried every way an attacker would:
after each forged ``transfer_in`` or transfer request the caller's pull holds nothing of the
person, and the sending organisation keeps them exactly as they were."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta

from sqlalchemy import update

from chairclient.domain.transfers import sender_copy_id
from registry.models import lookup_handles
from registry.rules import NOT_FOUND
from tests.registry.helpers import Api, create
from tests.registry.transfer_helpers import (
    add_belongings,
    add_person,
    handle_of,
    lookup,
    pulled_text,
    request,
    snapshot,
    transfer,
)
from tests.registry.world import World, new_id

ON = "2025-03-03"


def _secret(person: dict) -> list[str]:
    """What the attacker must never see of the person."""
    return [person["snils"], person["last_name"], person["phone"], person["email"], person["id"]]


def _expire(db, token: str) -> None:
    with db.write() as session:
        session.execute(update(lookup_handles).where(
            lookup_handles.c.token_hash == hashlib.sha256(token.encode()).hexdigest()
        ).values(expires_at=datetime(2000, 1, 1)))


def test_forged_transfers_and_requests_leak_nothing_and_move_nothing(
    api: Api, world: World, db
) -> None:
    person = add_person(db, world, "P1a", phone="+79035550101", email="tajna@example.ru")
    add_belongings(db, person)
    gone = add_person(db, world, "P1a", status="removed", removed_on="2024-02-01",
                      removal_reason="voluntary")
    p1a, p2, p3 = world.orgs["P1a"], world.orgs["P2"], world.orgs["P3"]
    _, cursors = pulled_text(api, "chair3")
    mine = handle_of(api, "chair3", person["snils"])
    expired = handle_of(api, "chair3", person["snils"])
    _expire(db, expired)
    someone_elses = handle_of(api, "chair2", person["snils"])
    removed = handle_of(api, "chair3", gone["snils"])
    before = {m["id"]: snapshot(db, m["id"], p1a, p2, p3) for m in (person, gone)}
    request_id = new_id()
    results = api.push(
        "chair3",
        transfer(mine, p3, on=ON),  # 0: on the register there, the sender has not agreed
        transfer(person["id"], p3, on=ON),  # 1: the row id as a handle
        transfer(new_id(), p3, on=ON),  # 2: a handle nobody was given
        transfer(expired, p3, on=ON),  # 3: an expired handle
        transfer(someone_elses, p3, on=ON),  # 4: another user's handle
        transfer(mine, p2, on=ON),  # 5: into an organisation outside the caller's scope
        transfer(removed, p3, on=ON),  # 6: removed for another reason
        transfer(mine, p3, "transfer_out", on=ON),  # 7: not the caller's member
        request(new_id(), p3, handle=person["id"], on=ON),  # 8: row id in a request
        request(new_id(), p3, handle=expired, on=ON),  # 9
        request(new_id(), p3, handle=someone_elses, on=ON),  # 10
        request(new_id(), p2, handle=mine, on=ON),  # 11: out-of-scope receiver
        request(new_id(), p3, handle=mine, on="2999-01-01"),  # 12: in the future
        request(new_id(), p3, handle=removed, on=ON),  # 13: removed: join instead
        create("transfer_request", request_id, p3, {  # 14: a plain create of a request
            "request_id": request_id, "side": "receiver", "state": "accepted",
            "member_id": person["id"], "person_label": "", "other_org_id": p1a,
            "other_org_name": "", "other_org_code": "", "transfer_date": ON,
            "requested_at": "2025-03-03T10:00:00"}),
    )
    assert all(r["status"] == "rejected" for r in results), results
    reasons = [r["reason"] for r in results]
    for index in (1, 2, 3, 4, 5, 7, 8, 9, 10, 11):
        assert reasons[index] == NOT_FOUND, (index, reasons[index])
    assert "не отметила" in reasons[0] and "будущем" in reasons[12]
    assert "снят" in reasons[6] and "снят" in reasons[13] and "действиями" in reasons[14]
    # A pending request is not an agreement: acceptance by the receiver, a decision by the
    # receiver or by an unrelated chair, are all refused.
    asked = new_id()
    [filed] = api.push("chair3", request(asked, p3, handle=mine, on=ON, person_label="А. И."))
    assert filed["status"] == "applied", filed
    again = handle_of(api, "chair3", person["snils"])
    copy = sender_copy_id(asked)
    refused = api.push(
        "chair3",
        transfer(again, p3, on=ON),
        request(new_id(), p3, handle=again, on=ON),  # the same request twice
        request(copy, p1a, "decide_transfer", decision="accept"),
        request(copy, p3, "decide_transfer", decision="accept"),
        request(asked, p3, "decide_transfer", decision="accept"),  # its own copy: not a sender
        create("transfer_request", new_id(), p3, {"request_id": asked}),
    )
    assert all(r["status"] == "rejected" for r in refused), refused
    assert "ждёт решения" in refused[1]["reason"]
    assert refused[2]["reason"] == refused[3]["reason"] == refused[4]["reason"] == NOT_FOUND
    [unrelated] = api.push("chair2", request(copy, p1a, "decide_transfer", decision="accept"))
    [by_terr2] = api.push("terr2", request(copy, p1a, "decide_transfer", decision="accept"))
    assert unrelated["reason"] == by_terr2["reason"] == NOT_FOUND
    edit = {"mutation_id": new_id(), "entity": "transfer_request", "entity_id": asked,
            "org_id": p3, "op": "update", "fields": {"state": "accepted"},
            "base": {"state": "pending"}, "base_version": 1}
    [edited] = api.push("chair3", edit)
    assert edited["status"] == "rejected"
    for member in (person, gone):
        after = snapshot(db, member["id"], p1a, p2, p3)
        assert after["member"] == before[member["id"]]["member"]
        assert after["events"] == before[member["id"]]["events"]
    text, _ = pulled_text(api, "chair3", cursors)
    for secret in _secret(person):
        assert secret not in text, secret
    assert "А. И." in text  # what the receiver typed comes back, and nothing more


def test_a_stale_mark_or_a_moved_member_is_not_an_agreement(api: Api, world: World, db) -> None:
    person = add_person(db, world, "P1b", phone="+79035550102")
    p1b, p3 = world.orgs["P1b"], world.orgs["P3"]
    long_ago = (date.today() - timedelta(days=90)).isoformat()
    [out] = api.push("chair1b", transfer(person["id"], p1b, "transfer_out", on=long_ago))
    assert out["status"] == "applied", out
    [match] = lookup(api, "chair3", {"snils": person["snils"]}).json()["results"][0]["matches"]
    assert match["transferable"] is False and match["requestable"] is False
    [stale] = api.push("chair3", transfer(match["handle"], p3, on=ON))
    assert stale["status"] == "rejected" and "60 дней" in stale["reason"]
    # Within the caller's own tree a row id works: the territorial chair is the sender's side.
    today = date.today().isoformat()
    [moved] = api.push("terr1", transfer(person["id"], world.orgs["P1a"], on=today))
    assert moved["status"] == "applied", moved
    # A handle goes stale when its member moves: it named the member in P1b.
    fresh = add_person(db, world, "P2")
    handle = handle_of(api, "chair3", fresh["snils"])
    [there] = api.push("region", transfer(fresh["id"], world.orgs["P1a"], on=today))
    assert there["status"] == "applied", there
    [late] = api.push("chair3", request(new_id(), p3, handle=handle, on=ON))
    assert late["reason"] == NOT_FOUND

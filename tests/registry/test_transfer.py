"""Transfers over real HTTP: scope before and after, what moves, what the sender keeps, forged
and out-of-scope transfers refused without a trace, registration as the only plain create."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from chairclient.services.lifecycle_rules import transfer_out_event_id
from registry.models import ENTITY_TABLES
from registry.rules import NOT_FOUND
from tests.registry.helpers import Api, create
from tests.registry.transfer_helpers import (
    add_belongings,
    add_person,
    events,
    history,
    lookup,
    member_row,
    snapshot,
    transfer,
)
from tests.registry.world import World, member_values, new_id

ON = "2025-03-03"


def _pulled(api: Api, login: str, cursors: dict | None = None) -> tuple[dict, dict]:
    """{(entity, id): change} of a pull from ``cursors``, and the new cursors."""
    changes, cursors, _ = api.pull_all(login, cursors)
    return {(c["entity"], c["id"]): c for c in changes}, cursors


def _org_of(db, entity: str, row_id: str) -> str:
    table = ENTITY_TABLES[entity]
    with db.read() as session:
        return session.scalar(select(table.c.org_id).where(table.c.id == row_id))


def test_transfer_in_moves_the_member_and_the_sender_keeps_a_record(
    api: Api, world: World, db
) -> None:
    person = add_person(db, world, "P1a")
    owned = add_belongings(db, person)
    sender, receiver = world.orgs["P1a"], world.orgs["P3"]
    before, receiver_cursors = _pulled(api, "chair3")
    assert ("member", person["id"]) not in before  # out of scope: not even a tombstone
    _, sender_cursors = _pulled(api, "chair1a")
    unchanged = snapshot(db, person["id"], sender, receiver)
    # Without a lookup by this user the member is as good as missing.
    [blind] = api.push("chair3", transfer(person["id"], receiver, on=ON))
    assert (blind["status"], blind["reason"]) == ("rejected", NOT_FOUND)
    assert snapshot(db, person["id"], sender, receiver) == unchanged

    assert lookup(api, "chair3", {"snils": person["snils"]}).status_code == 200
    event_id = new_id()
    [done] = api.push("chair3", transfer(person["id"], receiver, on=ON, event_id=event_id))
    assert done["status"] == "applied", done
    row = member_row(db, person["id"])
    assert (row["org_id"], row["status"], row["registration_method"]) == (
        receiver, "active", "transfer")
    assert (row["member_since"], row["registered_on"]) == (date(2010, 9, 1), date(2025, 3, 3))
    assert history(db, person["id"]) == [
        (receiver, "joined"), (receiver, "transferred_in"), (sender, "transferred_out")]
    with db.read() as session:
        kept = session.execute(select(events).where(
            events.c.id == transfer_out_event_id(event_id))).mappings().one()
        joined = session.execute(select(events).where(
            events.c.member_id == person["id"], events.c.kind == "joined")).mappings().one()
        role_until = session.scalar(select(ENTITY_TABLES["member_role"].c.until).where(
            ENTITY_TABLES["member_role"].c.id == owned["member_role"]))
    assert (kept["org_id"], kept["reason"], kept["to_org_id"]) == (sender, "transfer", receiver)
    assert joined["to_org_id"] == sender  # the history still places the joining in the sender
    assert role_until == date(2025, 3, 3)
    for entity, row_id in owned.items():
        assert _org_of(db, entity, row_id) == receiver, entity
    # The sender's pull: everything that left is a tombstone; its transfer record is a row.
    left, _ = _pulled(api, "chair1a", sender_cursors)
    assert left[("member", person["id"])]["deleted"] is True
    for entity, row_id in owned.items():
        assert left[(entity, row_id)]["deleted"] is True, entity
    record = left[("membership_event", kept["id"])]
    assert record["deleted"] is False and record["row"]["kind"] == "transferred_out"
    # The receiver's pull brings the member with everything they own.
    arrived, _ = _pulled(api, "chair3", receiver_cursors)
    assert arrived[("member", person["id"])]["row"]["member_since"] == "2010-09-01"
    for entity, row_id in owned.items():
        assert arrived[(entity, row_id)]["deleted"] is False, entity
    assert arrived[("membership_event", event_id)]["row"]["from_org_id"] == sender
    assert lookup(api, "chair3", {"snils": person["snils"]}).json()["results"][0][
        "matches"][0]["in_scope"] is True


def test_transfer_out_first_then_in(api: Api, world: World, db) -> None:
    person = add_person(db, world, "P1b")
    owned = add_belongings(db, person)
    sender, receiver = world.orgs["P1b"], world.orgs["P2"]
    out_id = new_id()
    [out] = api.push("chair1b", transfer(person["id"], sender, "transfer_out", on="2025-03-01",
                                         event_id=out_id, note="Куда: МБОУ СОШ № 7"))
    assert out["status"] == "applied", out
    row = member_row(db, person["id"])
    assert (row["status"], row["removal_reason"]) == ("removed", "transfer")
    with db.read() as session:
        card = session.scalar(select(ENTITY_TABLES["card"].c.status).where(
            ENTITY_TABLES["card"].c.id == owned["card"]))
    assert card == "issued"  # not a loss to the union: the card stays valid
    [match] = lookup(api, "chair2", {"snils": person["snils"]}).json()["results"][0]["matches"]
    assert match["transferable"] is True
    in_id = new_id()
    [done] = api.push("chair2", transfer(person["id"], receiver, on=ON, event_id=in_id))
    assert done["status"] == "applied", done
    row = member_row(db, person["id"])
    assert (row["org_id"], row["status"], row["removal_reason"]) == (receiver, "active", None)
    assert history(db, person["id"]) == [
        (receiver, "joined"), (sender, "transferred_out"), (receiver, "transferred_in")]
    with db.read() as session:
        assert session.execute(select(events.c.id).where(
            events.c.id == transfer_out_event_id(in_id))).first() is None
    # The territorial chair over both sees the whole story.
    seen, _ = _pulled(api, "region")
    assert seen[("membership_event", out_id)]["row"]["note"] == "Куда: МБОУ СОШ № 7"
    assert seen[("member", person["id"])]["org_id"] == receiver


def test_forged_and_out_of_scope_transfers_change_nothing(api: Api, world: World, db) -> None:
    person = add_person(db, world, "P1a")
    gone = add_person(db, world, "P1a", status="removed", removed_on="2024-02-01",
                      removal_reason="voluntary")
    p1a, p2, p3 = world.orgs["P1a"], world.orgs["P2"], world.orgs["P3"]
    for login in ("chair3", "chair2"):
        lookup(api, login, {"snils": person["snils"]}, {"snils": gone["snils"]})
    before = {m["id"]: snapshot(db, m["id"], p1a, p2, p3) for m in (person, gone)}
    results = api.push(
        "chair3",
        transfer(person["id"], p2, on=ON),  # into an organisation outside the caller's scope
        transfer(new_id(), p3, on=ON),  # a handle nobody found
        transfer(person["id"], p3, on="2999-01-01"),
        transfer(person["id"], p3, on=ON, extra="x"),
        transfer(gone["id"], p3, on=ON),  # removed for another reason: joins again instead
        transfer(person["id"], p3, "transfer_out", on=ON),  # not the caller's member
    )
    reasons = [r["reason"] for r in results]
    assert all(r["status"] == "rejected" for r in results), results
    assert reasons[0] == reasons[1] == reasons[5] == NOT_FOUND
    assert "будущем" in reasons[2] and "аргумент" in reasons[3] and "снят" in reasons[4]
    # A lookup by someone else proves nothing; the sender cannot accept its own member.
    [other] = api.push("chair1b", transfer(person["id"], world.orgs["P1b"], on=ON))
    [own] = api.push("chair1a", transfer(person["id"], p1a, on=ON))
    assert other["reason"] == NOT_FOUND and "уже состоит" in own["reason"]
    for member in (person, gone):
        assert snapshot(db, member["id"], p1a, p2, p3) == before[member["id"]]


def test_registration_is_the_only_plain_create_of_history(api: Api, world: World) -> None:
    org = world.orgs["P2"]
    by_transfer, member = new_id(), new_id()
    [made, made2] = api.push(
        "chair2", create("member", member, org, member_values()),
        create("member", by_transfer, org, member_values(registration_method="transfer")))
    assert made["status"] == made2["status"] == "applied"

    def event(member_id: str, **fields) -> dict:
        return create("membership_event", new_id(), org,
                      {"member_id": member_id, "event_date": "2015-09-01", **fields})

    refused = api.push(
        "chair2",
        create("member", new_id(), org, member_values(status="removed", removed_on="2024-01-01",
                                                      removal_reason="voluntary")),
        event(member, kind="removed", reason="voluntary"),
        event(member, kind="transferred_in"),  # the card says: by application
        event(by_transfer, kind="joined"),
        event(member, kind="joined", from_org_id=world.orgs["P3"]),
    )
    assert all(r["status"] == "rejected" for r in refused), refused
    first, second = api.push("chair2", event(member, kind="joined", to_org_id=org),
                             event(member, kind="joined"))
    assert first["status"] == "applied" and second["status"] == "rejected"
    [by_paper] = api.push("chair2", event(by_transfer, kind="transferred_in",
                                          registration_method="transfer"))
    assert by_paper["status"] == "applied", by_paper

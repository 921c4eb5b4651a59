"""Transfers over real HTTP: scope before and after, what moves, what the sender keeps, forged
and out-of-scope transfers refused without a trace, registration as the only plain create."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from chairclient.domain.transfers import sender_copy_id
from chairclient.services.lifecycle_rules import transfer_out_event_id
from registry.models import ENTITY_TABLES
from registry.rules import NOT_FOUND
from tests.registry.helpers import Api, create
from tests.registry.transfer_helpers import (
    add_belongings,
    add_person,
    events,
    handle_of,
    history,
    lookup,
    member_row,
    request,
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


def test_a_request_the_sender_accepts_moves_the_member_and_both_keep_a_record(
    api: Api, world: World, db
) -> None:
    person = add_person(db, world, "P1a")
    owned = add_belongings(db, person)
    sender, receiver = world.orgs["P1a"], world.orgs["P3"]
    before, receiver_cursors = _pulled(api, "chair3")
    assert ("member", person["id"]) not in before  # out of scope: not even a tombstone
    _, sender_cursors = _pulled(api, "chair1a")
    unchanged = snapshot(db, person["id"], sender, receiver)
    # A row id names nobody outside the caller's scope; a handle names them, but the sender
    # has not agreed: nothing moves either way.
    [blind] = api.push("chair3", transfer(person["id"], receiver, on=ON))
    assert (blind["status"], blind["reason"]) == ("rejected", NOT_FOUND)
    handle = handle_of(api, "chair3", person["snils"])
    [taken] = api.push("chair3", transfer(handle, receiver, on=ON))
    assert taken["status"] == "rejected" and "не отметила" in taken["reason"], taken
    assert f"P1a-{world.suffix}" in taken["reason"]
    assert snapshot(db, person["id"], sender, receiver) == unchanged

    request_id = new_id()
    [asked] = api.push("chair3", request(request_id, receiver, handle=handle, on=ON,
                                         comment="Переходит к нам", person_label="СНИЛС"))
    assert asked["status"] == "applied", asked
    assert snapshot(db, person["id"], sender, receiver)["member"] == unchanged["member"]
    seen, receiver_cursors = _pulled(api, "chair3", receiver_cursors)
    mine = seen[("transfer_request", request_id)]["row"]
    assert (mine["state"], mine["member_id"], mine["other_org_code"]) == (
        "pending", None, f"P1a-{world.suffix}")
    assert set(seen) == {("transfer_request", request_id)}
    asked_of, sender_cursors = _pulled(api, "chair1a", sender_cursors)
    copy_id = sender_copy_id(request_id)
    theirs = asked_of[("transfer_request", copy_id)]["row"]
    assert (theirs["member_id"], theirs["comment"], theirs["side"]) == (
        person["id"], "Переходит к нам", "sender")
    assert theirs["person_label"].startswith(person["last_name"])

    event_id = new_id()
    [done] = api.push("chair1a", request(copy_id, sender, "decide_transfer", decision="accept",
                                         comment="Согласовано", event_id=event_id))
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
    # The sender's pull: everything that left is a tombstone; its records are rows.
    left, _ = _pulled(api, "chair1a", sender_cursors)
    assert left[("member", person["id"])]["deleted"] is True
    for entity, row_id in owned.items():
        assert left[(entity, row_id)]["deleted"] is True, entity
    record = left[("membership_event", kept["id"])]
    assert record["deleted"] is False and record["row"]["kind"] == "transferred_out"
    assert left[("transfer_request", copy_id)]["row"]["state"] == "accepted"
    # The receiver's pull brings the member with everything they own, and the outcome.
    arrived, _ = _pulled(api, "chair3", receiver_cursors)
    assert arrived[("member", person["id"])]["row"]["member_since"] == "2010-09-01"
    for entity, row_id in owned.items():
        assert arrived[(entity, row_id)]["deleted"] is False, entity
    assert arrived[("membership_event", event_id)]["row"]["from_org_id"] == sender
    outcome = arrived[("transfer_request", request_id)]["row"]
    assert (outcome["state"], outcome["member_id"], outcome["decision_comment"]) == (
        "accepted", person["id"], "Согласовано")
    assert outcome["decided_by"] == f"«Орг P1a» (P1a-{world.suffix})"
    assert lookup(api, "chair3", {"snils": person["snils"]}).json()["results"][0][
        "matches"][0]["in_scope"] is True


def test_transfer_out_first_then_in(api: Api, world: World, db) -> None:
    person = add_person(db, world, "P1b")
    owned = add_belongings(db, person)
    sender, receiver = world.orgs["P1b"], world.orgs["P2"]
    out_id = new_id()
    recently = date.today() - timedelta(days=3)  # a mark is open for 60 days
    [out] = api.push("chair1b", transfer(person["id"], sender, "transfer_out", on=str(recently),
                                         event_id=out_id, note="Куда: МБОУ СОШ № 7"))
    assert out["status"] == "applied", out
    row = member_row(db, person["id"])
    assert (row["status"], row["removal_reason"]) == ("removed", "transfer")
    with db.read() as session:
        card = session.scalar(select(ENTITY_TABLES["card"].c.status).where(
            ENTITY_TABLES["card"].c.id == owned["card"]))
    assert card == "issued"  # not a loss to the union: the card stays valid
    [match] = lookup(api, "chair2", {"snils": person["snils"]}).json()["results"][0]["matches"]
    assert match["transferable"] is True and match["requestable"] is False
    in_id = new_id()
    [done] = api.push("chair2", transfer(match["handle"], receiver, on=str(date.today()),
                                         event_id=in_id))
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

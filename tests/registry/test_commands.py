"""Lifecycle commands on the registry: state machines, history, scope, idempotency, cards."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select

from chairclient.services.lifecycle_rules import card_cancel_id
from registry.models import ENTITY_TABLES, applied_mutations, audit_history, change_log, members
from registry.rules import NOT_FOUND
from registry.seed import insert_entity
from tests.registry.helpers import Api
from tests.registry.world import World, new_id

events = ENTITY_TABLES["membership_event"]
cards = ENTITY_TABLES["card"]
status_changes = ENTITY_TABLES["card_status_change"]


def command(member_id: str, org_id: str, name: str, mutation_id: str | None = None,
            **args: Any) -> dict[str, Any]:
    return {
        "mutation_id": mutation_id or new_id(), "entity": "member", "entity_id": member_id,
        "org_id": org_id, "op": "command", "fields": {"command": name, **args}, "base": {},
        "base_version": 0,
    }


def member_row(db, member_id: str) -> dict[str, Any]:
    with db.read() as session:
        return dict(session.execute(select(members).where(members.c.id == member_id))
                    .mappings().one())


def history(db, member_id: str) -> list[tuple[str, str]]:
    with db.read() as session:
        found = session.execute(
            select(events.c.kind, events.c.event_date).where(events.c.member_id == member_id)
            .order_by(events.c.event_date, events.c.updated_at)
        )
        return [(kind, day.isoformat()) for kind, day in found]


def snapshot(db, member_id: str, org_id: str) -> dict[str, Any]:
    with db.read() as session:
        return {
            "member": member_row(db, member_id),
            "events": history(db, member_id),
            "log": session.scalar(select(func.count()).select_from(change_log)
                                  .where(change_log.c.org_id == org_id)),
            "audit": session.scalar(select(func.count()).select_from(audit_history)
                                    .where(audit_history.c.org_id == org_id)),
        }


def test_remove_restore_and_change_category(api: Api, world: World, db) -> None:
    member, org = world.members["P1a"], world.orgs["P1a"]
    event_id = new_id()
    [removed] = api.push("chair1a", command(member, org, "remove_member", on="2025-01-15",
                                            reason="voluntary", event_id=event_id))
    assert removed["status"] == "applied", removed
    row = member_row(db, member)
    assert (row["status"], row["removed_on"], row["removal_reason"]) == (
        "removed", date(2025, 1, 15), "voluntary")
    assert removed["version"] == row["version"] == 2
    [restored] = api.push("chair1a", command(member, org, "restore_member", on="2025-02-01"))
    assert restored["status"] == "applied", restored
    [changed] = api.push("chair1a", command(member, org, "change_category", on="2025-02-10",
                                            new_category="pensioner"))
    assert changed["status"] == "applied", changed
    row = member_row(db, member)
    assert (row["status"], row["removed_on"], row["removal_reason"], row["category"]) == (
        "active", None, None, "pensioner")
    assert history(db, member) == [("removed", "2025-01-15"), ("restored", "2025-02-01"),
                                   ("category_changed", "2025-02-10")]
    with db.read() as session:
        event = session.execute(select(events).where(events.c.id == event_id)).mappings().one()
        assert (event["org_id"], event["reason"], event["version"]) == (org, "voluntary", 1)
        audited = set(session.execute(
            select(audit_history.c.entity, audit_history.c.field)
            .where(audit_history.c.mutation_id == removed_id(removed))
        ))
    assert ("member", "status") in audited and ("membership_event", "kind") in audited
    # The territorial chair pulls the removal event with the member.
    changes, _, _ = api.pull_all("terr1")
    pulled = {(c["entity"], c["id"]) for c in changes}
    assert ("membership_event", event_id) in pulled and ("member", member) in pulled


def removed_id(result: dict[str, Any]) -> str:
    return result["mutation_id"]


def test_wrong_order_is_refused_and_changes_nothing(api: Api, world: World, db) -> None:
    member, org = world.members["P1b"], world.orgs["P1b"]
    before = snapshot(db, member, org)
    [restore] = api.push("chair1b", command(member, org, "restore_member", on="2025-01-10"))
    assert restore["status"] == "rejected" and "только снятого" in restore["reason"]
    assert snapshot(db, member, org) == before
    first, second = api.push(
        "chair1b",
        command(member, org, "remove_member", on="2025-01-10", reason="dismissal"),
        command(member, org, "remove_member", on="2025-01-11", reason="voluntary"),
    )
    assert first["status"] == "applied"
    assert second["status"] == "rejected" and "уже снят" in second["reason"]
    assert history(db, member) == [("removed", "2025-01-10")]
    [early] = api.push("chair1b", command(member, org, "restore_member", on="2025-01-01"))
    assert early["status"] == "rejected" and "раньше" in early["reason"]
    [future] = api.push("chair1b", command(member, org, "restore_member", on="2999-01-01"))
    assert future["status"] == "rejected" and "будущем" in future["reason"]


def test_bad_arguments_and_field_edits_are_refused(api: Api, world: World, db) -> None:
    member, org = world.members["P2"], world.orgs["P2"]
    before = snapshot(db, member, org)
    results = api.push(
        "chair2",
        command(member, org, "remove_member", on="2025-01-10"),
        command(member, org, "remove_member", on="вчера", reason="voluntary"),
        command(member, org, "remove_member", on="2025-01-10", reason="voluntary", extra=1),
        command(member, org, "remove_member", on="2025-01-10", reason="no-such"),
        command(member, org, "remove_member", on="2025-01-10", reason="transfer"),
        command(member, org, "remove_member", on="2025-01-10", reason="voluntary",
                note="x" * 501),
        command(member, org, "remove_member", on="2025-01-10", reason="voluntary", note=5),
        command(member, org, "change_category", on="2025-01-10", new_category="working"),
        command(member, org, "fly_to_the_moon"),
        {**command(member, org, "restore_member", on="2025-01-10"), "entity": "organisation"},
        {"mutation_id": new_id(), "entity": "member", "entity_id": member, "org_id": org,
         "op": "update", "fields": {"status": "removed"}, "base": {"status": "active"},
         "base_version": 1},
    )
    assert all(r["status"] == "rejected" and r["reason"] for r in results), results
    assert snapshot(db, member, org) == before


def test_removal_and_restoration_keep_the_comment_in_the_history(
        api: Api, world: World, db) -> None:
    member, org = world.members["P1b"], world.orgs["P1b"]
    removal, restoration = new_id(), new_id()
    results = api.push(
        "chair1b",
        command(member, org, "remove_member", on="2025-01-10", reason="expelled",
                note="  решение профкома, протокол № 3 ", event_id=removal),
        command(member, org, "restore_member", on="2025-02-10", note="", event_id=restoration),
    )
    assert [r["status"] for r in results] == ["applied", "applied"], results
    with db.read() as session:
        notes = dict(session.execute(select(events.c.id, events.c.note).where(
            events.c.id.in_([removal, restoration]))).all())
        audited = session.scalar(select(audit_history.c.new_value).where(
            audit_history.c.entity_id == removal, audit_history.c.field == "note"))
    assert notes == {removal: "решение профкома, протокол № 3", restoration: None}
    assert audited == "решение профкома, протокол № 3"


def test_out_of_scope_member_is_refused_like_a_missing_one(api: Api, world: World, db) -> None:
    member, org = world.members["P3"], world.orgs["P3"]
    before = snapshot(db, member, org)
    own = world.orgs["P1a"]
    outside, missing, forged = api.push(
        "terr1",
        command(member, org, "remove_member", on="2025-01-10", reason="voluntary"),
        command(new_id(), own, "remove_member", on="2025-01-10", reason="voluntary"),
        command(member, own, "remove_member", on="2025-01-10", reason="voluntary"),
    )
    for result in (outside, missing, forged):
        assert (result["status"], result["reason"]) == ("rejected", NOT_FOUND)
    assert snapshot(db, member, org) == before


def test_a_repeated_command_applies_once(api: Api, world: World, db) -> None:
    member, org = world.members["P2"], world.orgs["P2"]
    mutation_id = new_id()
    sent = command(member, org, "change_category", mutation_id, on="2025-01-10",
                   new_category="student")
    [first] = api.push("terr2", sent)
    after = snapshot(db, member, org)
    [again] = api.push("terr2", sent)
    assert first["status"] == "applied"
    assert again["status"] == "duplicate" and again["original_status"] == "applied"
    assert snapshot(db, member, org) == after
    assert history(db, member) == [("category_changed", "2025-01-10")]
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(applied_mutations).where(
            applied_mutations.c.mutation_id == mutation_id)) == 1


def test_removal_cancels_a_live_card(api: Api, world: World, db) -> None:
    member, org = world.members["P1a"], world.orgs["P1a"]
    live, lost = new_id(), new_id()
    with db.write() as session:
        for card_id, status in ((live, "issued"), (lost, "lost")):
            insert_entity(session, "card", {"id": card_id, "org_id": org, "member_id": member,
                                            "status": status, "number": card_id[:8]})
    event_id = new_id()
    [result] = api.push("chair1a", command(member, org, "remove_member", on="2025-01-15",
                                           reason="voluntary", event_id=event_id))
    assert result["status"] == "applied", result
    with db.read() as session:
        statuses = {card_id: status for card_id, status in session.execute(
            select(cards.c.id, cards.c.status).where(cards.c.member_id == member))}
        assert statuses == {live: "cancelled", lost: "lost"}
        change = session.execute(select(status_changes).where(
            status_changes.c.card_id == live)).mappings().one()
    assert change["id"] == card_cancel_id(event_id, live)
    assert change["status"] == "cancelled"
    changes, _, _ = api.pull_all("chair1a")
    assert ("card_status_change", change["id"]) in {(c["entity"], c["id"]) for c in changes}

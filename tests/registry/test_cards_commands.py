"""ЭПБ on the registry: draft lines as plain creates, submission and steps as commands; the
guard refuses anything that would bypass the state machine, whatever a client sends."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from chairclient.services.card_rules import next_processing_date, submit_change_id
from registry.auth import now_utc
from registry.commands.writes import server_today
from registry.models import audit_history, change_log
from registry.rules import NOT_FOUND
from registry.seed import insert_entity
from tests.registry.card_helpers import (
    add_member,
    cards,
    changes,
    consents,
    draft_mutations,
    give_consent,
    history,
    requests,
    row,
    step,
    submit,
)
from tests.registry.helpers import Api, create, delete, update
from tests.registry.test_bad_input import changed_tables, dump
from tests.registry.world import World, new_id

TODAY = date.today()


def _produce(db, card_id: str, number: str) -> None:
    """What the batch does to one card (tested in test_cards_batch)."""
    with db.write() as session:
        session.execute(cards.update().where(cards.c.id == card_id)
                        .values(status="produced", number=number))
        insert_entity(session, "card_status_change", {
            "id": new_id(), "org_id": row(db, cards, card_id)["org_id"], "card_id": card_id,
            "status": "produced", "changed_at": now_utc()})


def test_draft_submit_and_steps(api: Api, world: World, db) -> None:
    org = world.orgs["P1a"]
    first, second = world.members["P1a"], add_member(db, world, "P1a")
    give_consent(db, first, org)
    request_id, mutations, card_ids = draft_mutations(org, [first, second])
    assert {r["status"] for r in api.push("chair1a", *mutations)} == {"applied"}
    assert row(db, requests, request_id)["state"] == "draft"
    [result] = api.push("chair1a", submit(request_id, org))
    assert result["status"] == "applied", result
    request = row(db, requests, request_id)
    assert request["state"] == "submitted"
    assert request["processing_date"] == next_processing_date(server_today(now_utc()))
    for card_id in card_ids:
        assert row(db, cards, card_id)["status"] == "ordered"
        assert history(db, card_id) == ["in_request", "ordered"]
        change = row(db, changes, submit_change_id(request_id, card_id))
        assert change["status"] == "ordered"
    # ЗАКАЗАН → ВЫДАН skips steps: refused, nothing changed
    [jump] = api.push("chair1a", step(card_ids[0], org, "issued", TODAY))
    assert jump["status"] == "rejected" and "ЗАКАЗАН" in jump["reason"], jump
    _produce(db, card_ids[0], "9643000000099990")
    # shipped is regional: the primary chair is refused, the regional user is not
    [chair] = api.push("chair1a", step(card_ids[0], org, "shipped", TODAY))
    assert chair["status"] == "rejected" and "региональн" in chair["reason"], chair
    assert row(db, cards, card_ids[0])["status"] == "produced"
    [shipped] = api.push("region", step(card_ids[0], org, "shipped", TODAY))
    assert shipped["status"] == "applied", shipped
    [received] = api.push("chair1a", step(card_ids[0], org, "received", TODAY))
    assert received["status"] == "applied", received
    mark = step(card_ids[0], org, "issued", TODAY)
    [issued] = api.push("chair1a", mark)
    assert issued["status"] == "applied", issued
    card = row(db, cards, card_ids[0])
    assert (card["status"], card["issued_on"]) == ("issued", TODAY)
    assert row(db, changes, mark["fields"]["change_id"])["status"] == "issued"
    assert history(db, card_ids[0]) == ["in_request", "ordered", "produced", "shipped",
                                        "received", "issued"]
    with db.read() as session:
        audited = session.execute(
            select(audit_history.c.old_value, audit_history.c.new_value).where(
                audit_history.c.entity_id == card_ids[0], audit_history.c.field == "status")
            .order_by(audit_history.c.id)).all()
        assert [tuple(a) for a in audited] == [
            (None, "in_request"), ("in_request", "ordered"), ("produced", "shipped"),
            ("shipped", "received"), ("received", "issued")]
        logged = session.scalar(select(func.count()).select_from(change_log).where(
            change_log.c.entity_id == card_ids[0]))
        assert logged == 1
    # a reused change id, a malformed date, a date in the future, a lost card re-issued
    [reused] = api.push("chair1a", {**step(card_ids[0], org, "lost", TODAY),
                                    "fields": {**mark["fields"], "status": "lost"}})
    assert reused["status"] == "rejected", reused
    [bad_date] = api.push("chair1a", step(card_ids[0], org, "lost", "2026-13-45"))
    assert bad_date["status"] == "rejected" and "on" in bad_date["reason"], bad_date
    [future] = api.push("chair1a", step(card_ids[0], org, "lost", TODAY + timedelta(days=30)))
    assert future["status"] == "rejected" and "будущем" in future["reason"], future
    [lost] = api.push("chair1a", step(card_ids[0], org, "lost", TODAY))
    assert lost["status"] == "applied", lost
    request2, again, [new_card] = draft_mutations(org, [first])
    again[1]["fields"]["replaces_id"] = card_ids[0]
    assert {r["status"] for r in api.push("chair1a", *again)} == {"applied"}
    assert row(db, cards, new_card)["replaces_id"] == card_ids[0]


def test_out_of_scope_request_is_not_found_and_nothing_changes(api: Api, world: World, db):
    org = world.orgs["P1a"]
    give_consent(db, world.members["P1a"], org)
    request_id, mutations, [card_id] = draft_mutations(org, [world.members["P1a"]])
    api.push("chair1a", *mutations)
    api.headers("chair1b"), api.headers("chair2")
    before = dump(db)
    [submitted] = api.push("chair1b", submit(request_id, org))
    assert (submitted["status"], submitted["reason"]) == ("rejected", NOT_FOUND)
    [stepped] = api.push("chair2", step(card_id, org, "received", TODAY))
    assert (stepped["status"], stepped["reason"]) == ("rejected", NOT_FOUND)
    assert changed_tables(before, dump(db)) == set()  # refusals are remembered, not applied
    # a line of chair1b's draft for a member of another organisation
    _, foreign, _ = draft_mutations(world.orgs["P1b"], [world.members["P1a"]])
    assert [r["status"] for r in api.push("chair1b", *foreign)] == ["applied", "rejected",
                                                                     "rejected"]
    assert row(db, requests, request_id)["state"] == "draft"


def test_ineligible_members_are_refused_even_when_the_client_is_bypassed(
    api: Api, world: World, db
) -> None:
    org = world.orgs["P2"]
    no_consent = world.members["P2"]
    incomplete = add_member(db, world, "P2", workplace=None)
    removed = add_member(db, world, "P2", status="removed", removed_on="2025-01-10",
                         removal_reason="voluntary")
    fine = add_member(db, world, "P2")
    request_id, mutations, _ = draft_mutations(org, [no_consent, incomplete, removed, fine,
                                                     fine])
    results = api.push("chair2", *mutations)
    assert results[0]["status"] == "applied"  # the request, then a card and its status row each
    verdicts = [r["status"] for r in results[1::2]]
    assert verdicts == ["rejected", "rejected", "rejected", "applied", "rejected"]
    reasons = [r.get("reason") or "" for r in results[1::2][:3]]
    assert "согласия" in reasons[0] and "не полностью" in reasons[1], reasons
    assert "снят с учёта" in reasons[2], reasons
    assert "уже есть ЭПБ" in results[9]["reason"], results[9]  # the member twice
    assert results[10]["status"] == "rejected"  # no status row for a card that is not there
    # a second live card in another request, and a card that is not a draft line
    _, second, _ = draft_mutations(org, [fine])
    assert api.push("chair2", *second)[1]["status"] == "rejected"
    skipped = create("card", new_id(), org, {"member_id": fine, "status": "issued",
                                              "request_id": request_id, "number": "1"})
    refused = api.push("chair2", skipped)[0]
    assert refused["status"] == "rejected" and "В ЗАЯВКЕ" in refused["reason"], refused


def test_submit_rechecks_every_line(api: Api, world: World, db) -> None:
    org = world.orgs["P3"]
    member = add_member(db, world, "P3", last_name="Петрова")
    request_id, mutations, [card_id] = draft_mutations(org, [member])
    api.push("chair3", *mutations)
    with db.write() as session:  # the consent is revoked after the line was added
        session.execute(consents.update().where(consents.c.member_id == member)
                        .values(revoked_on=TODAY))
    [refused] = api.push("chair3", submit(request_id, org))
    assert refused["status"] == "rejected" and "Петрова" in refused["reason"], refused
    assert row(db, requests, request_id)["state"] == "draft"
    assert row(db, cards, card_id)["status"] == "in_request"
    empty_id, empty, _ = draft_mutations(org, [])
    api.push("chair3", *empty)
    [nothing] = api.push("chair3", submit(empty_id, org))
    assert nothing["status"] == "rejected" and "нет ни одного" in nothing["reason"]


def test_plain_edits_of_the_lifecycle_are_refused(api: Api, world: World, db) -> None:
    org = world.orgs["P1b"]
    member = add_member(db, world, "P1b")
    keep = add_member(db, world, "P1b")
    request_id, mutations, [card_id, kept] = draft_mutations(org, [member, keep])
    api.push("chair1b", *mutations)
    [status] = api.push("chair1b", update("card", card_id, org, {"status": "issued"},
                                          {"status": "in_request"}))
    assert status["status"] == "rejected" and "действиями" in status["reason"], status
    [state] = api.push("chair1b", update("card_request", request_id, org,
                                         {"state": "submitted"}, {"state": "draft"}))
    assert state["status"] == "rejected" and "отправкой" in state["reason"], state
    [late] = api.push("chair1b", create("card_status_change", new_id(), org, {
        "card_id": card_id, "status": "received", "changed_at": "2026-01-01T10:00:00"}))
    assert late["status"] == "rejected", late
    [submitted_request] = api.push("chair1b", create("card_request", new_id(), org,
                                                     {"state": "submitted"}))
    assert submitted_request["status"] == "rejected", submitted_request
    # a line leaves the draft; after submission nothing may be deleted
    [removed] = api.push("chair1b", delete("card", card_id, org))
    assert removed["status"] == "applied", removed
    assert api.push("chair1b", submit(request_id, org))[0]["status"] == "applied"
    [line] = api.push("chair1b", delete("card", kept, org, base_version=2))
    assert line["status"] == "rejected" and "черновике" in line["reason"], line
    [whole] = api.push("chair1b", delete("card_request", request_id, org, base_version=2))
    assert whole["status"] == "rejected", whole
    assert row(db, cards, kept)["deleted"] is False

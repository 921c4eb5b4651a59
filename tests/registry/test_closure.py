"""Closing an organisation over real HTTP: liquidation and merger keep every member in the
registry and visible to the superiors and the administrator (pull contents checked), the
closed organisation is read-only and out of its own chair's reach, only its superior may
close it (anyone else: «not found»), and only the administrator may reopen it."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from chairclient.domain.closure import CLOSED, closure_event_id
from chairclient.services.lifecycle_rules import CARD_CANCEL_NOTE
from registry.models import ENTITY_TABLES
from registry.rules import NOT_FOUND
from registry.seed import insert_entity
from tests.registry.closure_helpers import close, gone, live, org_row, pulled, reopen, rows_of
from tests.registry.helpers import Api, create, update
from tests.registry.transfer_helpers import add_belongings, add_person, history, member_row
from tests.registry.world import World, member_values, new_id

ON = "2025-03-03"


def _people(db, world: World, org: str) -> tuple[list[dict], dict, dict]:
    """Two members with a consent, an issued card and an office, and one removed earlier."""
    people = [add_person(db, world, org) for _ in range(2)]
    owned = {p["id"]: add_belongings(db, p) for p in people}
    left = add_person(db, world, org, status="removed", removed_on="2024-02-01",
                      removal_reason="voluntary")
    return people, owned, left


def test_liquidation_removes_members_and_keeps_them_visible(api: Api, world: World, db) -> None:
    p1b = world.orgs["P1b"]
    people, owned, left = _people(db, world, "P1b")
    active = [p["id"] for p in people] + [world.members["P1b"]]
    _, terr_cursors = pulled(api, "terr1")
    mutation = close(p1b, "liquidation", ON, note="Решение конференции № 3")
    [done] = api.push("terr1", mutation)
    assert done["status"] == "applied", done
    org = org_row(db, p1b)
    assert (org["closed_on"], org["closure_kind"], org["merged_into_id"], org["deleted"]) == (
        date(2025, 3, 3), "liquidation", None, False)
    assert org["closure_note"] == "Решение конференции № 3"
    for member_id in active:
        row = member_row(db, member_id)
        assert (row["status"], row["removal_reason"], row["removed_on"], row["org_id"]) == (
            "removed", "liquidation", date(2025, 3, 3), p1b)
        removal = closure_event_id(mutation["mutation_id"], member_id)
        event = rows_of(db, "membership_event", p1b)[removal]
        assert (event["kind"], event["reason"], event["event_date"]) == (
            "removed", "liquidation", date(2025, 3, 3))
    assert member_row(db, left["id"])["removal_reason"] == "voluntary"  # untouched
    for member_id, ids in owned.items():
        card = rows_of(db, "card", p1b)[ids["card"]]
        assert card["status"] == "cancelled"
        changes = ENTITY_TABLES["card_status_change"]
        with db.read() as session:
            notes = set(session.scalars(select(changes.c.note).where(
                changes.c.card_id == ids["card"])))
        assert CARD_CANCEL_NOTE in notes, member_id
    # Everyone is still there for the superiors and the administrator.
    for login in ("terr1", "region", "admin"):
        changes, _ = pulled(api, login)
        members = live(changes, "member", p1b)
        assert set(active) | {left["id"]} <= set(members), login
        assert all(members[m]["status"] == "removed" for m in active)
        assert live(changes, "organisation", p1b)[p1b]["closed_on"] == ON
        assert p1b in api.meta(login)["scope"]
    later, _ = pulled(api, "terr1", terr_cursors)
    assert set(active) <= set(live(later, "member", p1b)) and not gone(later, "member", p1b)
    # Its own chair has no access any more; the superior reads but may not write.
    assert p1b not in api.meta("chair1b")["scope"]
    assert p1b in api.pull("chair1b", {p1b: 0})["revoked"]
    edit = update("member", active[0], p1b, {"note": "x"}, {"note": None}, base_version=2)
    [by_terr] = api.push("terr1", edit)
    [by_chair] = api.push("chair1b", {**edit, "mutation_id": new_id()})
    [new_card] = api.push("terr1", create("member", new_id(), p1b, member_values()))
    [passport] = api.push("terr1", update("organisation", p1b, p1b, {"phone": "+74951234567"},
                                          {"phone": None}))
    [removal] = api.push("terr1", {**close(p1b, "x", ON), "entity": "member",
                                   "entity_id": left["id"],
                                   "fields": {"command": "restore_member", "on": ON}})
    assert by_terr["reason"] == new_card["reason"] == passport["reason"] == CLOSED
    assert removal["reason"] == CLOSED, removal
    assert by_chair["reason"] == NOT_FOUND, by_chair
    # Nor does it take new logins: a position there would give nothing.
    login = api.http.post("/api/v1/users", headers=api.headers("terr1"), json={
        "login": f"closed-{world.suffix}", "full_name": "Петрова Мария Ивановна",
        "org_id": p1b, "role": "primary"})
    assert login.status_code == 400 and "закрыта" in login.json()["detail"], login.text
    options = api.http.get("/api/v1/users/options", headers=api.headers("terr1")).json()
    assert p1b not in {o["org_id"] for o in options["orgs"]}


def test_merger_moves_members_with_history_consents_and_cards(api: Api, world: World, db) -> None:
    p1a, p1b = world.orgs["P1a"], world.orgs["P1b"]
    people, owned, left = _people(db, world, "P1b")
    active = [p["id"] for p in people] + [world.members["P1b"]]
    _, terr_cursors = pulled(api, "terr1")
    _, chair_cursors = pulled(api, "chair1a")
    mutation = close(p1b, "merger", ON, merged_into_id=p1a)
    [done] = api.push("terr1", mutation)
    assert done["status"] == "applied", done
    org = org_row(db, p1b)
    assert (org["closed_on"], org["closure_kind"], org["merged_into_id"]) == (
        date(2025, 3, 3), "merger", p1a)
    for member_id in active:
        row = member_row(db, member_id)
        assert (row["org_id"], row["status"], row["registration_method"]) == (
            p1a, "active", "transfer")
        assert row["member_since"] == date(2010, 9, 1)
        assert row["registered_on"] == date(2025, 3, 3)
        kinds = history(db, member_id)
        assert (p1b, "transferred_out") in kinds and (p1a, "transferred_in") in kinds
    assert history(db, people[0]["id"])[0] == (p1a, "joined")  # moved with them, pinned
    assert member_row(db, left["id"])["org_id"] == p1b  # a past member stays where they left
    for ids in owned.values():
        for entity, row_id in ids.items():
            row = rows_of(db, entity, p1a)[row_id]
            assert not row["deleted"], entity
        assert rows_of(db, "card", p1a)[ids["card"]]["status"] == "issued"
        assert rows_of(db, "member_role", p1a)[ids["member_role"]]["until"] == date(2025, 3, 3)
    # The receiving chair gets the members with everything they own.
    arrived, _ = pulled(api, "chair1a", chair_cursors)
    assert set(active) <= set(live(arrived, "member", p1a))
    for entity in ("consent", "card", "card_status_change", "member_role"):
        assert {ids[entity] for ids in owned.values()} <= set(live(arrived, entity, p1a))
    # The superior sees the moves; the closed organisation keeps the «transferred_out» records.
    later, _ = pulled(api, "terr1", terr_cursors)
    assert set(active) <= gone(later, "member", p1b)
    assert set(active) <= set(live(later, "member", p1a))
    outs = {e["member_id"] for e in live(later, "membership_event", p1b).values()
            if e["kind"] == "transferred_out"}
    assert outs == set(active)
    assert live(later, "organisation", p1b)[p1b]["merged_into_id"] == p1a
    for login in ("admin", "region"):
        changes, _ = pulled(api, login)
        assert set(active) <= set(live(changes, "member", p1a))
        assert left["id"] in live(changes, "member", p1b)
        assert live(changes, "organisation", p1b)[p1b]["closure_kind"] == "merger"
    counts = api.meta("admin")["counts"]
    assert counts[p1a]["member"] == len(rows_of(db, "member", p1a))
    assert counts[p1b]["member"] == 1


def test_only_the_superior_may_close(api: Api, world: World, db) -> None:
    p1a, p1b, p2 = world.orgs["P1a"], world.orgs["P1b"], world.orgs["P2"]
    before = (org_row(db, p1a), member_row(db, world.members["P1a"]))
    for login in ("chair1a", "chair1b", "terr2", "chair3"):
        [refused] = api.push(login, close(p1a, "liquidation", ON))
        assert refused["reason"] == NOT_FOUND, login
    [missing] = api.push("terr1", close(new_id(), "liquidation", ON))
    assert missing["reason"] == NOT_FOUND
    cases = {
        ("terr1", "merger", p2): "не найдена",  # not under the caller at all
        ("region", "merger", p2): "той же вышестоящей",  # seen, but under another superior
        ("terr1", "merger", p1a): "не найдена",  # itself
        ("terr1", "merger", None): "не найдена",
        ("terr1", "sale", None): "способ закрытия",
    }
    for (login, kind, target), words in cases.items():
        args = {"merged_into_id": target} if target else {}
        [refused] = api.push(login, close(p1a, kind, ON, **args))
        assert refused["status"] == "rejected" and words in refused["reason"], refused
    [future] = api.push("terr1", close(p1a, "liquidation", "2999-01-01"))
    [early] = api.push("terr1", close(p1a, "liquidation", "2015-08-31"))
    [children] = api.push("region", close(world.orgs["T1"], "liquidation", ON))
    [top] = api.push("admin", close(world.orgs["C"], "liquidation", ON))
    [extra] = api.push("terr1", close(p1a, "liquidation", ON, members="all"))
    assert "будущем" in future["reason"] and "01.09.2015" in early["reason"]
    assert "подчинённые" in children["reason"] and "верхнего уровня" in top["reason"]
    assert "аргумент" in extra["reason"]
    # A closed organisation takes no members.
    [closed] = api.push("terr1", close(p1b, "liquidation", ON))
    assert closed["status"] == "applied", closed
    [into_closed] = api.push("terr1", close(p1a, "merger", ON, merged_into_id=p1b))
    [again] = api.push("terr1", close(p1b, "liquidation", ON))
    assert "не найдена" in into_closed["reason"] and "уже закрыта" in again["reason"]
    # A draft card request would lose its lines: sent or emptied first (by the superior too).
    with db.write() as session:
        insert_entity(session, "card", {"id": new_id(), "org_id": p1a, "status": "in_request",
                                        "member_id": world.members["P1a"]})
    [draft] = api.push("terr1", close(p1a, "merger", ON, merged_into_id=new_id()))
    assert "черновике заявки" in draft["reason"], draft
    # A transfer request waiting for its decision: decided or withdrawn first.
    with db.write() as session:
        insert_entity(session, "transfer_request", {
            "id": new_id(), "org_id": p1a, "request_id": new_id(), "side": "sender",
            "state": "pending", "member_id": world.members["P1a"], "person_label": "И. А. П.",
            "other_org_id": world.orgs["P3"], "transfer_date": date(2025, 3, 1),
            "requested_at": datetime(2025, 3, 1, 10)})
    [waiting] = api.push("terr1", close(p1a, "liquidation", ON))
    assert "запросы на перевод" in waiting["reason"], waiting
    assert org_row(db, p1a) == before[0]
    assert member_row(db, world.members["P1a"]) == before[1]


def test_only_the_administrator_reopens(api: Api, world: World, db) -> None:
    p1b = world.orgs["P1b"]
    [closed] = api.push("terr1", close(p1b, "liquidation", ON))
    assert closed["status"] == "applied", closed
    closed_row = org_row(db, p1b)
    [by_chair] = api.push("chair1b", reopen(p1b))
    [by_other] = api.push("terr2", reopen(p1b))
    assert by_chair["reason"] == by_other["reason"] == NOT_FOUND
    for login in ("terr1", "region"):
        [refused] = api.push(login, reopen(p1b))
        assert "администратор" in refused["reason"], refused
    assert org_row(db, p1b) == closed_row
    [done] = api.push("admin", reopen(p1b, note="Ошибочное закрытие"))
    assert done["status"] == "applied", done
    org = org_row(db, p1b)
    assert (org["closed_on"], org["closure_kind"], org["merged_into_id"]) == (None, None, None)
    [again] = api.push("admin", reopen(p1b))
    assert "не закрыта" in again["reason"]
    # Its chair is back, the members stay removed until restored one by one.
    assert p1b in api.meta("chair1b")["scope"]
    changes, _ = pulled(api, "chair1b")
    member = live(changes, "member", p1b)[world.members["P1b"]]
    assert (member["status"], member["removal_reason"]) == ("removed", "liquidation")
    [edit] = api.push("chair1b", update("organisation", p1b, p1b, {"phone": "+74951234567"},
                                        {"phone": None}, base_version=org["version"]))
    assert edit["status"] == "applied", edit

"""Builders for the lookup and transfer tests: people with a unique СНИЛС and surname."""

from __future__ import annotations

import random
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from chairclient.validation import normalise_snils, snils_control
from registry.db import Database
from registry.models import ENTITY_TABLES, audit_history, change_log, members
from registry.seed import insert_entity
from tests.registry.world import World, member_values, new_id

events = ENTITY_TABLES["membership_event"]
_LETTERS = "абвгдежзиклмнопрстуфхцчшэюя"


def fresh_snils() -> str:
    number = f"{random.randint(2_000_000, 999_999_999):09d}"
    return normalise_snils(number + snils_control(number))


def fresh_surname() -> str:
    return "Тест" + "".join(random.choice(_LETTERS) for _ in range(8))


def add_person(db: Database, world: World, org: str, **over: Any) -> dict[str, Any]:
    """A member of ``world.orgs[org]`` with a «joined» event; returns its wire values + id."""
    values = member_values(**{"snils": fresh_snils(), "last_name": fresh_surname(), **over})
    member_id = new_id()
    row = dict(values)
    for key in ("birth_date", "member_since", "registered_on", "removed_on"):
        if row.get(key):
            row[key] = date.fromisoformat(row[key])
    with db.write() as session:
        insert_entity(session, "member", {**row, "id": member_id, "org_id": world.orgs[org]})
        insert_entity(session, "membership_event", {
            "id": new_id(), "org_id": world.orgs[org], "member_id": member_id, "kind": "joined",
            "event_date": row["registered_on"], "registration_method": "application"})
    return {**values, "id": member_id, "org_id": world.orgs[org]}


def add_belongings(db: Database, member: dict[str, Any]) -> dict[str, str]:
    """A consent, an issued card with its status history and an open union role."""
    ids = {name: new_id() for name in ("consent", "card", "card_status_change", "member_role")}
    org, member_id = member["org_id"], member["id"]
    with db.write() as session:
        insert_entity(session, "consent", {
            "id": ids["consent"], "org_id": org, "member_id": member_id,
            "signed_on": date(2024, 5, 1), "template_version": "2025-09"})
        insert_entity(session, "card", {
            "id": ids["card"], "org_id": org, "member_id": member_id, "status": "issued",
            "number": ids["card"][:12].replace("-", "1")})
        insert_entity(session, "card_status_change", {
            "id": ids["card_status_change"], "org_id": org, "card_id": ids["card"],
            "status": "issued", "changed_at": datetime(2024, 6, 1)})
        insert_entity(session, "member_role", {
            "id": ids["member_role"], "org_id": org, "member_id": member_id,
            "role": "committee_member", "since": date(2020, 1, 1)})
    return ids


def transfer(member_id: str, org_id: str, name: str = "transfer_in", **args: Any) -> dict:
    return {
        "mutation_id": new_id(), "entity": "member", "entity_id": member_id, "org_id": org_id,
        "op": "command", "fields": {"command": name, **args}, "base": {}, "base_version": 0,
    }


def lookup(api: Any, login: str, *queries: dict[str, Any]):
    return api.http.post("/api/v1/members/lookup", json={"queries": list(queries)},
                         headers=api.headers(login))


def member_row(db: Database, member_id: str) -> dict[str, Any]:
    with db.read() as session:
        return dict(session.execute(
            select(members).where(members.c.id == member_id)).mappings().one())


def history(db: Database, member_id: str) -> list[tuple[str, str]]:
    """(org id, kind) of the member's events, oldest first."""
    with db.read() as session:
        return [(org, kind) for org, kind in session.execute(
            select(events.c.org_id, events.c.kind).where(events.c.member_id == member_id)
            .order_by(events.c.event_date, events.c.kind))]


def snapshot(db: Database, member_id: str, *org_ids: str) -> dict[str, Any]:
    with db.read() as session:
        return {
            "member": member_row(db, member_id),
            "events": history(db, member_id),
            "log": session.scalar(select(func.count()).select_from(change_log)
                                  .where(change_log.c.org_id.in_(org_ids))),
            "audit": session.scalar(select(func.count()).select_from(audit_history)
                                    .where(audit_history.c.org_id.in_(org_ids))),
        }


def handle_of(api: Any, login: str, snils: str) -> str:
    """The handle ``login``'s lookup of ``snils`` answers (its first match)."""
    answer = lookup(api, login, {"snils": snils})
    assert answer.status_code == 200, answer.text
    return answer.json()["results"][0]["matches"][0]["handle"]


def request(request_id: str, org_id: str, name: str = "request_transfer", **args: Any) -> dict:
    """A transfer-request command on the copy ``request_id`` of organisation ``org_id``."""
    return {
        "mutation_id": new_id(), "entity": "transfer_request", "entity_id": request_id,
        "org_id": org_id, "op": "command", "fields": {"command": name, **args}, "base": {},
        "base_version": 0,
    }


def pulled_text(api: Any, login: str, cursors: dict | None = None) -> tuple[str, dict]:
    """Everything ``login``'s pull from ``cursors`` brings, as one JSON text, and the cursors."""
    import json

    changes, cursors, _ = api.pull_all(login, cursors)
    return json.dumps(changes, ensure_ascii=False), cursors


def copies(db: Database, request_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the sender's copy, the receiver's copy) of transfer request ``request_id``."""
    from chairclient.domain.transfers import sender_copy_id

    table = ENTITY_TABLES["transfer_request"]
    with db.read() as session:
        rows = {row["id"]: dict(row) for row in session.execute(
            select(table).where(table.c.request_id == request_id)).mappings()}
    return rows[sender_copy_id(request_id)], rows[request_id]

"""ЭПБ test helpers: consents, members, draft requests as a client pushes them, commands, and a
fresh registry per module (batches and feeds are registry-wide: their tests need their own)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from chairclient.services.card_rules import CARD_STEP, SUBMIT_REQUEST
from registry.auth import now_utc
from registry.db import Database
from registry.models import ENTITY_TABLES
from registry.seed import insert_entity
from tests.registry.conftest import Running, serve_registry
from tests.registry.helpers import Api, create
from tests.registry.servers import PostgresCluster
from tests.registry.world import World, member_values, new_id

cards = ENTITY_TABLES["card"]
changes = ENTITY_TABLES["card_status_change"]
requests = ENTITY_TABLES["card_request"]
consents = ENTITY_TABLES["consent"]


def fresh_registry(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                   ) -> Iterator[Running]:
    """A registry of its own on loopback (SQLite file, or a new PostgreSQL database)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('cards') / 'registry.sqlite'}"
    else:
        cluster: PostgresCluster = request.getfixturevalue("pg_cluster")
        url = cluster.create_database(f"cards_{uuid.uuid4().hex[:10]}")
    yield from serve_registry(request.param, url)


def add_member(db: Database, world: World, org: str, *, consent: bool = True,
               **overrides: Any) -> str:
    """A complete member of ``org`` (with a live consent unless told otherwise)."""
    member_id = new_id()
    values = member_values(**overrides)
    for key in ("birth_date", "member_since", "registered_on", "removed_on"):
        if isinstance(values.get(key), str):
            values[key] = date.fromisoformat(values[key])
    with db.write() as session:
        insert_entity(session, "member", {**values, "id": member_id, "org_id": world.orgs[org]})
    if consent:
        give_consent(db, member_id, world.orgs[org])
    return member_id


def give_consent(db: Database, member_id: str, org_id: str,
                 signed_on: date = date(2025, 3, 1)) -> str:
    consent_id = new_id()
    with db.write() as session:
        insert_entity(session, "consent", {
            "id": consent_id, "org_id": org_id, "member_id": member_id, "signed_on": signed_on,
            "template_version": "2025-09",
        })
    return consent_id


def draft_mutations(org_id: str, member_ids: list[str], request_id: str | None = None,
                    ) -> tuple[str, list[dict[str, Any]], list[str]]:
    """What the client's ``add_to_draft`` pushes: the request, a card and its first status row
    per member. Returns (request id, mutations, card ids)."""
    mutations: list[dict[str, Any]] = []
    if request_id is None:
        request_id = new_id()
        mutations.append(create("card_request", request_id, org_id, {"state": "draft"}))
    card_ids = []
    for member_id in member_ids:
        card_id = new_id()
        card_ids.append(card_id)
        mutations.append(create("card", card_id, org_id, {
            "member_id": member_id, "status": "in_request", "request_id": request_id}))
        mutations.append(create("card_status_change", new_id(), org_id, {
            "card_id": card_id, "status": "in_request",
            "changed_at": (now_utc() - timedelta(minutes=1)).replace(microsecond=0).isoformat()}))
    return request_id, mutations, card_ids


def command(entity: str, entity_id: str, org_id: str, name: str, **args: Any) -> dict[str, Any]:
    return {
        "mutation_id": new_id(), "entity": entity, "entity_id": entity_id, "org_id": org_id,
        "op": "command", "fields": {"command": name, **args}, "base": {}, "base_version": 0,
    }


def submit(request_id: str, org_id: str) -> dict[str, Any]:
    return command("card_request", request_id, org_id, SUBMIT_REQUEST)


def step(card_id: str, org_id: str, status: str, on: str | date) -> dict[str, Any]:
    return command("card", card_id, org_id, CARD_STEP, status=status, on=str(on),
                   change_id=new_id())


def ordered_request(api: Api, login: str, org_id: str, member_ids: list[str],
                    ) -> tuple[str, list[str]]:
    """A draft with these members, pushed and submitted: (request id, card ids)."""
    request_id, mutations, card_ids = draft_mutations(org_id, member_ids)
    results = api.push(login, *mutations, submit(request_id, org_id))
    assert all(r["status"] == "applied" for r in results), results
    return request_id, card_ids


def row(db: Database, table: Any, row_id: str) -> dict[str, Any]:
    with db.read() as session:
        return dict(session.execute(select(table).where(table.c.id == row_id)).mappings().one())


def history(db: Database, card_id: str) -> list[str]:
    with db.read() as session:
        return list(session.scalars(
            select(changes.c.status).where(changes.c.card_id == card_id,
                                           changes.c.deleted.is_(False))
            .order_by(changes.c.changed_at, changes.c.id)))

"""Builders and readers for the organisation closure tests."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from chairclient.domain.closure import CLOSE_ORGANISATION, REOPEN_ORGANISATION
from registry.db import Database
from registry.models import ENTITY_TABLES, organisations
from tests.registry.helpers import Api
from tests.registry.world import new_id


def close(org_id: str, kind: str, on: str, **args: Any) -> dict[str, Any]:
    """A ``close_organisation`` command as the client's outbox sends it."""
    return {
        "mutation_id": new_id(), "entity": "organisation", "entity_id": org_id,
        "org_id": org_id, "op": "command",
        "fields": {"command": CLOSE_ORGANISATION, "kind": kind, "on": on, **args},
        "base": {}, "base_version": 0,
    }


def reopen(org_id: str, **args: Any) -> dict[str, Any]:
    return {
        "mutation_id": new_id(), "entity": "organisation", "entity_id": org_id,
        "org_id": org_id, "op": "command", "fields": {"command": REOPEN_ORGANISATION, **args},
        "base": {}, "base_version": 0,
    }


def org_row(db: Database, org_id: str) -> dict[str, Any]:
    with db.read() as session:
        return dict(session.execute(
            select(organisations).where(organisations.c.id == org_id)).mappings().one())


def rows_of(db: Database, entity: str, org_id: str) -> dict[str, dict[str, Any]]:
    """Every row (deleted or not) of ``entity`` in ``org_id``, by id."""
    table = ENTITY_TABLES[entity]
    with db.read() as session:
        return {r["id"]: dict(r) for r in session.execute(
            select(table).where(table.c.org_id == org_id)).mappings()}


def pulled(api: Api, login: str, cursors: dict | None = None) -> tuple[list, dict]:
    """The changes of a pull from ``cursors`` (a moved row comes as a tombstone in the
    organisation it left and a live row where it is now), and the new cursors."""
    changes, cursors, _ = api.pull_all(login, cursors)
    return changes, cursors


def live(changes: list, entity: str, org_id: str) -> dict[str, dict[str, Any]]:
    """The live rows of ``entity`` in ``org_id`` a pull brought, by id."""
    return {c["id"]: c["row"] for c in changes
            if c["entity"] == entity and not c["deleted"] and c["org_id"] == org_id}


def gone(changes: list, entity: str, org_id: str) -> set[str]:
    """The ids of ``entity`` rows a pull tombstoned in ``org_id``."""
    return {c["id"] for c in changes
            if c["entity"] == entity and c["deleted"] and c["org_id"] == org_id}

"""Reading the server's and a client's rows for comparisons."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from chairclient.db.engine import Database as LocalDatabase
from chairclient.db.models import Member, OutboxEntry
from registry.db import Database
from registry.models import ENTITY_TABLES
from registry.models import members as server_members
from registry.scope import compute_scope


def server_member_ids(db: Database, org_ids: set[str]) -> set[str]:
    with db.read() as session:
        return set(
            session.scalars(
                select(server_members.c.id).where(
                    server_members.c.org_id.in_(org_ids), server_members.c.deleted.is_(False)
                )
            )
        )


def server_member(db: Database, member_id: str) -> dict[str, Any]:
    with db.read() as session:
        row = session.execute(
            select(server_members).where(server_members.c.id == member_id)
        ).mappings().one()
        return dict(row)


def server_scope(db: Database, login: str) -> set[str]:
    from registry.auth import find_user_id

    with db.read() as session:
        return set(compute_scope(session, find_user_id(session, login)).org_ids)


def local_member_ids(db: LocalDatabase, org_ids: set[str] | None = None) -> set[str]:
    with db.transaction() as session:
        query = select(Member.id).where(Member.deleted.is_(False))
        if org_ids is not None:
            query = query.where(Member.org_id.in_(org_ids))
        return set(session.scalars(query))


def local_member(db: LocalDatabase, member_id: str) -> Member:
    with db.transaction() as session:
        member = session.get(Member, member_id)
        assert member is not None
        session.expunge(member)
        return member


def outbox(db: LocalDatabase, state: str | None = None) -> list[OutboxEntry]:
    with db.transaction() as session:
        query = select(OutboxEntry).order_by(OutboxEntry.seq)
        if state is not None:
            query = query.where(OutboxEntry.state == state)
        return list(session.scalars(query))


def any_member(db: LocalDatabase, org_id: str, nth: int = 0) -> str:
    """A live member of ``org_id`` (the ``nth`` by id)."""
    with db.transaction() as session:
        found = session.scalar(
            select(Member.id).where(Member.org_id == org_id, Member.deleted.is_(False))
            .order_by(Member.id).offset(nth).limit(1)
        )
        assert found is not None
        return found


ROOT = Path(__file__).resolve().parents[2]


def server_rows(db: Database, entity: str, **where: Any) -> list[dict[str, Any]]:
    """Live registry rows of ``entity`` matching ``where`` (a list value means «one of»)."""
    table = ENTITY_TABLES[entity]
    with db.read() as session:
        query = select(table).where(table.c.deleted.is_(False))
        for name, value in where.items():
            column = table.c[name]
            query = query.where(column.in_(value) if isinstance(value, list) else column == value)
        return [dict(r) for r in session.execute(query).mappings()]


def run_registry(db: Database, *args: str) -> dict[str, Any]:
    """``python -m registry ARGS --db URL --json`` against the served database; its JSON."""
    url = db.engine.url.render_as_string(hide_password=False)
    done = subprocess.run([sys.executable, "-m", "registry", *args, "--db", url, "--json"],
                          cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def is_push(request: httpx.Request) -> bool:
    """Whether the request hands the server mutations to apply (a push, or an exchange that
    carries some): where the fault tests cut the connection."""
    path = request.url.path
    if path.endswith("/sync/push"):
        return True
    return path.endswith("/sync/exchange") and bool(json.loads(request.content)["mutations"])


def is_page(request: httpx.Request) -> bool:
    """Whether the request asks for a pull page (a pull, or an exchange with cursors)."""
    path = request.url.path
    if path.endswith("/sync/pull"):
        return True
    return (path.endswith("/sync/exchange")
            and json.loads(request.content).get("cursors") is not None)

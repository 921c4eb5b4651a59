"""Closing a large organisation on a PostgreSQL registry: liquidation and merger of an
organisation of 5,000 members (each with a history event, a consent, an issued ЭПБ with its
status history; one in ten with a union office), each one push of one command, which the
registry runs in one transaction.

``python -m bench.closure_cases [--members N] [--sqlite]`` runs it alone and prints the table.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bench.results import Result, table
from chairclient.domain.closure import CLOSE_ORGANISATION
from registry.auth import create_user, now_utc
from registry.db import Database, init_db, open_database
from registry.models import members
from registry.push import push
from registry.seed import insert_entities
from sync.protocol import Mutation

MEMBERS = 5_000
#: Reasonable for a person waiting on a sync (the client's read timeout is 30 s).
FLOOR_S, TARGET_S = 30.0, 10.0
ON = date(2025, 3, 3)


def _uuid(n: int, kind: int) -> str:
    return f"{kind:08x}-0000-4000-8000-{n:012x}"


def _org(org_id: str, parent: str | None, level: str, code: str) -> dict[str, Any]:
    return {"id": org_id, "org_id": org_id, "parent_id": parent, "level": level, "code": code,
            "full_name": f"Организация {code}", "short_name": f"Орг {code}",
            "kind": "workers" if level == "primary" else None}


def build(db: Database, count: int) -> dict[str, str]:
    """A territorial organisation with two large primaries («liquidated», «merged») and the
    receiving one; returns their ids and the territorial chair's user id."""
    orgs = {"T": _uuid(1, 1), "L": _uuid(2, 1), "M": _uuid(3, 1), "R": _uuid(4, 1)}
    now = now_utc()
    with db.write() as session:
        insert_entities(session, "organisation", [_org(orgs["T"], None, "territorial", "T")],
                        now)
        insert_entities(session, "organisation", [
            _org(orgs[name], orgs["T"], "primary", name) for name in ("L", "M", "R")], now)
        for base, name in ((0, "L"), (count, "M")):
            _members(session, orgs[name], base, count, now)
        user = create_user(session, "bench-terr", "bench-password-1", [(orgs["T"], "territorial")],
                           must_change_password=False)
    orgs["user"] = user
    return orgs


def _members(session: Any, org_id: str, base: int, count: int, now: datetime) -> None:
    rows: dict[str, list[dict[str, Any]]] = {e: [] for e in (
        "member", "membership_event", "consent", "card", "card_status_change", "member_role")}
    for i in range(base, base + count):
        member = _uuid(i, 2)
        rows["member"].append({
            "id": member, "org_id": org_id, "last_name": "Иванова", "first_name": "Анна",
            "birth_date": date(1980, 1, 1), "sex": "F", "category": "working",
            "member_since": date(2010, 9, 1), "registered_on": date(2015, 9, 1),
            "registration_method": "application", "status": "active", "workplace": "Школа",
            "position_code": "teacher", "education_level": "higher_bachelor",
            "dues_form": "cashless", "snils": None})
        rows["membership_event"].append({
            "id": _uuid(i, 3), "org_id": org_id, "member_id": member, "kind": "joined",
            "event_date": date(2015, 9, 1), "registration_method": "application"})
        rows["consent"].append({"id": _uuid(i, 4), "org_id": org_id, "member_id": member,
                                "signed_on": date(2024, 5, 1), "template_version": "2025-09"})
        rows["card"].append({"id": _uuid(i, 5), "org_id": org_id, "member_id": member,
                             "status": "issued", "number": f"9643{i:012d}"})
        rows["card_status_change"].append({
            "id": _uuid(i, 6), "org_id": org_id, "card_id": _uuid(i, 5), "status": "issued",
            "changed_at": datetime(2024, 6, 1)})
        if i % 10 == 0:
            rows["member_role"].append({"id": _uuid(i, 7), "org_id": org_id, "member_id": member,
                                        "role": "committee_member", "since": date(2020, 1, 1)})
    for entity, batch in rows.items():
        insert_entities(session, entity, batch, now)


def _close(db: Database, orgs: dict[str, str], name: str, **args: Any) -> float:
    mutation = Mutation(
        mutation_id=_uuid(int(time.time() * 1000) % 10**9, 9), entity="organisation",
        entity_id=orgs[name], org_id=orgs[name], op="command",
        fields={"command": CLOSE_ORGANISATION, "on": ON.isoformat(), **args})
    started = time.perf_counter()
    [result] = push(db, orgs["user"], [mutation])
    elapsed = time.perf_counter() - started
    if result.status != "applied":
        raise RuntimeError(f"closure refused: {result.reason}")
    return elapsed


def _left(db: Database, org_id: str) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(members).where(
            members.c.org_id == org_id, members.c.status == "active",
            members.c.deleted.is_(False))) or 0


def closure(count: int = MEMBERS, *, sqlite: bool = False) -> list[Result]:
    with _database(sqlite) as (db, backend):
        orgs = build(db, count)
        liquidation = _close(db, orgs, "L", kind="liquidation")
        merger = _close(db, orgs, "M", kind="merger", merged_into_id=orgs["R"])
        if _left(db, orgs["L"]) or _left(db, orgs["M"]) or _left(db, orgs["R"]) != count:
            raise RuntimeError("the closures left members behind")
    detail = {"members": count, "backend": backend}
    return [
        Result(f"closure: liquidation of {count:,} members, one push ({backend})", liquidation,
               "s", FLOOR_S, TARGET_S, detail),
        Result(f"closure: merger of {count:,} members, one push ({backend})", merger, "s",
               FLOOR_S, TARGET_S, detail),
    ]


@contextmanager
def _database(sqlite: bool) -> Iterator[tuple[Database, str]]:
    if sqlite:
        with tempfile.TemporaryDirectory(prefix="closure-bench-") as tmp:
            db = open_database(f"sqlite:///{Path(tmp) / 'registry.sqlite'}")
            init_db(db)
            try:
                yield db, "SQLite"
            finally:
                db.close()
        return
    from tests.registry.servers import PostgresCluster

    cluster = PostgresCluster.start()
    try:
        db = open_database(cluster.create_database("closure_bench"))
        init_db(db)
        try:
            yield db, "PostgreSQL"
        finally:
            db.close()
    finally:
        cluster.stop()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.closure_cases")
    parser.add_argument("--members", type=int, default=MEMBERS)
    parser.add_argument("--sqlite", action="store_true", help="on SQLite instead")
    args = parser.parse_args()
    print(table(closure(args.members, sqlite=args.sqlite)))


if __name__ == "__main__":
    main()

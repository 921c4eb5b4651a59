"""«Администрирование → Пользователи» of a region: ``GET /api/v1/users`` as the regional
manager sees it, over HTTP from a registry served on loopback (SQLite, and PostgreSQL when
its binaries are installed).

The region: 1 regional organisation, 40 territorial ones and 560 primary ones below them
(601 organisations); 702 logins (a chair for each organisation, a deputy for every fourth
primary one), 25 of them locked from an address. Target: well under 200 ms, so the window
fills without a noticeable wait.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path

from bench.cases import _timed
from bench.results import Result

FLOOR_MS = 200.0
TARGET_MS = 100.0
TERRITORIALS, PRIMARIES_EACH = 40, 14
PASSWORD = "bench-users-password"


def _build(db) -> str:
    """The region; returns the regional manager's login."""
    from sqlalchemy import insert

    from registry.auth import create_user, now_utc
    from registry.models import sign_in_failures
    from registry.passwords import hash_password
    from registry.seed import insert_entities

    now = now_utc()
    orgs: list[dict] = []

    def org(level: str, parent: str | None, code: str) -> str:
        org_id = str(uuid.uuid4())
        orgs.append({"id": org_id, "org_id": org_id, "level": level, "parent_id": parent,
                     "code": code, "full_name": f"Организация {code}",
                     "short_name": f"Орг {code}",
                     "kind": "workers" if level == "primary" else None})
        return org_id

    region = org("regional", None, "R")
    chairs: list[tuple[str, str, str]] = [("regional-manager", region, "regional")]
    for t in range(TERRITORIALS):
        territorial = org("territorial", region, f"T{t:02d}")
        chairs.append((f"territory-{t:02d}", territorial, "territorial"))
        for p in range(PRIMARIES_EACH):
            primary = org("primary", territorial, f"P{t:02d}{p:02d}")
            chairs.append((f"chair-{t:02d}-{p:02d}", primary, "primary"))
            if p % 4 == 0:
                chairs.append((f"deputy-{t:02d}-{p:02d}", primary, "primary"))
    password_hash = hash_password(PASSWORD)
    with db.write() as session:
        insert_entities(session, "organisation", orgs, now)
        for login, org_id, role in chairs:
            create_user(session, login, PASSWORD, [(org_id, role)], full_name=f"ФИО {login}",
                        must_change_password=False, password_hash=password_hash)
        session.execute(insert(sign_in_failures), [
            {"kind": "pair", "login": login, "source": "203.0.113.7", "failures": 0,
             "window_start": now, "blocked_until": now + timedelta(minutes=15), "strikes": 0}
            for login, _, _ in chairs[1:26]])
    return "regional-manager"


def _measure(backend: str, url: str, repeats: int) -> Result:
    import httpx

    from registry.app import create_app
    from registry.db import init_db, open_database
    from registry.throttle import SignInLimits
    from tests.registry.servers import ServerThread

    db = open_database(url)
    try:
        init_db(db)
        manager = _build(db)
        server = ServerThread(db, create_app(db=db, sign_in_limits=SignInLimits())).start()
        try:
            with httpx.Client(base_url=server.base_url, timeout=60) as http:
                token = http.post("/api/v1/auth/login", json={
                    "login": manager, "password": PASSWORD}).json()["access_token"]
                auth = {"Authorization": f"Bearer {token}"}

                def listing() -> list:
                    answer = http.get("/api/v1/users", headers=auth)
                    answer.raise_for_status()
                    return answer.json()["users"]

                ms, times, found = _timed(listing, repeats)
        finally:
            server.stop()
    finally:
        db.close()
    return Result(f"users list of a region ({backend})", ms, "ms", floor=FLOOR_MS,
                  target=TARGET_MS, detail={
                      "runs_ms": [round(t, 1) for t in times], "logins": len(found),
                      "locked": sum(1 for u in found if u["locked"]),
                      "organisations": 1 + TERRITORIALS * (1 + PRIMARIES_EACH)})


def users(scratch: Path, repeats: int) -> list[Result]:
    from tests.registry.servers import PostgresCluster, postgres_binaries

    results = [_measure("SQLite", f"sqlite:///{scratch / 'users-bench.sqlite'}", repeats)]
    if postgres_binaries() is not None:
        cluster = PostgresCluster.start()
        try:
            results.append(_measure("PostgreSQL", cluster.create_database("users_bench"),
                                    repeats))
        finally:
            cluster.stop()
    return results


if __name__ == "__main__":
    import tempfile

    from bench.results import table

    with tempfile.TemporaryDirectory(prefix="users-bench-") as tmp:
        print(table(users(Path(tmp), 7)))

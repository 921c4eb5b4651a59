"""``/api/v1/users``: the grant matrix of every role, allowed and refused, and the audit of each
step (SQLite and PostgreSQL).

The world (tests/registry/world.py): C ─ R ─ T1 ─ P1a, P1b; R ─ T2 ─ P2; C ─ R2 ─ T3 ─ P3.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from registry.auth import create_user
from registry.models import audit_history, users
from tests.registry.helpers import Api
from tests.registry.world import PASSWORD, World, build_world, password_hash

OPS = ("unlock", "end-sessions", "disable", "enable", "reset-password")
#: Whom each manager looks after (the world's users by short name).
REACH = {
    "admin": {"region", "terr1", "terr2", "chair1a", "chair1b", "chair2", "chair3"},
    "region": {"terr1", "terr2", "chair1a", "chair1b", "chair2"},
    "terr1": {"chair1a", "chair1b"},
    "terr2": {"chair2"},
}
NON_MANAGERS = ("chair1a", "chair1b", "chair2", "chair3")


def _ids(db, world: World) -> dict[str, str]:
    with db.read() as session:
        rows = session.execute(select(users.c.login, users.c.id).where(
            users.c.login.in_(world.logins.values()))).all()
    by_login = dict(rows)
    return {name: by_login[login] for name, login in world.logins.items()}


def _state(db, user_id: str) -> tuple:
    with db.read() as session:
        row = session.execute(select(users).where(users.c.id == user_id)).one()
        audits = session.scalar(select(audit_history.c.id).where(
            audit_history.c.entity == "user", audit_history.c.entity_id == user_id
        ).order_by(audit_history.c.id.desc()).limit(1))
    return tuple(row), audits


def _audit_rows(db, user_id: str) -> list:
    with db.read() as session:
        return session.execute(select(audit_history).where(
            audit_history.c.entity == "user", audit_history.c.entity_id == user_id
        ).order_by(audit_history.c.id)).all()


def test_each_manager_sees_exactly_the_logins_in_reach(api: Api, world: World, db) -> None:
    ids = _ids(db, world)
    for manager, reach in REACH.items():
        answer = api.http.get("/api/v1/users", headers=api.headers(manager))
        assert answer.status_code == 200, manager
        listed = {u["id"] for u in answer.json()["users"]}
        mine = {ids[name] for name in reach}
        assert mine <= listed, manager
        assert not ({ids[n] for n in world.logins} - mine) & listed, manager
        for name in world.logins:
            one = api.http.get(f"/api/v1/users/{ids[name]}", headers=api.headers(manager))
            expected = 403 if name == manager else 200 if name in reach else 404
            assert one.status_code == expected, (manager, name)
    first = next(u for u in api.http.get("/api/v1/users", headers=api.headers("terr1")).json()[
        "users"] if u["id"] == ids["chair1a"])
    assert first["positions"][0]["org_id"] == world.orgs["P1a"]
    assert first["positions"][0]["role"] == "primary" and first["active"] is True


def test_a_primary_chair_a_profcards_account_and_a_pending_password_manage_nothing(
        registry, api: Api, world: World, db) -> None:
    with db.write() as session:
        create_user(session, f"feed-{world.suffix}", PASSWORD, [(world.orgs["C"], "profcards")],
                    must_change_password=False, password_hash=password_hash())
    pending = build_world(db, must_change_password=True)
    pending_api = Api(registry.base_url, pending)
    ids = _ids(db, world)
    callers = [(api, name) for name in NON_MANAGERS] + [(api, f"feed-{world.suffix}"),
                                                        (pending_api, "terr1")]
    for client, name in callers:
        token = client.login(name).json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        assert client.http.get("/api/v1/users", headers=auth).status_code == 403, name
        assert client.http.get("/api/v1/users/options", headers=auth).status_code == 403, name
        for op in OPS:
            response = client.http.post(f"/api/v1/users/{ids['chair1b']}/{op}", headers=auth)
            assert response.status_code == 403, (name, op)
        created = client.http.post("/api/v1/users", headers=auth, json={
            "login": f"x-{world.suffix}", "full_name": "Х", "org_id": world.orgs["P1a"],
            "role": "primary"})
        assert created.status_code == 403, name
    pending_api.close()
    assert _audit_rows(db, ids["chair1b"]) == []


def test_refused_steps_change_nothing(api: Api, world: World, db) -> None:
    """Every step on a login out of reach is 404 (like a missing one), on oneself 403, and
    neither the login nor the audit changes."""
    ids = _ids(db, world)
    for manager, reach in REACH.items():
        api.headers(manager)  # signed in before: a sign-in is a change of its own
        for name in world.logins:
            if name in reach:
                continue
            before = _state(db, ids[name])
            for op in OPS:
                response = api.http.post(f"/api/v1/users/{ids[name]}/{op}",
                                         headers=api.headers(manager))
                assert response.status_code == (403 if name == manager else 404), (manager,
                                                                                   name, op)
            assert _state(db, ids[name]) == before, (manager, name)
    missing = api.http.post("/api/v1/users/no-such-id/unlock", headers=api.headers("admin"))
    out_of_reach = api.http.post(f"/api/v1/users/{ids['chair3']}/unlock",
                                 headers=api.headers("region"))
    assert missing.status_code == out_of_reach.status_code == 404
    assert missing.json() == out_of_reach.json()


def test_allowed_steps_work_and_are_audited(api: Api, world: World, db) -> None:
    ids = _ids(db, world)
    # Lower managers first: a step on a manager ends that manager's sessions.
    for manager in ("terr1", "terr2", "region", "admin"):
        actor = {"id": _ids(db, world)[manager]}
        for name in sorted(REACH[manager]):
            target = ids[name]
            seen = len(_audit_rows(db, target))
            for op in OPS:
                response = api.http.post(f"/api/v1/users/{target}/{op}",
                                         headers=api.headers(manager))
                assert response.status_code == 200, (manager, name, op, response.text)
            body = response.json()
            assert body["user"]["must_change_password"] is True
            password = body["one_time_password"]
            rows = _audit_rows(db, target)[seen:]
            assert [r.op for r in rows] == ["unlock", "signout", "disable", "enable", "reset"]
            assert {r.user_id for r in rows} == {actor["id"]}
            assert password not in json.dumps([tuple(map(str, r)) for r in rows])
            fresh = api.login(name, password)
            assert fresh.status_code == 200 and fresh.json()["must_change_password"] is True


@pytest.mark.parametrize(("manager", "org", "role", "status"), [
    ("terr1", "P1a", "primary", 201),
    ("terr1", "P1a", "territorial", 400),  # P1a has no organisations below it
    ("terr1", "P1a", "regional", 403),  # above the caller's own role
    ("terr1", "P1a", "admin", 403),
    ("terr1", "T1", "territorial", 404),  # own organisation: a peer, not a subordinate
    ("terr1", "P2", "primary", 404),  # another district
    ("region", "T1", "territorial", 201),
    ("region", "P2", "primary", 201),
    ("region", "R", "regional", 404),
    ("region", "T1", "admin", 403),
    ("region", "P3", "primary", 404),  # another region
    ("region", "T1", "primary", 400),  # a primary role at a territorial organisation
    ("admin", "C", "admin", 201),
    ("admin", "C", "profcards", 201),
    ("admin", "P3", "primary", 201),
    ("admin", "P3", "regional", 400),
])
def test_create_grant_matrix(api: Api, world: World, db, manager: str, org: str, role: str,
                             status: int) -> None:
    login = f"new-{manager}-{role}-{world.suffix}"
    answer = api.http.post("/api/v1/users", headers=api.headers(manager), json={
        "login": login, "full_name": "Петрова Мария Ивановна", "org_id": world.orgs[org],
        "role": role})
    assert answer.status_code == status, answer.text
    with db.read() as session:
        made = session.scalar(select(users.c.id).where(users.c.login == login))
    if status != 201:
        assert made is None
        assert answer.json()["detail"]
        return
    body = answer.json()
    assert body["user"]["id"] == made and body["user"]["must_change_password"] is True
    password = body["one_time_password"]
    assert len(password) >= 12 and not set(password) & set("0O1lI")
    rows = _audit_rows(db, made)
    assert [(r.op, r.field) for r in rows] == [("create", "position")]
    assert rows[0].new_value["role"] == role and rows[0].org_id == world.orgs[org]
    assert password not in json.dumps(rows[0].new_value)
    signed = api.http.post("/api/v1/auth/login", json={"login": login, "password": password})
    assert signed.status_code == 200 and signed.json()["must_change_password"] is True


def test_create_refuses_a_taken_login_and_a_bad_one(api: Api, world: World) -> None:
    taken = api.http.post("/api/v1/users", headers=api.headers("terr1"), json={
        "login": world.logins["chair2"], "full_name": "Х", "org_id": world.orgs["P1a"],
        "role": "primary"})
    assert taken.status_code == 409 and "занят" in taken.json()["detail"]
    for bad in ("ab", "логин", "has space", "-leading"):
        answer = api.http.post("/api/v1/users", headers=api.headers("terr1"), json={
            "login": bad, "full_name": "Х", "org_id": world.orgs["P1a"], "role": "primary"})
        assert answer.status_code == 422, bad
        assert "login" in answer.json()["detail"]


def test_options_offer_only_organisations_below_and_roles_not_above(
        api: Api, world: World) -> None:
    def options(manager: str) -> dict[str, list[str]]:
        answer = api.http.get("/api/v1/users/options", headers=api.headers(manager))
        assert answer.status_code == 200
        return {o["org_id"]: o["roles"] for o in answer.json()["orgs"]}

    by_name = {v: k for k, v in world.orgs.items()}
    terr1 = {by_name[o]: r for o, r in options("terr1").items() if o in by_name}
    assert terr1 == {"P1a": ["primary"], "P1b": ["primary"]}
    region = {by_name[o]: r for o, r in options("region").items() if o in by_name}
    assert region == {"T1": ["territorial"], "T2": ["territorial"], "P1a": ["primary"],
                      "P1b": ["primary"], "P2": ["primary"]}
    admin = {by_name[o]: r for o, r in options("admin").items() if o in by_name}
    assert admin["C"] == ["admin", "profcards"] and admin["R2"] == ["regional"]


def test_disable_ends_sessions_and_sign_in_says_so_only_with_the_right_password(
        api: Api, world: World, db) -> None:
    ids = _ids(db, world)
    session = api.login("chair1b").json()
    assert api.http.post(f"/api/v1/users/{ids['chair1b']}/disable",
                         headers=api.headers("terr1")).status_code == 200
    meta = api.http.get("/api/v1/sync/meta",
                        headers={"Authorization": f"Bearer {session['access_token']}"})
    assert meta.status_code == 401
    refreshed = api.http.post("/api/v1/auth/refresh",
                              json={"refresh_token": session["refresh_token"]})
    assert refreshed.status_code == 401
    assert api.login("chair1b", "wrong-password-x").status_code == 401
    disabled = api.login("chair1b")
    assert disabled.status_code == 403 and "отключена" in disabled.json()["detail"]
    assert api.http.post(f"/api/v1/users/{ids['chair1b']}/enable",
                         headers=api.headers("terr1")).status_code == 200
    assert api.login("chair1b").status_code == 200


def test_unlock_lifts_the_lock_from_every_address(api: Api, world: World, db) -> None:
    ids = _ids(db, world)
    for _ in range(5):
        api.login("chair2", "wrong-password-x")
    assert api.login("chair2").status_code == 429
    listed = api.http.get(f"/api/v1/users/{ids['chair2']}", headers=api.headers("terr2")).json()
    assert listed["locked"] is True and listed["locked_sources"] == 1
    assert listed["failed_attempts"] == 5
    unlocked = api.http.post(f"/api/v1/users/{ids['chair2']}/unlock",
                             headers=api.headers("terr2")).json()
    assert unlocked["locked"] is False and unlocked["failed_attempts"] == 0
    assert api.login("chair2").status_code == 200
    row = _audit_rows(db, ids["chair2"])[-1]
    assert row.op == "unlock" and row.old_value == {"locked_sources": 1, "failed_attempts": 5}


def test_end_sessions_kills_refresh_and_access_tokens(api: Api, world: World, db) -> None:
    ids = _ids(db, world)
    first, second = api.login("chair3").json(), api.login("chair3").json()
    answer = api.http.post(f"/api/v1/users/{ids['chair3']}/end-sessions",
                           headers=api.headers("admin"))
    assert answer.status_code == 200
    for tokens in (first, second):
        meta = api.http.get("/api/v1/sync/meta",
                            headers={"Authorization": f"Bearer {tokens['access_token']}"})
        assert meta.status_code == 401
        assert api.http.post("/api/v1/auth/refresh", json={
            "refresh_token": tokens["refresh_token"]}).status_code == 401
    assert _audit_rows(db, ids["chair3"])[-1].old_value == 2
    assert api.login("chair3").status_code == 200


def test_the_command_line_still_creates_and_resets_logins_audited(registry, world: World,
                                                                  db) -> None:
    from registry.cli import main

    login = f"cli-made-{world.suffix}"
    with pytest.raises(SystemExit, match="распространён"):
        main(["create-user", "--db", registry.db.url, "--login", login, "--org",
              world.orgs["P2"], "--role", "primary", "--password", "qwerty123456"])
    assert main(["create-user", "--db", registry.db.url, "--login", login, "--org",
                 world.orgs["P2"], "--role", "primary", "--password", "лиса-фонарь-7"]) == 0
    assert main(["reset-password", "--db", registry.db.url, "--login", login,
                 "--password", "другая-лиса-8"]) == 0
    with db.read() as session:
        made = session.scalar(select(users.c.id).where(users.c.login == login))
    rows = _audit_rows(db, made)
    assert [(r.op, r.user_id, r.org_id) for r in rows] == [
        ("create", "registry-cli", world.orgs["P2"]), ("reset", "registry-cli", world.orgs["P2"])]
    assert "лиса" not in json.dumps([r.new_value for r in rows], ensure_ascii=False)

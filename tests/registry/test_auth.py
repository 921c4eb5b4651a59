"""Login, lock-out, refresh rotation with reuse detection, forced password change, bad tokens."""

from __future__ import annotations

from datetime import timedelta

import jwt
from sqlalchemy import select, update

from registry.auth import LOGIN_FAILED, SESSION_ENDED, _token_hash, now_utc
from registry.models import refresh_tokens, sign_in_failures
from tests.registry.helpers import Api
from tests.registry.world import PASSWORD, World, build_world


def _meta_status(api: Api, token: str) -> int:
    response = api.http.get(
        "/api/v1/sync/meta", headers={"Authorization": f"Bearer {token}"}
    )
    return response.status_code


def test_login_gives_tokens_that_open_meta(api: Api) -> None:
    response = api.login("chair1a")
    assert response.status_code == 200
    body = response.json()
    assert body["must_change_password"] is False
    assert body["token_type"] == "bearer" and body["expires_in"] == 900
    assert _meta_status(api, body["access_token"]) == 200


def test_unknown_login_and_wrong_password_answer_the_same(api: Api) -> None:
    unknown = api.login("nobody-at-all", PASSWORD)
    wrong = api.login("chair1a", "wrong-password")
    assert unknown.status_code == wrong.status_code == 401
    assert unknown.json() == wrong.json() == {"detail": LOGIN_FAILED}


def test_login_is_case_insensitive(api: Api, world: World) -> None:
    response = api.http.post(
        "/api/v1/auth/login",
        json={"login": world.logins["chair1a"].upper(), "password": PASSWORD},
    )
    assert response.status_code == 200


def test_lockout_after_five_wrong_passwords(api: Api, world: World, db) -> None:
    """Five wrong passwords lock the login from this address (429, Retry-After), the right
    one included; an unknown login is locked the same way (nothing revealed); the lock ends."""
    for login in ("chair1b", "no-such-login-at-all"):
        for _ in range(5):
            assert api.login(login, "wrong-password").status_code == 401
        locked = api.login(login, PASSWORD)
        assert locked.status_code == 429
        assert 14 * 60 <= int(locked.headers["Retry-After"]) <= 15 * 60
        assert "5 неверных паролей" in locked.json()["detail"]
    with db.write() as session:
        until = session.scalar(select(sign_in_failures.c.blocked_until).where(
            sign_in_failures.c.kind == "pair",
            sign_in_failures.c.login == world.logins["chair1b"]))
        assert until is not None and until > now_utc() + timedelta(minutes=14)
        session.execute(
            update(sign_in_failures)
            .where(sign_in_failures.c.login == world.logins["chair1b"])
            .values(blocked_until=now_utc() - timedelta(seconds=1))
        )
    assert api.login("chair1b", PASSWORD).status_code == 200


def test_successful_login_resets_the_failure_count(api: Api) -> None:
    for _ in range(4):
        api.login("chair2", "wrong-password")
    assert api.login("chair2").status_code == 200
    for _ in range(4):
        api.login("chair2", "wrong-password")
    assert api.login("chair2").status_code == 200


def test_refresh_rotates_and_reuse_revokes_the_family(api: Api) -> None:
    first = api.login("terr1").json()
    rotated = api.http.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert rotated.status_code == 200
    second = rotated.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert _meta_status(api, second["access_token"]) == 200

    replay = api.http.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert replay.status_code == 401
    # The replay revoked the whole family: the legitimate newer token is dead too.
    after = api.http.post("/api/v1/auth/refresh", json={"refresh_token": second["refresh_token"]})
    assert after.status_code == 401
    # Another login (another family) is unaffected.
    other = api.login("terr1").json()
    again = api.http.post("/api/v1/auth/refresh", json={"refresh_token": other["refresh_token"]})
    assert again.status_code == 200


def test_logout_revokes_refresh(api: Api) -> None:
    tokens = api.login("terr2").json()
    response = api.http.post("/api/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})
    assert response.status_code == 204
    refused = api.http.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert refused.status_code == 401


def test_unknown_refresh_token_is_refused(anon: Api) -> None:
    response = anon.http.post("/api/v1/auth/refresh", json={"refresh_token": "r1.forged"})
    assert response.status_code == 401


def test_first_login_forces_a_password_change(registry, anon: Api) -> None:
    world = build_world(registry.db, must_change_password=True)
    api = Api(registry.base_url, world)
    body = api.login("chair1a").json()
    assert body["must_change_password"] is True
    token = body["access_token"]
    assert _meta_status(api, token) == 403
    auth = {"Authorization": f"Bearer {token}"}
    wrong = api.http.post(
        "/api/v1/auth/change-password",
        json={"old_password": "not-it-at-all", "new_password": "Новый-пароль-1"}, headers=auth,
    )
    assert wrong.status_code == 400
    for weak, reason in (("short", "не короче 10"), ("qwerty123456", "распространён")):
        refused = api.http.post(
            "/api/v1/auth/change-password",
            json={"old_password": PASSWORD, "new_password": weak}, headers=auth,
        )
        assert refused.status_code == 400 and reason in refused.json()["detail"], weak
    same = api.http.post(
        "/api/v1/auth/change-password",
        json={"old_password": PASSWORD, "new_password": PASSWORD}, headers=auth,
    )
    assert same.status_code == 400 and "отличаться" in same.json()["detail"]
    changed = api.http.post(
        "/api/v1/auth/change-password",
        json={"old_password": PASSWORD, "new_password": "Новый-пароль-1"}, headers=auth,
    )
    assert changed.status_code == 200
    fresh = changed.json()
    assert fresh["must_change_password"] is False
    assert _meta_status(api, fresh["access_token"]) == 200
    assert _meta_status(api, token) == 401  # the old session ended
    assert api.login("chair1a").status_code == 401
    assert api.login("chair1a", "Новый-пароль-1").json()["must_change_password"] is False
    api.close()


def test_bad_tokens_are_refused(api: Api, registry) -> None:
    user_id = api.login("chair1a").json()["user_id"]
    forged = jwt.encode({"sub": user_id, "gen": 0, "typ": "access", "exp": 4102444800},
                        "not-the-secret-but-long-enough-for-hs256", algorithm="HS256")
    expired = jwt.encode(
        {"sub": user_id, "gen": 0, "typ": "access", "exp": 1000},
        registry_secret(registry), algorithm="HS256",
    )
    for token in (forged, expired, "garbage", "a.b.c"):
        assert _meta_status(api, token) == 401
    assert api.http.get("/api/v1/sync/meta").status_code == 401
    assert api.http.post("/api/v1/sync/pull", json={}).status_code == 401


def registry_secret(registry) -> str:
    """The key the served registry signs with: REGISTRY_SECRET (tests/conftest.py sets it, as
    production must), else the one a demo database keeps."""
    import os

    from registry.models import server_settings

    if os.environ.get("REGISTRY_SECRET"):
        return os.environ["REGISTRY_SECRET"]
    with registry.db.read() as session:
        return session.scalar(
            select(server_settings.c.value).where(server_settings.c.key == "secret")
        )


def _claims(api: Api, login: str) -> tuple[dict, str]:
    """The claims of a fresh real access token of ``login``, and the token itself."""
    token = api.login(login).json()["access_token"]
    return jwt.decode(token, options={"verify_signature": False}), token


def test_forged_access_tokens_are_refused_in_russian(api: Api, registry) -> None:
    claims, real = _claims(api, "chair1a")
    secret = registry_secret(registry)
    other = api.login("terr1").json()["user_id"]
    header, payload, signature = real.split(".")
    tampered_payload = jwt.encode({**claims, "sub": other}, "x" * 32, algorithm="HS256")
    forged = {
        "alg none": jwt.encode(claims, None, algorithm="none"),
        "alg none, the real signature": f"{jwt.encode(claims, None, algorithm='none')}{signature}",
        "another user's id under the real signature": (
            f"{header}.{tampered_payload.split('.')[1]}.{signature}"
        ),
        "HS512 with the real secret": jwt.encode(claims, secret, algorithm="HS512"),
        "not an access token": jwt.encode({**claims, "typ": "refresh"}, secret, "HS256"),
        "no expiry": jwt.encode({k: v for k, v in claims.items() if k != "exp"}, secret, "HS256"),
        "no family": jwt.encode({k: v for k, v in claims.items() if k != "fam"}, secret, "HS256"),
        "unknown family": jwt.encode({**claims, "fam": "'; DROP TABLE users;--"}, secret,
                                     "HS256"),
        "not a JWT": "Bearer",
    }
    for name, token in forged.items():
        response = api.http.get("/api/v1/sync/meta", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, name
        assert response.headers["WWW-Authenticate"] == "Bearer", name
        detail = response.json()["detail"]
        assert detail in ("Недействительный токен доступа", "Требуется вход", SESSION_ENDED), name
    assert _meta_status(api, real) == 200  # the real one still works


def test_expired_access_token_says_so(api: Api, registry) -> None:
    claims, _ = _claims(api, "chair1a")
    expired = jwt.encode({**claims, "exp": claims["iat"] - 1}, registry_secret(registry), "HS256")
    response = api.http.get("/api/v1/sync/meta", headers={"Authorization": f"Bearer {expired}"})
    assert response.status_code == 401
    assert response.json() == {"detail": "Срок действия входа истёк, обновите токен"}


def _refresh(api: Api, token: str):
    return api.http.post("/api/v1/auth/refresh", json={"refresh_token": token})


def test_a_replayed_refresh_token_ends_the_family_access_tokens_included(api: Api) -> None:
    first = api.login("terr2").json()
    second = _refresh(api, first["refresh_token"]).json()
    assert _meta_status(api, first["access_token"]) == 200  # rotation alone ends nothing
    assert _meta_status(api, second["access_token"]) == 200
    replay = _refresh(api, first["refresh_token"])  # a stolen copy of the rotated token
    assert replay.status_code == 401 and replay.json() == {"detail": SESSION_ENDED}
    for token in (first["access_token"], second["access_token"]):
        assert _meta_status(api, token) == 401  # at once, not when they expire
    assert _refresh(api, second["refresh_token"]).status_code == 401
    assert _refresh(api, first["refresh_token"]).status_code == 401


def test_logout_ends_the_access_token_too(api: Api) -> None:
    tokens = api.login("chair2").json()
    other = api.login("chair2").json()  # another device: another family
    api.http.post("/api/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})
    assert _meta_status(api, tokens["access_token"]) == 401
    assert _meta_status(api, other["access_token"]) == 200


def test_expired_refresh_token_is_refused(api: Api, db) -> None:
    tokens = api.login("chair3").json()
    with db.write() as session:
        session.execute(
            update(refresh_tokens)
            .where(refresh_tokens.c.token_hash == _token_hash(tokens["refresh_token"]))
            .values(expires_at=now_utc() - timedelta(seconds=1))
        )
    refused = _refresh(api, tokens["refresh_token"])
    assert refused.status_code == 401 and refused.json() == {"detail": SESSION_ENDED}
    assert _meta_status(api, tokens["access_token"]) == 401


def test_the_access_check_reads_the_positions_the_scope_is_computed_from(
    world: World, db
) -> None:
    """The token check brings the user's positions along; the scope computed from them equals
    the scope computed by reading them afresh, for every kind of user: each role, two
    positions, none, and a position in a deleted organisation."""
    from registry.auth import TokenService, create_user
    from registry.models import organisations
    from registry.scope import compute_scope
    from registry.throttle import SignInLimits
    from tests.registry.world import password_hash

    extra = {
        "two": [(world.orgs["P1a"], "primary"), (world.orgs["T2"], "territorial")],
        "none": [],
        "gone": [(world.orgs["P3"], "primary"), (world.orgs["P2"], "primary")],
    }
    tokens = TokenService("a-test-secret-of-enough-length-for-hs256",
                          limits=SignInLimits(rate=100_000))
    with db.write() as session:
        for name, positions in extra.items():
            create_user(session, f"{name}-{world.suffix}", PASSWORD, positions,
                        must_change_password=False, password_hash=password_hash())
        session.execute(update(organisations).where(organisations.c.id == world.orgs["P3"])
                        .values(deleted=True))
    logins = [*world.logins.values(), *(f"{name}-{world.suffix}" for name in extra)]
    for login in logins:
        issued = tokens.login(db, login, PASSWORD, "127.0.0.1")
        with db.read() as session:
            user = tokens.check_access(session, issued.access_token)
            assert user.positions is not None
            assert compute_scope(session, user.id, user.positions) == compute_scope(
                session, user.id), login
            if login.startswith("none-"):
                assert user.positions == ()
            if login.startswith("gone-"):
                assert user.positions == (
                    (world.orgs["P3"], "primary", True), (world.orgs["P2"], "primary", False))
                assert compute_scope(session, user.id, user.positions).org_ids == {
                    world.orgs["P2"]}

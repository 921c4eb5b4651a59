"""Limits on password attempts, on a registry served with the production limits (SQLite and
PostgreSQL): a flood cannot keep the owner out, an address that sprays passwords waits longer
each time, the per-address rate holds under a burst, change-password failures count, and
``X-Forwarded-For`` is believed only from a trusted proxy.

Each client binds its own loopback source address (``local_address``), as attackers and owners
on different machines would have.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select, update

from registry.app import create_app
from registry.auth import now_utc
from registry.models import sign_in_failures, users
from registry.throttle import SignInLimits
from tests.registry.servers import ServerThread
from tests.registry.world import PASSWORD, World

WRONG = "not-the-password-1"


def client(base_url: str, source: str) -> httpx.Client:
    return httpx.Client(base_url=base_url, timeout=60,
                        transport=httpx.HTTPTransport(local_address=source))


def sign_in(http: httpx.Client, login: str, password: str) -> httpx.Response:
    return http.post("/api/v1/auth/login", json={"login": login, "password": password})


@pytest.fixture
def serve(registry) -> Iterator:
    """``serve(limits=None, proxies=None)`` → base URL of another server on the same database
    (the counters live there), with those limits (default: production)."""
    started: list[ServerThread] = []

    def start(limits: SignInLimits | None = None, proxies: list[str] | None = None) -> str:
        app = create_app(db=registry.db, sign_in_limits=limits or SignInLimits(),
                         proxies=proxies or [])
        started.append(ServerThread(registry.db, app).start())
        return started[-1].base_url

    yield start
    for server in started:
        server.stop()


def test_a_flood_from_one_address_never_keeps_the_owner_out(serve, world: World, db) -> None:
    base = serve()
    login = world.logins["chair1a"]
    with client(base, "127.0.0.2") as attacker, client(base, "127.0.0.1") as owner:
        answers = [sign_in(attacker, login, f"{WRONG}{i}") for i in range(30)]
        assert [a.status_code for a in answers[:5]] == [401] * 5
        assert {a.status_code for a in answers[5:]} == {429}
        for answer in answers[5:]:
            assert int(answer.headers["Retry-After"]) >= 1
            assert "Повторите через" in answer.json()["detail"]
        assert sign_in(attacker, login, PASSWORD).status_code == 429  # even the right one
        mine = sign_in(owner, login, PASSWORD)
        assert mine.status_code == 200, mine.text
        assert sign_in(owner, login, PASSWORD).status_code == 200
    with db.read() as session:
        assert session.scalar(select(users.c.failed_attempts).where(users.c.login == login)) == 0


def test_spraying_from_one_address_waits_longer_each_time(serve, world: World, db) -> None:
    limits = SignInLimits(rate=100_000, source_failures=10, source_delay=timedelta(minutes=1))
    base = serve(limits)
    source = "127.0.0.3"
    waits = []
    with client(base, source) as attacker, client(base, "127.0.0.1") as owner:
        for round_ in range(3):
            for i in range(10):
                answer = sign_in(attacker, f"sprayed-{round_}-{i}-{world.suffix}", WRONG)
                assert answer.status_code == 401, (round_, i)
            blocked = sign_in(attacker, world.logins["chair1b"], PASSWORD)
            assert blocked.status_code == 429
            assert "С вашего адреса" in blocked.json()["detail"]
            waits.append(int(blocked.headers["Retry-After"]))
            with db.write() as session:  # the wait passes
                session.execute(update(sign_in_failures).where(
                    sign_in_failures.c.kind == "source", sign_in_failures.c.source == source
                ).values(blocked_until=now_utc() - timedelta(seconds=1)))
        assert sign_in(owner, world.logins["chair1b"], PASSWORD).status_code == 200
    assert 55 <= waits[0] <= 60
    assert 115 <= waits[1] <= 120
    assert 235 <= waits[2] <= 240


def test_the_per_address_rate_holds_under_a_burst(serve, world: World) -> None:
    """40 sign-ins at once from one address, right passwords: no more than the burst of the
    production limit gets through (plus what the rate refills meanwhile), the rest are 429."""
    limits = SignInLimits()
    base = serve(limits)
    login = world.logins["terr2"]
    clients = [client(base, "127.0.0.4") for _ in range(8)]
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            started = now_utc()
            answers = list(pool.map(lambda i: sign_in(clients[i % 8], login, PASSWORD),
                                    range(40)))
            elapsed = (now_utc() - started).total_seconds()
    finally:
        for http in clients:
            http.close()
    passed = sum(1 for a in answers if a.status_code == 200)
    refill = int(elapsed / (limits.rate_period / limits.rate)) + 1
    assert limits.rate <= passed <= limits.rate + refill, (passed, elapsed)
    refused = [a for a in answers if a.status_code != 200]
    assert refused and {a.status_code for a in refused} == {429}
    assert all(int(a.headers["Retry-After"]) >= 1 for a in refused)
    assert all("Слишком много попыток" in a.json()["detail"] for a in refused)


def test_wrong_old_passwords_on_change_password_count(serve, world: World, db) -> None:
    base = serve()
    login = world.logins["chair2"]
    with client(base, "127.0.0.5") as thief, client(base, "127.0.0.1") as owner:
        token = sign_in(thief, login, PASSWORD).json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        body = {"old_password": WRONG, "new_password": "Совсем-новый-пароль-7"}
        answers = [thief.post("/api/v1/auth/change-password", json=body, headers=auth)
                   for _ in range(6)]
        assert [a.status_code for a in answers] == [400] * 5 + [429]
        assert "Неверный текущий пароль" in answers[0].json()["detail"]
        assert sign_in(thief, login, PASSWORD).status_code == 429
        with db.read() as session:
            failed = session.scalar(select(users.c.failed_attempts).where(users.c.login == login))
        assert failed == 5
        assert sign_in(owner, login, PASSWORD).status_code == 200


def test_forwarded_for_is_believed_only_from_a_trusted_proxy(serve, world: World, db) -> None:
    base = serve(proxies=["127.0.0.6"])
    forwarded = {"X-Forwarded-For": "203.0.113.9"}
    with client(base, "127.0.0.6") as proxy, client(base, "127.0.0.7") as stranger:
        for http in (proxy, stranger):
            answer = http.post("/api/v1/auth/login", headers=forwarded, json={
                "login": f"proxied-{world.suffix}", "password": WRONG})
            assert answer.status_code == 401
    with db.read() as session:
        sources = set(session.scalars(select(sign_in_failures.c.source).where(
            sign_in_failures.c.kind == "pair",
            sign_in_failures.c.login == f"proxied-{world.suffix}")))
    assert sources == {"203.0.113.9", "127.0.0.7"}

"""The OpenAPI document, and the command line (seed-demo, serve, create-user, reset-password)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from registry.db import open_database
from registry.models import organisations
from sync.protocol_runs import changes_of
from tests.registry.servers import free_port

ROOT = Path(__file__).resolve().parents[2]


def test_openapi_lists_the_endpoints_with_examples(anon) -> None:
    schema = anon.http.get("/openapi.json").json()
    paths = schema["paths"]
    for path in ("/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/change-password",
                 "/api/v1/auth/logout", "/api/v1/sync/push", "/api/v1/sync/pull",
                 "/api/v1/sync/exchange"):
        assert "post" in paths[path], path
    assert "get" in paths["/api/v1/sync/meta"]
    components = schema["components"]["schemas"]
    for name in ("PushRequest", "PushResponse", "PullRequest", "PullResponse", "SyncMeta",
                 "ExchangeRequest", "ExchangeResponse", "LoginRequest", "TokenResponse"):
        assert components[name].get("examples"), name


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "registry", *args], cwd=ROOT, capture_output=True, text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[dict]]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('seed') / 'demo.sqlite'}"
    done = _cli("seed-demo", "--db", url, "--members", "300", "--json")
    assert done.returncode == 0, done.stderr
    yield url, json.loads(done.stdout)


def test_seed_demo_users(seeded) -> None:
    url, users = seeded
    roles = [u["role"] for u in users]
    assert roles.count("admin") >= 1 and roles.count("regional") >= 1
    assert roles.count("territorial") >= 2 and roles.count("primary") >= 3
    assert all(set(u) == {"login", "password", "role", "org_id", "org_name"} for u in users)
    db = open_database(url)
    with db.read() as session:
        parents = dict(session.execute(select(organisations.c.id, organisations.c.parent_id)).all())
    db.close()
    primary_parents = [parents[u["org_id"]] for u in users if u["role"] == "primary"]
    assert len(primary_parents) != len(set(primary_parents))  # two under one territorial org
    # Seeding again keeps the same users and passwords.
    again = _cli("seed-demo", "--db", url, "--json")
    assert json.loads(again.stdout) == users


def test_serve_and_user_commands(seeded) -> None:
    url, users = seeded
    chair = next(u for u in users if u["role"] == "primary")
    territorial = next(u for u in users if u["role"] == "territorial")
    made = _cli("create-user", "--db", url, "--login", "New.Chair", "--org", chair["org_id"],
                "--role", "primary", "--password", "initial-pass-1")
    assert made.returncode == 0, made.stderr
    reset = _cli("reset-password", "--db", url, "--login", territorial["login"],
                 "--password", "reset-pass-12")
    assert reset.returncode == 0, reset.stderr
    assert _cli("reset-password", "--db", url, "--login", "nobody",
                "--password", "reset-pass-12").returncode != 0

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "registry", "serve", "--db", url, "--port", str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_up(base)
        with httpx.Client(base_url=base, timeout=30) as http:
            demo = http.post("/api/v1/auth/login",
                             json={"login": chair["login"], "password": chair["password"]})
            assert demo.status_code == 200 and demo.json()["must_change_password"] is False
            token = demo.json()["access_token"]
            page = http.post("/api/v1/sync/pull", json={"cursors": {}},
                             headers={"Authorization": f"Bearer {token}"}).json()
            assert {c["org_id"] for c in changes_of(page["runs"])} == {chair["org_id"]}
            assert any(c["entity"] == "member" for c in changes_of(page["runs"]))
            new = http.post("/api/v1/auth/login",
                            json={"login": "new.chair", "password": "initial-pass-1"})
            assert new.json()["must_change_password"] is True
            was_reset = http.post("/api/v1/auth/login", json={
                "login": territorial["login"], "password": "reset-pass-12"})
            assert was_reset.json()["must_change_password"] is True
    finally:
        server.terminate()
        server.wait(timeout=20)


def _wait_up(base: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise AssertionError("registry serve did not come up")

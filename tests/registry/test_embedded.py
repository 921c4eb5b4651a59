"""The embedded demo registry: starts on loopback, answers health, seeds only once."""

from __future__ import annotations

import httpx
from sqlalchemy import create_engine, text

from registry.embedded import EmbeddedRegistry
from sync.client import RegistryClient


def _members(path) -> int:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM members")).scalar_one()
    finally:
        engine.dispose()


def test_embedded_registry_starts_seeds_once_and_stops(tmp_path) -> None:
    path = tmp_path / "demo-registry.sqlite"
    with EmbeddedRegistry(path, members=120) as registry:
        assert registry.seeded_now
        assert registry.base_url.startswith("http://127.0.0.1:")
        assert httpx.get(registry.base_url + "/api/v1/health").json() == {"status": "ok"}
        logins = {u.login for u in registry.users}
        assert {"admin", "chair1", "territory1"} <= logins
        chair1 = next(u for u in registry.users if u.login == "chair1")
        assert chair1.password == "demo-chair1" and chair1.org_name
        with RegistryClient(registry.base_url) as client:
            assert client.login("chair1", chair1.password).login == "chair1"
        url = registry.base_url
    count = _members(path)
    assert count > 0
    try:
        httpx.get(url + "/api/v1/health", timeout=1)
    except httpx.TransportError:
        pass
    else:
        raise AssertionError("the registry still answers after stop()")
    with EmbeddedRegistry(path, members=120) as again:
        assert not again.seeded_now
        assert httpx.get(again.base_url + "/api/v1/health").status_code == 200
    assert _members(path) == count



"""The exchange answered before routing (:mod:`registry.exchange_path`) answers exactly as the
route behind it: the same request to the app with and without that path gets the same status,
body (but the time) and ``WWW-Authenticate``, for good requests and every kind of bad one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi import HTTPException

from registry.app import create_app
from registry.deps import get_registry
from registry.exchange_path import ExchangePath
from tests.registry.conftest import Running
from tests.registry.helpers import Api
from tests.registry.servers import ServerThread
from tests.registry.world import World, build_world

PATH = "/api/v1/sync/exchange"


@pytest.fixture
def route_only(registry: Running) -> Iterator[httpx.Client]:
    """A second server on the same database whose app has no exchange path: the route answers."""
    app = create_app(db=registry.db)
    app.user_middleware = [m for m in app.user_middleware if m.cls is not ExchangePath]
    server = ServerThread(registry.db, app).start()
    with httpx.Client(base_url=server.base_url, timeout=60) as client:
        yield client
    server.stop()


def _answer(response: httpx.Response) -> tuple[int, Any, str | None]:
    try:
        body = response.json()
    except ValueError:
        body = response.text
    if isinstance(body, dict):
        body.pop("server_time", None)
        if isinstance(body.get("page"), dict):
            body["page"].pop("server_time", None)
    return response.status_code, body, response.headers.get("www-authenticate")


def _both(api: Api, route_only: httpx.Client, content: bytes, headers: dict[str, str]
          ) -> tuple[tuple[int, Any, str | None], tuple[int, Any, str | None]]:
    fast = api.http.post(PATH, content=content, headers=headers)
    routed = route_only.post(PATH, content=content, headers=headers)
    return _answer(fast), _answer(routed)


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


JSON = {"Content-Type": "application/json"}


def test_a_pull_is_answered_as_the_route_answers(
    api: Api, world: World, route_only: httpx.Client
) -> None:
    headers = {**JSON, **api.headers("terr1")}
    for request in ({"cursors": {}, "limit": 1000}, {"cursors": {}, "limit": 1},
                    {"cursors": {world.orgs["P1a"]: 10**9}, "counts": False}, {}):
        fast, routed = _both(api, route_only, _json(request), headers)
        assert fast[0] == 200, fast
        assert fast == routed


@pytest.mark.parametrize("case", [
    "no token", "basic auth", "forged token", "not json", "unknown field", "wrong type",
    "too many", "text body", "no content type", "empty body",
])
def test_bad_requests_get_the_answers_of_the_route(
    api: Api, route_only: httpx.Client, case: str
) -> None:
    token = api.headers("chair1a")
    good = _json({"cursors": {}, "limit": 10})
    content, headers = {
        "no token": (good, JSON),
        "basic auth": (good, {**JSON, "Authorization": "Basic Y2hhaXI6cGFzcw=="}),
        "forged token": (good, {**JSON, "Authorization": "Bearer eyJhbGciOi.forged.token"}),
        "not json": (b'{"cursors": {', {**JSON, **token}),
        "unknown field": (_json({"cursors": {}, "orgs": ["x"]}), {**JSON, **token}),
        "wrong type": (_json({"cursors": {}, "limit": "много"}), {**JSON, **token}),
        "too many": (_json({"limit": 10**9}), {**JSON, **token}),
        "text body": (good, {"Content-Type": "text/plain", **token}),
        "no content type": (good, token),
        "empty body": (b"", {**JSON, **token}),
    }[case]
    fast, routed = _both(api, route_only, content, headers)
    assert fast == routed
    assert fast[0] != 200 or case in ("text body", "no content type")


def test_a_user_who_must_change_the_password_is_refused_alike(
    registry: Running, route_only: httpx.Client
) -> None:
    world = build_world(registry.db, must_change_password=True)
    api = Api(registry.base_url, world)
    try:
        fast, routed = _both(api, route_only, _json({"cursors": {}}),
                             {**JSON, **api.headers("chair1a")})
    finally:
        api.close()
    assert fast == routed
    assert fast[0] == 403


def test_the_usual_exchange_never_reaches_the_route(api: Api, registry: Running) -> None:
    """With the route's dependencies broken, a good exchange is still answered (by the path);
    a bad one reaches the route."""

    async def broken() -> None:
        raise HTTPException(418, detail="Маршрут не должен был отвечать")

    app = create_app(db=registry.db)
    app.dependency_overrides[get_registry] = broken
    server = ServerThread(registry.db, app).start()
    try:
        with httpx.Client(base_url=server.base_url, timeout=60) as client:
            headers = {**JSON, **api.headers("chair1a")}
            good = client.post(PATH, content=_json({"cursors": {}}), headers=headers)
            bad = client.post(PATH, content=_json({"limit": "много"}), headers=headers)
    finally:
        server.stop()
    assert good.status_code == 200
    assert good.json()["page"]["more"] is False
    assert bad.status_code == 418

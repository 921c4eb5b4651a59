"""Property-based API tests: schemathesis drives every operation of the live ``/openapi.json``.

A registry seeded with the demo data is served by uvicorn on loopback (SQLite, and PostgreSQL
where it is installed); every request carries a real access token of a demo user. Each
operation gets schema-valid (positive) and schema-breaking (negative) requests, and every answer
must be no 5xx, a status code the schema documents, and a body that matches the documented
schema. Generation is derandomized, so a run is the same on every machine.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from registry.db import Database, init_db, open_database
from registry.seed import demo_password, seed_demo
from tests.registry.servers import PostgresCluster, ServerThread

#: Every operation the registry serves; a new one must be added here (a test checks).
OPERATIONS = [
    ("POST", "/api/v1/auth/login"),
    ("POST", "/api/v1/auth/refresh"),
    ("POST", "/api/v1/auth/change-password"),
    ("POST", "/api/v1/auth/logout"),
    ("GET", "/api/v1/sync/meta"),
    ("POST", "/api/v1/sync/pull"),
    ("POST", "/api/v1/sync/push"),
    ("POST", "/api/v1/sync/exchange"),
    ("POST", "/api/v1/members/lookup"),
    ("GET", "/api/v1/profcards/feeds"),
    ("GET", "/api/v1/profcards/feed/{feed_date}"),
    ("GET", "/api/v1/health"),
    ("GET", "/api/v1/users"),
    ("GET", "/api/v1/users/options"),
    ("POST", "/api/v1/users"),
    ("GET", "/api/v1/users/{user_id}"),
    ("POST", "/api/v1/users/{user_id}/reset-password"),
    ("POST", "/api/v1/users/{user_id}/unlock"),
    ("POST", "/api/v1/users/{user_id}/disable"),
    ("POST", "/api/v1/users/{user_id}/enable"),
    ("POST", "/api/v1/users/{user_id}/end-sessions"),
]
#: Operations that take no input at all: nothing to break, no negative requests.
NO_INPUT = {("GET", "/api/v1/health"), ("GET", "/api/v1/users"),
            ("GET", "/api/v1/users/options")}
#: Generated requests per operation and mode: enough to find the usual crashes, bounded in time.
MAX_EXAMPLES = 20
#: Operations that hash a password (argon2, slow on purpose) on every request get fewer.
SLOW = {("POST", "/api/v1/auth/login"): 10, ("POST", "/api/v1/auth/change-password"): 10}
#: The demo user whose token the requests carry (a territorial chair: a scope with children).
LOGIN = "territory1"

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@dataclass
class DemoServer:
    base_url: str
    token: str
    schema: schemathesis.BaseSchema
    db: Database


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DemoServer]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'registry.sqlite'}"
    else:
        cluster: PostgresCluster = request.getfixturevalue("pg_cluster")
        url = cluster.create_database("registry_fuzz")
    db = open_database(url)
    init_db(db)
    seed_demo(db, members=30)
    server = ServerThread(db).start()
    try:
        answer = httpx.post(
            f"{server.base_url}/api/v1/auth/login",
            json={"login": LOGIN, "password": demo_password(LOGIN)},
            timeout=30,
        )
        assert answer.status_code == 200, answer.text
        schema = schemathesis.openapi.from_url(f"{server.base_url}/openapi.json", timeout=30)
        yield DemoServer(server.base_url, answer.json()["access_token"], schema, db)
    finally:
        server.stop()
        db.close()


def test_the_list_covers_every_operation(demo_server: DemoServer) -> None:
    served = {
        (op.method.upper(), op.path)
        for result in demo_server.schema.get_all_operations()
        for op in [result.ok()]
    }
    assert served == set(OPERATIONS)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_operation(demo_server: DemoServer, method: str, path: str, mode: GenerationMode) -> None:
    if mode == GenerationMode.NEGATIVE and (method, path) in NO_INPUT:
        pytest.skip("the operation takes no input")
    operation = demo_server.schema[path][method]
    checks = [*CHECKS, negative_data_rejection] if mode == GenerationMode.NEGATIVE else CHECKS
    count = SLOW.get((method, path), MAX_EXAMPLES)
    _exercise(demo_server, operation.as_strategy(generation_mode=mode), checks, count)


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_documented_examples(demo_server: DemoServer, method: str, path: str) -> None:
    """The request examples the OpenAPI document shows are answered as documented."""
    strategies = demo_server.schema[path][method].get_strategies_from_examples()
    if not strategies:
        pytest.skip("no request examples")
    _exercise(demo_server, st.one_of(*strategies), CHECKS, 2 * len(strategies))


def _exercise(
    server: DemoServer, strategy: st.SearchStrategy, checks: list, max_examples: int
) -> None:
    headers = {"Authorization": f"Bearer {server.token}"}

    @settings(
        max_examples=max_examples,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case: schemathesis.Case) -> None:
        case.call_and_validate(base_url=server.base_url, headers=headers, checks=checks, timeout=30)

    run()

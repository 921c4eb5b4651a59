"""Registry fixtures: a real server on loopback over SQLite and over a throwaway PostgreSQL
(``pg_cluster`` comes from :mod:`tests.pg`).

The PostgreSQL runs need ``initdb`` and ``pg_ctl`` (Debian package ``postgresql``); where they
are missing locally those runs are skipped, CI installs them and runs both.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from registry.app import create_app
from registry.db import Database, init_db, open_database
from registry.throttle import SignInLimits
from tests.registry.helpers import Api
from tests.registry.servers import PostgresCluster, ServerThread
from tests.registry.world import World, build_world

BACKENDS = ["sqlite", "postgresql"]


@dataclass
class Running:
    backend: str
    db: Database
    base_url: str


@pytest.fixture(scope="session", params=BACKENDS)
def registry(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[
    Running
]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('registry') / 'registry.sqlite'}"
    else:
        cluster: PostgresCluster = request.getfixturevalue("pg_cluster")
        url = cluster.create_database("registry_test")
    yield from serve_registry(request.param, url)


#: The session's shared registry takes every test's sign-ins from 127.0.0.1: the rate and the
#: per-address budget are the tests' own (``test_sign_in_limits.py`` serves the production ones).
SHARED_LIMITS = SignInLimits(rate=100_000, source_failures=100_000)


def serve_registry(backend: str, url: str) -> Iterator[Running]:
    """Migrate the database at ``url`` and serve it on loopback until the generator ends."""
    db = open_database(url)
    init_db(db)
    server = ServerThread(db, create_app(db=db, sign_in_limits=SHARED_LIMITS)).start()
    yield Running(backend, db, server.base_url)
    server.stop()
    db.close()


@pytest.fixture
def db(registry: Running) -> Database:
    return registry.db


@pytest.fixture
def world(registry: Running) -> World:
    return build_world(registry.db)


@pytest.fixture
def api(registry: Running, world: World) -> Iterator[Api]:
    client = Api(registry.base_url, world)
    yield client
    client.close()


@pytest.fixture
def anon(registry: Running) -> Iterator[Api]:
    client = Api(registry.base_url)
    yield client
    client.close()

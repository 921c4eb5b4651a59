"""Sync fixtures: a seeded registry served by uvicorn on loopback, and client sides.

``server`` runs on a copy of a seeded SQLite registry; parametrize it indirectly with
``"postgresql"`` (see :data:`BACKENDS`) to run the test on a copy of a seeded PostgreSQL one.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from chairclient.db.engine import Database as LocalDatabase
from chairclient.db.engine import copy_database
from chairclient.db.engine import open_database as open_local
from registry.db import Database, init_db, open_database
from registry.seed import DemoUser, seed_demo
from sync.client import RegistryClient
from sync.engine import SyncEngine, SyncReport
from tests.registry.servers import PostgresCluster, ServerThread

MEMBERS = 300
#: For ``@pytest.mark.parametrize("server", BACKENDS, indirect=True)``.
BACKENDS = ["sqlite", "postgresql"]
_PG_TEMPLATE = "sync_seed"
_pg_copies = itertools.count(1)


@dataclass
class Seeded:
    path: Path
    users: dict[str, DemoUser]


@dataclass
class Server:
    db: Database
    base_url: str
    users: dict[str, DemoUser]


@dataclass
class Side:
    """One client: its local database, its registry client and its sync engine."""

    login: str
    org_id: str
    db: LocalDatabase
    client: RegistryClient
    engine: SyncEngine

    def sync(self) -> SyncReport:
        return self.engine.run()


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Seeded:
    """The demo registry (300 members) built once; each test serves its own copy."""
    path = tmp_path_factory.mktemp("seed") / "registry.sqlite"
    db = open_database(f"sqlite:///{path}")
    init_db(db)
    users = seed_demo(db, members=MEMBERS)
    db.close()
    return Seeded(path, {u.login: u for u in users})


@pytest.fixture(scope="session")
def pg_seeded(pg_cluster: PostgresCluster) -> Seeded:
    """The same demo registry in a PostgreSQL template database (copied per test)."""
    db = open_database(pg_cluster.create_database(_PG_TEMPLATE))
    init_db(db)
    users = seed_demo(db, members=MEMBERS)
    db.close()
    return Seeded(Path(_PG_TEMPLATE), {u.login: u for u in users})


def _pg_copy(cluster: PostgresCluster) -> str:
    import psycopg

    name = f"sync_test_{next(_pg_copies)}"
    with psycopg.connect(
        host="127.0.0.1", port=cluster.port, user="postgres", dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{_PG_TEMPLATE}"')
    return cluster.url(name)


@pytest.fixture
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Server]:
    backend = getattr(request, "param", "sqlite")
    if backend == "postgresql":
        seeded: Seeded = request.getfixturevalue("pg_seeded")
        db = open_database(_pg_copy(request.getfixturevalue("pg_cluster")))
    else:
        seeded = request.getfixturevalue("seeded")
        path = tmp_path / "registry.sqlite"
        copy_database(seeded.path, path)
        db = open_database(f"sqlite:///{path}")
    thread = ServerThread(db).start()
    yield Server(db, thread.base_url, seeded.users)
    thread.stop()
    db.close()


@pytest.fixture
def make_side(server: Server, tmp_path: Path) -> Iterator[Callable[..., Side]]:
    sides: list[Side] = []

    def make(login: str, name: str | None = None, **client_options: object) -> Side:
        user = server.users[login]
        db = open_local(tmp_path / f"client-{name or login}.sqlite")
        client = RegistryClient(server.base_url, **client_options)  # type: ignore[arg-type]
        client.login(login, user.password)
        side = Side(login, user.org_id, db, client, SyncEngine(db, client))
        sides.append(side)
        return side

    yield make
    for side in sides:
        side.client.close()
        side.db.close()

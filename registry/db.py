"""Engines and sessions for the registry database (SQLite or PostgreSQL via psycopg 3)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import JSON, Engine, Table, create_engine, event, insert, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from chairclient.private_files import create_private, private_dir
from registry.models import server_counters, server_settings

MIGRATIONS = Path(__file__).with_name("migrations")

#: Requests a worker process handles at once (its thread pool; anyio's default is 40). The
#: request work is mostly Python, which runs one thread at a time: a few threads already keep
#: a core busy while others wait for the database, and 40 made them queue for the interpreter
#: lock instead (50 clients: 174 syncs/s with 40 threads per worker, 280 with 4). Fewer
#: transactions at once also cost PostgreSQL less per sync (every commit takes the change
#: counter's row lock): on 2026-12-07, six alternating runs of the 50-client benchmark on two
#: workers gave 226 syncs/s on average with 2 threads against 180 with 4, and about 2.4 ms of
#: PostgreSQL CPU per sync against 3.5.
DEFAULT_THREADS = 2


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and ``postgres://`` as psycopg 3 URLs."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_connect(dbapi_connection: Any, _record: object) -> None:
    dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see _sqlite_begin)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    """Writers take the lock up front so two writers never deadlock on a lock upgrade."""
    immediate = connection.get_execution_options().get("write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str, *, autocommit: bool = False) -> Engine:
    """An engine on ``url``; ``autocommit`` (PostgreSQL): every connection of its pool stays in
    autocommit for good, with nothing to roll back when it returns to the pool."""
    url = normalise_url(url)
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # JIT off: the registry runs short statements, and the planner's estimate for a region's
    # pull is high enough to switch JIT on, which then compiles for longer than the query runs.
    # Pool: a connection for each request thread and a few spare (the CLI's and the tests'
    # own threads), so a busy server keeps its connections instead of opening and closing
    # overflow ones on every request (each a new PostgreSQL backend: that churn cost more than
    # the requests did).
    modes: dict[str, Any] = (
        {"isolation_level": "AUTOCOMMIT", "pool_reset_on_return": None} if autocommit else {}
    )
    options = "-c jit=off -c max_parallel_workers_per_gather=0"
    if autocommit:
        # Reads keep one plan per prepared statement. Left to choose, PostgreSQL planned the
        # pull's page statement (a subplan per entity) afresh on every sync, because its
        # generic plan looks dear on paper: 1.3 ms of planning for a 0.4 ms query. Paired
        # sequential syncs: PostgreSQL CPU per sync 2.85 -> 1.40 ms; a region's first
        # download took as long as before (2026-12-07).
        options += " -c plan_cache_mode=force_generic_plan"
    return create_engine(
        url, pool_size=DEFAULT_THREADS + 4, max_overflow=10, pool_pre_ping=False,
        connect_args={"options": options}, **modes,
    )


@dataclass
class Database:
    """One engine; ``write()`` gives a session inside one transaction, ``read()`` a session
    for reading only.

    On PostgreSQL ``read()`` runs its statements in autocommit: at READ COMMITTED (the
    registry's level) every statement takes its own snapshot anyway, so a BEGIN and a COMMIT
    around reads change nothing they see and cost two round trips on every request. Its
    connections come from a pool of their own, always in autocommit: switching a shared
    connection into autocommit and back on every checkout cost a tenth of a sync's time in
    the server."""

    url: str
    engine: Engine
    read_engine: Engine | None = None

    def __post_init__(self) -> None:
        if self.read_engine is None:
            postgres = self.engine.dialect.name == "postgresql"
            self.read_engine = make_engine(self.url, autocommit=True) if postgres else self.engine
        self._read = sessionmaker(self.read_engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(write=True), expire_on_commit=False
        )

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._write() as session, session.begin():
            yield session

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def close(self) -> None:
        self.engine.dispose()
        if self.read_engine is not None and self.read_engine is not self.engine:
            self.read_engine.dispose()


def bulk_insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows with the same keys: ``COPY`` on PostgreSQL, executemany elsewhere."""
    if not rows:
        return
    if session.get_bind().dialect.name != "postgresql":
        session.execute(insert(table), rows)
        return
    from psycopg import sql
    from psycopg.types.json import Json

    keys = list(rows[0])
    # COPY knows nothing of SQLAlchemy's Python-side defaults: send the scalar ones.
    defaults = {
        c.key: c.default.arg  # type: ignore[union-attr]
        for c in table.columns
        if c.key not in rows[0] and c.default is not None and c.default.is_scalar
    }
    keys += list(defaults)
    rows = [{**defaults, **row} for row in rows] if defaults else rows
    json_keys = {k for k in keys if isinstance(table.c[k].type, JSON)}
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, keys))
    )
    raw = session.connection().connection.driver_connection
    with raw.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(
                [Json(row[k]) if k in json_keys and row[k] is not None else row[k] for k in keys]
            )


def open_database(url: str) -> Database:
    url = normalise_url(url)
    return Database(url=url, engine=make_engine(url))


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def init_db(db: Database) -> None:
    """Bring the schema to head and create the counters and the signing secret once."""
    if db.is_sqlite:
        path = make_url(db.url).database
        if path and path != ":memory:":
            private_dir(Path(path).parent, tighten=False)
            create_private(path)  # every member of the union: owner-only
    command.upgrade(alembic_config(db.engine), "head")
    with db.write() as session:
        have = set(session.scalars(select(server_counters.c.key)))
        for key in ("change_seq", "tombstone_horizon"):
            if key not in have:
                session.execute(insert(server_counters).values(key=key, value=0))
        if session.scalar(select(server_settings.c.value).where(server_settings.c.key == "secret")) is None:
            session.execute(
                insert(server_settings).values(key="secret", value=secrets.token_hex(32))
            )

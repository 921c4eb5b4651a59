"""Demo databases shared by the tests of this folder (built once per session)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from chairclient.demo.build import build_demo_database

MEMBERS = 1500
SEED = 11


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo_database(path, members=MEMBERS, seed=SEED)
    return path


@pytest.fixture(scope="session")
def same_seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-again") / "demo.sqlite"
    build_demo_database(path, members=MEMBERS, seed=SEED)
    return path


@pytest.fixture(scope="session")
def other_seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-other") / "demo.sqlite"
    build_demo_database(path, members=MEMBERS, seed=SEED + 1)
    return path


@pytest.fixture()
def con(demo_db: Path) -> Iterator[sqlite3.Connection]:
    """A plain connection (the tests only read); rows as sqlite3.Row."""
    connection = sqlite3.connect(demo_db)
    connection.row_factory = sqlite3.Row
    try:
        yield connection
    finally:
        connection.close()

"""UI test fixtures: offscreen Qt in Russian, a demo database, background operations."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt application exists

import pytest  # noqa: E402

from chairclient.db.engine import Database, open_database  # noqa: E402

DEMO_MEMBERS = 3000


@pytest.fixture(scope="session", autouse=True)
def _russian_ui(qapp):
    """The application set up as ``run_app`` does it: Russian translation, Fusion style."""
    from PySide6.QtCore import QStandardPaths

    from ui.app import configure_application

    QStandardPaths.setTestModeEnabled(True)  # settings go to a test location, not the user's
    configure_application(qapp)
    return qapp


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory) -> Path:
    """A demo database built once per test session; tests must not write to it.

    ``CHAIRCLIENT_TEST_DB=/path/demo.sqlite`` reuses a database built beforehand.
    """
    prebuilt = os.environ.get("CHAIRCLIENT_TEST_DB")
    if prebuilt:
        return Path(prebuilt)
    from chairclient.demo.build import build_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo_database(path, members=DEMO_MEMBERS, seed=1)
    return path


@pytest.fixture
def writable_db_path(demo_db_path: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database for tests that save something."""
    target = tmp_path / "copy.sqlite"
    source = sqlite3.connect(demo_db_path)
    try:
        copy = sqlite3.connect(target)
        source.backup(copy)
        copy.close()
    finally:
        source.close()
    return target


def _operations(path: Path) -> Iterator[tuple[Database, object]]:
    from ui.operations import Operations

    db = open_database(path)
    operations = Operations(db)
    try:
        yield db, operations
    finally:
        operations.wait(20_000)
        db.close()


@pytest.fixture
def demo(demo_db_path: Path, qapp) -> Iterator[tuple[Database, object]]:
    """(database, Operations) on the shared demo database."""
    yield from _operations(demo_db_path)


@pytest.fixture
def writable(writable_db_path: Path, qapp) -> Iterator[tuple[Database, object]]:
    """(database, Operations) on a private copy of the demo database."""
    yield from _operations(writable_db_path)

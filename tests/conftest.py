"""Shared fixtures: real SQLite files in a temporary directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Registries in tests run as in production (a signing key from the environment, 32+ bytes);
# registry/settings.py refuses to start without one outside demo mode. Child processes
# (``registry serve``) inherit it.
os.environ.setdefault("REGISTRY_SECRET", "test-signing-key-" + "0123456789abcdef" * 2)

#: The session's PostgreSQL cluster fixture (``pg_cluster``), for registry and sync tests.
pytest_plugins = ("tests.pg",)

from chairclient.db.engine import Database, open_database  # noqa: E402


@pytest.fixture
def db(tmp_path: Path) -> Database:
    """An empty, migrated local database on disk."""
    database = open_database(tmp_path / "local.sqlite")
    yield database
    database.close()

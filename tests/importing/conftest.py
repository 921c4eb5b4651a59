"""Fixtures of the import tests: a migrated database with one organisation."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairclient.db.engine import Database, open_database
from tests.importing.helpers import add_org


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "local.sqlite")
    yield database
    database.close()


@pytest.fixture
def org_id(db: Database) -> str:
    return add_org(db)

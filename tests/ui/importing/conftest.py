"""Fixtures of the import wizard tests: a local database with one organisation, no members."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chairclient.db.engine import Database, open_database
from tests.importing.helpers import add_org
from ui.operations import Operations


@pytest.fixture
def local(tmp_path: Path, qapp) -> Iterator[tuple[Database, Operations, str]]:
    """(database, Operations, organisation id): one primary organisation, no members."""
    db = open_database(tmp_path / "local.sqlite")
    org_id = add_org(db)
    operations = Operations(db)
    yield db, operations, org_id
    operations.wait(20_000)
    db.close()

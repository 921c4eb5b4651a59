"""The indexes a long pull drops are exactly the migrated schema's secondary indexes of the
synced tables (but those the pull reads by), and it builds them back as they were."""

from __future__ import annotations

from pathlib import Path

from chairclient.db import pull_indexes
from chairclient.db.engine import open_database
from chairclient.db.models import SYNCED_MODELS


def _indexes(path: Path) -> dict[str, tuple[str, str]]:
    db = open_database(path)
    try:
        with db.engine.connect() as connection:
            return {name: (table, sql) for name, table, sql in connection.exec_driver_sql(
                "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index'"
                " AND sql IS NOT NULL")}
    finally:
        db.close()


def test_the_dropped_indexes_are_the_migrated_ones(tmp_path: Path) -> None:
    made = _indexes(tmp_path / "fresh.sqlite")
    synced = {model.__table__.name for model in SYNCED_MODELS.values()}
    secondary = {name for name, (table, sql) in made.items()
                 if table in synced and not sql.startswith("CREATE UNIQUE")}
    partial = {f"ix_{table}_unsynced_org" for table in synced}  # kept: rows do not enter them
    assert secondary - set(pull_indexes.index_statements()) == pull_indexes.PULL_READS | partial
    assert {name: made[name][1] for name in pull_indexes.index_statements()} == (
        pull_indexes.index_statements())


def test_suspended_and_restored_they_are_the_same(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    before = _indexes(path)
    db = open_database(path)
    with db.engine.begin() as connection:
        pull_indexes.suspend(connection)
        assert pull_indexes.missing(connection) == sorted(pull_indexes.index_statements())
        pull_indexes.restore(connection)
        assert pull_indexes.missing(connection) == []
    db.close()
    assert _indexes(path) == before

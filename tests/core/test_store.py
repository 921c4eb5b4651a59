"""The local store: file, WAL, migrations with a backup, seeded reference lists."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect

from chairclient.db import migrate
from chairclient.db.engine import open_database
from chairclient.db.models import SYNCED_MODELS, Base
from chairclient.db.reference_data import reference_rows

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_new_database_is_wal_and_at_head(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.sqlite")
    with db.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert migrate.head_revision() == migrate.alembic_head_revision()
    with db.engine.connect() as connection:
        from alembic.runtime.migration import MigrationContext

        alembic_current = MigrationContext.configure(connection).get_current_revision()
    assert alembic_current == migrate.current_revision(db.engine)
    db.close()


def test_schema_matches_models(db) -> None:
    """The migrations build exactly the tables the models declare."""
    tables = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
    assert tables == set(Base.metadata.tables)
    for table in Base.metadata.tables.values():
        columns = {c["name"] for c in inspect(db.engine).get_columns(table.name)}
        assert columns == set(table.columns.keys()), table.name


def test_every_synced_table_has_sync_columns() -> None:
    for name, model in SYNCED_MODELS.items():
        cols = set(model.__table__.columns.keys())
        assert {"id", "org_id", "version", "deleted"} <= cols, name


def test_reference_lists_are_seeded(db) -> None:
    with db.engine.connect() as c:
        for table, rows in reference_rows().items():
            codes = {r[0] for r in c.exec_driver_sql(f"SELECT code FROM {table}")}
            assert codes == {r["code"] for r in rows}, table
        pedagogical = c.exec_driver_sql(
            "SELECT pedagogical FROM ref_positions WHERE code='teacher'").scalar()
        assert pedagogical == 1


def test_reopening_does_not_back_up_or_migrate(tmp_path: Path) -> None:
    path = tmp_path / "b.sqlite"
    open_database(path).close()
    open_database(path).close()
    assert not list(tmp_path.glob("*.backup-*"))


def test_outdated_database_is_backed_up_before_migration(tmp_path: Path) -> None:
    """A database at an older schema (here: none applied, but with data) gets a backup copy."""
    path = tmp_path / "old.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE keepme (x TEXT)")
    con.execute("INSERT INTO keepme VALUES ('данные')")
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    con.execute("INSERT INTO alembic_version VALUES ('0000')")
    con.commit()
    con.close()
    with pytest.raises(Exception):  # noqa: B017 - unknown revision: refuse, keep the file
        open_database(path)
    backups = list(tmp_path.glob("old.backup-*"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT x FROM keepme").fetchone() == ("данные",)


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema_*.sqlite")), ids=lambda p: p.name)
def test_released_schema_fixtures_migrate_without_loss(tmp_path: Path, fixture: Path) -> None:
    """Every released schema, with data, upgrades to head and keeps every member."""
    path = tmp_path / fixture.name
    path.write_bytes(fixture.read_bytes())
    before = sqlite3.connect(path).execute("SELECT count(*), group_concat(id) FROM members")
    count, ids = before.fetchone()
    db = open_database(path)
    with db.engine.connect() as c:
        after = c.exec_driver_sql("SELECT count(*), group_concat(id) FROM members").one()
    assert (count, ids) == tuple(after)
    assert count > 0
    db.close()


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema_*.sqlite")), ids=lambda p: p.name)
def test_released_schema_consents_gain_an_empty_profcards_stamp(tmp_path: Path,
                                                                fixture: Path) -> None:
    """Migration 0004 keeps every consent as it was and adds ``profcards_sent_on`` (empty
    where the fixture has no such column: the next pull brings the registry's stamps)."""
    path = tmp_path / fixture.name
    path.write_bytes(fixture.read_bytes())
    old = sqlite3.connect(path)
    had_column = "profcards_sent_on" in {r[1] for r in old.execute("PRAGMA table_info(consents)")}
    query = ("SELECT id, org_id, member_id, signed_on, template_version, recorded_by, "
             "revoked_on, version, deleted FROM consents ORDER BY id")
    before = old.execute(query).fetchall()
    old.close()
    db = open_database(path)
    with db.engine.connect() as c:
        after = c.exec_driver_sql(query).fetchall()
        stamps = c.exec_driver_sql("SELECT count(*) FROM consents "
                                   "WHERE profcards_sent_on IS NOT NULL").scalar()
    db.close()
    assert [tuple(r) for r in after] == before and before
    assert had_column or stamps == 0

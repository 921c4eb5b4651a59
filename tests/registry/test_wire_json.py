"""On PostgreSQL each synced row keeps its wire JSON, the array a pull sends, written by a
trigger (migrations 0007 and 0008): the stored text is always what rendering the row now
gives, through creates, edits, deletes and moves, and the migrations' frozen column lists are
the wire columns of today's tables, in run order."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from sqlalchemy import text

from registry.db import Database
from registry.models import ENTITY_TABLES
from registry.wire import run_columns, wire_columns
from tests.registry.helpers import Api, create, delete, update
from tests.registry.world import World, member_values, new_id

migration = importlib.import_module("registry.migrations.versions.0007_stored_wire_json")
runs_migration = importlib.import_module("registry.migrations.versions.0008_stored_run_rows")
requests_migration = importlib.import_module("registry.migrations.versions.0009_transfer_requests")
closure_migration = importlib.import_module(
    "registry.migrations.versions.0012_organisation_closure")


def test_frozen_column_lists_are_the_wire_columns() -> None:
    tables = {name: table for name, table in ENTITY_TABLES.items()
              if table.name != "transfer_requests"}  # added by revision 0009, with its own list
    # Revision 0012 froze the organisations' array anew (with the closure columns).
    latest = {**runs_migration.RUN_COLUMNS, **closure_migration.RUN_COLUMNS}
    assert {table.name: tuple(run_columns(table)) for table in tables.values()} == latest
    for table in tables.values():
        assert set(wire_columns(table)) == {*latest[table.name], "deleted"}, table.name
    assert set(migration.WIRE_COLUMNS) == set(latest)
    requests = ENTITY_TABLES["transfer_request"]
    assert tuple(run_columns(requests)) == requests_migration.RUN_COLUMNS


def _stale_rows(db: Database) -> dict[str, int]:
    """Per table, rows whose stored text differs from a fresh rendering (or is missing)."""
    stale = {}
    with db.read() as session:
        for table in ENTITY_TABLES.values():
            columns = ", ".join(f't."{key}"' for key in run_columns(table))
            fresh = f"json_build_array({columns})::text"
            stale[table.name] = session.execute(text(
                f'SELECT count(*) FROM "{table.name}" t'
                f" WHERE t.wire_row IS DISTINCT FROM {fresh}")).scalar_one()
    return stale


def test_stored_wire_json_follows_every_write(api: Api, world: World, db: Database) -> None:
    if db.engine.dialect.name != "postgresql":
        return  # SQLite renders rows at each pull: nothing is stored
    org, other = world.orgs["P1a"], world.orgs["P1b"]
    ids = [new_id() for _ in range(3)]
    api.push("chair1a", *(create("member", i, org, member_values()) for i in ids))
    api.push("chair1a", update("member", ids[0], org, {"phone": "+79037778899",
                                                      "note": 'кавычки " и \\ слэш'},
                               {"phone": "+79161234567", "note": None}))
    api.push("chair1a", delete("member", ids[1], org))
    api.push("terr1", update("organisation", other, other, {"short_name": "ППО «Ёлочка»\n"},
                             {"short_name": "Орг P1b"}))
    assert set(_stale_rows(db).values()) == {0}
    with db.read() as session:
        stored = session.execute(text("SELECT wire_row FROM members WHERE id = :id"),
                                 {"id": ids[0]}).scalar_one()
    row = dict(zip(run_columns(ENTITY_TABLES["member"]), json.loads(stored), strict=True))
    assert row["note"] == 'кавычки " и \\ слэш' and row["phone"] == "+79037778899"
    assert (row["id"], row["org_id"], row["version"]) == (ids[0], org, 2)


def test_migration_goes_down_and_up_again(pg_cluster) -> None:
    """Down to 0006 the columns, functions and triggers go; up again every row is rendered."""
    import subprocess
    import sys

    from alembic import command

    from registry.db import alembic_config, init_db, open_database

    url = pg_cluster.create_database("wire_json_migration")
    db = open_database(url)
    try:
        init_db(db)
        subprocess.run([sys.executable, "-m", "registry", "seed-demo", "--db", url,
                        "--members", "40"], cwd=Path(__file__).resolve().parents[2],
                       check=True, capture_output=True)
        command.downgrade(alembic_config(db.engine), "0006_live_row_counts")
        with db.read() as session:
            assert session.execute(text(
                "SELECT count(*) FROM information_schema.columns"
                " WHERE column_name IN ('wire_json', 'wire_row')")).scalar_one() == 0
        command.upgrade(alembic_config(db.engine), "head")
        stale = _stale_rows(db)
        assert set(stale.values()) == {0}
        with db.read() as session:
            assert session.execute(text("SELECT count(*) FROM members")).scalar_one() >= 40
    finally:
        db.engine.dispose()

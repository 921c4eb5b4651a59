"""Each synced row kept on write as the array a pull sends (PostgreSQL): ``wire_row``.

Pages now carry runs of rows as arrays (:class:`sync.protocol.ChangeRun`) instead of one
object per change: the field names repeated in every row were more than half of a first
download's bytes, and of the JSON both ends render and read. So the row text kept on write
(revision 0007) becomes the row's values as a JSON array in run column order: ``id``,
``org_id``, ``version``, then the other wire columns but ``deleted``. A pull then sends each
live row's stored text as it is, with nothing put around it.

The column lists are 0007's (frozen there), reordered; a later revision that adds a wire
column recreates that table's function. ``tests/registry/test_wire_json.py`` checks on
PostgreSQL that every stored text equals a fresh rendering of the row.

Revision ID: 0008_stored_run_rows
Revises: 0007_stored_wire_json
Create Date: 2026-12-07 12:00:00
"""

import importlib

from alembic import op

revision = "0008_stored_run_rows"
down_revision = "0007_stored_wire_json"
branch_labels = None
depends_on = None

_previous = importlib.import_module("registry.migrations.versions.0007_stored_wire_json")
_FIRST = ("id", "org_id", "version")

#: Per synced table, the columns of its stored array, in order.
RUN_COLUMNS: dict[str, tuple[str, ...]] = {
    table: (*_FIRST, *(c for c in columns if c not in _FIRST and c != "deleted"))
    for table, columns in _previous.WIRE_COLUMNS.items()
}


def wire_row_function(table: str, columns: tuple[str, ...]) -> str:
    """The trigger function that renders a row of ``table`` as a JSON array of ``columns``."""
    values = ", ".join(f'NEW."{column}"' for column in columns)
    return (
        f"CREATE OR REPLACE FUNCTION {table}_wire_row() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"BEGIN\n    NEW.wire_row := json_build_array({values})::text;\n"
        "    RETURN NEW;\nEND $$"
    )


def _drop(table: str, name: str) -> None:
    op.execute(f"DROP TRIGGER {table}_{name} ON {table}")
    op.execute(f"DROP FUNCTION {table}_{name}()")
    op.execute(f"ALTER TABLE {table} DROP COLUMN {name}")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, columns in RUN_COLUMNS.items():
        _drop(table, "wire_json")
        op.execute(f"ALTER TABLE {table} ADD COLUMN wire_row text")
        op.execute(wire_row_function(table, columns))
        op.execute(
            f"CREATE TRIGGER {table}_wire_row BEFORE INSERT OR UPDATE ON {table}"
            f" FOR EACH ROW EXECUTE FUNCTION {table}_wire_row()"
        )
        op.execute(f"UPDATE {table} SET wire_row = NULL")  # the trigger renders each row


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in RUN_COLUMNS:
        _drop(table, "wire_row")
    _previous.upgrade()

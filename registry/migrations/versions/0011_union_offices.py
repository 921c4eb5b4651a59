"""Union offices: ``member_roles.body`` and ``body_name``; the union's full list of offices.

The body an office is held in (профком, КРК, профгруппа … — chairclient.domain.role_rules)
and which one; ``ref_union_roles`` gets the union's offices by upserting every reference row.
On PostgreSQL the member_roles' stored wire row (revision 0008) gains the two columns: its
trigger function is recreated with the new column list (frozen here, as a migration's must be)
and every office is rendered again.

Revision ID: 0011_union_offices
Revises: 0010_sign_in_throttle
Create Date: 2026-12-08 12:00:00
"""

import importlib

import sqlalchemy as sa
from alembic import op

from chairclient.db.reference_data import seed_reference_data

revision = "0011_union_offices"
down_revision = "0010_sign_in_throttle"
branch_labels = None
depends_on = None

_runs = importlib.import_module("registry.migrations.versions.0008_stored_run_rows")

NEW_COLUMNS = ("body", "body_name")
_BEFORE = _runs.RUN_COLUMNS["member_roles"]
_AT = _BEFORE.index("until") + 1
#: The member_roles' stored array as of this revision (the others are as in 0008).
RUN_COLUMNS: dict[str, tuple[str, ...]] = {
    "member_roles": (*_BEFORE[:_AT], *NEW_COLUMNS, *_BEFORE[_AT:]),
}


def upgrade() -> None:
    with op.batch_alter_table("member_roles") as batch:
        batch.add_column(sa.Column("body", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("body_name", sa.String(length=200), nullable=True))
    seed_reference_data(op.get_bind())
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_runs.wire_row_function("member_roles", RUN_COLUMNS["member_roles"]))
        op.execute("UPDATE member_roles SET wire_row = NULL")  # the trigger renders each row


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_runs.wire_row_function("member_roles", _BEFORE))
    with op.batch_alter_table("member_roles") as batch:
        for column in reversed(NEW_COLUMNS):
            batch.drop_column(column)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("UPDATE member_roles SET wire_row = NULL")

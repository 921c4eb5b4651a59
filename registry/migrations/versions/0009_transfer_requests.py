"""Two-sided transfers: transfer requests (one copy per organisation) and opaque lookup handles.

``transfer_requests`` is a synced table (see :mod:`chairclient.db.models_transfer`): on
PostgreSQL it gets what every synced table has there, the live-count triggers (revision 0006)
and the stored run row (revision 0008). ``lookup_handles`` keeps the random handles a lookup
answers (their hashes), so that a handle is never a row id (:mod:`registry.lookup_handles`).

Revision ID: 0009_transfer_requests
Revises: 0008_stored_run_rows
Create Date: 2026-12-09 10:00:00
"""

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0009_transfer_requests"
down_revision = "0008_stored_run_rows"
branch_labels = None
depends_on = None

_runs = importlib.import_module("registry.migrations.versions.0008_stored_run_rows")

#: The columns of the stored run row, in order (as :func:`registry.wire.run_columns` gives them
#: on this revision).
RUN_COLUMNS = (
    "id", "org_id", "version", "request_id", "side", "state", "member_id", "person_label",
    "other_org_id", "other_org_name", "other_org_code", "transfer_date", "comment",
    "requested_at", "decided_on", "decision_comment", "decided_by", "updated_at",
)


def upgrade() -> None:
    op.create_table(
        "transfer_requests",
        sa.Column("request_id", sa.String(36), nullable=False),
        sa.Column("side", sa.String(10), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("member_id", sa.String(36), nullable=True),
        sa.Column("person_label", sa.String(300), nullable=False),
        sa.Column("other_org_id", sa.String(36), nullable=False),
        sa.Column("other_org_name", sa.String(500), nullable=False),
        sa.Column("other_org_code", sa.String(40), nullable=False),
        sa.Column("transfer_date", sa.Date(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decision_comment", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.String(600), nullable=True),
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_transfer_requests"),
    )
    for column in ("request_id", "member_id", "org_id"):
        op.create_index(f"ix_transfer_requests_{column}", "transfer_requests", [column])
    op.create_table(
        "lookup_handles",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("user_id", sa.String(36), nullable=False),
        sa.Column("member_id", sa.String(36), nullable=False),
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name="pk_lookup_handles"),
    )
    op.create_index("ix_lookup_handles_expires_at", "lookup_handles", ["expires_at"])
    if op.get_bind().dialect.name != "postgresql":
        return
    table, entity = "transfer_requests", "transfer_request"
    op.execute(
        f"CREATE TRIGGER {table}_live_rows_updated AFTER UPDATE ON {table} FOR EACH ROW"
        " WHEN (OLD.deleted IS DISTINCT FROM NEW.deleted"
        " OR OLD.org_id IS DISTINCT FROM NEW.org_id)"
        f" EXECUTE FUNCTION live_rows_updated('{entity}')"
    )
    for event, function, rows in (("INSERT", "live_rows_inserted", "NEW TABLE AS new_rows"),
                                  ("DELETE", "live_rows_deleted", "OLD TABLE AS old_rows")):
        op.execute(
            f"CREATE TRIGGER {table}_{function} AFTER {event} ON {table}"
            f" REFERENCING {rows} FOR EACH STATEMENT EXECUTE FUNCTION {function}('{entity}')"
        )
    op.execute(f"ALTER TABLE {table} ADD COLUMN wire_row text")
    op.execute(_runs.wire_row_function(table, RUN_COLUMNS))
    op.execute(
        f"CREATE TRIGGER {table}_wire_row BEFORE INSERT OR UPDATE ON {table}"
        f" FOR EACH ROW EXECUTE FUNCTION {table}_wire_row()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION transfer_requests_wire_row() CASCADE")
    op.drop_index("ix_lookup_handles_expires_at", table_name="lookup_handles")
    op.drop_table("lookup_handles")
    op.drop_table("transfer_requests")

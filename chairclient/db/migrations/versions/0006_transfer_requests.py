"""transfer requests: each organisation's copy of a request to transfer a member

See :mod:`chairclient.db.models_transfer`. A new synced table, with what every synced table has:
the partial index of unsynced rows (revision 0003) and the count triggers (revision 0005).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-09 10:00:00
"""

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_counts = importlib.import_module("chairclient.db.migrations.versions.0005_synced_row_counts")
_unsynced = importlib.import_module("chairclient.db.migrations.versions.0003_unsynced_row_indexes")


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
    op.execute("CREATE INDEX IF NOT EXISTS ix_transfer_requests_unsynced_org ON "
               f"transfer_requests (org_id) WHERE {_unsynced.UNSYNCED}")
    _counts.create_triggers("transfer_request", "transfer_requests")


def downgrade() -> None:
    _counts.drop_triggers("transfer_requests")
    op.drop_table("transfer_requests")

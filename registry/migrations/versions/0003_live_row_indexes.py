"""Live row indexes: partial ``org_id`` indexes of the rows not deleted, for ``/sync/meta``.

Every client sync asks for the live rows per organisation of its scope. Grouping a whole
region's tables row by row took a fifth of a second per call on PostgreSQL; with these indexes
the counts come from index-only scans.

Revision ID: 0003_live_row_indexes
Revises: 0002_member_lookups
Create Date: 2026-11-22 08:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_live_row_indexes"
down_revision = "0002_member_lookups"
branch_labels = None
depends_on = None

TABLES = (
    "organisations",
    "organisation_name_changes",
    "members",
    "membership_events",
    "consents",
    "member_roles",
    "cards",
    "card_status_changes",
    "card_requests",
)


def upgrade() -> None:
    for table in TABLES:
        op.create_index(
            f"ix_{table}_live_org", table, ["org_id"],
            postgresql_where=sa.text("NOT deleted"), sqlite_where=sa.text("deleted = 0"),
        )


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_live_org", table_name=table)

"""Member lookups across the registry (transfers, duplicate checks): audit table and the
birth-date index the name lookups start from.

Revision ID: 0002_member_lookups
Revises: 0001
Create Date: 2026-11-24 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_member_lookups"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member_lookups",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=True),
        sa.Column("org_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_lookups")),
    )
    # Plain CREATE INDEX (no batch copy of the members table on SQLite).
    op.create_index("ix_member_lookups_user_at", "member_lookups", ["user_id", "at"])
    op.create_index("ix_member_lookups_member_user", "member_lookups", ["member_id", "user_id"])
    op.create_index("ix_members_birth_date", "members", ["birth_date"])


def downgrade() -> None:
    op.drop_index("ix_members_birth_date", table_name="members")
    op.drop_index("ix_member_lookups_member_user", table_name="member_lookups")
    op.drop_index("ix_member_lookups_user_at", table_name="member_lookups")
    op.drop_table("member_lookups")

"""union offices: the body an office is held in, and the union's full list of offices

``member_roles`` gains ``body`` (профком, КРК, профгруппа … — chairclient.domain.role_rules)
and ``body_name`` (which профгруппа); the reference list ``ref_union_roles`` gets the union's
offices (казначей, председатель КРК …) by upserting every reference row. Adding nullable
columns keeps the table (SQLite's ADD COLUMN), so its count triggers (revision 0005) stay.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08 12:00:00
"""

import sqlalchemy as sa
from alembic import op

from chairclient.db.reference_data import seed_reference_data

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("member_roles", sa.Column("body", sa.String(length=20), nullable=True))
    op.add_column("member_roles", sa.Column("body_name", sa.String(length=200), nullable=True))
    seed_reference_data(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("member_roles") as batch:
        batch.drop_column("body_name")
        batch.drop_column("body")

"""consent profcards_sent_on: the date of the PROFCARDS feed that carried the consent

The registry writes it when its daily feed adds the member (the client never sets it); the
dashboard's «Не передано в PROFCARDS» counts members with a live consent none of whose live
consents has it. Existing rows start empty and are filled by the next pull.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 15:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("consents") as batch:
        batch.add_column(sa.Column("profcards_sent_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("consents") as batch:
        batch.drop_column("profcards_sent_on")

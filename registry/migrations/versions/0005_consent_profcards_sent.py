"""Consents: ``profcards_sent_on``, the date of the PROFCARDS feed that carried the consent.

Written by ``profcards-feed`` through the logged, audited write path; existing consents of
members already sent get it at the next feed (the date of their latest «add» line).

Revision ID: 0005_consent_profcards_sent
Revises: 0004_cards_profcards
Create Date: 2026-12-04 15:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_consent_profcards_sent"
down_revision = "0004_cards_profcards"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("consents") as batch:
        batch.add_column(sa.Column("profcards_sent_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("consents") as batch:
        batch.drop_column("profcards_sent_on")

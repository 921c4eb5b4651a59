"""ЭПБ production batches and the PROFCARDS feed record (issue 6).

Revision ID: 0004_cards_profcards
Revises: 0003_live_row_indexes
Create Date: 2026-12-04 15:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_cards_profcards"
down_revision = "0003_live_row_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "card_batches",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("batch_date", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("requests", sa.Integer(), nullable=False),
        sa.Column("cards", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card_batches")),
        sa.UniqueConstraint("batch_date", name=op.f("uq_card_batches_batch_date")),
    )
    op.create_table(
        "profcards_feeds",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("feed_date", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("withdrawn", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profcards_feeds")),
        sa.UniqueConstraint("feed_date", name=op.f("uq_profcards_feeds_feed_date")),
    )
    op.create_table(
        "profcards_sent",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("feed_date", sa.Date(), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("line", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profcards_sent")),
    )
    op.create_index("ix_profcards_sent_feed_date", "profcards_sent", ["feed_date"])
    op.create_index("ix_profcards_sent_member", "profcards_sent", ["member_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_profcards_sent_member", table_name="profcards_sent")
    op.drop_index("ix_profcards_sent_feed_date", table_name="profcards_sent")
    op.drop_table("profcards_sent")
    op.drop_table("profcards_feeds")
    op.drop_table("card_batches")

"""organisation closure: closed_on, closure_kind, merged_into_id, closure_note

Set by the registry's close and reopen commands and pulled like any other field; the client
never writes them. A closed organisation stays in the store (its superiors see it under the
tree's «Закрытые» filter). Existing rows start open; the next pull fills the columns.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE (SQLite 3.35+ drops columns too): a batch copy of ``organisations``
    # would drop its row-count triggers (revision 0005) and the table every row refers to.
    op.add_column("organisations", sa.Column("closed_on", sa.Date(), nullable=True))
    op.add_column("organisations", sa.Column("closure_kind", sa.String(length=12), nullable=True))
    op.add_column("organisations",
                  sa.Column("merged_into_id", sa.String(length=36), nullable=True))
    op.add_column("organisations", sa.Column("closure_note", sa.Text(), nullable=True))


def downgrade() -> None:
    for column in ("closure_note", "merged_into_id", "closure_kind", "closed_on"):
        op.drop_column("organisations", column)

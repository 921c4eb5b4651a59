"""Sign-in that cannot be turned against its owner: failures per login and source, a rate per
source, the last sign-in of a login.

``sign_in_failures`` counts wrong passwords per (login, source address) — five lock that pair,
not the login, so an attacker elsewhere never keeps the owner out — and per source address, whose
budget spent delays that address with growing waits. ``sign_in_rate`` holds the theoretical
arrival time of a generic cell-rate limit per source address on the password endpoints. Both
live in the database, so every registry process behind the proxy shares them.

``users.locked_until`` goes: a login is no longer locked as a whole. ``users.last_sign_in_at``
shows in «Администрирование → Пользователи». The column is dropped with ALTER TABLE (SQLite
3.35+ has DROP COLUMN): a batch copy of ``users`` would drop the table, and with foreign keys on
SQLite deletes the positions and tokens that refer to it.

Revision ID: 0010_sign_in_throttle
Revises: 0009_transfer_requests
Create Date: 2026-12-08 01:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_sign_in_throttle"
down_revision = "0009_transfer_requests"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sign_in_failures",
        sa.Column("kind", sa.String(6), nullable=False),
        sa.Column("login", sa.String(100), nullable=False),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("window_start", sa.DateTime(), nullable=False),
        sa.Column("blocked_until", sa.DateTime(), nullable=True),
        sa.Column("strikes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "login", "source", name=op.f("pk_sign_in_failures")),
    )
    op.create_index("ix_sign_in_failures_window_start", "sign_in_failures", ["window_start"])
    op.create_table(
        "sign_in_rate",
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("tat", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("source", name=op.f("pk_sign_in_rate")),
    )
    op.add_column("users", sa.Column("last_sign_in_at", sa.DateTime(), nullable=True))
    op.drop_column("users", "locked_until")


def downgrade() -> None:
    op.add_column("users", sa.Column("locked_until", sa.DateTime(), nullable=True))
    op.drop_column("users", "last_sign_in_at")
    op.drop_table("sign_in_rate")
    op.drop_index("ix_sign_in_failures_window_start", "sign_in_failures")
    op.drop_table("sign_in_failures")

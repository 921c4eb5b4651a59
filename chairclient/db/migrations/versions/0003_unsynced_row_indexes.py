"""unsynced row indexes: partial indexes for the sync's per-organisation count check

Every sync compares the live rows of each organisation held locally with the registry's counts.
Counting them row by row took seconds in a 100,000-member region; with these small partial
indexes (rows deleted or never acknowledged) the count is the ``org_id`` index's count minus
this index's, both read without touching the tables. (Since 0005 the counts are kept on
write; ``chairclient.db.row_counts`` rebuilds them, or recounts one organisation, this way.)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 08:30:00
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

#: Must stay the same text as ``chairclient.db.row_counts.UNSYNCED``: SQLite uses a partial index only for a
#: query whose condition matches the index's.
UNSYNCED = "deleted <> 0 OR version <= 0"
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
        op.execute(
            f"CREATE INDEX IF NOT EXISTS ix_{table}_unsynced_org ON {table} (org_id) "
            f"WHERE {UNSYNCED}"
        )


def downgrade() -> None:
    for table in TABLES:
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_unsynced_org")

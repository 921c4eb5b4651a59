"""synced row counts: live rows per entity and organisation, kept by triggers on every write

The sync compares each organisation's live local rows with the registry's counts after every
sync. Counting them read the whole ``org_id`` index of every table (a tenth of a second in a
100,000-member region, seconds after a cold start); with the counts kept on write the check
reads a table of a few hundred rows. ``chairclient.db.row_counts`` recounts an organisation from its rows
before it believes a difference, so a count gone wrong costs a recount, never a re-download.

A later migration that rebuilds a synced table (``batch_alter_table`` copies it) drops its
triggers: it must call :func:`create_triggers` for that table again (a test checks they exist).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 06:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

#: Entity name → table (as ``chairclient.db.models.SYNCED_MODELS`` on this revision).
TABLES = {
    "organisation": "organisations",
    "organisation_name_change": "organisation_name_changes",
    "member": "members",
    "membership_event": "membership_events",
    "consent": "consents",
    "member_role": "member_roles",
    "card": "cards",
    "card_status_change": "card_status_changes",
    "card_request": "card_requests",
}
#: A row the registry knows and that is not deleted (the opposite of ``chairclient.db.row_counts.UNSYNCED``).
LIVE = "{row}.deleted = 0 AND {row}.version > 0"


def create_triggers(entity: str, table: str) -> None:
    """The three triggers that keep ``synced_row_counts`` right for ``table``."""
    old, new = LIVE.format(row="OLD"), LIVE.format(row="NEW")
    add = ("INSERT INTO synced_row_counts (entity, org_id, live) "
           f"SELECT '{entity}', NEW.org_id, 1 WHERE {new} "
           "ON CONFLICT (entity, org_id) DO UPDATE SET live = live + 1;")
    remove = (f"UPDATE synced_row_counts SET live = live - 1 WHERE entity = '{entity}' "
              f"AND org_id = OLD.org_id AND {old};")
    op.execute(f"CREATE TRIGGER {table}_count_insert AFTER INSERT ON {table} "
               f"BEGIN {add} END")
    op.execute(f"CREATE TRIGGER {table}_count_delete AFTER DELETE ON {table} "
               f"BEGIN {remove} END")
    op.execute(f"CREATE TRIGGER {table}_count_update AFTER UPDATE OF org_id, deleted, version "
               f"ON {table} WHEN OLD.org_id IS NOT NEW.org_id OR ({old}) IS NOT ({new}) "
               f"BEGIN {remove} {add} END")


def drop_triggers(table: str) -> None:
    for event in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_count_{event}")


def upgrade() -> None:
    op.create_table(
        "synced_row_counts",
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.Column("live", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "org_id", name="pk_synced_row_counts"),
    )
    for entity, table in TABLES.items():
        create_triggers(entity, table)
        op.execute(f"INSERT INTO synced_row_counts (entity, org_id, live) "
                   f"SELECT '{entity}', org_id, count(*) FROM {table} "
                   f"WHERE {LIVE.format(row=table)} GROUP BY org_id")


def downgrade() -> None:
    for table in TABLES.values():
        drop_triggers(table)
    op.drop_table("synced_row_counts")

"""Live row counts kept on write (PostgreSQL): ``live_row_counts`` and its triggers.

Every sync ends with a check of the live rows per organisation. Counting them at each sync read
a chair's whole organisation (tens of thousands of index entries for a large school), and
that count was most of PostgreSQL's work per sync. Here each write adds what it changed:
statement-level triggers on every synced table append, per organisation, the difference in
live rows (``NOT deleted``) that the statement made. A bulk insert (``COPY`` of a seed or an
import) adds one row per organisation, a plain field edit adds nothing. Rows are only ever
appended, so writers never wait for each other here; the reader sums them and folds them
together now and then (:mod:`registry.live_counts`).

SQLite (the embedded registry of one desktop) keeps counting the tables directly: it holds one
region at most, and its counts take milliseconds.

Revision ID: 0006_live_row_counts
Revises: 0005_consent_profcards_sent
Create Date: 2026-12-04 18:20:00
"""

from alembic import op

revision = "0006_live_row_counts"
down_revision = "0005_consent_profcards_sent"
branch_labels = None
depends_on = None

#: Synced tables and the entity name each has on the wire (as of this revision).
TABLES = {
    "organisations": "organisation",
    "organisation_name_changes": "organisation_name_change",
    "members": "member",
    "membership_events": "membership_event",
    "consents": "consent",
    "member_roles": "member_role",
    "cards": "card",
    "card_status_changes": "card_status_change",
    "card_requests": "card_request",
}

FUNCTIONS = """
CREATE FUNCTION live_rows_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO live_row_counts (org_id, entity, delta)
    SELECT org_id, TG_ARGV[0], count(*) FROM new_rows WHERE NOT deleted GROUP BY org_id;
    RETURN NULL;
END $$;

CREATE FUNCTION live_rows_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO live_row_counts (org_id, entity, delta)
    SELECT org_id, TG_ARGV[0], -count(*) FROM old_rows WHERE NOT deleted GROUP BY org_id;
    RETURN NULL;
END $$;

CREATE FUNCTION live_rows_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT OLD.deleted THEN
        INSERT INTO live_row_counts (org_id, entity, delta) VALUES (OLD.org_id, TG_ARGV[0], -1);
    END IF;
    IF NOT NEW.deleted THEN
        INSERT INTO live_row_counts (org_id, entity, delta) VALUES (NEW.org_id, TG_ARGV[0], 1);
    END IF;
    RETURN NULL;
END $$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE TABLE live_row_counts (id bigserial PRIMARY KEY,"
        " org_id varchar(36) NOT NULL, entity varchar(40) NOT NULL, delta bigint NOT NULL)"
    )
    op.execute("CREATE INDEX ix_live_row_counts_org ON live_row_counts (org_id)"
               " INCLUDE (entity, delta)")
    op.execute(FUNCTIONS)
    for table, entity in TABLES.items():
        # Row level for updates, and only when the row enters, leaves or changes organisation:
        # the condition is checked without calling the function, so plain edits cost nothing.
        op.execute(
            f"CREATE TRIGGER {table}_live_rows_updated AFTER UPDATE ON {table} FOR EACH ROW"
            " WHEN (OLD.deleted IS DISTINCT FROM NEW.deleted"
            " OR OLD.org_id IS DISTINCT FROM NEW.org_id)"
            f" EXECUTE FUNCTION live_rows_updated('{entity}')"
        )
        for event, function, rows in (("INSERT", "live_rows_inserted", "NEW TABLE AS new_rows"),
                                      ("DELETE", "live_rows_deleted", "OLD TABLE AS old_rows")):
            op.execute(
                f"CREATE TRIGGER {table}_{function} AFTER {event} ON {table}"
                f" REFERENCING {rows} FOR EACH STATEMENT EXECUTE FUNCTION {function}('{entity}')"
            )
        # The rows already there (the triggers exist and hold off writers until the commit).
        op.execute(
            "INSERT INTO live_row_counts (org_id, entity, delta)"
            f" SELECT org_id, '{entity}', count(*) FROM {table} WHERE NOT deleted"
            " GROUP BY org_id"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        for name in ("live_rows_updated", "live_rows_inserted", "live_rows_deleted"):
            op.execute(f"DROP TRIGGER {table}_{name} ON {table}")
    for name in ("live_rows_updated", "live_rows_inserted", "live_rows_deleted"):
        op.execute(f"DROP FUNCTION {name}()")
    op.execute("DROP TABLE live_row_counts")

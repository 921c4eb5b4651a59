"""Each synced row's wire JSON kept on write (PostgreSQL): ``wire_json`` and its triggers.

A first download of a whole region renders every row of it as JSON (some 630,000 rows for
100,000 members), and rendering was most of PostgreSQL's work in a pull: about twenty
microseconds a row, paid again by every client that downloads the same rows. Here a row trigger
renders the row's wire columns once, when the row is written, into ``wire_json``; a pull sends
that text as it is (:mod:`registry.pull_pg`, which still renders a row whose text is missing).
A write pays the rendering once; the rows are read many times more often than written.

The column lists are frozen as of this revision (as a migration's must be); a later revision
that adds a wire column recreates that table's function. ``tests/registry/test_wire_json.py``
checks on PostgreSQL that every stored text equals a fresh rendering of the row.

SQLite (the embedded registry) renders rows in Python at each pull, as before.

Revision ID: 0007_stored_wire_json
Revises: 0006_live_row_counts
Create Date: 2026-12-07 02:30:00
"""

from alembic import op

revision = "0007_stored_wire_json"
down_revision = "0006_live_row_counts"
branch_labels = None
depends_on = None

#: Per synced table, its wire columns (every column but the client-derived ones).
WIRE_COLUMNS: dict[str, tuple[str, ...]] = {
    "organisations": (
        "parent_id", "level", "code", "full_name", "short_name", "kind", "employer_type",
        "founded_on", "is_legal_entity", "inn", "kpp", "ogrn", "has_territorial_rights",
        "employer_full_name", "employer_inn", "employer_kpp", "employer_ogrn",
        "employer_address", "employer_head_name", "employer_head_position", "chair_name",
        "chair_elected_on", "chair_term_until", "chair_released", "chair_phone", "chair_email",
        "deputy_name", "committee_count", "revision_count", "safety_reps_count", "staff_as_of",
        "employees_total", "employees_women", "employees_youth", "employees_pedagogical",
        "students_total", "postal_index", "address", "phone", "email", "website",
        "collective_agreement", "agreement_concluded_on", "agreement_valid_until",
        "pd_operator_name", "pd_operator_address", "pd_processors", "id", "version", "deleted",
        "updated_at", "org_id"
    ),
    "organisation_name_changes": (
        "organisation_id", "old_full_name", "new_full_name", "old_short_name", "new_short_name",
        "kind", "state", "comment", "id", "version", "deleted", "updated_at", "org_id"
    ),
    "members": (
        "last_name", "first_name", "patronymic", "birth_date", "sex", "snils", "category",
        "member_since", "registered_on", "registration_method", "status", "removed_on",
        "removal_reason", "workplace", "position_code", "position_text", "staff_category",
        "study_level", "study_course", "study_form", "education_level", "academic_degree",
        "dues_form", "address", "phone", "email", "note", "id", "version", "deleted",
        "updated_at", "org_id"
    ),
    "membership_events": (
        "member_id", "kind", "event_date", "reason", "from_org_id", "to_org_id", "old_category",
        "new_category", "registration_method", "note", "id", "version", "deleted", "updated_at",
        "org_id"
    ),
    "consents": (
        "member_id", "signed_on", "template_version", "recorded_by", "revoked_on",
        "profcards_sent_on", "id", "version", "deleted", "updated_at", "org_id"
    ),
    "member_roles": (
        "member_id", "role", "since", "until", "id", "version", "deleted", "updated_at",
        "org_id"
    ),
    "cards": (
        "member_id", "number", "status", "request_id", "issued_on", "replaces_id", "id",
        "version", "deleted", "updated_at", "org_id"
    ),
    "card_status_changes": (
        "card_id", "status", "changed_at", "note", "id", "version", "deleted", "updated_at",
        "org_id"
    ),
    "card_requests": (
        "state", "submitted_at", "processing_date", "batch_id", "id", "version", "deleted",
        "updated_at", "org_id"
    ),
}


def wire_json_function(table: str, columns: tuple[str, ...]) -> str:
    """The trigger function that renders a row of ``table`` (``row_to_json`` of ``columns``,
    named as the columns: plpgsql would otherwise name them after its parameters)."""
    fields = ", ".join(f'NEW."{column}" AS "{column}"' for column in columns)
    return (
        f"CREATE OR REPLACE FUNCTION {table}_wire_json() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"BEGIN\n    NEW.wire_json := (SELECT row_to_json(w) FROM (SELECT {fields}) w)::text;\n"
        "    RETURN NEW;\nEND $$"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, columns in WIRE_COLUMNS.items():
        op.execute(f"ALTER TABLE {table} ADD COLUMN wire_json text")
        op.execute(wire_json_function(table, columns))
        op.execute(
            f"CREATE TRIGGER {table}_wire_json BEFORE INSERT OR UPDATE ON {table}"
            f" FOR EACH ROW EXECUTE FUNCTION {table}_wire_json()"
        )
        op.execute(f"UPDATE {table} SET wire_json = NULL")  # the trigger renders each row


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in WIRE_COLUMNS:
        op.execute(f"DROP TRIGGER {table}_wire_json ON {table}")
        op.execute(f"DROP FUNCTION {table}_wire_json()")
        op.execute(f"ALTER TABLE {table} DROP COLUMN wire_json")

"""Initial registry schema: entity and reference tables, users, tokens, change log, audit.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 02:38:53.305422
"""

import sqlalchemy as sa
from alembic import op

from chairclient.db.reference_data import seed_reference_data

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "applied_mutations",
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("applied_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("mutation_id", name=op.f("pk_applied_mutations")),
    )
    op.create_table(
        "audit_history",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=True),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=True),
        sa.Column("old_value", sa.JSON(), nullable=True),
        sa.Column("new_value", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_history")),
    )
    with op.batch_alter_table("audit_history", schema=None) as batch_op:
        batch_op.create_index("ix_audit_history_entity_row", ["entity", "entity_id"], unique=False)

    op.create_table(
        "card_requests",
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("processing_date", sa.Date(), nullable=True),
        sa.Column("batch_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card_requests")),
    )
    with op.batch_alter_table("card_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_card_requests_org_id"), ["org_id"], unique=False)

    op.create_table(
        "change_log",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("tombstone", sa.Boolean(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change_log")),
        sa.UniqueConstraint("entity", "entity_id", "org_id", name="uq_change_log_entity_row_org"),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index("ix_change_log_org_seq", ["org_id", "seq"], unique=False)

    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("base_value", sa.JSON(), nullable=True),
        sa.Column("mine_value", sa.JSON(), nullable=True),
        sa.Column("server_value", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts")),
    )
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conflicts_entity_id"), ["entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_conflicts_mutation_id"), ["mutation_id"], unique=False)

    op.create_table(
        "ref_categories",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_ref_categories")),
    )
    op.create_table(
        "ref_dues_forms",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_ref_dues_forms")),
    )
    op.create_table(
        "ref_education_levels",
        sa.Column("legacy", sa.Boolean(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_ref_education_levels")),
    )
    op.create_table(
        "ref_employer_types",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_ref_employer_types")),
    )
    op.create_table(
        "ref_positions",
        sa.Column("pedagogical", sa.Boolean(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_ref_positions")),
    )
    op.create_table(
        "ref_registration_methods",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_ref_registration_methods")),
    )
    op.create_table(
        "ref_removal_reasons",
        sa.Column("is_loss", sa.Boolean(), nullable=False),
        sa.Column("excluded_from_stats", sa.Boolean(), nullable=False),
        sa.Column("report_group", sa.String(length=20), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_ref_removal_reasons")),
    )
    op.create_table(
        "ref_union_roles",
        sa.Column("report_group", sa.String(length=20), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_ref_union_roles")),
    )
    op.create_table(
        "server_counters",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_server_counters")),
    )
    op.create_table(
        "server_settings",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_server_settings")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("login", sa.String(length=100), nullable=False),
        sa.Column("full_name", sa.String(length=300), nullable=False),
        sa.Column("password_hash", sa.String(length=300), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("token_generation", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("password_changed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("login", name=op.f("uq_users_login")),
    )
    op.create_table(
        "members",
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("patronymic", sa.String(length=100), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("sex", sa.String(length=1), nullable=True),
        sa.Column("snils", sa.String(length=14), nullable=True),
        sa.Column("category", sa.String(length=40), nullable=True),
        sa.Column("member_since", sa.Date(), nullable=True),
        sa.Column("registered_on", sa.Date(), nullable=True),
        sa.Column("registration_method", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("removed_on", sa.Date(), nullable=True),
        sa.Column("removal_reason", sa.String(length=40), nullable=True),
        sa.Column("workplace", sa.String(length=500), nullable=True),
        sa.Column("position_code", sa.String(length=40), nullable=True),
        sa.Column("position_text", sa.String(length=200), nullable=True),
        sa.Column("staff_category", sa.String(length=100), nullable=True),
        sa.Column("study_level", sa.String(length=5), nullable=True),
        sa.Column("study_course", sa.Integer(), nullable=True),
        sa.Column("study_form", sa.String(length=12), nullable=True),
        sa.Column("education_level", sa.String(length=40), nullable=True),
        sa.Column("academic_degree", sa.String(length=100), nullable=True),
        sa.Column("dues_form", sa.String(length=40), nullable=True),
        sa.Column("address", sa.String(length=500), nullable=True),
        sa.Column("phone", sa.String(length=12), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("is_complete", sa.Boolean(), nullable=False),
        sa.Column("has_consent", sa.Boolean(), nullable=False),
        sa.Column("card_status", sa.String(length=20), nullable=False),
        sa.Column("card_number", sa.String(length=20), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["category"], ["ref_categories.code"], name=op.f("fk_members_category_ref_categories")
        ),
        sa.ForeignKeyConstraint(
            ["dues_form"], ["ref_dues_forms.code"], name=op.f("fk_members_dues_form_ref_dues_forms")
        ),
        sa.ForeignKeyConstraint(
            ["education_level"],
            ["ref_education_levels.code"],
            name=op.f("fk_members_education_level_ref_education_levels"),
        ),
        sa.ForeignKeyConstraint(
            ["position_code"],
            ["ref_positions.code"],
            name=op.f("fk_members_position_code_ref_positions"),
        ),
        sa.ForeignKeyConstraint(
            ["registration_method"],
            ["ref_registration_methods.code"],
            name=op.f("fk_members_registration_method_ref_registration_methods"),
        ),
        sa.ForeignKeyConstraint(
            ["removal_reason"],
            ["ref_removal_reasons.code"],
            name=op.f("fk_members_removal_reason_ref_removal_reasons"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_members")),
    )
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_members_org_id"), ["org_id"], unique=False)
        batch_op.create_index(
            "ix_members_org_status_name",
            ["org_id", "status", "last_name", "first_name"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_members_snils"), ["snils"], unique=False)

    op.create_table(
        "organisations",
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("level", sa.String(length=12), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("full_name", sa.String(length=500), nullable=False),
        sa.Column("short_name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=True),
        sa.Column("employer_type", sa.String(length=40), nullable=True),
        sa.Column("founded_on", sa.Date(), nullable=True),
        sa.Column("is_legal_entity", sa.Boolean(), nullable=False),
        sa.Column("inn", sa.String(length=12), nullable=True),
        sa.Column("kpp", sa.String(length=9), nullable=True),
        sa.Column("ogrn", sa.String(length=15), nullable=True),
        sa.Column("has_territorial_rights", sa.Boolean(), nullable=False),
        sa.Column("employer_full_name", sa.String(length=500), nullable=True),
        sa.Column("employer_inn", sa.String(length=12), nullable=True),
        sa.Column("employer_kpp", sa.String(length=9), nullable=True),
        sa.Column("employer_ogrn", sa.String(length=15), nullable=True),
        sa.Column("employer_address", sa.String(length=500), nullable=True),
        sa.Column("employer_head_name", sa.String(length=200), nullable=True),
        sa.Column("employer_head_position", sa.String(length=200), nullable=True),
        sa.Column("chair_name", sa.String(length=200), nullable=True),
        sa.Column("chair_elected_on", sa.Date(), nullable=True),
        sa.Column("chair_term_until", sa.Date(), nullable=True),
        sa.Column("chair_released", sa.Boolean(), nullable=False),
        sa.Column("chair_phone", sa.String(length=20), nullable=True),
        sa.Column("chair_email", sa.String(length=200), nullable=True),
        sa.Column("deputy_name", sa.String(length=200), nullable=True),
        sa.Column("committee_count", sa.Integer(), nullable=True),
        sa.Column("revision_count", sa.Integer(), nullable=True),
        sa.Column("safety_reps_count", sa.Integer(), nullable=True),
        sa.Column("staff_as_of", sa.Date(), nullable=True),
        sa.Column("employees_total", sa.Integer(), nullable=True),
        sa.Column("employees_women", sa.Integer(), nullable=True),
        sa.Column("employees_youth", sa.Integer(), nullable=True),
        sa.Column("employees_pedagogical", sa.Integer(), nullable=True),
        sa.Column("students_total", sa.Integer(), nullable=True),
        sa.Column("postal_index", sa.String(length=6), nullable=True),
        sa.Column("address", sa.String(length=500), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("website", sa.String(length=200), nullable=True),
        sa.Column("collective_agreement", sa.Boolean(), nullable=False),
        sa.Column("agreement_concluded_on", sa.Date(), nullable=True),
        sa.Column("agreement_valid_until", sa.Date(), nullable=True),
        sa.Column("pd_operator_name", sa.String(length=500), nullable=True),
        sa.Column("pd_operator_address", sa.String(length=500), nullable=True),
        sa.Column("pd_processors", sa.JSON(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["employer_type"],
            ["ref_employer_types.code"],
            name=op.f("fk_organisations_employer_type_ref_employer_types"),
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["organisations.id"],
            name=op.f("fk_organisations_parent_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisations")),
        sa.UniqueConstraint("code", name=op.f("uq_organisations_code")),
    )
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisations_org_id"), ["org_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_organisations_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "refresh_tokens",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("family_id", sa.String(length=36), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_refresh_tokens_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refresh_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_refresh_tokens_token_hash")),
    )
    with op.batch_alter_table("refresh_tokens", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_refresh_tokens_family_id"), ["family_id"], unique=False
        )

    op.create_table(
        "cards",
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("request_id", sa.String(length=36), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("replaces_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_cards_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["request_id"], ["card_requests.id"], name=op.f("fk_cards_request_id_card_requests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cards")),
        sa.UniqueConstraint("number", name=op.f("uq_cards_number")),
    )
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cards_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cards_org_id"), ["org_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cards_request_id"), ["request_id"], unique=False)

    op.create_table(
        "consents",
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("template_version", sa.String(length=20), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=True),
        sa.Column("revoked_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_consents_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
    )
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consents_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_consents_org_id"), ["org_id"], unique=False)

    op.create_table(
        "member_roles",
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_member_roles_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["role"], ["ref_union_roles.code"], name=op.f("fk_member_roles_role_ref_union_roles")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_roles")),
    )
    with op.batch_alter_table("member_roles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_roles_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_member_roles_org_id"), ["org_id"], unique=False)

    op.create_table(
        "membership_events",
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=True),
        sa.Column("from_org_id", sa.String(length=36), nullable=True),
        sa.Column("to_org_id", sa.String(length=36), nullable=True),
        sa.Column("old_category", sa.String(length=40), nullable=True),
        sa.Column("new_category", sa.String(length=40), nullable=True),
        sa.Column("registration_method", sa.String(length=40), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_membership_events_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["reason"],
            ["ref_removal_reasons.code"],
            name=op.f("fk_membership_events_reason_ref_removal_reasons"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership_events")),
    )
    with op.batch_alter_table("membership_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_membership_events_member_id"), ["member_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_membership_events_org_id"), ["org_id"], unique=False)

    op.create_table(
        "organisation_name_changes",
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("old_full_name", sa.String(length=500), nullable=False),
        sa.Column("new_full_name", sa.String(length=500), nullable=False),
        sa.Column("old_short_name", sa.String(length=200), nullable=False),
        sa.Column("new_short_name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_organisation_name_changes_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation_name_changes")),
    )
    with op.batch_alter_table("organisation_name_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_organisation_name_changes_org_id"), ["org_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_organisation_name_changes_organisation_id"),
            ["organisation_id"],
            unique=False,
        )

    op.create_table(
        "user_positions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"], ["organisations.id"], name=op.f("fk_user_positions_org_id_organisations")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_user_positions_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_positions")),
        sa.UniqueConstraint("user_id", "org_id", "role", name="uq_user_positions_user_org_role"),
    )
    with op.batch_alter_table("user_positions", schema=None) as batch_op:
        batch_op.create_index("ix_user_positions_user_id", ["user_id"], unique=False)

    op.create_table(
        "card_status_changes",
        sa.Column("card_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["card_id"], ["cards.id"], name=op.f("fk_card_status_changes_card_id_cards")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card_status_changes")),
    )
    with op.batch_alter_table("card_status_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_card_status_changes_card_id"), ["card_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_card_status_changes_org_id"), ["org_id"], unique=False)

    seed_reference_data(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("card_status_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_card_status_changes_org_id"))
        batch_op.drop_index(batch_op.f("ix_card_status_changes_card_id"))

    op.drop_table("card_status_changes")
    with op.batch_alter_table("user_positions", schema=None) as batch_op:
        batch_op.drop_index("ix_user_positions_user_id")

    op.drop_table("user_positions")
    with op.batch_alter_table("organisation_name_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_name_changes_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_organisation_name_changes_org_id"))

    op.drop_table("organisation_name_changes")
    with op.batch_alter_table("membership_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_membership_events_org_id"))
        batch_op.drop_index(batch_op.f("ix_membership_events_member_id"))

    op.drop_table("membership_events")
    with op.batch_alter_table("member_roles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_roles_org_id"))
        batch_op.drop_index(batch_op.f("ix_member_roles_member_id"))

    op.drop_table("member_roles")
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consents_org_id"))
        batch_op.drop_index(batch_op.f("ix_consents_member_id"))

    op.drop_table("consents")
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cards_request_id"))
        batch_op.drop_index(batch_op.f("ix_cards_org_id"))
        batch_op.drop_index(batch_op.f("ix_cards_member_id"))

    op.drop_table("cards")
    with op.batch_alter_table("refresh_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refresh_tokens_family_id"))

    op.drop_table("refresh_tokens")
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisations_parent_id"))
        batch_op.drop_index(batch_op.f("ix_organisations_org_id"))

    op.drop_table("organisations")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_members_snils"))
        batch_op.drop_index("ix_members_org_status_name")
        batch_op.drop_index(batch_op.f("ix_members_org_id"))

    op.drop_table("members")
    op.drop_table("users")
    op.drop_table("server_settings")
    op.drop_table("server_counters")
    op.drop_table("ref_union_roles")
    op.drop_table("ref_removal_reasons")
    op.drop_table("ref_registration_methods")
    op.drop_table("ref_positions")
    op.drop_table("ref_employer_types")
    op.drop_table("ref_education_levels")
    op.drop_table("ref_dues_forms")
    op.drop_table("ref_categories")
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conflicts_mutation_id"))
        batch_op.drop_index(batch_op.f("ix_conflicts_entity_id"))

    op.drop_table("conflicts")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index("ix_change_log_org_seq")

    op.drop_table("change_log")
    with op.batch_alter_table("card_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_card_requests_org_id"))

    op.drop_table("card_requests")
    with op.batch_alter_table("audit_history", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_history_entity_row")

    op.drop_table("audit_history")
    op.drop_table("applied_mutations")

"""Organisations close instead of being deleted: ``closed_on``, ``closure_kind``,
``merged_into_id``, ``closure_note``.

Written only by the ``close_organisation`` and ``reopen_organisation`` commands
(``registry/commands/closure.py``). On PostgreSQL the organisations' stored wire row
(revision 0008) gains the four columns: its trigger function is recreated with the new column
list (frozen here, as a migration's must be) and every organisation is rendered again. The
removal reason «ликвидация организации» is in the reference list since the first revision;
it is upserted here all the same, for a registry whose list was edited.

Revision ID: 0012_organisation_closure
Revises: 0011_union_offices
Create Date: 2026-12-08 10:00:00
"""

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0012_organisation_closure"
down_revision = "0011_union_offices"
branch_labels = None
depends_on = None

_runs = importlib.import_module("registry.migrations.versions.0008_stored_run_rows")

NEW_COLUMNS = ("closed_on", "closure_kind", "merged_into_id", "closure_note")
_BEFORE = _runs.RUN_COLUMNS["organisations"]
_AT = _BEFORE.index("pd_processors") + 1
#: The organisations' stored array as of this revision (the others are as in 0008).
RUN_COLUMNS: dict[str, tuple[str, ...]] = {
    "organisations": (*_BEFORE[:_AT], *NEW_COLUMNS, *_BEFORE[_AT:]),
}


def _render_again(columns: tuple[str, ...]) -> None:
    op.execute(_runs.wire_row_function("organisations", columns))
    op.execute("UPDATE organisations SET wire_row = NULL")  # the trigger renders each row


def _columns() -> tuple[sa.Column, ...]:
    return (
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("closure_kind", sa.String(length=12), nullable=True),
        sa.Column("merged_into_id", sa.String(length=36), nullable=True),
        sa.Column("closure_note", sa.Text(), nullable=True),
    )


def upgrade() -> None:
    # Plain ALTER TABLE on both engines (SQLite 3.35+ drops columns too): a batch copy of
    # ``organisations`` would drop the table the positions and every synced row refer to.
    for column in _columns():
        op.add_column("organisations", column)
    reasons = sa.table("ref_removal_reasons", sa.column("code"), sa.column("name"),
                       sa.column("is_loss"), sa.column("excluded_from_stats"),
                       sa.column("report_group"), sa.column("sort_order"), sa.column("active"))
    bind = op.get_bind()
    if bind.execute(sa.select(reasons.c.code).where(reasons.c.code == "liquidation")).first() \
            is None:
        op.execute(reasons.insert().values(
            code="liquidation", name="Ликвидация организации", is_loss=True,
            excluded_from_stats=False, report_group="other", sort_order=7, active=True))
    if bind.dialect.name == "postgresql":
        _render_again(RUN_COLUMNS["organisations"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_runs.wire_row_function("organisations", _BEFORE))
    for column in reversed(NEW_COLUMNS):
        op.drop_column("organisations", column)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("UPDATE organisations SET wire_row = NULL")

"""The «Профсоюзная должность» column: template drop-down, preview checks, and offices written
with the cards in the import's one transaction by the offices' own rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from chairclient.db.models import MemberRole, OutboxEntry
from chairclient.importing import (
    build_preview,
    guess_mapping,
    load_table,
    run_import,
    write_template,
)
from chairclient.importing.template import DATA_SHEET, LISTS_SHEET
from tests.importing.helpers import VALID, fill_template

OFFICE, SINCE = "Профсоюзная должность", "Дата избрания на профсоюзную должность"


def test_template_offers_the_offices(tmp_path: Path) -> None:
    book = load_workbook(write_template(tmp_path / "t.xlsx"))
    headers = [c.value for c in book[DATA_SHEET][1]]
    assert OFFICE in headers and SINCE in headers
    listed = {c.value for row in book[LISTS_SHEET].iter_rows() for c in row}
    assert {"Председатель", "Казначей", "Профгрупорг", "Уполномоченный по охране труда"} <= listed


def test_offices_are_checked_and_written_with_the_cards(tmp_path: Path, db, org_id) -> None:
    rows = [
        {**VALID, OFFICE: "член профкома; Профгрупорг", SINCE: "20.10.2024"},
        {**VALID, "Фамилия": "Петрова", "СНИЛС": "", OFFICE: "Председатель"},
        {**VALID, "Фамилия": "Сидорова", "СНИЛС": "", OFFICE: "председатель профкома",
         SINCE: "01.02.2025"},
        {**VALID, "Фамилия": "Кузнецова", "СНИЛС": "", OFFICE: "Император"},
        {**VALID, "Фамилия": "Орлова", "СНИЛС": "", OFFICE: "Казначей", SINCE: "01.01.2099"},
        {**VALID, "Фамилия": "Белова", "СНИЛС": "", SINCE: "01.01.2024"},
    ]
    table = load_table(fill_template(write_template(tmp_path / "t.xlsx"), rows))
    preview = build_preview(table, guess_mapping(table.headers), today=date(2025, 3, 1))
    problems = {(p.row, p.field): p.message for p in preview.problems() if p.severity == "error"}
    assert "не найдена в справочнике" in problems[(5, "union_roles")]
    assert "в будущем" in problems[(6, "union_role_since")]
    assert "должность — нет" in problems[(7, "union_role_since")]
    assert len(preview.importable) == 3
    report = run_import(db, org_id, preview, today=date(2025, 3, 1))
    assert report.saved == 3
    with db.session() as s:
        found = sorted((r.role, r.since, r.body) for r in s.scalars(select(MemberRole)))
        entries = s.scalars(select(OutboxEntry).where(OutboxEntry.entity == "member_role")).all()
        steps = {e.step_id for e in s.scalars(select(OutboxEntry))}
    # the second chair (Сидорова, the same period) is refused by the rules; her card is saved
    assert found == [("chair", date(2025, 3, 1), "committee"),
                     ("committee_member", date(2024, 10, 20), "committee"),
                     ("group_organiser", date(2024, 10, 20), "group")]
    assert len(entries) == 3 and len(steps) == 1  # the import's one step
    sidorova = next(r for r in report.rows if r.name.startswith("Сидорова"))
    assert sidorova.outcome == "imported"
    assert "Профсоюзная должность не назначена" in sidorova.reason
    assert "занимает другой член Профсоюза" in sidorova.reason

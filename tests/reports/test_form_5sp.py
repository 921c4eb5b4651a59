"""«Форма 5-СП»: numbers against independent SQL counts, the workbook read back with openpyxl
and (when LibreOffice is installed) recalculated by LibreOffice headless."""

from __future__ import annotations

import csv
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reports.data.orgs import org_by_code
from reports.excel.form_5sp import (
    BY_ORG_SHEET,
    CHART_SHEET,
    FORM_SHEET,
    NOT_APPLICABLE,
    plausibility_warnings,
    write_5sp,
)
from reports.stats.definition import load_definition
from reports.stats.sp5 import Sp5Result, compute_5sp
from tests.reports import sql_counts
from tests.reports.conftest import Demo, need

CUTOFFS = [date(2026, 1, 1), date(2026, 12, 1)]  # official date; after every demo event
COLUMN = {"start": 3, "end": 4, "women": 5}


def _form_rows(path: Path) -> dict[str, dict[str, object]]:
    ws = load_workbook(path)[FORM_SHEET]
    out: dict[str, dict[str, object]] = {}
    for row in ws.iter_rows(min_row=7):
        code = row[0].value
        if isinstance(code, str) and code.isdigit():
            out[code] = {col: row[i - 1].value for col, i in COLUMN.items()}
    return out


@pytest.mark.parametrize("cutoff", CUTOFFS)
@pytest.mark.parametrize("level", ["region", "territorial", "primary"])
def test_numbers_match_independent_sql(demo: Demo, session, cutoff: date, level: str) -> None:
    code = getattr(demo, level)
    result = compute_5sp(session, org_by_code(session, code).id, cutoff, load_definition())
    expected = sql_counts.expected(session, code, cutoff)
    for key, columns in expected.items():
        for col, value in columns.items():
            assert result.total[key][col] == value, (key, col)
    assert result.total["all_members"]["end"] > 0


def test_current_state_equals_the_member_cards(demo: Demo, session) -> None:
    """After the last event, members on the register = cards with status «на учёте»."""
    from sqlalchemy import text

    result = compute_5sp(session, org_by_code(session, demo.region).id, date(2026, 12, 1),
                         load_definition())
    active = dict(session.execute(text(
        "SELECT category, count(*) FROM members WHERE status = 'active' AND deleted = 0 "
        "GROUP BY category")).all())
    assert result.total["employees_members"]["end"] == active.get("working", 0)
    assert result.total["students_members"]["end"] == active.get("student", 0)
    assert result.total["all_members"]["end"] == sum(active.values())


@pytest.fixture(scope="module")
def region_report(demo: Demo, tmp_path_factory: pytest.TempPathFactory
                  ) -> tuple[Path, Sp5Result]:
    out = tmp_path_factory.mktemp("sp5") / "region.xlsx"
    with demo.db.session() as s:
        result = write_5sp(s, org_by_code(s, demo.region).id, CUTOFFS[0], out)
    return out, result


def test_workbook_reads_back(region_report: tuple[Path, Sp5Result]) -> None:
    path, result = region_report
    rows = _form_rows(path)
    definition = result.definition
    assert len(rows) == len(definition.rows)
    for row in definition.rows:
        cells = rows[row.code]
        for col in COLUMN:
            value = cells[col]
            if col not in row.columns:
                assert value == NOT_APPLICABLE
            elif row.source == "formula":
                assert isinstance(value, str) and value.startswith("="), (row.key, value)
            else:
                assert value == result.total[row.key][col], (row.key, col)
    workbook = load_workbook(path)
    assert workbook.sheetnames == [FORM_SHEET, BY_ORG_SHEET, CHART_SHEET]
    form = workbook[FORM_SHEET]
    assert str(form.page_setup.paperSize) == form.PAPERSIZE_A4
    assert form.page_setup.fitToWidth == 1 and form.sheet_properties.pageSetUpPr.fitToPage
    assert form.print_title_rows == "$5:$6"
    assert workbook[CHART_SHEET]._charts, "a native chart"
    assert workbook.calculation.fullCalcOnLoad


def test_by_organisation_sheet_sums_to_total(region_report: tuple[Path, Sp5Result]) -> None:
    path, result = region_report
    ws = load_workbook(path)[BY_ORG_SHEET]
    header = [c.value for c in ws[1]]
    col = next(i for i, h in enumerate(header) if h and h.startswith("12."))
    values = [r[col].value for r in ws.iter_rows(min_row=2) if r[1].value != "Итого"]
    assert sum(values) == result.total["all_members"]["end"]
    total_row = next(r for r in ws.iter_rows(min_row=2) if r[1].value == "Итого")
    assert str(total_row[col].value).startswith("=SUM(")
    assert len(values) == len(result.breakdown) - 1  # the region has no members of its own


def _libreoffice_csv(path: Path, out_dir: Path) -> list[list[str]]:
    soffice = need("soffice")
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{out_dir}/profile",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(out_dir),
         str(path)], check=True, capture_output=True, timeout=180)
    with open(out_dir / (path.stem + ".csv"), encoding="utf-8") as fh:
        return list(csv.reader(fh))


def test_libreoffice_recalculates_the_same_numbers(demo: Demo, session,
                                                   region_report: tuple[Path, Sp5Result],
                                                   tmp_path: Path) -> None:
    path, result = region_report
    rows = {r[0]: r for r in _libreoffice_csv(path, tmp_path) if r and r[0].isdigit()}
    expected = sql_counts.expected(session, demo.region, CUTOFFS[0])
    definition = result.definition
    for row in definition.rows:
        for col, index in COLUMN.items():
            cell = rows[row.code][index - 1]
            if row.key in expected and col in expected[row.key]:
                value = expected[row.key][col]
                assert cell == ("" if value is None else str(value)), (row.key, col)
    employees = expected["employees"]["end"] or 0
    students = expected["students"]["end"] or 0
    members = (expected["employees_members"]["end"] or 0) + expected["students_members"]["end"]
    assert rows["07"][3] == str(employees + students)
    assert rows["08"][3] == str(members)
    assert float(rows["09"][3]) == pytest.approx(round(members / (employees + students) * 100, 1))


def test_primary_report_has_no_breakdown_sheet(demo: Demo, session, tmp_path: Path) -> None:
    out = tmp_path / "primary.xlsx"
    org = org_by_code(session, demo.primary)
    write_5sp(session, org.id, CUTOFFS[0], out)
    workbook = load_workbook(out)
    names = workbook.sheetnames
    assert BY_ORG_SHEET not in names or len(compute_5sp(
        session, org.id, CUTOFFS[0], load_definition()).orgs) > 1


def test_plausibility_warnings(demo: Demo, session) -> None:
    result = compute_5sp(session, org_by_code(session, demo.region).id, CUTOFFS[1],
                         load_definition())
    some = next(o for o, v in result.per_org.items() if v["employees_members"]["end"])
    result.per_org[some]["employees"]["end"] = 0
    warnings = plausibility_warnings(result)
    assert any("больше, чем работающих по паспорту" in w and result.orgs[some].code in w
               for w in warnings)
    result.per_org[some]["employees"]["end"] = None
    assert any("Не заполнена численность работающих" in w for w in plausibility_warnings(result))

"""Member lists: row counts against SQL, real dates, no formula injection, no temp files."""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from chairclient.db.engine import open_database
from reports.data.orgs import org_by_code
from reports.excel.lists import KINDS, ListError, ListRequest, check_request, write_list
from tests.reports.conftest import Demo, need

HEADER_ROW = 4
PERIOD = {"date_from": date(2025, 12, 20), "date_to": date(2026, 1, 31)}
SUBTREE = """WITH RECURSIVE subtree(id) AS (
    SELECT id FROM organisations WHERE code = :code
    UNION ALL SELECT o.id FROM organisations o JOIN subtree s ON o.parent_id = s.id)"""
ACTIVE = "m.deleted = 0 AND m.status = 'active' AND m.org_id IN (SELECT id FROM subtree)"
SQL = {
    "members": f"SELECT count(*) FROM members m WHERE {ACTIVE}",
    "without-consent": f"SELECT count(*) FROM members m WHERE {ACTIVE} AND m.has_consent = 0",
    "without-card": f"SELECT count(*) FROM members m WHERE {ACTIVE} AND m.card_status IN "
                    "('not_ordered', 'lost', 'damaged', 'cancelled')",
    "cards-to-hand-out": f"SELECT count(*) FROM members m WHERE {ACTIVE} "
                         "AND m.card_status = 'received'",
    "birthdays": f"SELECT count(*) FROM members m WHERE {ACTIVE} AND "
                 "(strftime('%m-%d', m.birth_date) >= '12-20' "
                 "OR strftime('%m-%d', m.birth_date) <= '01-31')",
    "removed": "SELECT count(*) FROM membership_events e WHERE e.deleted = 0 "
               "AND e.kind IN ('removed', 'transferred_out') "
               "AND e.event_date BETWEEN '2025-12-20' AND '2026-01-31' "
               "AND COALESCE(e.from_org_id, e.org_id) IN (SELECT id FROM subtree)",
}


def _data(path: Path) -> tuple[list[str], list[list[object]], object]:
    ws = load_workbook(path).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    header = rows[HEADER_ROW - 1]
    body = rows[HEADER_ROW:]
    total = body[-1][0]
    return header, [r for r in body[:-2]], total


@pytest.mark.parametrize("kind", list(KINDS))
def test_list_counts_match_sql(demo: Demo, session, tmp_path: Path, kind: str) -> None:
    org = org_by_code(session, demo.region)
    period = PERIOD if KINDS[kind].needs_period else {}
    out = tmp_path / f"{kind}.xlsx"
    count = write_list(session, ListRequest(kind, org.id, **period), out, org_name=org.name)
    expected = session.execute(text(SUBTREE + SQL[kind]), {"code": demo.region}).scalar_one()
    assert count == expected > 0
    header, body, total = _data(out)
    assert len(body) == count and total == f"Всего: {count}"
    assert header[0] == "Фамилия, имя, отчество"
    dates = [i for i, h in enumerate(header) if h and h.startswith(("Дата", "День"))]
    for row in body[:50]:
        for i in dates:
            assert row[i] is None or isinstance(row[i], datetime)
    ws = load_workbook(out).active
    assert ws.freeze_panes == "A5" and ws.auto_filter.ref.startswith("A4:")
    assert ws.cell(HEADER_ROW + 1, 2).number_format in ("DD.MM.YYYY", "General")


def test_birthdays_are_inside_the_period(demo: Demo, session, tmp_path: Path) -> None:
    org = org_by_code(session, demo.region)
    out = tmp_path / "b.xlsx"
    write_list(session, ListRequest("birthdays", org.id, **PERIOD), out)
    header, body, _ = _data(out)
    day, age = header.index("День рождения"), header.index("Исполняется лет")
    born = header.index("Дата рождения")
    previous = None
    for row in body:
        assert PERIOD["date_from"] <= row[day].date() <= PERIOD["date_to"]
        assert row[age] == row[day].year - row[born].year
        assert previous is None or previous <= row[day]
        previous = row[day]


def test_chosen_columns(demo: Demo, session, tmp_path: Path) -> None:
    org = org_by_code(session, demo.primary)
    out = tmp_path / "c.xlsx"
    write_list(session, ListRequest("members", org.id, ("last_name", "snils", "registered_on")),
               out)
    header, body, _ = _data(out)
    assert header == ["Фамилия", "СНИЛС", "На учёте с"]
    assert all(isinstance(r[2], datetime) for r in body if r[2] is not None)


def test_wrong_requests_are_refused_in_russian() -> None:
    with pytest.raises(ListError, match="неизвестные колонки"):
        check_request(ListRequest("members", "x", ("nope",)))
    with pytest.raises(ListError, match="--from"):
        check_request(ListRequest("birthdays", "x"))
    with pytest.raises(ListError, match="Неизвестный вид"):
        check_request(ListRequest("nope", "x"))


RISKY = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+79161234567", "-2+3", "@SUM(A1:A2)",
         "=1+1"]


@pytest.fixture
def risky_db(demo: Demo, tmp_path: Path) -> Path:
    """A copy of the demo database with user text that looks like formulas."""
    path = tmp_path / "risky.sqlite"
    shutil.copy(demo.path, path)
    db = open_database(path)
    with db.transaction() as s:
        ids = s.execute(text(
            "SELECT m.id FROM members m JOIN organisations o ON o.id = m.org_id "
            "WHERE o.code = :c AND m.status = 'active' ORDER BY m.last_name LIMIT :n"),
            {"c": demo.primary, "n": len(RISKY)}).scalars().all()
        for member_id, value in zip(ids, RISKY, strict=True):
            s.execute(text("UPDATE members SET workplace = :v, address = :v, last_name = :v "
                           "WHERE id = :id"), {"v": value, "id": member_id})
    db.close()
    return path


def test_formula_injection_is_written_as_text(demo: Demo, risky_db: Path,
                                              tmp_path: Path) -> None:
    db = open_database(risky_db)
    out = tmp_path / "risky.xlsx"
    with db.session() as s:
        org = org_by_code(s, demo.primary)
        write_list(s, ListRequest("members", org.id, ("last_name", "workplace", "address")), out)
    db.close()
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    ws = load_workbook(out).active
    found = {}
    for row in ws.iter_rows(min_row=HEADER_ROW + 1):
        for cell in row:
            if cell.value in RISKY:
                assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
                found[cell.value] = cell
    assert set(found) == set(RISKY)
    if shutil.which("soffice"):
        import subprocess

        subprocess.run([need("soffice"), "--headless",
                        f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(tmp_path),
                        str(out)], check=True, capture_output=True, timeout=180)
        csv_text = (tmp_path / "risky.csv").read_text(encoding="utf-8")
        assert "evil.example" in csv_text and "-2+3" in csv_text


def test_no_personal_data_in_the_temp_dir(demo: Demo, session, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    scratch = tmp_path / "system-temp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    seen: list[str] = []
    import openpyxl.worksheet._writer as writer

    original = writer.create_temporary_file
    monkeypatch.setattr(writer, "create_temporary_file",
                        lambda suffix="": seen.append("system") or original(suffix))
    out_dir = tmp_path / "out"
    org = org_by_code(session, demo.primary)
    write_list(session, ListRequest("members", org.id), out_dir / "m.xlsx")
    assert list(scratch.iterdir()) == [] and seen == []
    assert [p.name for p in out_dir.iterdir()] == ["m.xlsx"]


def test_selection_lists_exactly_the_chosen_members_with_progress(
        demo: Demo, session, tmp_path: Path) -> None:
    region = org_by_code(session, demo.region)
    chosen = session.execute(text(
        SUBTREE + "SELECT m.id, m.last_name FROM members m WHERE m.deleted = 0 "
        "AND m.org_id IN (SELECT id FROM subtree) ORDER BY m.id LIMIT 1200"),
        {"code": demo.region}).all()
    assert len(chosen) == 1200
    steps: list[tuple[int, int]] = []
    out = tmp_path / "selection.xlsx"
    count = write_list(session, ListRequest("members", region.id,
                                            member_ids=tuple(r.id for r in chosen)),
                       out, progress=lambda done, total: steps.append((done, total)))
    assert count == 1200
    ws = load_workbook(out, read_only=True).active
    assert ws["A1"].value == "Выбранные члены Профсоюза"
    header, body, total = _data(out)
    assert total == "Всего: 1200"
    names = header.index("Фамилия, имя, отчество")
    assert sorted(str(r[names]).split()[0] for r in body) == sorted(r.last_name for r in chosen)
    assert steps[0] == (0, 1200) and steps[-1] == (1200, 1200)
    assert [d for d, _t in steps] == sorted(d for d, _t in steps) and len(steps) >= 3


def test_selection_outside_the_scope_lists_nothing(demo: Demo, session, tmp_path: Path) -> None:
    primary = org_by_code(session, demo.primary)
    outside = session.execute(text(
        "SELECT id FROM members WHERE org_id != :org LIMIT 10"), {"org": primary.id}).scalars()
    count = write_list(session, ListRequest("members", primary.id, member_ids=tuple(outside)),
                       tmp_path / "none.xlsx")
    assert count == 0


def test_a_cancelled_list_stops_and_leaves_no_file(demo: Demo, session, tmp_path: Path) -> None:
    region = org_by_code(session, demo.region)

    class Stop(Exception):
        pass

    def progress(done: int, _total: int) -> None:
        if done >= 500:
            raise Stop

    out = tmp_path / "list.xlsx"
    with pytest.raises(Stop):
        write_list(session, ListRequest("members", region.id), out, progress=progress)
    assert list(tmp_path.iterdir()) == []

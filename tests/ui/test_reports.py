"""Reports from the UI on the real demo database: 5-СП with warnings, lists, selection."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QUrl

from tests.ui.test_main_window import open_window
from tests.ui.test_printing import busiest_primary, root_scope
from ui.reports import ReportActions
from ui.reports.list_kinds import list_choices
from ui.reports.sp5_dialog import Sp5Dialog, default_cutoff


@pytest.fixture
def host(qtbot):
    """A window the report objects belong to (kept alive for the test)."""
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _data_rows(path: Path) -> int:
    """Rows between the header (row 4) and the «Всего: n» line."""
    sheet = openpyxl.load_workbook(path, read_only=True).active
    rows = [r for r in sheet.iter_rows(min_row=5, values_only=True) if any(v is not None
                                                                          for v in r)]
    assert str(rows[-1][0]).startswith("Всего")
    return len(rows) - 1


def test_5sp_warns_about_implausible_values_and_saves_when_continued(
        qtbot, writable, writable_db_path, tmp_path) -> None:
    db, ops = writable
    org = busiest_primary(db)
    with sqlite3.connect(writable_db_path) as raw:  # a passport with too few employees
        raw.execute("UPDATE organisations SET employees_total = 1, students_total = 1 "
                    "WHERE id = ?", (org.id,))
    dialog = Sp5Dialog(ops, org)
    qtbot.addWidget(dialog)
    assert dialog.date.value() == default_cutoff()
    target = tmp_path / "5sp.xlsx"
    dialog.choose_path = lambda *_args: target
    dialog.show()
    assert dialog.make()
    qtbot.waitUntil(lambda: dialog.warnings_box is not None, timeout=20_000)
    assert any("по паспорту 1" in w for w in dialog.warnings)
    assert "по паспорту 1" in dialog.warnings_box.informativeText()
    assert not target.exists()
    opened: list[QUrl] = []
    dialog.open_url = lambda url: opened.append(url) or True
    dialog.continue_button.click()  # «Сохранить всё равно»
    qtbot.waitUntil(lambda: target.exists(), timeout=20_000)
    workbook = openpyxl.load_workbook(target)
    assert "5-СП" in " ".join(str(c.value) for row in workbook.worksheets[0].iter_rows(max_row=6)
                              for c in row if c.value)
    assert not list(tmp_path.glob(".*"))  # no part files left
    qtbot.waitUntil(lambda: dialog.saved_box is not None)
    dialog.saved_box.buttons()[0].click()  # «Открыть файл»
    assert opened and Path(opened[0].toLocalFile()) == target


def test_5sp_cancelled_at_the_warnings_writes_nothing(qtbot, writable, writable_db_path,
                                                      tmp_path) -> None:
    db, ops = writable
    org = busiest_primary(db)
    with sqlite3.connect(writable_db_path) as raw:
        raw.execute("UPDATE organisations SET employees_total = NULL, students_total = NULL "
                    "WHERE id = ?", (org.id,))
    dialog = Sp5Dialog(ops, org)
    qtbot.addWidget(dialog)
    asked: list[str] = []
    dialog.choose_path = lambda *args: asked.append(args[1])
    dialog.make()
    qtbot.waitUntil(lambda: dialog.warnings_box is not None, timeout=20_000)
    assert any("Не заполнена численность" in w for w in dialog.warnings)
    dialog.warnings_box.reject()
    qtbot.waitUntil(lambda: dialog.make_button.isEnabled())
    assert asked == []


def test_list_without_consent_has_the_rows_sql_counts(qtbot, host, demo, demo_db_path,
                                                      tmp_path) -> None:
    db, ops = demo
    scope = root_scope(db)
    actions = ReportActions(ops, host, lambda: scope, lambda: [])
    target = tmp_path / "без согласия.xlsx"
    actions.choose_path = lambda *_args: target
    choice = next(c for c in list_choices() if c.key == "without-consent")
    dialog = actions.open_list(choice)  # no inputs needed: straight to the save dialog
    counts: list[int] = []
    dialog.saved.connect(lambda _path, n: counts.append(n))
    qtbot.waitUntil(lambda: bool(counts), timeout=20_000)
    with sqlite3.connect(demo_db_path) as raw:
        marks = ",".join("?" * len(scope.org_ids))
        expected = raw.execute(
            f"SELECT count(*) FROM members WHERE deleted = 0 AND status = 'active' "
            f"AND has_consent = 0 AND org_id IN ({marks})", scope.org_ids).fetchone()[0]
    assert counts == [expected] and expected > 0
    assert _data_rows(target) == expected


def test_birthdays_list_asks_for_the_period(qtbot, host, demo, tmp_path) -> None:
    db, ops = demo
    scope = root_scope(db)
    actions = ReportActions(ops, host, lambda: scope, lambda: [])
    target = tmp_path / "дни рождения.xlsx"
    actions.choose_path = lambda *_args: target
    dialog = actions.open_list(next(c for c in list_choices() if c.key == "birthdays"))
    assert dialog.isVisible() and dialog.date_from.isVisible()
    dialog.date_from.setText("01.03.2025")
    dialog.date_to.setText("01.02.2025")
    assert not dialog.save()  # the period is the wrong way round
    assert dialog.error.isVisible() and not target.exists()
    dialog.date_to.setText("31.03.2025")
    assert dialog.save()
    qtbot.waitUntil(target.exists, timeout=20_000)
    assert _data_rows(target) >= 1


def test_the_selection_goes_to_excel(qtbot, demo, tmp_path) -> None:
    window = open_window(qtbot, demo[1])
    table = window.members.table
    flags = table.selectionModel().SelectionFlag
    for row in (0, 2, 4, 6):
        table.selectionModel().select(window.members.model.index(row, 0),
                                      flags.Select | flags.Rows)
    assert window.reports.selection_action.isEnabled()
    target = tmp_path / "выбранные.xlsx"
    window.reports.choose_path = lambda *_args: target
    window.reports.open_url = lambda _url: True
    window.reports.selection_action.trigger()
    qtbot.waitUntil(target.exists, timeout=20_000)
    assert _data_rows(target) == 4


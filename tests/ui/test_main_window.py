"""The main window on a real demo database: tree, member list, status bar, empty database."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

from chairclient.db.engine import open_database
from chairclient.queries.members import MemberFilter, count_members, member_ids
from chairclient.queries.organisations import org_tree
from ui.i18n import plural_ru
from ui.main_window import MainWindow
from ui.operations import Operations
from ui.org_tree import ORG_ID_ROLE


def open_window(qtbot, ops) -> MainWindow:
    window = MainWindow(ops, remember_geometry=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.scope is not None and window.members.model.rowCount() > 0
                    and window.members.model.is_row_loaded(0), timeout=15_000)
    return window


@pytest.fixture
def window(qtbot, demo) -> MainWindow:
    return open_window(qtbot, demo[1])


def test_window_shows_the_tree_and_the_members(window: MainWindow, demo) -> None:
    db, _ops = demo
    assert window.windowTitle().startswith("Рабочее место председателя")
    with db.session() as session:
        nodes = org_tree(session)
        scope = window.scope
        flt = MemberFilter(org_ids=scope.org_ids)
        expected_ids = member_ids(session, flt)
    assert window.tree.model.rowCount() >= 1
    first_primary = next(n for n in nodes if n.level == "primary" and n.active_members > 0)
    assert scope.id == first_primary.id
    assert window.tree.view.currentIndex().data(ORG_ID_ROLE) == scope.id
    model = window.members.model
    assert [model.member_id(r) for r in range(model.rowCount())] == expected_ids
    assert model.data(model.index(0, 0)) == model.member_row(0).full_name
    assert window.tabs.currentWidget() is window.members
    assert window.org_title.text() == scope.name


def test_status_bar_counts_use_russian_plurals(window: MainWindow) -> None:
    total = window.members.model.rowCount()
    text = window.status.counts.text()
    word = plural_ru(total, "член", "члена", "членов")
    assert f" {word} Профсоюза на учёте" in text
    assert window.status.organisation.text() == window.scope.name
    assert "Синхронизация" in window.status.sync.text()


def test_choosing_another_organisation_shows_its_members(qtbot, window: MainWindow,
                                                         demo) -> None:
    db, _ops = demo
    with db.session() as session:
        nodes = org_tree(session)
    other = next(n for n in nodes if n.id != window.scope.id and n.active_members > 0)
    window.tree.select(other.id)
    qtbot.waitUntil(lambda: window.scope.id == other.id
                    and not window.members.model.querying, timeout=10_000)
    with db.session() as session:
        expected = count_members(session, MemberFilter(org_ids=window.scope.org_ids))
    assert window.members.model.rowCount() == expected
    assert window.org_title.text() == other.name


def test_organisation_filter_box(qtbot, window: MainWindow) -> None:
    name = window.scope.name
    window.tree.filter.setText(name.upper().replace("Ё", "Е"))  # QTest types ASCII only
    assert window.tree.proxy.rowCount() >= 1
    window.tree.filter.clear()
    assert window.scope.name == name


def test_shortcuts(qtbot, window: MainWindow) -> None:
    assert window.find_action.shortcut() == QKeySequence("Ctrl+F")
    assert window.new_action.shortcut() == QKeySequence("Ctrl+N")
    assert window.refresh_action.shortcut() == QKeySequence("F5")
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    window.activateWindow()
    window.members.table.setFocus()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.members.search.hasFocus)


def test_refresh_keeps_the_organisation_and_the_selection(qtbot, window: MainWindow) -> None:
    panel = window.members
    panel.table.selectRow(2)
    chosen = panel.selected_member_ids()
    org = window.scope.id
    finished = []
    panel.model.query_finished.connect(lambda *args: finished.append(args))
    window.refresh_action.trigger()
    qtbot.waitUntil(lambda: bool(finished) and not panel.model.querying, timeout=10_000)
    assert window.scope.id == org
    assert panel.selected_member_ids() == chosen


def test_busy_indicator_shows_during_long_background_work(qtbot, window: MainWindow,
                                                          demo) -> None:
    _db, ops = demo
    release = threading.Event()
    ops.long(lambda _context: release.wait(10), lambda _result: None)
    qtbot.waitUntil(window.status.busy.isVisible, timeout=5_000)
    release.set()
    qtbot.waitUntil(lambda: not window.status.busy.isVisible(), timeout=5_000)


def test_an_empty_database_shows_a_friendly_message(qtbot, tmp_path) -> None:
    db = open_database(tmp_path / "empty.sqlite")
    ops = Operations(db)
    try:
        window = MainWindow(ops, remember_geometry=False)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.content_ready, timeout=10_000):
            window.show()
        assert window.workspace.currentWidget() is window.empty_page
        texts = " ".join(label.text() for label in window.empty_page.findChildren(QLabel))
        assert "нет ни одной организации" in texts
        assert not window.new_action.isEnabled()
        assert window.scope is None
        window.refresh_action.trigger()  # nothing to refresh: no crash
        qtbot.wait(50)
    finally:
        ops.wait()
        db.close()

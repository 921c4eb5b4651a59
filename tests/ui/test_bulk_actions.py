"""«Действия с выбранными» in the main window: select rows, run an action, Ctrl+Z."""

from __future__ import annotations

import time
from datetime import date

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import delete, func, select

from chairclient.db.models import Consent, Member, OutboxEntry, UndoStep
from chairclient.queries.organisations import org_tree
from tests.ui.test_main_window import open_window
from ui.i18n import plural_ru
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, writable) -> MainWindow:
    return open_window(qtbot, writable[1])


def _select(window: MainWindow, member_ids: list[str]) -> None:
    model, table = window.members.model, window.members.table
    selection = QItemSelection()
    for member_id in member_ids:
        row = model.row_of(member_id)
        assert row >= 0
        selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
    flags = QItemSelectionModel.SelectionFlag
    table.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)


def _members(db, window: MainWindow, **where) -> list[str]:
    with db.session() as s:
        query = select(Member.id).where(Member.org_id.in_(window.scope.org_ids),
                                        Member.status == "active", Member.deleted.is_(False))
        for name, value in where.items():
            query = query.where(getattr(Member, name) == value)
        return list(s.scalars(query.order_by(Member.id)))


def _live_consents(db, member_ids: list[str]) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Consent).where(
            Consent.member_id.in_(member_ids), Consent.revoked_on.is_(None))) or 0


def _finish(qtbot, window: MainWindow, timeout: int = 30_000) -> QMessageBox:
    qtbot.waitUntil(lambda: not window.bulk.busy and window.bulk.result_box is not None,
                    timeout=timeout)
    box = window.bulk.result_box
    box.close()
    return box


def _accept_date(qtbot, window: MainWindow, day: date | None = None) -> None:
    qtbot.waitUntil(lambda: window.bulk.dialog is not None and window.bulk.dialog.isVisible())
    dialog = window.bulk.dialog
    if day is not None:
        dialog.date.set_value(day)
    dialog.accept()


def test_menus_offer_the_actions(window: MainWindow) -> None:
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert "Правка" in titles
    assert titles.index("Правка") < titles.index("Члены Профсоюза")
    bulk = window.bulk
    assert bulk.menu.title().replace("&", "") == "Действия с выбранными"
    assert bulk.menu.menuAction() in window.members.table.actions()  # the context menu
    assert bulk.button is not None and bulk.button.menu() is bulk.menu
    assert window.reports.selection_action in bulk.menu.actions()  # export is one of them
    assert not bulk.consent_action.isEnabled()  # nothing selected yet
    window.members.table.selectRow(0)
    assert bulk.consent_action.isEnabled()
    assert not bulk.undo_action.isEnabled()
    assert bulk.undo_action.text().replace("&", "") == "Отменить"


def test_mark_consent_then_ctrl_z(qtbot, window: MainWindow, writable) -> None:
    db, _ops = writable
    without = _members(db, window, has_consent=False)[:3]
    with_consent = _members(db, window, has_consent=True)[:2]
    assert len(without) == 3 and len(with_consent) == 2
    _select(window, without + with_consent)
    window.bulk.consent_action.trigger()
    _accept_date(qtbot, window, date(2025, 9, 15))
    box = _finish(qtbot, window)
    assert box.text() == (
        "Отмечено согласие у 3 членов Профсоюза; 2 пропущены: согласие уже отмечено — 2.")
    assert "согласие уже отмечено" in box.detailedText()
    assert _live_consents(db, without) == 3
    qtbot.waitUntil(lambda: window.bulk.undo_action.isEnabled())
    assert window.bulk.undo_action.text().replace("&", "") == (
        "Отменить: согласие у 3 членов Профсоюза")
    qtbot.waitUntil(lambda: window.members.model.member_row(
        window.members.model.row_of(without[0])) is not None
        and window.members.model.member_row(window.members.model.row_of(without[0])).has_consent)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.members.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _live_consents(db, without) == 0, timeout=10_000)
    # The message comes when the undo's result reaches the UI thread (after the commit).
    qtbot.waitUntil(lambda: "Отменено: отмечено согласие у 3 членов Профсоюза"
                    in window.status.currentMessage(), timeout=10_000)
    assert not window.bulk.undo_action.isEnabled()
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
        assert s.scalar(select(func.count()).select_from(UndoStep)) == 0


def test_after_sync_undo_is_disabled_with_the_reason(qtbot, window: MainWindow,
                                                     writable) -> None:
    db, _ops = writable
    chosen = _members(db, window)[:4]
    before = [m for m in chosen if _category(db, m) != "unemployed"]
    _select(window, chosen)
    window.bulk.category_action.trigger()
    qtbot.waitUntil(lambda: window.bulk.dialog is not None)
    dialog = window.bulk.dialog
    dialog.category.setCurrentIndex(dialog.category.findData("unemployed"))
    _accept_date(qtbot, window)
    box = _finish(qtbot, window)
    word = plural_ru(len(before), "члена", "членов", "членов")
    assert box.text().startswith(f"Категория изменена у {len(before)} {word} Профсоюза")
    qtbot.waitUntil(lambda: window.bulk.undo_action.isEnabled())
    with db.transaction() as s:  # what a push does with entries the registry applied
        s.execute(delete(OutboxEntry))
    window.bulk.refresh_undo()
    qtbot.waitUntil(lambda: window.bulk.undo_action.toolTip().startswith(
        "Действие уже передано в реестр"))
    assert not window.bulk.undo_action.isEnabled()
    assert window.bulk.undo_action.text().startswith("&Отменить: смена категории у")
    window.bulk.undo()  # Ctrl+Z on a disabled item does nothing
    assert all(_category(db, m) == "unemployed" for m in chosen)


def _category(db, member_id: str) -> str | None:
    with db.session() as s:
        return s.scalar(select(Member.category).where(Member.id == member_id))


def test_a_future_date_is_not_accepted(qtbot, window: MainWindow) -> None:
    window.members.table.selectRow(0)
    window.bulk.issued_action.trigger()
    qtbot.waitUntil(lambda: window.bulk.dialog is not None)
    dialog = window.bulk.dialog
    dialog.date.set_value(date(2999, 1, 1))
    dialog.accept()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "будущем" in dialog.error.text()
    dialog.reject()
    assert window.bulk.task is None


def test_thousands_of_members_do_not_freeze_the_window(qtbot, window: MainWindow,
                                                       writable) -> None:
    db, _ops = writable
    with db.session() as s:
        top = next(n for n in org_tree(s) if n.level == "regional")
    window.tree.select(top.id)
    qtbot.waitUntil(lambda: window.scope.id == top.id and not window.members.model.querying
                    and window.members.model.rowCount() > 1000, timeout=15_000)
    window.members.table.selectAll()
    count = len(window.members.selected_member_ids())
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    window.bulk.request_action.trigger()
    box = _finish(qtbot, window, timeout=60_000)
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert max(gaps) < 1.0, max(gaps)  # the event loop kept running
    assert "добавлен" in box.text() and "пропущен" in box.text()
    with db.session() as s:
        step = s.scalar(select(UndoStep))
    assert step.summary["count"] + step.summary["skipped"] == count

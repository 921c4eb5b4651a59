"""«Снять с учёта…» and «Восстановить…» through the real widgets: the list's selection (bulk,
one undo step), the context menu and the member card; afterwards the list with its filter,
the card's history and the dashboard agree."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from chairclient.db.models import Card, Member, MembershipEvent, OutboxEntry, UndoStep
from chairclient.queries.dashboard import compute_dashboard
from tests.ui.test_bulk_actions import _finish, _members, _select
from tests.ui.test_dashboard import show_dashboard
from tests.ui.test_main_window import open_window
from ui.lifecycle import LifecycleDialog
from ui.main_window import MainWindow
from ui.member_card import MemberCardDialog


@pytest.fixture
def window(qtbot, writable) -> MainWindow:
    return open_window(qtbot, writable[1])


def _dialog(qtbot, window: MainWindow) -> LifecycleDialog:
    qtbot.waitUntil(lambda: isinstance(window.bulk.dialog, LifecycleDialog)
                    and window.bulk.dialog.isVisible(), timeout=10_000)
    return window.bulk.dialog


def _status(db, member_id: str) -> tuple[str, str | None]:
    with db.session() as s:
        member = s.get(Member, member_id)
        return member.status, member.removal_reason


def _history(db, member_id: str) -> list[tuple[str, str | None]]:
    with db.session() as s:
        return [(e.kind, e.note) for e in s.scalars(
            select(MembershipEvent).where(MembershipEvent.member_id == member_id)
            .order_by(MembershipEvent.event_date, MembershipEvent.updated_at))]


def _on_register(db, window: MainWindow) -> int:
    with db.session() as s:
        return compute_dashboard(s, window.scope.id, window.scope.org_ids).counts["on_register"]


def _show_status(qtbot, window: MainWindow, status: str | None) -> None:
    bar = window.members.filters
    bar.select(bar.status, status)
    qtbot.waitUntil(lambda: not window.members.model.querying, timeout=10_000)


def _listed(window: MainWindow) -> set[str]:
    model = window.members.model
    return {model.member_id(row) for row in range(model.rowCount())}


def test_actions_stand_in_the_context_menu_and_the_bulk_menu(window: MainWindow) -> None:
    bulk, table = window.bulk, window.members.table
    assert bulk.remove_action in table.actions() and bulk.restore_action in table.actions()
    assert bulk.remove_action in bulk.menu.actions()
    assert bulk.remove_action.text().replace("&", "") == "Снять с учёта…"
    assert bulk.restore_action.text().replace("&", "") == "Восстановить на учёте…"
    assert window.members.filters.status.itemText(1) == "Снятые с учёта"


def test_bulk_removal_then_undo_with_ctrl_z(qtbot, window: MainWindow, writable) -> None:
    db, _ops = writable
    chosen = _members(db, window)[:3]
    with db.session() as s:
        live_card = s.scalar(select(Card.id).where(Card.member_id.in_(chosen),
                                                   Card.status == "issued"))
    on_register = _on_register(db, window)
    _select(window, chosen)
    window.bulk.remove_action.trigger()
    dialog = _dialog(qtbot, window)
    assert dialog.reason.findData("transfer") < 0  # a transfer has its own action
    dialog.accept()  # no reason chosen: refused in the dialog
    assert dialog.isVisible() and "причину" in dialog.error.text()
    dialog.choose_reason("voluntary")
    dialog.date.set_value(date(2099, 1, 1))
    dialog.accept()
    assert dialog.isVisible() and "будущем" in dialog.error.text()
    dialog.date.set_value(date.today())
    dialog.note.setText("заявления от 01.12")
    dialog.accept()
    box = _finish(qtbot, window)
    assert box.text() == "3 члена Профсоюза сняты с учёта."
    assert all(_status(db, m) == ("removed", "voluntary") for m in chosen)
    assert _history(db, chosen[0])[-1] == ("removed", "заявления от 01.12")
    if live_card is not None:
        with db.session() as s:
            assert s.get(Card, live_card).status == "cancelled"
    # The list (on the register) no longer shows them; «Снятые с учёта» does.
    qtbot.waitUntil(lambda: not window.members.model.querying, timeout=10_000)
    assert not set(chosen) & _listed(window)
    _show_status(qtbot, window, "removed")
    assert set(chosen) <= _listed(window)
    show_dashboard(qtbot, window)
    assert window.dashboard.dashboard.counts["on_register"] == on_register - 3

    qtbot.waitUntil(lambda: window.bulk.undo_action.isEnabled())
    assert window.bulk.undo_action.text().replace("&", "") == (
        "Отменить: снятие с учёта 3 членов Профсоюза")
    window.tabs.setCurrentWidget(window.members)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.members.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: all(_status(db, m) == ("active", None) for m in chosen),
                    timeout=10_000)
    assert all(kind != "removed" for m in chosen for kind, _ in _history(db, m))
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
        assert s.scalar(select(func.count()).select_from(UndoStep)) == 0
        if live_card is not None:
            assert s.get(Card, live_card).status == "issued"
    show_dashboard(qtbot, window)
    qtbot.waitUntil(lambda: window.dashboard.dashboard.counts["on_register"] == on_register,
                    timeout=10_000)


def test_bulk_restoration_from_the_removed_filter(qtbot, window: MainWindow, writable) -> None:
    db, _ops = writable
    _show_status(qtbot, window, "removed")
    removed = [m for m in _listed(window) if _status(db, m)[1] != "transfer"][:2]
    assert len(removed) == 2, "the demo data have removed members"
    on_register = _on_register(db, window)
    _select(window, removed)
    window.bulk.restore_action.trigger()
    dialog = _dialog(qtbot, window)
    assert not dialog.reason.isVisible()
    dialog.note.setText("ошибочно сняты")
    dialog.accept()
    box = _finish(qtbot, window)
    assert box.text() == "2 члена Профсоюза восстановлены на учёте."
    assert all(_status(db, m) == ("active", None) for m in removed)
    assert _history(db, removed[0])[-1] == ("restored", "ошибочно сняты")
    qtbot.waitUntil(lambda: not window.members.model.querying, timeout=10_000)
    assert not set(removed) & _listed(window)
    assert _on_register(db, window) == on_register + 2
    qtbot.waitUntil(lambda: window.bulk.undo_action.isEnabled())
    window.bulk.undo_action.trigger()
    qtbot.waitUntil(lambda: all(_status(db, m)[0] == "removed" for m in removed),
                    timeout=10_000)


def _open_card(qtbot, window: MainWindow, member_id: str) -> MemberCardDialog:
    _select(window, [member_id])
    window.members.table.setCurrentIndex(
        window.members.model.index(window.members.model.row_of(member_id), 0))
    window.members.open_current()
    qtbot.waitUntil(lambda: window.findChild(MemberCardDialog) is not None, timeout=10_000)
    card = window.findChild(MemberCardDialog)
    qtbot.waitUntil(lambda: card.stack.currentIndex() == 1, timeout=10_000)
    return card


def test_removal_and_restoration_from_the_member_card(qtbot, window: MainWindow,
                                                      writable) -> None:
    db, _ops = writable
    member_id = _members(db, window)[0]
    card = _open_card(qtbot, window, member_id)
    tab = card.membership
    card.tabs.setCurrentWidget(tab)
    assert tab.remove_button.isVisibleTo(card) and not tab.restore_button.isVisibleTo(card)
    tab.remove_button.click()
    qtbot.waitUntil(lambda: card.lifecycle.dialog is not None)
    dialog = card.lifecycle.dialog
    assert card.fields.values()["last_name"] in dialog.intro.text()
    dialog.choose_reason("dismissal")
    dialog.date.set_value(date(1990, 1, 1))  # before the member joined: the service refuses
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "раньше последнего события" in dialog.error.text()
    assert _status(db, member_id) == ("active", None)
    dialog.date.set_value(date.today())
    dialog.note.setText("приказ № 7")
    dialog.accept()
    qtbot.waitUntil(lambda: _status(db, member_id) == ("removed", "dismissal"), timeout=10_000)
    qtbot.waitUntil(lambda: tab.restore_button.isVisibleTo(card), timeout=10_000)
    assert "Снят с учёта" in tab.status.text()
    history = [tab.history.item(r, 1).text() for r in range(tab.history.rowCount())]
    assert history[-1] == "Снят с учёта"
    assert "приказ № 7" in tab.history.item(tab.history.rowCount() - 1, 2).text()
    qtbot.waitUntil(lambda: window.bulk.undo_action.isEnabled(), timeout=10_000)

    tab.restore_button.click()
    qtbot.waitUntil(lambda: card.lifecycle.dialog is not None)
    card.lifecycle.dialog.accept()
    qtbot.waitUntil(lambda: _status(db, member_id) == ("active", None), timeout=10_000)
    qtbot.waitUntil(lambda: tab.remove_button.isVisibleTo(card), timeout=10_000)
    assert [k for k, _ in _history(db, member_id)][-2:] == ["removed", "restored"]
    card.reject()
    qtbot.waitUntil(lambda: member_id in _listed(window), timeout=10_000)

"""«Профсоюзные должности» through the real widgets: the card's tab appoints and ends an office
(the dialog shows the rules' refusal), the passport's chair follows the office holders, and the
bulk «Назначить на должность» is one step that Ctrl+Z takes back."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from chairclient.db.models import Member, MemberRole, OutboxEntry
from tests.ui.test_bulk_actions import _finish, _members, _select
from tests.ui.test_main_window import open_window
from ui.main_window import MainWindow
from ui.member_card import MemberCardDialog
from ui.roles import RoleDialog


@pytest.fixture
def window(qtbot, writable) -> MainWindow:
    return open_window(qtbot, writable[1])


def _holder(db, org_id: str, role: str) -> str | None:
    with db.session() as s:
        return s.scalar(select(MemberRole.member_id).where(
            MemberRole.org_id == org_id, MemberRole.role == role,
            MemberRole.deleted.is_(False), MemberRole.until.is_(None)))


def _name(db, member_id: str) -> str:
    with db.session() as s:
        m = s.get(Member, member_id)
        return " ".join(p for p in (m.last_name, m.first_name, m.patronymic) if p)


def _offices_of(db, member_id: str) -> list[tuple[str, date | None]]:
    with db.session() as s:
        return [(r.role, r.until) for r in s.scalars(select(MemberRole).where(
            MemberRole.member_id == member_id, MemberRole.deleted.is_(False)))]


def _close(card: MemberCardDialog) -> None:
    card.reject()


def _open_card(qtbot, window: MainWindow, member_id: str) -> MemberCardDialog:
    """Open ``member_id``'s card from the list (earlier cards may still await deletion)."""
    _select(window, [member_id])
    window.members.table.setCurrentIndex(
        window.members.model.index(window.members.model.row_of(member_id), 0))
    window.members.open_current()

    def opened() -> MemberCardDialog | None:
        return next((c for c in window.findChildren(MemberCardDialog)
                     if c.member_id == member_id and c.isVisible()), None)

    qtbot.waitUntil(lambda: opened() is not None, timeout=10_000)
    card = opened()
    qtbot.waitUntil(lambda: card.stack.currentIndex() == 1, timeout=10_000)
    return card


def test_a_new_chair_through_the_cards_and_the_passport(qtbot, window: MainWindow,
                                                       writable) -> None:
    db, _ops = writable
    org = window.scope.id
    old_chair = _holder(db, org, "chair")
    assert old_chair is not None, "the demo organisation has a chair"
    newcomer = next(m for m in _members(db, window) if not _offices_of(db, m))

    # 1. the newcomer cannot be made chair while the office is held
    card = _open_card(qtbot, window, newcomer)
    card.tabs.setCurrentWidget(card.offices)
    card.offices.appoint_button.click()
    qtbot.waitUntil(lambda: isinstance(card.offices.dialog, RoleDialog))
    dialog = card.offices.dialog
    assert dialog.role.findData("treasurer") > 0 and dialog.role.findData("revision_chair") > 0
    dialog.choose_role("chair")
    assert dialog.chosen_body() == "committee"
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "занимает другой член Профсоюза" in dialog.error.text()
    dialog.reject()
    _close(card)

    # 2. the old chair's term ends yesterday (in their card)
    card = _open_card(qtbot, window, old_chair)
    card.tabs.setCurrentWidget(card.offices)
    office_id = next(o.id for o in card.offices._offices if o.role == "chair" and not o.until)
    card.offices.select_office(office_id)
    assert card.offices.end_button.isEnabled()
    card.offices.end_button.click()
    qtbot.waitUntil(lambda: card.offices.dialog is not None)
    yesterday = date.today() - timedelta(days=1)
    card.offices.dialog.until.set_value(yesterday)
    card.offices.dialog.accept()
    qtbot.waitUntil(lambda: ("chair", yesterday) in _offices_of(db, old_chair), timeout=10_000)
    _close(card)

    # 3. now the newcomer is elected today
    card = _open_card(qtbot, window, newcomer)
    card.tabs.setCurrentWidget(card.offices)
    card.offices.appoint_button.click()
    qtbot.waitUntil(lambda: isinstance(card.offices.dialog, RoleDialog))
    card.offices.dialog.choose_role("chair")
    card.offices.dialog.accept()
    qtbot.waitUntil(lambda: ("chair", None) in _offices_of(db, newcomer), timeout=10_000)
    qtbot.waitUntil(lambda: card.offices.table.rowCount() == 1, timeout=10_000)
    assert card.offices.table.item(0, 0).text() == "Председатель"
    assert card.offices.table.item(0, 1).text() == "Профсоюзный комитет (профком)"
    _close(card)

    # the passport's chair is the office holder, read-only
    window.tabs.setCurrentWidget(window.passport)
    form = window.passport.form if hasattr(window.passport, "form") else window.passport
    qtbot.waitUntil(lambda: getattr(form, "_data", None) is not None
                    and form._data.values.get("chair_name") == _name(db, newcomer),
                    timeout=10_000)
    assert form._data.values["chair_elected_on"] == date.today()
    assert not form.fields.editor("chair_name").isEnabled()
    assert form.fields.editor("chair_phone").isEnabled()


def test_bulk_appointment_and_undo(qtbot, window: MainWindow, writable) -> None:
    db, _ops = writable
    chosen = [m for m in _members(db, window) if not _offices_of(db, m)][:3]
    _select(window, chosen)
    window.bulk.role_action.trigger()
    qtbot.waitUntil(lambda: isinstance(window.bulk.dialog, RoleDialog), timeout=10_000)
    dialog = window.bulk.dialog
    dialog.choose_role("group_organiser")
    assert dialog.chosen_body() == "group"
    dialog.body_name.setText("начальная школа")
    dialog.accept()
    box = _finish(qtbot, window)
    assert box.text() == "3 члена Профсоюза назначены на должность."
    assert all(_offices_of(db, m) == [("group_organiser", None)] for m in chosen)
    qtbot.waitUntil(lambda: window.bulk.undo_action.isEnabled())
    assert window.bulk.undo_action.text().replace("&", "") == (
        "Отменить: назначение на должность 3 членов Профсоюза")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.members.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: all(_offices_of(db, m) == [] for m in chosen), timeout=10_000)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0

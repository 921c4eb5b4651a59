"""The «Члены Профсоюза» tab: search, filters and header sorting agree with SQL."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QItemSelection, QPoint, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from chairclient.db.models import Member
from chairclient.queries.members import MemberFilter, count_members, member_ids
from chairclient.queries.organisations import org_tree
from chairclient.text import fold
from ui.lazy import optional_class
from ui.member_list import MemberListPanel
from ui.member_table import COLUMN_KEYS
from ui.org_tree import subtree_map


@pytest.fixture
def scope(demo) -> tuple[str, tuple[str, ...]]:
    """The primary organisation with the most members, and its subtree."""
    db, _ops = demo
    with db.session() as session:
        nodes = org_tree(session)
    org = max((n for n in nodes if n.level == "primary"), key=lambda n: n.active_members)
    return org.id, subtree_map(nodes)[org.id]


def settled(panel: MemberListPanel) -> bool:
    return not panel._search_timer.isActive() and not panel.model.querying


@pytest.fixture
def panel(qtbot, demo, scope) -> MemberListPanel:
    _db, ops = demo
    panel = MemberListPanel(ops)
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    panel.show()
    with qtbot.waitSignal(panel.rows_ready, timeout=10_000):
        panel.set_scope(*scope)
    return panel


def sql_count(db, **kwargs) -> int:
    with db.session() as session:
        return count_members(session, MemberFilter(**kwargs))


def wait_count(qtbot, panel: MemberListPanel, expected: int) -> None:
    qtbot.waitUntil(lambda: settled(panel) and panel.model.rowCount() == expected,
                    timeout=10_000)


def test_search_by_surname_narrows_the_list(qtbot, panel, demo, scope) -> None:
    db, _ops = demo
    total = panel.model.rowCount()
    surname = panel.model.member_row(0).last_name
    expected = sql_count(db, org_ids=scope[1], text=surname)
    assert 0 < expected < total
    panel.search.setText(surname.lower())  # QTest can type ASCII only
    wait_count(qtbot, panel, expected)
    assert panel.model.member_filter.text == surname.lower()
    qtbot.waitUntil(lambda: panel.model.is_row_loaded(0))
    shown = [panel.model.member_row(r) for r in range(min(expected, 20))
             if panel.model.is_row_loaded(r)]
    assert shown and all(fold(surname) in fold(row.full_name) for row in shown)

    panel.search.clear()
    wait_count(qtbot, panel, total)


def test_search_treats_yo_as_ye(qtbot, panel, demo, scope) -> None:
    db, _ops = demo
    with db.session() as session:
        names = session.scalars(
            select(Member.last_name)
            .where(Member.org_id.in_(scope[1]), Member.last_name.like("%ё%")).limit(1)
        ).all()
    if not names:
        pytest.skip("no surname with ё in the demo data")
    with_yo = names[0]
    expected = sql_count(db, org_ids=scope[1], text=with_yo, status=None)
    panel.filters.select(panel.filters.status, None)
    panel.search.setText(with_yo.replace("ё", "е"))
    wait_count(qtbot, panel, expected)


@pytest.mark.parametrize("kind", ["snils", "snils_digits", "card_number"])
def test_search_by_snils_or_card_number_finds_the_member(qtbot, panel, demo, scope,
                                                         kind) -> None:
    db, _ops = demo
    with db.session() as session:
        member = session.scalars(
            select(Member).where(Member.org_id.in_(scope[1]), Member.status == "active",
                                 Member.snils.is_not(None), Member.card_number.is_not(None))
        ).first()
    if member is None:
        pytest.skip("no member with both a СНИЛС and a card number in the demo data")
    text = {"snils": member.snils, "snils_digits": member.snils.replace("-", "").replace(" ", ""),
            "card_number": member.card_number}[kind]
    panel.search.setText(text)
    wait_count(qtbot, panel, 1)
    assert panel.model.member_id(0) == member.id


def test_down_key_in_the_search_box_moves_to_the_list(qtbot, panel) -> None:
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.focus_search()
    qtbot.waitUntil(panel.search.hasFocus)
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert panel.table.hasFocus()
    assert panel.table.currentIndex().row() == 0


def test_search_without_matches_explains_itself(qtbot, panel) -> None:
    panel.search.setText("zzzzqqq")
    wait_count(qtbot, panel, 0)
    assert panel.stack.currentWidget() is panel.empty_label
    assert "Никто не найден по запросу «zzzzqqq»" in panel.empty_label.text()
    panel.filters.select(panel.filters.consent, True)
    qtbot.waitUntil(lambda: "Сбросить фильтры" in panel.empty_label.text(), timeout=10_000)
    panel.filters.reset()
    panel.search.clear()
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.table, timeout=10_000)


@pytest.mark.parametrize(
    ("combo", "value", "field"),
    [("consent", True, "has_consent"), ("consent", False, "has_consent"),
     ("completeness", False, "is_complete"), ("category", "working", "category"),
     ("card_status", "issued", "card_status"), ("status", "removed", "status"),
     ("status", None, "status")],
)
def test_filters_agree_with_sql(qtbot, panel, demo, scope, combo, value, field) -> None:
    db, _ops = demo
    expected = sql_count(db, **{"org_ids": scope[1], field: value})
    bar = panel.filters
    bar.select(getattr(bar, combo), value)
    wait_count(qtbot, panel, expected)
    assert getattr(panel.model.member_filter, field) == value
    assert bar.reset_button.isVisible() == (not bar.is_default())
    status_hidden = panel.table.isColumnHidden(COLUMN_KEYS.index("status"))
    assert status_hidden == (panel.model.member_filter.status == "active")


def test_clicking_a_header_sorts_in_sql(qtbot, panel, demo) -> None:
    db, _ops = demo
    header = panel.table.horizontalHeader()
    section = COLUMN_KEYS.index("birth_date")
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    for descending in (False, True):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(x, 5))
        qtbot.waitUntil(lambda d=descending: settled(panel)
                        and panel.model.member_filter.sort_key == "birth_date"
                        and panel.model.member_filter.descending == d, timeout=10_000)
        with db.session() as session:
            expected = member_ids(session, panel.model.member_filter)
        assert [panel.model.member_id(r) for r in range(panel.model.rowCount())] == expected
    flt = panel.model.member_filter
    assert expected != member_ids_of(db, dataclasses.replace(flt, descending=False))


def member_ids_of(db, flt: MemberFilter) -> list[str]:
    with db.session() as session:
        return member_ids(session, flt)


def test_sorting_keeps_the_selected_member(qtbot, panel) -> None:
    panel.table.selectRow(5)
    chosen = panel.current_member_id()
    panel.table.horizontalHeader().setSortIndicator(
        COLUMN_KEYS.index("phone"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: settled(panel) and panel.model.member_filter.sort_key == "phone",
                    timeout=10_000)
    assert panel.current_member_id() == chosen
    assert panel.selected_member_ids() == [chosen]


def test_multi_selection(panel) -> None:
    panel.table.selectRow(1)
    panel.table.selectionModel().select(
        panel.model.index(3, 0),
        panel.table.selectionModel().SelectionFlag.Select
        | panel.table.selectionModel().SelectionFlag.Rows)
    assert panel.selected_member_ids() == [panel.model.member_id(1), panel.model.member_id(3)]


def test_a_scattered_selection_survives_a_refresh(qtbot, panel) -> None:
    """Runs of rows and single rows, overlapping selections included, come back whole."""
    model, selection = panel.model, panel.table.selectionModel()
    flags = selection.SelectionFlag
    rows = [0, 1, 2, 4, 7, 8]
    for first, last in [(0, 2), (1, 1), (4, 4), (7, 8)]:
        selection.select(QItemSelection(model.index(first, 0), model.index(last, 0)),
                         flags.Select | flags.Rows)
    chosen = panel.selected_member_ids()
    assert chosen == [model.member_id(r) for r in rows]
    panel.refresh()
    qtbot.waitUntil(lambda: settled(panel), timeout=10_000)
    assert panel.selected_member_ids() == chosen
    assert len(selection.selectedRows()) == len(rows)


card_dialog = optional_class("ui.member_card", "MemberCardDialog")
needs_card = pytest.mark.skipif(card_dialog is None, reason="ui.member_card not built yet")


def open_dialogs() -> list:
    return [w for w in QApplication.topLevelWidgets()
            if card_dialog is not None and isinstance(w, card_dialog) and w.isVisible()]


@needs_card
def test_enter_opens_the_current_members_card(qtbot, panel) -> None:
    panel.table.setFocus()
    panel.table.selectRow(4)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(open_dialogs()), timeout=5_000)
    dialog = open_dialogs()[0]
    assert dialog.member_id == panel.model.member_id(4)
    dialog.reject()


@needs_card
def test_a_saved_card_refreshes_the_list_and_is_selected(qtbot, writable) -> None:
    from chairclient.services.members import save_member

    db, ops = writable
    with db.session() as session:
        nodes = org_tree(session)
    org = next(n for n in nodes if n.level == "primary" and n.active_members > 0)
    panel = MemberListPanel(ops)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.rows_ready, timeout=10_000):
        panel.set_scope(org.id, subtree_map(nodes)[org.id])
    before = panel.model.rowCount()
    panel.new_member()
    qtbot.waitUntil(lambda: bool(open_dialogs()), timeout=5_000)
    dialog = open_dialogs()[0]
    assert dialog.member_id is None and dialog.org_id == org.id

    created: list[str] = []
    values = {"last_name": "Аааева", "first_name": "Анна", "category": "working"}
    ops.write(lambda s: save_member(s, org.id, values).member_id, created.append)
    qtbot.waitUntil(lambda: bool(created), timeout=10_000)
    with qtbot.waitSignal(panel.member_saved, timeout=5_000):
        dialog.saved.emit(created[0])  # what the dialog does after its own save
    dialog.reject()
    qtbot.waitUntil(lambda: settled(panel) and panel.model.rowCount() == before + 1,
                    timeout=10_000)
    assert panel.current_member_id() == created[0]
    assert panel.selected_member_ids() == created


@pytest.fixture
def territorial(demo) -> tuple[str, tuple[str, ...]]:
    """The local organisation with the most members below it, and its subtree."""
    db, _ops = demo
    with db.session() as session:
        nodes = org_tree(session)
    org = max((n for n in nodes if n.level == "territorial"), key=lambda n: n.active_members)
    return org.id, subtree_map(nodes)[org.id]


def test_the_organisation_column_follows_the_scope(qtbot, panel, territorial, scope) -> None:
    column = COLUMN_KEYS.index("org_name")
    assert panel.table.isColumnHidden(column)  # one primary organisation: no column
    with qtbot.waitSignal(panel.rows_ready, timeout=10_000):
        panel.set_scope(*territorial)
    assert not panel.table.isColumnHidden(column)
    assert panel.table.columnWidth(column) > 0
    names = {panel.model.data(panel.model.index(r, column)) for r in range(20)}
    assert len(names) > 1  # members of several organisations
    row = panel.model.member_row(0)
    assert panel.model.data(panel.model.index(0, column)) == row.org_name
    # Sorting by organisation happens in SQL like any other column.
    with qtbot.waitSignal(panel.rows_ready, timeout=10_000):
        panel.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.DescendingOrder)
    assert panel.model.member_filter.sort_key == "org_name"
    panel.table.scrollToTop()
    qtbot.waitUntil(lambda: all(panel.model.member_row(r) for r in range(50)), timeout=10_000)
    shown = [panel.model.member_row(r).org_name for r in range(50)]
    assert shown == sorted(shown, reverse=True)
    with qtbot.waitSignal(panel.rows_ready, timeout=10_000):
        panel.set_scope(*scope)
    assert panel.table.isColumnHidden(column)


@needs_card
def test_a_card_opens_with_the_members_own_organisation(qtbot, panel, territorial) -> None:
    with qtbot.waitSignal(panel.rows_ready, timeout=10_000):
        panel.set_scope(*territorial)
    org_id = territorial[0]
    row = next(r for r in range(panel.model.rowCount())
               if panel.model.member_row(r).org_id != org_id)
    panel.table.setFocus()
    panel.table.selectRow(row)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(open_dialogs()), timeout=5_000)
    dialog = open_dialogs()[0]
    assert dialog.member_id == panel.model.member_id(row)
    assert dialog.org_id == panel.model.member_row(row).org_id != org_id
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == 1, timeout=5_000)
    dialog.reject()

    panel.new_member()  # a new member is registered in the chosen organisation
    qtbot.waitUntil(lambda: bool(open_dialogs()), timeout=5_000)
    dialog = open_dialogs()[0]
    assert dialog.member_id is None and dialog.org_id == org_id
    dialog.reject()


@needs_card
def test_a_card_of_a_row_not_yet_loaded_gets_its_organisation(qtbot, panel, territorial,
                                                               demo) -> None:
    db, _ops = demo
    with qtbot.waitSignal(panel.rows_ready, timeout=10_000):
        panel.set_scope(*territorial)
    last = panel.model.rowCount() - 1
    member_id = panel.model.member_id(last)
    panel.model._cache.pop(member_id, None)  # as if its page had not arrived yet
    panel.table.selectionModel().setCurrentIndex(
        panel.model.index(last, 0), panel.table.selectionModel().SelectionFlag.NoUpdate)
    assert panel.model.member_row(last) is None
    panel.open_current()
    qtbot.waitUntil(lambda: bool(open_dialogs()), timeout=5_000)
    dialog = open_dialogs()[0]
    with db.session() as session:
        expected = session.get(Member, member_id).org_id
    assert dialog.member_id == member_id and dialog.org_id == expected
    dialog.reject()

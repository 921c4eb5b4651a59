"""The «Сводка» tab on the demo database: numbers, one-click lists, the chart, the table."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select, text

from chairclient.db.models import Member, Organisation
from chairclient.queries.dashboard import compute_dashboard
from chairclient.queries.members import count_members
from chairclient.services.members import set_consent
from ui.dashboard.orgs import COLUMNS, ORG_ID_ROLE, SORT_ROLE
from ui.i18n.formats import format_number
from ui.main_window import MainWindow

#: Members on the register with a live consent, none of whose live consents the registry's
#: PROFCARDS feed has stamped (independent of the dashboard's own SQL).
NOT_SENT_SQL = (
    "SELECT count(*) FROM members m WHERE m.deleted = 0 AND m.status = 'active' "
    "AND m.org_id IN (SELECT value FROM json_each(:orgs)) "
    "AND EXISTS (SELECT 1 FROM consents c WHERE c.member_id = m.id AND c.deleted = 0 "
    "AND c.revoked_on IS NULL) AND NOT EXISTS (SELECT 1 FROM consents c WHERE "
    "c.member_id = m.id AND c.deleted = 0 AND c.revoked_on IS NULL "
    "AND c.profcards_sent_on IS NOT NULL)"
)


def not_sent(session, org_ids) -> int:
    return session.scalar(text(NOT_SENT_SQL), {"orgs": json.dumps(list(org_ids))})


def open_window(qtbot, ops) -> MainWindow:
    window = MainWindow(ops, remember_geometry=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.scope is not None and not window.members.model.querying,
                    timeout=15_000)
    return window


def show_dashboard(qtbot, window: MainWindow, org_id: str | None = None) -> None:
    """Open the tab (for ``org_id`` if given) and wait for its numbers."""
    panel = window.dashboard
    if org_id is not None and window.scope.id != org_id:
        window.tree.select(org_id)
        qtbot.waitUntil(lambda: window.scope.id == org_id, timeout=10_000)
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.dashboard is not None and not panel.computing
                    and panel.dashboard.org_id == window.scope.id, timeout=15_000)


def list_settled(window: MainWindow) -> bool:
    panel = window.members
    return not panel._search_timer.isActive() and not panel.model.querying


@pytest.fixture
def region(demo) -> str:
    db, _ops = demo
    with db.session() as session:
        return session.scalar(select(Organisation.id).where(Organisation.level == "regional"))


def test_dashboard_is_counted_only_when_shown(qtbot, demo) -> None:
    _db, ops = demo
    window = open_window(qtbot, ops)
    assert window.tabs.tabText(window.tabs.indexOf(window.dashboard)) == "Сводка"
    assert window.dashboard.dashboard is None and not window.dashboard.computing
    show_dashboard(qtbot, window)
    assert window.dashboard.dashboard.org_ids == window.scope.org_ids


def test_tiles_show_the_core_counts(qtbot, demo, region) -> None:
    db, ops = demo
    window = open_window(qtbot, ops)
    show_dashboard(qtbot, window, region)
    panel = window.dashboard
    with db.session() as session:
        expected = compute_dashboard(session, region, window.scope.org_ids).counts
    assert panel.dashboard.counts == expected
    for key, tile in panel.tiles.items():
        assert tile.text() == format_number(expected[key]), key
    with db.session() as session:
        assert expected["consent_not_sent"] == not_sent(session, window.scope.org_ids) > 0
    assert panel.tiles["on_register"].caption == "На учёте"
    assert panel.tiles["card:issued"].caption == "Выданы"
    for key, button in panel.missing_buttons.items():
        assert button.isVisibleTo(panel) == (expected[key] > 0)
        if expected[key]:
            assert button.text().endswith(": " + format_number(expected[key]))


def test_every_count_opens_a_list_of_that_length(qtbot, demo, region) -> None:
    db, ops = demo
    window = open_window(qtbot, ops)
    show_dashboard(qtbot, window, region)
    panel = window.dashboard
    counts = dict(panel.dashboard.counts)
    assert counts["on_register"] > 0 and counts["incomplete"] > 0
    members = window.members
    for key, count in counts.items():
        window.tabs.setCurrentWidget(panel)
        if key in panel.tiles:
            qtbot.mouseClick(panel.tiles[key], Qt.MouseButton.LeftButton)
        elif panel.missing_buttons[key].isVisible():
            qtbot.mouseClick(panel.missing_buttons[key], Qt.MouseButton.LeftButton)
        else:
            panel.open_tile(key)  # a field nobody lacks: no button on screen
        assert window.tabs.currentWidget() is members, key
        qtbot.waitUntil(lambda: list_settled(window), timeout=10_000)
        assert members.model.rowCount() == count, key
        flt = members.model.member_filter
        assert flt.org_ids == window.scope.org_ids and flt.text == ""
        with db.session() as session:
            assert count_members(session, flt) == count, key
        if key != "on_register":
            assert members.is_filtered()
            assert str(format_number(count)) in window.status.counts.text()

    # A condition without a drop-down is named on a button that drops it.
    panel.open_tile("missing:education_level")
    qtbot.waitUntil(lambda: list_settled(window), timeout=10_000)
    button = members.filters.condition_button
    assert button.isVisible() and button.text().startswith("Не заполнено: Образование")
    assert members.model.rowCount() == counts["missing:education_level"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: list_settled(window) and members.filters.condition is None,
                    timeout=10_000)
    assert not button.isVisible()
    assert members.model.rowCount() == counts["incomplete"]  # «Карточка не заполнена» stays
    members.filters.reset()
    qtbot.waitUntil(lambda: list_settled(window), timeout=10_000)
    assert members.model.rowCount() == counts["on_register"]


def test_subordinate_table_sorts_and_opens_an_organisation(qtbot, demo, region) -> None:
    _db, ops = demo
    window = open_window(qtbot, ops)
    show_dashboard(qtbot, window, region)
    panel = window.dashboard
    table = panel.orgs
    rows = panel.dashboard.subordinates
    assert table.isVisible() and table.model().rowCount() == len(rows) > 1
    names = table.column_texts("name")
    assert names == sorted(names, key=str.casefold)

    header = table.horizontalHeader()
    section = [c.key for c in COLUMNS].index("members")

    def sort_values() -> list:
        return [table.model().index(r, section).data(SORT_ROLE)
                for r in range(table.model().rowCount())]

    def click_header() -> None:
        x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(x, header.height() // 2))

    click_header()
    first = sort_values()
    assert header.sortIndicatorSection() == section
    ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert first == sorted(first, reverse=not ascending) and len(set(first)) > 1
    click_header()
    assert sort_values() == sorted(first, reverse=ascending)
    largest = max(rows, key=lambda r: r.counts["on_register"])
    assert format_number(largest.counts["on_register"]) in table.column_texts("members")

    # The percentage column sorts by the number, not by the text («9 %» < «10 %»).
    pct = [c.key for c in COLUMNS].index("complete")
    table.sortByColumn(pct, Qt.SortOrder.AscendingOrder)
    shares = [table.model().index(r, pct).data(SORT_ROLE) for r in range(len(rows))]
    assert shares == sorted(shares)

    # Double-click: that organisation opens, with its own dashboard.
    target_row = 0
    target = table.model().index(target_row, 0).data(ORG_ID_ROLE)
    centre = table.visualRect(table.model().index(target_row, 1)).center()
    # QTest's double click carries no press of its own: the view needs the first click.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(lambda: window.scope.id == target, timeout=10_000)
    qtbot.waitUntil(lambda: panel.dashboard is not None and panel.dashboard.org_id == target
                    and not panel.computing, timeout=10_000)
    assert window.tabs.currentWidget() is panel
    expected = next(r for r in rows if r.org_id == target).counts
    assert panel.dashboard.counts == expected


def test_structure_chart(qtbot, demo, region) -> None:
    _db, ops = demo
    window = open_window(qtbot, ops)
    show_dashboard(qtbot, window, region)
    panel = window.dashboard
    chart = panel.chart
    total = panel.dashboard.counts["on_register"]
    assert [g.title for g in chart.groups] == ["По категориям", "По полу", "По возрасту"]
    for group in chart.groups:
        assert sum(bar.count for bar in group.bars) == total
    labels = [bar.label for bar in chart.groups[0].bars]
    assert labels[:2] == ["Работающий", "Обучающийся"]
    assert [b.label for b in chart.groups[1].bars][:2] == ["Женщины", "Мужчины"]
    assert chart.groups[2].bars[0].label == "до 35 лет"
    rects = chart.group_rects()
    assert len({r.top() for r in rects}) == 1  # side by side at this width
    assert all(r.right() <= chart.width() for r in rects)
    # The layout gives the chart the height its groups need (after the posted relayout).
    qtbot.waitUntil(lambda: chart.height() >= chart.heightForWidth(chart.width()))
    image = chart.grab().toImage()
    assert not image.isNull() and image.height() >= chart.heightForWidth(chart.width())
    chart.resize(400, chart.height())  # narrow: one group under another
    assert len({r.left() for r in chart.group_rects()}) == 1


def test_numbers_follow_changes_in_the_data(qtbot, writable) -> None:
    db, ops = writable
    window = open_window(qtbot, ops)
    show_dashboard(qtbot, window)
    panel = window.dashboard
    before = dict(panel.dashboard.counts)
    assert before["no_consent"] > 0
    with db.session() as session:
        member_id = session.scalar(
            select(Member.id).where(Member.org_id.in_(window.scope.org_ids),
                                    Member.status == "active", Member.has_consent.is_(False))
            .limit(1))
    with db.transaction() as session:
        set_consent(session, member_id, True)
    window.reload_data()
    qtbot.waitUntil(lambda: not panel.computing
                    and panel.dashboard.counts["no_consent"] == before["no_consent"] - 1,
                    timeout=10_000)
    with db.session() as session:
        expected = not_sent(session, window.scope.org_ids)
    assert expected == before["consent_not_sent"] + 1  # the new consent is not sent yet
    assert panel.dashboard.counts["consent_not_sent"] == expected
    assert panel.tiles["consent_not_sent"].text() == format_number(expected)

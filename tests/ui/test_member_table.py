"""The member table model over a real demo database: SQL order, lazy pages, stale results."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from chairclient.queries.members import MemberFilter, count_members, member_ids
from chairclient.queries.organisations import org_tree
from ui.member_table import COLUMN_KEYS, PLACEHOLDER, MemberTableModel


@pytest.fixture
def biggest_org(demo) -> tuple[str, ...]:
    """The org ids (a single primary organisation) with the most active members."""
    db, _ops = demo
    with db.session() as session:
        nodes = [n for n in org_tree(session) if n.level == "primary"]
    return (max(nodes, key=lambda n: n.active_members).id,)


def load(qtbot, model: MemberTableModel, flt: MemberFilter) -> None:
    with qtbot.waitSignal(model.query_finished, timeout=10_000):
        model.set_filter(flt)


def sql_ids(db, flt: MemberFilter) -> list[str]:
    with db.session() as session:
        return member_ids(session, flt)


def test_rows_match_sql_and_arrive_lazily(qtbot, demo, biggest_org) -> None:
    db, ops = demo
    model = MemberTableModel(ops, page_size=50)
    flt = MemberFilter(org_ids=biggest_org)
    load(qtbot, model, flt)
    with db.session() as session:
        assert model.rowCount() == count_members(session, flt) > 100
    assert [model.member_id(r) for r in range(model.rowCount())] == sql_ids(db, flt)
    # The first page comes with the query (one trip per keystroke); nothing more is read
    # until something further down is shown.
    assert model.pages_requested == 0
    assert model.is_row_loaded(49) and not model.is_row_loaded(50)
    assert model.data(model.index(0, 0)) == model.member_row(0).full_name

    second = model.index(60, 0)
    with qtbot.waitSignal(model.page_loaded, timeout=10_000) as loaded:
        assert model.data(second) == PLACEHOLDER
    assert loaded.args == [1]
    assert model.pages_requested == 1
    assert model.data(second) == model.member_row(60).full_name
    assert model.is_row_loaded(99) and not model.is_row_loaded(100)


def test_a_view_fetches_only_the_visible_pages(qtbot, demo, biggest_org) -> None:
    _db, ops = demo
    model = MemberTableModel(ops, page_size=50)
    load(qtbot, model, MemberFilter(org_ids=biggest_org))
    pages: list[int] = []
    model.page_loaded.connect(pages.append)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 300)  # about a dozen rows visible
    view.show()
    qtbot.waitUntil(lambda: model.is_row_loaded(view.rowAt(0)) and not model.busy)
    assert pages == []  # the top page came with the query

    view.scrollToBottom()
    last_page = (model.rowCount() - 1) // model.page_size
    qtbot.waitUntil(lambda: last_page in pages and not model.busy)
    assert set(pages) <= {0, last_page - 1, last_page}  # never the pages in between
    assert model.pages_requested == len(pages)


def test_sorting_is_done_in_sql(qtbot, demo, biggest_org) -> None:
    db, ops = demo
    model = MemberTableModel(ops)
    flt = MemberFilter(org_ids=biggest_org)
    load(qtbot, model, flt)
    column = COLUMN_KEYS.index("birth_date")
    with qtbot.waitSignal(model.query_finished, timeout=10_000):
        model.sort(column, Qt.SortOrder.DescendingOrder)
    expected = sql_ids(db, dataclasses.replace(flt, sort_key="birth_date", descending=True))
    assert [model.member_id(r) for r in range(model.rowCount())] == expected
    assert expected != sql_ids(db, flt)

    qtbot.waitUntil(lambda: model.data(model.index(0, column)) != "" and not model.busy)
    births = [model.member_row(r).birth_date for r in range(20)]
    known = [b for b in births if b is not None]
    assert known == sorted(known, reverse=True)


def test_a_stale_query_result_is_ignored(qtbot, demo, biggest_org) -> None:
    db, ops = demo
    model = MemberTableModel(ops)
    everyone = MemberFilter(org_ids=biggest_org, status=None)
    narrow = MemberFilter(org_ids=biggest_org, has_consent=True, is_complete=False)
    finished: list[int] = []
    model.query_finished.connect(lambda shown, _total: finished.append(shown))
    model.set_filter(everyone)  # both start before any result can be delivered:
    model.set_filter(narrow)  # the first one's result is stale whenever it arrives
    qtbot.waitUntil(lambda: not model.querying, timeout=10_000)
    ops.wait()
    qtbot.wait(50)  # let any late queued result be delivered (and ignored)
    with db.session() as session:
        expected = count_members(session, narrow)
    assert finished == [expected]
    assert model.rowCount() == expected


def test_refresh_shows_a_saved_member(qtbot, writable) -> None:
    from chairclient.services.members import save_member

    db, ops = writable
    with db.session() as session:
        org = next(n for n in org_tree(session) if n.level == "primary")
    model = MemberTableModel(ops)
    load(qtbot, model, MemberFilter(org_ids=(org.id,), text="Тестовая"))
    before = model.rowCount()

    saved: list[str] = []
    values = {"last_name": "Тестовая", "first_name": "Алёна", "category": "working"}
    ops.write(lambda s: save_member(s, org.id, values).member_id, saved.append)
    qtbot.waitUntil(lambda: bool(saved), timeout=10_000)
    with qtbot.waitSignal(model.query_finished, timeout=10_000):
        model.refresh(saved)
    assert model.rowCount() == before + 1
    row = model.row_of(saved[0])
    assert row >= 0
    model.fetch_page(row // model.page_size)
    qtbot.waitUntil(lambda: model.is_row_loaded(row), timeout=10_000)
    assert model.member_row(row).first_name == "Алёна"

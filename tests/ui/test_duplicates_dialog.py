"""The duplicates list of a territorial organisation: the cards of one person in its subtree,
the СНИЛС shown by its last digits only; offered only where there are organisations below."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from chairclient.db.engine import Database
from chairclient.db.models import Member, new_id
from tests.core.factories import add_org, member_values
from ui.duplicates import DuplicatesActions, DuplicatesDialog
from ui.operations import Operations
from ui.org_tree import OrgScope


@pytest.fixture
def ops(db: Database, qapp) -> Iterator[Operations]:
    operations = Operations(db)
    yield operations
    operations.wait(20_000)


def _member(db: Database, org_id: str, **over) -> None:
    with db.transaction() as session:
        session.add(Member(id=new_id(), org_id=org_id, version=1, status="active",
                           **member_values(**over)))


def test_the_subtree_duplicates_are_listed(qtbot, db: Database, ops: Operations) -> None:
    terr = add_org(db, code="T", level="territorial", name="Территориальная")
    one = add_org(db, code="S1", parent_id=terr, name="ППО школы № 1")
    two = add_org(db, code="S2", parent_id=terr, name="ППО школы № 2")
    other = add_org(db, code="X", name="Чужая")
    _member(db, one, snils="112-233-445 95")
    _member(db, two, snils="112-233-445 95", last_name="Петрова")
    _member(db, one, last_name="Сидорова")  # no СНИЛС: names and birth date
    _member(db, two, last_name="СИДОРОВА")
    _member(db, one, last_name="Орлова", birth_date=date(1990, 1, 1))
    _member(db, other, snils="112-233-445 95")  # outside the subtree
    scope = OrgScope(terr, "Территориальная", "T", "territorial", (terr, one, two), 6)
    dialog = DuplicatesDialog(ops, scope)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10_000)
    assert dialog.table.rowCount() == 4 and len(dialog.groups) == 2
    cells = [[dialog.table.item(r, c).text() for c in range(6)] for r in range(4)]
    assert {row[1] for row in cells if row[0] == "СНИЛС"} == {"***-***-445 95"}
    assert {row[4] for row in cells} == {"ППО школы № 1 (S1)", "ППО школы № 2 (S2)"}
    assert "Групп карточек одного человека: 2" in dialog.summary.text()
    assert all("112-233" not in cell for row in cells for cell in row)
    # The menu action follows the organisation chosen in the tree.
    actions = DuplicatesActions(ops, dialog)
    actions.set_scope(OrgScope(one, "ППО школы № 1", "S1", "primary", (one,), 3))
    assert not actions.action.isVisible() and actions.show() is None
    actions.set_scope(scope)
    assert actions.action.isVisible()
    assert actions.action.text() == "Дубликаты членов Профсоюза на учёте…"

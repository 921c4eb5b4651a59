"""The «Члены Профсоюза» tab: search box, filters, the member table, opening cards."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from chairclient.queries.members import MemberFilter, fetch_rows
from ui.lazy import optional_class
from ui.member_filters import MemberFilterBar
from ui.member_table import COLUMN_KEYS, COLUMNS, MemberTableModel
from ui.member_view import MemberTableView
from ui.operations import Operations

SEARCH_DELAY_MS = 250


class SearchBox(QLineEdit):
    """The search field; the Down key moves on to the list."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class MemberListPanel(QWidget):
    """Members of the chosen organisation (and those below it); sorting, search and filters
    are re-run in SQL."""

    #: (rows shown, active members in total, whether a search or filter narrows the list)
    counts_changed = Signal(int, int, bool)
    #: The rows at the top of the table are on screen (or the list is empty).
    rows_ready = Signal()
    #: Something was saved through a member card (the member's id).
    member_saved = Signal(str)
    status_message = Signal(str)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = operations
        self._org_id: str | None = None
        self._org_ids: tuple[str, ...] = ()
        self._keep: tuple[list[str], str | None] = ([], None)
        #: A new card's duplicate check (``ui.member_card.elsewhere.PersonCheck``), set by the
        #: main window's transfer actions; None: new cards are saved without asking.
        self.person_check: Any = None
        self._rows_ready_sent = True

        self.model = MemberTableModel(operations, parent=self)
        self.search = SearchBox(self)
        self.search.setPlaceholderText(
            self.tr("Search: surname, first name, patronymic, SNILS or card number"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.tr("Ctrl+F — go to search; ↓ — go to the list"))
        self.new_button = QPushButton(self.tr("New union member"), self)
        self.new_button.setToolTip(self.tr("Fill in the card of a new member (Ctrl+N)"))
        self.filters = MemberFilterBar(self)
        self.table = MemberTableView(self.model, self)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        self.top_row = top  # the main window adds «Действия с выбранными» here
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.stack, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._requery)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._search_now)
        self.search.down_pressed.connect(self.focus_table)
        self.filters.changed.connect(self._requery)
        self.new_button.clicked.connect(self.new_member)
        self.model.query_finished.connect(self._on_query_finished)
        self.model.page_loaded.connect(self._check_rows_ready)
        self.model.load_failed.connect(self._on_failed)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort)
        self.table.open_requested.connect(self.open_current)

    # -- public API ---------------------------------------------------------------------------

    @property
    def org_id(self) -> str | None:
        return self._org_id

    def set_scope(self, org_id: str, org_ids: Iterable[str]) -> None:
        """Show the members of ``org_id`` and of the organisations ``org_ids`` (its subtree)."""
        self._org_id = org_id
        self._org_ids = tuple(org_ids)
        self._keep = ([], None)
        # Members of several organisations: say which one each member is registered in.
        self.table.setColumnHidden(COLUMN_KEYS.index("org_name"), not self.shows_subtree())
        self._run(keep_selection=False)

    def refresh(self, changed_ids: Iterable[str] | None = None) -> None:
        """Re-read the list (after a save, or F5) keeping the selection."""
        if self._org_id is None:
            return
        self._remember_selection()
        self.model.refresh(changed_ids)
        self._rows_ready_sent = False

    def shows_subtree(self) -> bool:
        """The list covers organisations below the chosen one too."""
        return any(i != self._org_id for i in self._org_ids)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_table(self) -> None:
        if self.model.rowCount() == 0:
            return
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def selected_member_ids(self) -> list[str]:
        """The selected members in list order."""
        rows = sorted(self._selected_rows())
        return [i for i in (self.model.member_id(r) for r in rows) if i is not None]

    def selected_count(self) -> int:
        return len(self._selected_rows())

    def _selected_rows(self) -> set[int]:
        """Read from the selection's row ranges, not index by index: «select all» over
        thousands of rows must not stall the window."""
        rows: set[int] = set()
        for block in self.table.selectionModel().selection():
            rows.update(range(block.top(), block.bottom() + 1))
        return rows

    def current_member_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.member_id(index.row()) if index.isValid() else None

    def new_member(self) -> None:
        """A new member is registered in the chosen organisation."""
        if self._org_id is not None:
            self._open_card(None, self._org_id)

    def open_current(self) -> None:
        """Open the current member's card, with the organisation the member belongs to."""
        member_id = self.current_member_id()
        if member_id is None:
            return
        row = self.model.member_row(self.table.currentIndex().row())
        if row is not None:
            self._open_card(member_id, row.org_id)
        elif not self.shows_subtree() and self._org_id is not None:
            self._open_card(member_id, self._org_id)
        else:  # the row's page has not arrived yet: ask which organisation it belongs to
            def work(session) -> str | None:
                found = fetch_rows(session, [member_id]).get(member_id)
                return found.org_id if found is not None else None

            def arrived(org_id: str | None) -> None:
                if org_id is not None and isValid(self):
                    self._open_card(member_id, org_id)

            self._ops.read(work, arrived, self._on_failed)

    def show_filter(self, flt: MemberFilter, condition_label: str = "") -> None:
        """Show the members ``flt`` selects within this list's scope (the dashboard's «one
        click»): the search is cleared, the filter row shows ``flt``."""
        self._search_timer.stop()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.filters.show_filter(flt, condition_label)

    def is_filtered(self) -> bool:
        return bool(self.search.text().strip()) or not self.filters.is_default()

    # -- querying -----------------------------------------------------------------------------

    def _search_now(self) -> None:
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._requery()
        self.focus_table()

    def _requery(self) -> None:
        self._search_timer.stop()
        if self._org_id is not None:
            self._run(keep_selection=True)

    def _run(self, *, keep_selection: bool) -> None:
        if keep_selection:
            self._remember_selection()
        old = self.model.member_filter
        flt = self.filters.apply(MemberFilter(org_ids=self._org_ids, text=self.search.text()))
        if old is not None:
            flt = _with_sort(flt, old)
        self.table.setColumnHidden(COLUMN_KEYS.index("status"), flt.status == "active")
        self.table.fit_name_column()
        self._rows_ready_sent = False
        self.model.set_filter(flt)

    def _sort(self, section: int, order: Qt.SortOrder) -> None:
        if not 0 <= section < len(COLUMNS) or not COLUMNS[section].sortable:
            return
        self._remember_selection()
        self._rows_ready_sent = False
        self.model.sort(section, order)

    def _remember_selection(self) -> None:
        if self.model.rowCount():
            self._keep = (self.selected_member_ids(), self.current_member_id())

    def _on_query_finished(self, shown: int, total: int) -> None:
        self._restore_selection()
        self._show_empty_state(shown)
        self.counts_changed.emit(shown, total, self.is_filtered())
        self.model.fetch_page(max(self.table.rowAt(0), 0) // self.model.page_size)
        self._check_rows_ready()

    def _restore_selection(self) -> None:
        selected, current = self._keep
        rows = sorted(r for r in (self.model.row_of(i) for i in selected) if r >= 0)
        selection = QItemSelection()
        last_col = self.model.columnCount() - 1
        for first, last in _runs(rows):  # one range per run of rows, not one per row
            selection.select(self.model.index(first, 0), self.model.index(last, last_col))
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
        current_row = self.model.row_of(current) if current else -1
        if current_row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(current_row, 0), flags.NoUpdate)
            self.table.scrollTo(self.model.index(current_row, 0),
                                QAbstractItemView.ScrollHint.PositionAtCenter)
        else:
            self.table.scrollToTop()
            if self.table.hasFocus() and self.model.rowCount():
                self.table.setCurrentIndex(self.model.index(0, 0))

    def _show_empty_state(self, shown: int) -> None:
        if shown:
            self.stack.setCurrentWidget(self.table)
            return
        if not self.filters.is_default():
            text = self.tr("Nobody matches the chosen filters.\n"
                           "Press «Reset filters» to see everyone on the register.")
        elif self.search.text().strip():
            text = self.tr("Nobody found for «%1».\nCheck the spelling; part of the surname "
                           "is enough.").replace("%1", self.search.text().strip())
        else:
            text = self.tr("There are no union members in this organisation yet.\n"
                           "Press «New union member» to fill in the first card.")
        self.empty_label.setText(text)
        self.stack.setCurrentWidget(self.empty_label)

    def _check_rows_ready(self, _page: int = -1) -> None:
        if self._rows_ready_sent or self.model.querying:
            return
        top = max(self.table.rowAt(0), 0)
        if self.model.rowCount() == 0 or self.model.is_row_loaded(top):
            self._rows_ready_sent = True
            self.rows_ready.emit()

    def _on_failed(self, _error: str) -> None:
        self.status_message.emit(self.tr("Could not read the member list from the database."))

    # -- member cards -------------------------------------------------------------------------

    def _open_card(self, member_id: str | None, org_id: str) -> None:
        dialog_class = optional_class("ui.member_card", "MemberCardDialog")
        if dialog_class is None:
            QMessageBox.information(self, self.tr("Member card"),
                                    self.tr("The member card is not available yet."))
            return
        dialog = dialog_class(self._ops, org_id, member_id=member_id, parent=self)
        if member_id is None:  # a new card: is the person already on record?
            dialog.person_check = self.person_check
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_saved)
        dialog.open()

    def _on_saved(self, member_id: str) -> None:
        self._remember_selection()
        if member_id not in self._keep[0]:
            self._keep = ([member_id], member_id)  # e.g. a new member: select it
        self.model.refresh([member_id])
        self._rows_ready_sent = False
        self.member_saved.emit(member_id)


def _with_sort(flt: MemberFilter, old: MemberFilter) -> MemberFilter:
    return dataclasses.replace(flt, sort_key=old.sort_key, descending=old.descending)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs

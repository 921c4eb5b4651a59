"""The «Заявки на ЭПБ» tab: the draft request, who cannot enter it and why, the next processing
date, received cards to hand out, past requests with every line's history, and (regional staff)
the cards on their way.

Everything is read in one background read (:func:`card_workspace`) whenever the tab is shown,
the organisation changes, or data changed (an action here, Ctrl+Z, a sync); the actions are in
:mod:`ui.card_requests.actions`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from chairclient.queries.card_requests import CardWorkspace, card_workspace
from ui.card_requests.actions import CardRequestActions
from ui.card_requests.tables import (
    RequestTree,
    card_rows,
    draft_rows,
    fill_table,
    make_table,
)
from ui.i18n.formats import format_date, format_number
from ui.operations import Operations
from ui.widgets.banner import Banner


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


class CardRequestsPanel(QWidget):
    """The workspace of the chosen organisation's ЭПБ requests."""

    #: New data are on screen.
    loaded = Signal()
    #: An action here changed these members (the other views refresh them).
    changed = Signal(list)
    #: A short text for the status bar.
    message = Signal(str)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = operations
        self._org_id: str | None = None
        self._generation = 0
        self.workspace: CardWorkspace | None = None

        self.next_label = QLabel(self)
        font = self.next_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.next_label.setFont(font)
        self.arrival_label = QLabel(self)
        self.arrival_label.setWordWrap(True)
        self.submit_button = QPushButton(self.tr("Submit the request…"), self)
        self.submit_button.setDefault(True)
        self.submit_button.setMinimumHeight(34)
        header = QFrame(self)
        header.setObjectName("cardHeader")
        header.setStyleSheet("QFrame#cardHeader { background: #e8f0fe; border: 1px solid "
                             "#9bbcf0; border-radius: 4px; }")
        dates = QVBoxLayout()
        dates.addWidget(self.next_label)
        dates.addWidget(self.arrival_label)
        top = QHBoxLayout(header)
        top.setContentsMargins(12, 8, 12, 8)
        top.addLayout(dates, 1)
        top.addWidget(self.submit_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.banner = Banner(self)

        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        self.pages.addTab(self._draft_page(), "")
        self.pages.addTab(self._received_page(), "")
        self.pages.addTab(self._requests_page(), "")
        self.regional_page = self._regional_page()
        self.pages.addTab(self.regional_page, self.tr("Region: cards on their way"))

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 6, 0, 0)
        column.addWidget(header)
        column.addWidget(self.banner)
        column.addWidget(self.pages, 1)
        self.actions = CardRequestActions(operations, self)
        self._show(None)

    # -- pages --------------------------------------------------------------------------------

    def _draft_page(self) -> QWidget:
        page = QWidget(self)
        self.add_button = QPushButton(self.tr("Add…"), page)
        self.add_all_button = QPushButton(page)
        self.remove_button = QPushButton(self.tr("Remove from the request"), page)
        self.draft_title = QLabel(page)
        self.draft_table = make_table(page, [self.tr("Union member"), self.tr("Position"),
                                             self.tr("Card status"), self.tr("Note")])
        self.ineligible_title = QLabel(page)
        self.reason_filter = QComboBox(page)
        self.reason_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.ineligible_table = make_table(page, [self.tr("Union member"), self.tr("Reason")])
        self.reason_filter.currentIndexChanged.connect(lambda _i: self._fill_ineligible())

        upper, lower = QWidget(page), QWidget(page)
        one = QVBoxLayout(upper)
        one.setContentsMargins(0, 0, 0, 0)
        one.addLayout(_row(self.draft_title))
        one.addLayout(_row(self.add_button, self.add_all_button, self.remove_button))
        one.addWidget(self.draft_table, 1)
        two = QVBoxLayout(lower)
        two.setContentsMargins(0, 0, 0, 0)
        two.addLayout(_row(self.ineligible_title, self.reason_filter))
        two.addWidget(self.ineligible_table, 1)
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setSizes([360, 240])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(page)
        layout.addWidget(split)
        self.draft_table.selectionModel().selectionChanged.connect(self._enable)
        return page

    def _received_page(self) -> QWidget:
        page = QWidget(self)
        self.issue_button = QPushButton(self.tr("Hand out…"), page)
        self.issue_button.setToolTip(self.tr("Mark the selected cards ISSUED (all of them "
                                             "when none is selected)"))
        self.print_button = QPushButton(self.tr("Print the hand-over sheet"), page)
        self.broken_button = QPushButton(self.tr("Lost / damaged…"), page)
        self.received_hint = QLabel(page)
        self.received_hint.setWordWrap(True)
        self.received_table = make_table(page, [self.tr("Union member"), self.tr("Position"),
                                                self.tr("Card number"), self.tr("Card status")])
        layout = QVBoxLayout(page)
        layout.addWidget(self.received_hint)
        layout.addLayout(_row(self.issue_button, self.print_button, self.broken_button))
        layout.addWidget(self.received_table, 1)
        return page

    def _requests_page(self) -> QWidget:
        page = QWidget(self)
        self.tree = RequestTree(page)
        self.tree_broken_button = QPushButton(self.tr("Lost / damaged…"), page)
        self.tree_broken_button.setToolTip(self.tr("For the selected received or issued "
                                                   "cards: mark them and order new ones"))
        hint = QLabel(self.tr("Expand a request to see its cards; expand a card to see its "
                              "status history."), page)
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addLayout(_row(self.tree_broken_button))
        layout.addWidget(self.tree, 1)
        self.tree.itemSelectionChanged.connect(self._enable)
        return page

    def _regional_page(self) -> QWidget:
        page = QWidget(self)
        self.ship_button = QPushButton(self.tr("Shipped to the region…"), page)
        self.receive_button = QPushButton(self.tr("Received by the organisation…"), page)
        self.regional_table = make_table(page, [self.tr("Union member"), self.tr("Position"),
                                                self.tr("Card number"), self.tr("Card status")])
        hint = QLabel(self.tr("Cards of this organisation that were produced or are on their "
                              "way. Select cards (or none for all) and mark the next step."),
                      page)
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addLayout(_row(self.ship_button, self.receive_button))
        layout.addWidget(self.regional_table, 1)
        return page

    # -- loading ------------------------------------------------------------------------------

    @property
    def org_id(self) -> str | None:
        return self._org_id

    def set_org(self, org_id: str) -> None:
        if org_id != self._org_id:
            self._org_id = org_id
            self.workspace = None
            self._show(None)
        self.invalidate()

    def invalidate(self) -> None:
        """The data may have changed: read again now if the tab is on screen, else when shown."""
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        if self._org_id is None:
            return
        self._generation += 1
        generation, org_id = self._generation, self._org_id
        self._ops.read(lambda s: (generation, card_workspace(s, org_id)), self._arrived,
                       self._failed)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.reload()

    def _arrived(self, result: tuple[int, CardWorkspace]) -> None:
        generation, workspace = result
        if not isValid(self) or generation != self._generation:
            return
        self._show(workspace)
        self.loaded.emit()

    def _failed(self, _error: BaseException) -> None:
        if isValid(self):
            self.banner.show_message(self.tr("Could not read the card requests. Press F5 to "
                                             "try again."), "error")

    # -- showing ------------------------------------------------------------------------------

    def _show(self, ws: CardWorkspace | None) -> None:
        self.workspace = ws
        if ws is None:
            self.next_label.setText(self.tr("Loading…"))
            self.arrival_label.setText("")
            for table in (self.draft_table, self.ineligible_table, self.received_table,
                          self.regional_table):
                table.setRowCount(0)
            self.tree.clear()
            self._titles(None)
            self._enable()
            return
        self.next_label.setText(self.tr("Next processing of requests: %1").replace(
            "%1", format_date(ws.next_processing)))
        self.arrival_label.setText(self.tr(
            "A request submitted now is processed on %1; the cards are expected in the regional "
            "organisation by %2 (within 14 days of processing).")
            .replace("%1", format_date(ws.next_processing))
            .replace("%2", format_date(ws.expected_arrival)))
        fill_table(self.draft_table, draft_rows(ws.draft))
        self._fill_reasons(ws)
        fill_table(self.received_table, card_rows(ws.received))
        fill_table(self.regional_table, card_rows(ws.regional))
        self.tree.set_requests(ws.requests)
        self._titles(ws)
        self._enable()

    def _titles(self, ws: CardWorkspace | None) -> None:
        draft = len(ws.draft) if ws else 0
        eligible = len(self.addable()) if ws else 0
        self.pages.setTabText(0, self.tr("Draft request (%1)").replace("%1", str(draft)))
        self.pages.setTabText(1, self.tr("Received cards (%1)").replace(
            "%1", str(len(ws.received) if ws else 0)))
        self.pages.setTabText(2, self.tr("Submitted requests (%1)").replace(
            "%1", str(len(ws.requests) if ws else 0)))
        self.pages.setTabVisible(3, bool(ws and ws.may_ship))
        self.draft_title.setText(self.tr("In the draft: %n union member(s)", "", draft))
        self.add_all_button.setText(self.tr("Add everyone who may get a card (%1)").replace(
            "%1", format_number(eligible)))
        count = len(ws.eligibility.ineligible) if ws else 0
        self.ineligible_title.setText(self.tr("Cannot enter the request: %n union member(s)",
                                              "", count))
        received = len(ws.received) if ws else 0
        self.received_hint.setText(self.tr(
            "Cards that reached the organisation and wait to be handed out. Select cards (or "
            "none for all of them), then «Hand out…»; print the hand-over sheet for signatures.")
            if received else self.tr("No received cards are waiting to be handed out."))

    def _fill_reasons(self, ws: CardWorkspace) -> None:
        chosen = self.reason_filter.currentData()
        counts: dict[str, int] = {}
        for item in ws.eligibility.ineligible:
            counts[item.reason] = counts.get(item.reason, 0) + 1
        self.reason_filter.blockSignals(True)
        self.reason_filter.clear()
        self.reason_filter.addItem(self.tr("All reasons"), None)
        for reason, count in counts.items():
            self.reason_filter.addItem(f"{reason} ({format_number(count)})", reason)
        index = self.reason_filter.findData(chosen)
        self.reason_filter.setCurrentIndex(max(index, 0))
        self.reason_filter.blockSignals(False)
        self._fill_ineligible()

    def _fill_ineligible(self) -> None:
        ws = self.workspace
        reason = self.reason_filter.currentData()
        rows = [(i.member_id, [i.name, i.reason]) for i in (ws.eligibility.ineligible if ws else [])
                if reason is None or i.reason == reason]
        fill_table(self.ineligible_table, rows)

    def addable(self) -> list[str]:
        """Members who may enter the draft now (not already in it)."""
        ws = self.workspace
        if ws is None:
            return []
        inside = ws.draft_members
        return [m for m in ws.eligibility.eligible if m not in inside]

    def _enable(self) -> None:
        ws = self.workspace
        busy = self.actions.busy
        ready = ws is not None and not busy
        self.submit_button.setEnabled(ready and bool(ws.draft))
        self.add_button.setEnabled(ready and bool(self.addable()))
        self.add_all_button.setEnabled(ready and bool(self.addable()))
        self.remove_button.setEnabled(
            ready and bool(self.draft_table.selectionModel().selectedRows()))
        has_received = ready and bool(ws.received)
        for button in (self.issue_button, self.print_button, self.broken_button):
            button.setEnabled(has_received)
        self.tree_broken_button.setEnabled(ready and bool(self.tree.selected_members()))
        has_regional = ready and bool(ws.regional)
        self.ship_button.setEnabled(has_regional)
        self.receive_button.setEnabled(has_regional)

    def refresh_enabled(self) -> None:
        self._enable()

"""The lists of the «Заявки на ЭПБ» workspace: small read-only tables (an organisation's cards
are hundreds, not the member list's hundred thousand) and the tree of past requests."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from chairclient.queries.card_requests import Line, PastRequest
from ui.i18n.formats import format_date
from ui.labels import card_status_name

ID_ROLE = Qt.ItemDataRole.UserRole


def make_table(parent: QWidget, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def fill_table(table: QTableWidget, rows: Sequence[tuple[str, Sequence[str]]]) -> None:
    """``rows``: (member id, cell texts); the member id rides on the first cell."""
    table.setSortingEnabled(False)
    table.clearContents()
    table.setRowCount(len(rows))
    for number, (member_id, cells) in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if column == 0:
                item.setData(ID_ROLE, member_id)
            table.setItem(number, column, item)


def selected_ids(table: QTableWidget) -> list[str]:
    rows = sorted({index.row() for index in table.selectionModel().selectedRows()})
    return [table.item(row, 0).data(ID_ROLE) for row in rows if table.item(row, 0)]


def line_note(line: Line) -> str:
    if line.replaces_id:
        return QCoreApplication.translate("CardRequests", "re-issue")
    return ""


def draft_rows(lines: Sequence[Line]) -> list[tuple[str, list[str]]]:
    return [(line.member_id, [line.name, line.position, card_status_name(line.status),
                              line_note(line)]) for line in lines]


def card_rows(lines: Sequence[Line]) -> list[tuple[str, list[str]]]:
    return [(line.member_id, [line.name, line.position, line.number or "",
                              card_status_name(line.status)]) for line in lines]


class RequestTree(QTreeWidget):
    """Past requests → their lines → each line's status history (expand to see)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setColumnCount(4)
        self.setHeaderLabels([QCoreApplication.translate("CardRequests", "Request / union member"), QCoreApplication.translate("CardRequests", "Card number"),
                              QCoreApplication.translate("CardRequests", "Status"), QCoreApplication.translate("CardRequests", "Date")])
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)

    def set_requests(self, requests: Sequence[PastRequest]) -> None:
        expanded = {self.topLevelItem(i).data(0, ID_ROLE) for i in range(self.topLevelItemCount())
                    if self.topLevelItem(i).isExpanded()}
        self.clear()
        for request in requests:
            top = QTreeWidgetItem(self, [request_title(request), "", request_state(request),
                                         format_date(request.processing_date)])
            top.setData(0, ID_ROLE, request.id)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for line in request.lines:
                item = QTreeWidgetItem(top, [line.name, line.number or "",
                                             card_status_name(line.status),
                                             format_date(line.issued_on)])
                item.setData(0, ID_ROLE, line.member_id)
                for status, moment in line.history:
                    QTreeWidgetItem(item, ["", "", card_status_name(status),
                                           moment.strftime("%d.%m.%Y %H:%M")])
            top.setExpanded(request.id in expanded)

    def selected_members(self) -> list[str]:
        """Members of the selected lines (request rows and history rows are ignored)."""
        found = []
        for item in self.selectedItems():
            parent = item.parent()
            if parent is not None and parent.parent() is None:
                found.append(item.data(0, ID_ROLE))
        return found


def request_title(request: PastRequest) -> str:
    submitted = format_date(request.submitted_at.date()) if request.submitted_at else ""
    return QCoreApplication.translate("CardRequests", "Request of %1 — %2 card(s)").replace("%1", submitted).replace(
        "%2", str(len(request.lines)))


def request_state(request: PastRequest) -> str:
    if request.waiting_sync:
        return QCoreApplication.translate("CardRequests", "waiting to be sent")
    if request.state == "processed":
        return QCoreApplication.translate("CardRequests", "processed")
    return QCoreApplication.translate("CardRequests", "submitted")

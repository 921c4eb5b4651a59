"""«Запросы на перевод»: the requests of both sides, accepting, declining and withdrawing.

A chair sees the requests it filed (as the receiving organisation) and those filed to it (as
the sending one); a territorial or regional user also sees those of the organisations below,
and may decide for a sending organisation whose chair does not act. A decision is queued like
any other change and reaches the registry with the next synchronisation.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from chairclient.queries.transfer_requests import RequestRow, list_requests
from chairclient.services.transfer_requests import (
    RequestRefused,
    decide_transfer,
    withdraw_transfer,
)
from ui.operations import Operations
from ui.widgets import ERROR_COLOR, HINT_COLOR

log = logging.getLogger(__name__)


class TransferRequestsDialog(QDialog):
    """The list, and the decision on the chosen request. :attr:`changed` after a decision."""

    changed = Signal()

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transferRequestsDialog")
        self.setWindowTitle(self.tr("Transfer requests"))
        self._ops = operations
        self.rows: list[RequestRow] = []
        self._busy = False
        self.table = QTableWidget(0, 8, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Request"), self.tr("Organisation"), self.tr("Person"),
            self.tr("Other organisation"), self.tr("Date of transfer"), self.tr("State"),
            self.tr("Comment"), self.tr("Decision"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.comment = QLineEdit(self)
        self.comment.setMaxLength(1000)
        self.comment.setPlaceholderText(self.tr("Required when declining"))
        form = QFormLayout()
        form.addRow(self.tr("Comment to the decision"), self.comment)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.accept_button = QPushButton(self.tr("Agree to the transfer"), self)
        self.decline_button = QPushButton(self.tr("Decline"), self)
        self.withdraw_button = QPushButton(self.tr("Withdraw the request"), self)
        close = QPushButton(self.tr("Close"), self)
        buttons = QHBoxLayout()
        for button in (self.withdraw_button, self.decline_button, self.accept_button):
            button.setEnabled(False)
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        column = QVBoxLayout(self)
        column.addWidget(self.table, 1)
        column.addLayout(form)
        column.addWidget(self.message)
        column.addLayout(buttons)
        self.resize(1000, 480)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.accept_button.clicked.connect(lambda: self._decide(True))
        self.decline_button.clicked.connect(lambda: self._decide(False))
        self.withdraw_button.clicked.connect(self._withdraw)
        close.clicked.connect(self.reject)
        self.reload()

    # -- the list ------------------------------------------------------------------------------

    def reload(self) -> None:
        self._ops.read(lambda session: list_requests(session), self._loaded, self._failed)

    def _loaded(self, rows: list[RequestRow]) -> None:
        if not isValid(self):
            return
        chosen = self.current()
        self.rows = list(rows)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            values = [
                self.tr("We asked for") if row.side == "receiver" else self.tr("Asked of us"),
                row.org_name, row.person_label, row.other_org,
                row.transfer_date.strftime("%d.%m.%Y"), self._state(row), row.comment or "",
                self._decision(row),
            ]
            for column, value in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(value))
            if chosen is not None and row.id == chosen.id:
                self.table.selectRow(index)
        if not self.rows:
            self._show(self.tr("There are no transfer requests."))
        self._update_buttons()

    def _state(self, row: RequestRow) -> str:
        text = {
            "pending": self.tr("waiting for a decision"), "accepted": self.tr("agreed"),
            "declined": self.tr("declined"), "withdrawn": self.tr("withdrawn"),
        }.get(row.state, row.state)
        if not row.synced or (row.state != "pending" and row.decided_by is None):
            text += " " + self.tr("(not yet sent)")
        return text

    def _decision(self, row: RequestRow) -> str:
        if row.decided_on is None:
            return ""
        parts = [row.decided_on.strftime("%d.%m.%Y"), row.decided_by or "",
                 row.decision_comment or ""]
        return " · ".join(part for part in parts if part)

    def current(self) -> RequestRow | None:
        selected = self.table.selectionModel().selectedRows()
        if not selected or selected[0].row() >= len(self.rows):
            return None
        return self.rows[selected[0].row()]

    def select(self, copy_id: str) -> None:
        """Choose the request whose copy is ``copy_id`` (for tests and links)."""
        for index, row in enumerate(self.rows):
            if row.id == copy_id:
                self.table.selectRow(index)

    # -- decisions -----------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        row = self.current()
        open_ = row is not None and row.state == "pending" and row.synced and not self._busy
        self.accept_button.setEnabled(open_ and row.side == "sender")
        self.decline_button.setEnabled(open_ and row.side == "sender")
        self.withdraw_button.setEnabled(open_ and row.side == "receiver")

    def _decide(self, accept: bool) -> None:
        row = self.current()
        if row is None or self._busy:
            return
        comment = self.comment.text()
        self._run(lambda session: decide_transfer(session, row.id, accept, comment),
                  self.tr("Saved. The decision goes to the registry with the next "
                          "synchronisation (F5)."))

    def _withdraw(self) -> None:
        row = self.current()
        if row is None or self._busy:
            return
        comment = self.comment.text()
        self._run(lambda session: withdraw_transfer(session, row.id, comment),
                  self.tr("The request is withdrawn; the registry learns it with the next "
                          "synchronisation (F5)."))

    def _run(self, work, done_text: str) -> None:
        self._busy = True
        self._update_buttons()

        def done(_result: object) -> None:
            if not isValid(self):
                return
            self._busy = False
            self.comment.clear()
            self._show(done_text)
            self.changed.emit()
            self.reload()

        self._ops.write(work, done, self._refused)

    def _refused(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._busy = False
        self._update_buttons()
        if isinstance(exc, RequestRefused):
            self._show(str(exc), error=True)
        else:
            self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        log.error("transfer requests failed: %s", type(exc).__name__)
        self._show(self.tr("Could not read or save the transfer requests."), error=True)

    def _show(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOR if error else HINT_COLOR};")

"""Dialogs for changes that need a person: conflicts (choose per field) and rejections."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chairclient.validation import FIELD_LABELS
from sync import conflicts
from ui.operations import Operations


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if value is True:
        return QCoreApplication.translate("ConflictsDialog", "yes")
    if value is False:
        return QCoreApplication.translate("ConflictsDialog", "no")
    return str(value)


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setWordWrap(True)
    return table


class ConflictsDialog(QDialog):
    """Per field: the value before, mine and the server's; «Оставить моё» / «Как на сервере»."""

    resolved = Signal()

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = operations
        self.rows: list[tuple[int, str]] = []  # (outbox seq, field) per table row
        self.setWindowTitle(self.tr("Conflicting changes"))
        intro = QLabel(self.tr(
            "Someone else changed the same fields on the server. For each field choose which "
            "value to keep. Until you decide, your value is kept here and nothing is lost."),
            self)
        intro.setWordWrap(True)
        self.table = _table(self, [self.tr("Record"), self.tr("Field"), self.tr("Before"),
                                   self.tr("Mine"), self.tr("On the server"), ""])
        self.table.horizontalHeader().setSectionResizeMode(
            5, QHeaderView.ResizeMode.ResizeToContents)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addWidget(self.table, 1)
        column.addWidget(close)
        self.resize(900, 420)
        self.reload()

    def reload(self) -> None:
        self._ops.read(conflicts.list_conflicts, self._show)

    def _show(self, found: list[conflicts.Conflict]) -> None:
        self.rows = [(item.seq, f.field) for item in found for f in item.fields]
        self.table.setRowCount(len(self.rows))
        row = 0
        for item in found:
            for f in item.fields:
                values = (item.title, FIELD_LABELS.get(f.field, f.field), _shown(f.base),
                          _shown(f.mine), _shown(f.server))
                for col, text in enumerate(values):
                    self.table.setItem(row, col, QTableWidgetItem(text))
                self.table.setCellWidget(row, 5, self._buttons(row))
                row += 1
        self.table.resizeRowsToContents()

    def _buttons(self, row: int) -> QWidget:
        box = QWidget(self.table)
        line = QHBoxLayout(box)
        line.setContentsMargins(2, 0, 2, 0)
        mine = QPushButton(self.tr("Keep mine"), box)
        server = QPushButton(self.tr("Take the server's"), box)
        mine.clicked.connect(lambda: self.choose(row, "mine"))
        server.clicked.connect(lambda: self.choose(row, "server"))
        line.addWidget(mine)
        line.addWidget(server)
        return box

    def choose(self, row: int, choice: conflicts.Choice) -> None:
        """Decide the field in ``row``; the list is read again afterwards."""
        seq, field = self.rows[row]
        self.table.setEnabled(False)
        self._ops.write(lambda s: conflicts.resolve(s, seq, field, choice), self._after,
                        self._after)

    def _after(self, _result: object) -> None:
        self.table.setEnabled(True)
        self.resolved.emit()
        self.reload()


class RejectedDialog(QDialog):
    """Changes the server refused, with its reason; «Отменить изменение» forgets one."""

    discarded = Signal()

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = operations
        self.seqs: list[int] = []
        self.setWindowTitle(self.tr("Rejected changes"))
        intro = QLabel(self.tr(
            "The registry did not accept these changes. The card shows the registry's values "
            "again; correct the card if needed and discard the rejected change."), self)
        intro.setWordWrap(True)
        self.table = _table(self, [self.tr("Record"), self.tr("Changed"), self.tr("Reason")])
        self.discard_button = QPushButton(self.tr("Discard the change"), self)
        self.discard_button.clicked.connect(lambda: self.discard(self.table.currentRow()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addWidget(self.table, 1)
        column.addWidget(buttons)
        self.resize(800, 380)
        self.reload()

    def reload(self) -> None:
        self._ops.read(conflicts.list_rejected, self._show)

    def _show(self, found: list[conflicts.Rejected]) -> None:
        self.seqs = [item.seq for item in found]
        self.table.setRowCount(len(found))
        for row, item in enumerate(found):
            changed = ", ".join(FIELD_LABELS.get(f, f) for f in item.changed)
            for col, text in enumerate((item.title, changed or "—", item.reason)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self.discard_button.setEnabled(bool(found))
        if found:
            self.table.selectRow(0)

    def discard(self, row: int) -> None:
        if not 0 <= row < len(self.seqs):
            return
        seq = self.seqs[row]
        self._ops.write(lambda s: conflicts.discard_rejected(s, seq), self._after, self._after)

    def _after(self, _result: object) -> None:
        self.discarded.emit()
        self.reload()

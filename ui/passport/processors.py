"""The list of personal-data processors (name and address of each), edited as a small table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ProcessorsEditor(QWidget):
    """Rows of (name, address); :meth:`value` is a list of dicts, or None when empty."""

    value_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Address")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(110)
        self.table.itemChanged.connect(lambda _item: self.value_changed.emit())
        self.add_button = QPushButton(self.tr("Add processor"))
        self.remove_button = QPushButton(self.tr("Remove selected"))
        self.add_button.clicked.connect(self._add_row)
        self.remove_button.clicked.connect(self._remove_rows)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def value(self) -> list[dict[str, Any]] | None:
        rows = []
        for row in range(self.table.rowCount()):
            name, address = (self._text(row, column) for column in (0, 1))
            if name or address:
                rows.append({"name": name, "address": address})
        return rows or None

    def set_value(self, processors: list[dict[str, Any]] | None) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for processor in processors or []:
            self._append(str(processor.get("name") or ""), str(processor.get("address") or ""))
        self.table.blockSignals(False)
        self.value_changed.emit()

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802 - matches QLineEdit's name
        triggers = (QAbstractItemView.EditTrigger.NoEditTriggers if read_only
                    else QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setEditTriggers(triggers)
        self.add_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def _append(self, name: str, address: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem(address))

    def _add_row(self) -> None:
        self._append("", "")
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.table.editItem(self.table.item(self.table.rowCount() - 1, 0))

    def _remove_rows(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.value_changed.emit()

"""The preview table: one line per file row, its cells as written, every problem cell coloured
with its Russian message as the tooltip, and a status per row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from chairclient.importing import Duplicate, Preview, PreviewRow, Problem
from chairclient.importing.clean import tidy
from chairclient.importing.preview import ERROR, MISSING, WARNING, label
from ui.importing.page_file import column_letter
from ui.importing.state import loaded_text, problem_columns

Index = QModelIndex | QPersistentModelIndex

ALL, ERRORS, DUPLICATES = "all", "errors", "duplicates"
ROW_COLUMN, STATUS_COLUMN, FIRST_CELL = 0, 1, 2

#: Cell backgrounds by the worst problem in the cell.
BACKGROUNDS = {ERROR: QColor("#f9d4d2"), WARNING: QColor("#fff0bf"), MISSING: QColor("#eef1f5")}
STATUS_COLORS = {"error": QColor("#b3261e"), "duplicate": QColor("#8a5300"),
                 "warning": QColor("#8a5300"), "incomplete": QColor("#5f6368"),
                 "ready": QColor("#1e7b34")}
_RANK = {ERROR: 3, WARNING: 2, MISSING: 1}
SELECTED_ROW = QColor("#d6e4fa")

STATUS_TEXT = {
    "error": QT_TRANSLATE_NOOP("ImportPreview", "Error — not loaded"),
    "duplicate": QT_TRANSLATE_NOOP("ImportPreview", "Duplicate"),
    "warning": QT_TRANSLATE_NOOP("ImportPreview", "Has remarks"),
    "incomplete": QT_TRANSLATE_NOOP("ImportPreview", "Incomplete card"),
    "ready": QT_TRANSLATE_NOOP("ImportPreview", "Ready"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportPreview", text)


def status_text(status: str) -> str:
    return _tr(STATUS_TEXT[status])


def row_status(row: PreviewRow, duplicate: Duplicate | None) -> str:
    if row.refused:
        return "error"
    if duplicate is not None:
        return "duplicate"
    if any(p.severity == WARNING for p in row.problems):
        return "warning"
    return "incomplete" if row.missing else "ready"


class PreviewModel(QAbstractTableModel):
    """Rows of a :class:`Preview`, filtered by :meth:`set_filter` (all / errors / duplicates)."""

    def __init__(self, preview: Preview, duplicates: list[Duplicate], parent=None) -> None:
        super().__init__(parent)
        self.preview = preview
        self._raw = {number: values for number, values in preview.table.rows}
        self._columns = sorted(preview.mapping.items())  # (file column, field)
        self._position = {index: i for i, (index, _f) in enumerate(self._columns)}
        self._cell_of = problem_columns(preview.mapping)
        self._duplicates: dict[int, Duplicate] = {}
        self._filter = ALL
        self._shown: list[int] = []
        self.set_duplicates(duplicates)

    # -- filters ------------------------------------------------------------------------------

    def set_duplicates(self, duplicates: list[Duplicate]) -> None:
        self.beginResetModel()
        self._duplicates = {d.row: d for d in duplicates}
        self._shown = self._select(self._filter)
        self.endResetModel()

    def set_filter(self, kind: str) -> None:
        self.beginResetModel()
        self._filter = kind
        self._shown = self._select(kind)
        self.endResetModel()

    def count(self, kind: str) -> int:
        return len(self._select(kind))

    def _select(self, kind: str) -> list[int]:
        rows = self.preview.rows
        if kind == ERRORS:
            return [i for i, r in enumerate(rows) if r.refused]
        if kind == DUPLICATES:
            return [i for i, r in enumerate(rows) if r.row in self._duplicates]
        return list(range(len(rows)))

    def preview_row(self, row: int) -> PreviewRow:
        return self.preview.rows[self._shown[row]]

    def file_row_at(self, row: int) -> int:
        return self.preview_row(row).row

    # -- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else FIRST_CELL + len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == ROW_COLUMN:
                return QCoreApplication.translate("ImportPreview", "Row")
            if section == STATUS_COLUMN:
                return QCoreApplication.translate("ImportPreview", "Status")
            return label(self._columns[section - FIRST_CELL][1])
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == ROW_COLUMN:
                return QCoreApplication.translate("ImportPreview", "Row number in the file")
            if section >= FIRST_CELL:
                index = self._columns[section - FIRST_CELL][0]
                header = self.preview.table.headers[index]
                text = QCoreApplication.translate("ImportPreview", "Column %1 of the file: «%2»")
                return text.replace("%1", column_letter(index)).replace("%2", header)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        row = self.preview_row(index.row())
        column = index.column()
        if column == ROW_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.row
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if column == STATUS_COLUMN:
            return self._status_data(row, role)
        return self._cell_data(row, column - FIRST_CELL, role)

    def _status_data(self, row: PreviewRow, role: int) -> Any:
        duplicate = self._duplicates.get(row.row)
        status = row_status(row, duplicate)
        if role == Qt.ItemDataRole.DisplayRole:
            return status_text(status)
        if role == Qt.ItemDataRole.ForegroundRole:
            return STATUS_COLORS[status]
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [p.text() for p in row.problems if p.severity != MISSING]
            if duplicate is not None:
                lines.append(duplicate.text())
            if row.missing:
                names = ", ".join(label(f) for f in dict.fromkeys(row.missing))
                text = QCoreApplication.translate(
                    "ImportPreview", "Not filled in (the card will be incomplete): %1")
                lines.append(text.replace("%1", names))
            return "\n".join(lines) or None
        return None

    def cell_problems(self, row: PreviewRow, position: int) -> list[Problem]:
        """The problems shown in the ``position``-th shown column of ``row``."""
        index = self._columns[position][0]
        return [p for p in row.problems if self._cell_of.get(p.field) == index]

    def _cell_data(self, row: PreviewRow, position: int, role: int) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole,
                        Qt.ItemDataRole.ToolTipRole):
            return None
        problems = self.cell_problems(row, position)
        if role == Qt.ItemDataRole.BackgroundRole:
            if not problems:
                return None
            return BACKGROUNDS[max(problems, key=lambda p: _RANK[p.severity]).severity]
        index, field = self._columns[position]
        values = self._raw.get(row.row, [])
        raw = tidy(values[index]) if index < len(values) and values[index] is not None else ""
        wrong = any(p.severity == ERROR for p in problems)
        shown = raw if wrong else (loaded_text(field, row.values) or raw)
        if role == Qt.ItemDataRole.DisplayRole:
            return shown
        lines = list(dict.fromkeys(p.message for p in problems))
        if raw and raw != shown:
            lines.append(QCoreApplication.translate("ImportPreview", "In the file: «%1»")
                         .replace("%1", raw))
        return "\n".join(lines) or None

    def position_of(self, file_column: int) -> int:
        """The model column showing ``file_column`` of the file."""
        return FIRST_CELL + self._position[file_column]


class ProblemDelegate(QStyledItemDelegate):
    """Keeps problem colours visible in the selected row: the row is shown light blue with a
    line above and below, problem cells keep their colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if not option.state & QStyle.StateFlag.State_Selected:
            super().paint(painter, option, index)
            return
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_Selected
        if index.data(Qt.ItemDataRole.BackgroundRole) is None:
            painter.fillRect(option.rect, SELECTED_ROW)
        super().paint(painter, plain, index)
        painter.save()
        painter.setPen(option.palette.highlight().color())
        rect = option.rect
        painter.drawLine(rect.topLeft(), rect.topRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()

"""Wizard step 3: which column holds which card field (guessed, remembered per file layout)."""

from __future__ import annotations

import html
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from chairclient.importing import COLUMNS, FULL_NAME, guess_mapping, mapping_problems
from chairclient.importing.clean import is_blank, tidy
from chairclient.importing.mapping import Mapping
from ui.importing.page_file import column_letter, hint
from ui.widgets import ERROR_COLOR, HINT_COLOR

if TYPE_CHECKING:
    from ui.importing.wizard import ImportWizard

log = logging.getLogger(__name__)

EXAMPLES = 3
OK_COLOR = "#1e7b34"
NAME_FIELDS = ("last_name", "first_name")


def examples(rows: list[tuple[int, list]], column: int, count: int = EXAMPLES) -> str:
    """The first few non-empty values of ``column``, as one line."""
    found: list[str] = []
    for _number, values in rows:
        if column < len(values) and not is_blank(values[column]):
            found.append(tidy(values[column])[:40])
            if len(found) == count:
                break
    return "; ".join(found)


class MappingPage(QWizardPage):
    """A combo per file column; the required fields and the mapping's problems below."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr(
            "Choose which card field each column holds. Columns set to «do not load» are "
            "ignored. The choice is remembered for files with the same columns."))
        self.source = hint("", self)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Column"), self.tr("Header in the file"), self.tr("Example values"),
            self.tr("Load as")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.required = QLabel(self)
        self.required.setWordWrap(True)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"color: {ERROR_COLOR};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.required)
        layout.addWidget(self.problems)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:  # noqa: N802
        state, store = self._wizard.state, self._wizard.store
        table = state.table
        if table is None:
            return
        if state.mapping_table is table:
            mapping = state.mapping
        else:
            remembered = _remembered(store, table.fingerprint)
            state.mapping_remembered = remembered is not None
            mapping = remembered if remembered is not None else guess_mapping(table.headers)
            state.set_mapping(mapping)
        self.source.setText(self.tr(
            "The columns are matched as at the previous import of a file with these columns.")
            if state.mapping_remembered else self.tr(
            "The columns are matched by their names; check them and correct where needed."))
        self.table.setRowCount(len(table.headers))
        self.combos = []
        for index, header in enumerate(table.headers):
            self.table.setItem(index, 0, QTableWidgetItem(column_letter(index)))
            self.table.setItem(index, 1, QTableWidgetItem(header))
            self.table.setItem(index, 2, QTableWidgetItem(examples(table.rows, index)))
            combo = self._combo(mapping.get(index))
            self.table.setCellWidget(index, 3, combo)
            self.combos.append(combo)
        self.table.resizeColumnToContents(1)
        self.table.setColumnWidth(1, min(max(self.table.columnWidth(1), 140), 260))
        self.table.setColumnWidth(3, 260)
        self._changed()

    def _combo(self, field: str | None) -> QComboBox:
        combo = QComboBox(self.table)
        combo.addItem(self.tr("— do not load —"), None)
        for column in COLUMNS:
            combo.addItem(column.header + (" *" if column.required else ""), column.field)
        combo.setCurrentIndex(max(0, combo.findData(field)) if field else 0)
        combo.setMaxVisibleItems(len(COLUMNS) + 1)
        combo.currentIndexChanged.connect(self._changed)
        return combo

    def mapping(self) -> Mapping:
        """The mapping as the combos show it."""
        return {i: c.currentData() for i, c in enumerate(self.combos) if c.currentData()}

    def set_field(self, column: int, field: str | None) -> None:
        """Choose ``field`` for file column ``column`` (None: do not load)."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(0, combo.findData(field)) if field else 0)

    def _changed(self) -> None:
        mapping = self.mapping()
        chosen = set(mapping.values())
        parts = []
        for column in COLUMNS:
            if not column.required:
                continue
            present = column.field in chosen or (
                column.field in NAME_FIELDS and FULL_NAME in chosen)
            color, mark = (OK_COLOR, "✓") if present else (HINT_COLOR, "✗")
            parts.append(f'<span style="color:{color}">{mark}&nbsp;'
                         f'{html.escape(column.header).replace(" ", "&nbsp;")}</span>')
        self.required.setText(
            "<b>" + html.escape(self.tr("Required card fields:")) + "</b> " + " &nbsp; ".join(parts)
            + "<br>" + html.escape(self.tr(
                "Fields without a column leave the cards incomplete; the surname and the name "
                "(or the full name in one column) are always needed.")))
        self.problems.setText("\n".join(mapping_problems(mapping)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.combos) and not mapping_problems(self.mapping())

    def validatePage(self) -> bool:  # noqa: N802
        state, mapping = self._wizard.state, self.mapping()
        state.set_mapping(mapping)
        if state.table is not None:
            try:
                self._wizard.store.put(state.table.fingerprint, mapping)
            except OSError as exc:  # remembering is a convenience: the import goes on
                log.warning("could not remember the column mapping: %s", type(exc).__name__)
        return True


def _remembered(store, fingerprint: str) -> Mapping | None:
    try:
        return store.get(fingerprint)
    except OSError:
        return None

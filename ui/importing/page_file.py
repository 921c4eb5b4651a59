"""Wizard steps 1 and 2: choose the file; pick the sheet and the header row."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from chairclient.importing import ImportRefused, build_table
from chairclient.importing.clean import tidy
from ui.i18n.formats import format_number
from ui.importing.jobs import PageJob
from ui.importing.state import Loaded, read_sheet
from ui.widgets import HINT_COLOR, Banner

if TYPE_CHECKING:
    from ui.importing.wizard import ImportWizard

log = logging.getLogger(__name__)

#: Rows of the sheet shown on the header-row step.
SAMPLE_ROWS = 30
HEADER_BACKGROUND = QColor("#dbe7fb")


def busy_bar(parent) -> QProgressBar:
    bar = QProgressBar(parent)
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(10)
    bar.hide()
    return bar


def hint(text: str, parent) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {HINT_COLOR};")
    return label


def file_error(exc: BaseException) -> str:
    """The engine's Russian refusal, or a general message for anything unexpected."""
    if isinstance(exc, ImportRefused):
        return str(exc)
    log.warning("reading a spreadsheet failed: %s", type(exc).__name__)
    return ""


class FilePage(QWizardPage):
    """«Выберите файл»: the file is read in the background; refusals are shown in Russian."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.job = PageJob(wizard.ops, self)
        self.setTitle(self.tr("Choose a spreadsheet"))
        self.setSubTitle(self.tr(
            "Members will be registered in «%1». An Excel workbook (.xlsx, .xls) or a CSV file "
            "will do. Nothing is saved until you confirm the import at the last step.")
            .replace("%1", wizard.state.org_name))
        self.path = QLineEdit(self)
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(self.tr("Choose a &file…"), self)
        self.choose_button.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.choose_button)
        self.busy = busy_bar(self)
        self.banner = Banner(self)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.template_link = QLabel(self)
        self.template_link.setText('<a href="template">' + self.tr(
            "No suitable spreadsheet? Save the import template and fill it in…") + "</a>")
        self.template_link.linkActivated.connect(lambda _l: wizard.template_requested.emit())
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.busy)
        layout.addWidget(self.banner)
        layout.addWidget(self.info)
        layout.addStretch(1)
        layout.addWidget(self.template_link)

    def choose(self) -> None:
        path = self._wizard.choose_file(self)
        if path is not None:
            self.load(path)

    def load(self, path: Path | str) -> None:
        """Read ``path`` in the background; Далее is enabled once it was read."""
        path = Path(path)
        self.path.setText(str(path))
        self._wizard.state.set_loaded(None)
        self.banner.show_message("")
        self.info.setText(self.tr("Reading the file…"))
        self.busy.show()
        self.job.start(lambda _step: read_sheet(path), self._loaded, self._failed)
        self.completeChanged.emit()

    @property
    def loading(self) -> bool:
        return self.job.running

    def _loaded(self, loaded: Loaded) -> None:
        self.busy.hide()
        self._wizard.state.set_loaded(loaded)
        sheets = len(loaded.sheet_names)
        text = self.tr("Sheet «%1»: %2 filled rows.").replace("%1", loaded.sheet.name).replace(
            "%2", format_number(len(loaded.sheet.rows)))
        if sheets > 1:
            text += " " + self.tr("The file has %n sheet(s); you can choose another one at the "
                                  "next step.", "", sheets)
        self.info.setText(text)
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.info.setText("")
        message = file_error(exc) or self.tr("The file could not be read.")
        self.banner.show_message(self.tr("The file cannot be imported.") + " " + message,
                                 "error")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self._wizard.state.loaded is not None and not self.job.running


class SheetPage(QWizardPage):
    """«Лист и строка заголовков»: pre-selected by the engine's guess, changeable."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.job = PageJob(wizard.ops, self)
        self.setTitle(self.tr("Sheet and header row"))
        self.setSubTitle(self.tr(
            "Check that the highlighted row holds the column names. If not, click the right "
            "row or enter its number."))
        self.sheet = QComboBox(self)
        self.sheet.activated.connect(self._sheet_chosen)
        self.header_row = QSpinBox(self)
        self.header_row.setMinimum(1)
        self.header_row.valueChanged.connect(self._header_chosen)
        form = QFormLayout()
        form.addRow(self.tr("Sheet:"), self.sheet)
        form.addRow(self.tr("Header row:"), self.header_row)
        self.busy = busy_bar(self)
        self.banner = Banner(self)
        self.rows = QTableWidget(self)
        self.rows.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rows.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.rows.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.rows.cellClicked.connect(self._row_clicked)
        self.info = hint("", self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.banner)
        layout.addWidget(self.rows, 1)
        layout.addWidget(self.info)
        self._filling = False
        self._source: tuple[Path, str] | None = None  # the file and the sheet shown

    def initializePage(self) -> None:  # noqa: N802
        state = self._wizard.state
        loaded = state.loaded
        if loaded is None:
            return
        self._source = (loaded.path, loaded.sheet.name)
        self._filling = True
        self.sheet.clear()
        self.sheet.addItems(loaded.sheet_names)
        self.sheet.setCurrentText(loaded.sheet.name)
        self.sheet.setEnabled(len(loaded.sheet_names) > 1)
        self._filling = False
        self._show(loaded, state.table.header_row if state.table is not None else None)

    def _show(self, loaded: Loaded, header_row: int | None) -> None:
        self._filling = True
        numbers = [number for number, _ in loaded.sheet.rows]
        self.header_row.setRange(min(numbers, default=1), max(numbers, default=1))
        shown = loaded.sheet.rows[:SAMPLE_ROWS]
        width = max((len(values) for _, values in shown), default=0)
        self.rows.clear()
        self.rows.setRowCount(len(shown))
        self.rows.setColumnCount(width)
        self.rows.setHorizontalHeaderLabels([column_letter(i) for i in range(width)])
        self.rows.setVerticalHeaderLabels([str(number) for number, _ in shown])
        for r, (_number, values) in enumerate(shown):
            for c, value in enumerate(values):
                if value is not None:
                    self.rows.setItem(r, c, QTableWidgetItem(tidy(value)[:80]))
        self.rows.resizeColumnsToContents()
        for c in range(width):
            self.rows.setColumnWidth(c, min(self.rows.columnWidth(c), 220))
        chosen = header_row or loaded.header_row
        if chosen is not None:
            self.header_row.setValue(chosen)
        self._filling = False
        if chosen is None:
            self._wizard.state.set_table(None)
            self.banner.show_message(loaded.header_error, "warning")
            self.info.setText("")
            self.completeChanged.emit()
        else:
            self._header_chosen(chosen)

    def _sheet_chosen(self, _index: int) -> None:
        state = self._wizard.state
        if self._filling or self._source is None:
            return
        name, (path, shown) = self.sheet.currentText(), self._source
        if name == shown and state.loaded is not None:
            return
        self._source = (path, name)
        state.set_loaded(None)
        self.busy.show()
        self.banner.show_message("")
        self.completeChanged.emit()
        self.job.start(lambda _step: read_sheet(path, name), self._sheet_read, self._failed)

    def _sheet_read(self, loaded: Loaded) -> None:
        self.busy.hide()
        self._wizard.state.set_loaded(loaded)
        self._show(loaded, None)

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        message = file_error(exc) or self.tr("The sheet could not be read.")
        self.banner.show_message(message, "error")
        self.rows.setRowCount(0)
        self.completeChanged.emit()

    def _row_clicked(self, row: int, _column: int) -> None:
        item = self.rows.verticalHeaderItem(row)
        if item is not None:
            self.header_row.setValue(int(item.text()))

    def _header_chosen(self, number: int) -> None:
        state = self._wizard.state
        if self._filling or state.loaded is None:
            return
        table = state.table
        if table is None or table.header_row != number or table.sheet != state.loaded.sheet.name:
            try:
                table = build_table(state.loaded.sheet, number)
            except ImportRefused as exc:
                table = None
                self.banner.show_message(str(exc), "warning")
            state.set_table(table)
        if table is not None:
            self.banner.show_message("")
            self.info.setText(self.tr("Data rows below the header: %1.").replace(
                "%1", format_number(len(table.rows))))
        else:
            self.info.setText("")
        self._highlight(number)
        self.completeChanged.emit()

    def _highlight(self, number: int) -> None:
        bold = QFont(self.rows.font())
        bold.setBold(True)
        for r in range(self.rows.rowCount()):
            header = self.rows.verticalHeaderItem(r)
            is_header = header is not None and header.text() == str(number)
            for c in range(self.rows.columnCount()):
                item = self.rows.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    self.rows.setItem(r, c, item)
                item.setBackground(QBrush(HEADER_BACKGROUND) if is_header else QBrush())
                item.setFont(bold if is_header else self.rows.font())
            if is_header and self.rows.columnCount():
                self.rows.scrollToItem(self.rows.item(r, 0))

    def isComplete(self) -> bool:  # noqa: N802
        return self._wizard.state.table is not None and not self.job.running

    def cleanupPage(self) -> None:  # noqa: N802
        self.job.forget()
        self.busy.hide()


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: columns named as Excel names them."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


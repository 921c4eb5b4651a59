"""Wizard step 4: every row cleaned and checked, problem cells highlighted, filters."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from chairclient.importing import ImportRefused, build_preview, find_duplicates
from ui.i18n.formats import format_number
from ui.importing.preview_model import (
    ALL,
    BACKGROUNDS,
    DUPLICATES,
    ERRORS,
    STATUS_TEXT,
    PreviewModel,
    ProblemDelegate,
    status_text,
)
from ui.operations import Cancelled
from ui.widgets import Banner

if TYPE_CHECKING:
    from ui.importing.wizard import ImportWizard

log = logging.getLogger(__name__)

#: Column widths follow the header and the values of this many first rows, up to a limit.
SIZE_SAMPLE = 200
MAX_COLUMN_WIDTH = 300


def swatch(color: str, text: str, parent: QWidget) -> QWidget:
    """A legend entry: a small coloured square and its meaning."""
    entry = QWidget(parent)
    row = QHBoxLayout(entry)
    row.setContentsMargins(8, 0, 0, 0)
    row.setSpacing(4)
    box = QFrame(entry)
    box.setFixedSize(14, 14)
    box.setStyleSheet(f"background: {color}; border: 1px solid #8c8c8c;")
    row.addWidget(box)
    row.addWidget(QLabel(text, entry))
    return entry


class PreviewPage(QWizardPage):
    """Built in the background (preview + duplicates in the local database)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.model: PreviewModel | None = None
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr(
            "Each row of the file as it will be loaded. Point at a coloured cell to see what "
            "is wrong with it; rows with errors are not loaded — correct them in the file and "
            "choose it again."))
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.banner = Banner(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.filters = QButtonGroup(self)
        self.filter_buttons: dict[str, QPushButton] = {}
        filters = QHBoxLayout()
        for kind in (ALL, ERRORS, DUPLICATES):
            button = QPushButton(self)
            button.setCheckable(True)
            button.setFlat(False)
            self.filters.addButton(button)
            self.filter_buttons[kind] = button
            button.clicked.connect(lambda _c=False, k=kind: self.show_only(k))
            filters.addWidget(button)
        self.filter_buttons[ALL].setChecked(True)
        filters.addStretch(1)
        for severity, text in (("error", self.tr("error: the row is not loaded")),
                               ("warning", self.tr("remark")),
                               ("missing", self.tr("required field is empty"))):
            filters.addWidget(swatch(BACKGROUNDS[severity].name(), text, self))
        self.view = QTableView(self)
        self.view.setAlternatingRowColors(False)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setItemDelegate(ProblemDelegate(self.view))
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(self.view.fontMetrics().height() * 3)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.banner)
        layout.addWidget(self.summary)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.details)
        self._update_filters()
        wizard.registry_checked.connect(self._registry_checked)

    @property
    def building(self) -> bool:
        return self._wizard.preview_job.running

    def initializePage(self) -> None:  # noqa: N802
        state = self._wizard.state
        if state.preview is not None and self.model is not None \
                and self.model.preview is state.preview:
            return
        if state.table is None:
            return
        self.view.setModel(None)
        self.model = None
        self.summary.setText(self.tr("Checking the rows…"))
        self.banner.show_message("")
        self.progress.setRange(0, max(1, len(state.table.rows)))
        self.progress.setValue(0)
        self.progress.show()
        self._update_filters()
        table, mapping, db = state.table, dict(state.mapping), self._wizard.ops.db

        def work(step):
            preview = build_preview(table, mapping, progress=step)
            with db.session() as session:
                return preview, find_duplicates(preview, session)

        self._wizard.registry_job.forget()
        self._wizard.preview_job.start(work, self._built, self._failed, self._moved)
        self.completeChanged.emit()

    def _moved(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _built(self, result) -> None:
        preview, duplicates = result
        state = self._wizard.state
        state.preview, state.duplicates = preview, duplicates
        self.progress.hide()
        self.model = PreviewModel(preview, state.all_duplicates, self)
        self.view.setModel(self.model)
        self.view.selectionModel().currentRowChanged.connect(self._show_details)
        self.model.modelReset.connect(self._show_details)
        self._size_columns()
        self.show_only(ALL)
        self.filter_buttons[ALL].setChecked(True)
        self._update_summary()
        self._wizard.start_registry_check()
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.summary.setText("")
        if isinstance(exc, Cancelled):
            return
        log.error("import preview failed: %s", type(exc).__name__)
        message = str(exc) if isinstance(exc, ImportRefused) else self.tr(
            "The rows could not be checked. Go back and choose the file again.")
        self.banner.show_message(message, "error")
        self.completeChanged.emit()

    def _size_columns(self) -> None:
        """Wide enough for the header and the values of the first rows (never all 100 000)."""
        model = self.model
        assert model is not None
        metrics = self.view.fontMetrics()
        self.view.setColumnWidth(0, metrics.horizontalAdvance("000000") + 8)
        self.view.setColumnWidth(1, max(metrics.horizontalAdvance(status_text(key))
                                        for key in STATUS_TEXT) + 16)
        sample = range(min(model.rowCount(), SIZE_SAMPLE))
        for column in range(2, model.columnCount()):
            texts = [str(model.headerData(column, Qt.Orientation.Horizontal))]
            texts += [model.data(model.index(row, column)) or "" for row in sample]
            width = max(metrics.horizontalAdvance(t) for t in texts) + 18
            self.view.setColumnWidth(column, max(min(width, MAX_COLUMN_WIDTH), 48))

    def _show_details(self, *_args) -> None:
        """Under the table: every problem of the current row (the same as its tooltips)."""
        model, index = self.model, self.view.currentIndex()
        if model is None or not index.isValid():
            self.details.setText(self.tr("Select a row to see all its problems here."))
            return
        text = model.data(model.index(index.row(), 1), Qt.ItemDataRole.ToolTipRole)
        self.details.setText(text or self.tr("Row %1: no problems found.").replace(
            "%1", str(model.file_row_at(index.row()))))

    def show_only(self, kind: str) -> None:
        """Show all rows, rows with errors, or duplicates."""
        if self.model is not None:
            self.model.set_filter(kind)
        self.filter_buttons[kind].setChecked(True)

    def _update_filters(self) -> None:
        model = self.model
        counts = {k: (model.count(k) if model is not None else 0) for k in self.filter_buttons}
        texts = {ALL: self.tr("All (%1)"), ERRORS: self.tr("With errors (%1)"),
                 DUPLICATES: self.tr("Duplicates (%1)")}
        for kind, button in self.filter_buttons.items():
            button.setText(texts[kind].replace("%1", format_number(counts[kind])))
            button.setEnabled(model is not None)

    def _update_summary(self) -> None:
        state = self._wizard.state
        if state.preview is None or self.model is None:
            return
        rows = state.preview.rows
        refused = sum(1 for r in rows if r.refused)
        incomplete = sum(1 for r in rows if not r.refused and r.missing)
        self.summary.setText(self.tr(
            "Rows in the file: %1. With errors (will not be loaded): %2. Possible duplicates: %3."
            " Cards that will be incomplete: %4.")
            .replace("%1", format_number(len(rows))).replace("%2", format_number(refused))
            .replace("%3", format_number(len(state.all_duplicates)))
            .replace("%4", format_number(incomplete)))
        self._update_filters()

    def _registry_checked(self) -> None:
        if self.model is not None and self.model.preview is self._wizard.state.preview:
            self.model.set_duplicates(self._wizard.state.all_duplicates)
            self._update_summary()

    def isComplete(self) -> bool:  # noqa: N802
        state = self._wizard.state
        return state.preview is not None and not self.building

    def cleanupPage(self) -> None:  # noqa: N802
        """Back: stop a check still running (it is started again when coming back)."""
        if self.building:
            self._wizard.preview_job.forget()
            self.progress.hide()

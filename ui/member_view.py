"""The member table view: column widths that fit, a column chooser, Enter opens a card."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from ui.member_table import COLUMN_KEYS, COLUMNS, MemberTableModel, width_samples

HIDDEN_COLUMNS_KEY = "member_list/hidden_columns"
#: Columns a person may hide (the name is always shown; «Учёт» follows the status filter).
OPTIONAL_COLUMNS = frozenset(COLUMN_KEYS) - {"full_name", "status"}


class MemberTableView(QTableView):
    """The member table; Enter opens the current member's card (as a double click does).

    Columns get widths that fit their usual content; the name column takes the rest of the
    width (never less than a usual full name) until the person resizes it by hand. Sorting is
    left to the model (``sortIndicatorChanged`` → ``model.sort`` re-runs the SQL query).
    """

    open_requested = Signal()
    NAME_MIN_CHARS = 26

    def __init__(self, model: MemberTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fitting = False
        self._name_auto = True
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setDefaultSectionSize(QFontMetrics(self.font()).height() + 8)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)  # a click flips the indicator
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setResizeContentsPrecision(0)  # never read thousands of rows to size a column
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self._size_columns()
        header.sectionResized.connect(self._on_section_resized)
        self.doubleClicked.connect(lambda _index: self.open_requested.emit())

    def _size_columns(self) -> None:
        header = self.horizontalHeader()
        metrics, title_metrics = QFontMetrics(self.font()), QFontMetrics(header.font())
        hidden = QSettings().value(HIDDEN_COLUMNS_KEY, [], list) or []
        for section, column in enumerate(COLUMNS):
            title = self.model().headerData(section, Qt.Orientation.Horizontal)
            samples = width_samples(column.key)
            content = (max(metrics.horizontalAdvance(t) for t in samples) if samples
                       else metrics.averageCharWidth() * column.chars)
            header.resizeSection(section, max(title_metrics.horizontalAdvance(title) + 24,
                                              content + 14))
            if column.key == "status" or (column.key in OPTIONAL_COLUMNS and column.key in hidden):
                self.setColumnHidden(section, True)

    def show_column(self, section: int, shown: bool) -> None:
        """Show or hide a column; the choice is remembered."""
        self.setColumnHidden(section, not shown)
        self.fit_name_column()
        hidden = [c.key for i, c in enumerate(COLUMNS)
                  if c.key in OPTIONAL_COLUMNS and self.isColumnHidden(i)]
        QSettings().setValue(HIDDEN_COLUMNS_KEY, hidden)

    def fit_name_column(self) -> None:
        """Give the name column the width the other columns leave free."""
        header = self.horizontalHeader()
        if not self._name_auto or header.count() == 0:
            return
        others = sum(header.sectionSize(i) for i in range(1, header.count())
                     if not header.isSectionHidden(i))
        minimum = QFontMetrics(self.font()).averageCharWidth() * self.NAME_MIN_CHARS
        self._fitting = True
        header.resizeSection(0, max(minimum, self.viewport().width() - others))
        self._fitting = False

    def _column_menu(self, pos: QPoint) -> None:
        """Right click on the header: choose which columns to show."""
        menu = QMenu(self)
        for section, column in enumerate(COLUMNS):
            if column.key not in OPTIONAL_COLUMNS:
                continue
            action = menu.addAction(self.model().headerData(section, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(not self.isColumnHidden(section))
            action.toggled.connect(lambda shown, s=section: self.show_column(s, shown))
        menu.exec(self.horizontalHeader().mapToGlobal(pos))

    def _on_section_resized(self, section: int, _old: int, _new: int) -> None:
        if self._fitting:
            return
        if section == 0:
            self._name_auto = False  # the person chose a width: keep it
        else:
            self.fit_name_column()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_name_column()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit()
            return
        super().keyPressEvent(event)

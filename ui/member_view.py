"""The member table view: column widths that fit, a column chooser, Enter opens a card."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from ui.member_table import COLUMN_KEYS, COLUMNS, MemberTableModel, width_samples

HIDDEN_COLUMNS_KEY = "member_list/hidden_columns"
#: Columns a person may hide (the name is always shown; «Учёт» follows the status filter,
#: «Организация» is shown when the list covers several organisations).
OPTIONAL_COLUMNS = frozenset(COLUMN_KEYS) - {"full_name", "status", "org_name"}
#: Columns shown only in some situations (hidden until the member list shows them).
AUTOMATIC_COLUMNS = frozenset({"status", "org_name"})


class MemberTableView(QTableView):
    """The member table; Enter opens the current member's card (as a double click does).

    Columns get widths that fit their usual content; the name column takes the rest of the
    width (never less than a usual full name) until the person resizes it by hand. Sorting is
    left to the model (``sortIndicatorChanged`` → ``model.sort`` re-runs the SQL query).
    """

    open_requested = Signal()
    NAME_MIN_CHARS = 26
    NAME_WANTED_CHARS = 32  # a long full name, when the organisation column competes for room
    ORG_MIN_CHARS = 20  # enough to tell «ППО МБДОУ «Д/с № 2»» from «ППО МБОУ «ООШ…»

    def __init__(self, model: MemberTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fitting = False
        self._name_auto = True
        self._org_auto = True
        self._sorted_by = (0, Qt.SortOrder.AscendingOrder)
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
        header.sortIndicatorChanged.connect(self._keep_sortable_indicator)
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
            if column.key in AUTOMATIC_COLUMNS or (column.key in OPTIONAL_COLUMNS
                                                   and column.key in hidden):
                self.setColumnHidden(section, True)

    def _keep_sortable_indicator(self, section: int, order: Qt.SortOrder) -> None:
        """A click on a column the list cannot be sorted by leaves the indicator where it was."""
        if 0 <= section < len(COLUMNS) and not COLUMNS[section].sortable:
            header = self.horizontalHeader()
            blocked = header.blockSignals(True)
            header.setSortIndicator(*self._sorted_by)
            header.blockSignals(blocked)
        else:
            self._sorted_by = (section, order)

    def show_column(self, section: int, shown: bool) -> None:
        """Show or hide a column; the choice is remembered."""
        self.setColumnHidden(section, not shown)
        self.fit_name_column()
        hidden = [c.key for i, c in enumerate(COLUMNS)
                  if c.key in OPTIONAL_COLUMNS and self.isColumnHidden(i)]
        QSettings().setValue(HIDDEN_COLUMNS_KEY, hidden)

    def fit_name_column(self) -> None:
        """Give the name column the width the other columns leave free.

        When the organisation column is shown it shares that width with the name: the name
        keeps room for a usual full name, the organisation takes the rest (elided names show in
        full in the tooltip) between :attr:`ORG_MIN_CHARS` and its usual width.
        """
        header = self.horizontalHeader()
        if header.count() == 0 or not (self._name_auto or self._org_auto):
            return
        chars = QFontMetrics(self.font()).averageCharWidth()
        org = COLUMN_KEYS.index("org_name")
        org_shown = not header.isSectionHidden(org)
        flexible = {0, org} if org_shown and self._org_auto else {0}
        others = sum(header.sectionSize(i) for i in range(header.count())
                     if i not in flexible and not header.isSectionHidden(i))
        free = self.viewport().width() - others
        self._fitting = True
        if org in flexible:
            name_wanted = header.sectionSize(0) if not self._name_auto \
                else chars * self.NAME_WANTED_CHARS
            width = min(max(free - name_wanted, chars * self.ORG_MIN_CHARS),
                        chars * COLUMNS[org].chars)
            header.resizeSection(org, width)
            free -= width
        if self._name_auto:
            header.resizeSection(0, max(chars * self.NAME_MIN_CHARS, free))
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

    def _on_section_resized(self, section: int, old: int, new: int) -> None:
        if self._fitting or old == 0 or new == 0:  # ours, or a column shown or hidden
            return
        if section == 0:
            self._name_auto = False  # the person chose a width: keep it
        elif section == COLUMN_KEYS.index("org_name"):
            self._org_auto = False
            self.fit_name_column()
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

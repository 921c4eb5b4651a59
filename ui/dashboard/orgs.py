"""The table of subordinate organisations: who lags behind, sortable by every column."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from chairclient.queries.dashboard import OrgSummary
from ui.i18n.formats import format_number

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ORG_ID_ROLE = Qt.ItemDataRole.UserRole + 2
PERCENT_ROLE = Qt.ItemDataRole.UserRole + 3
OWN_ROLE = Qt.ItemDataRole.UserRole + 4  # the row of the organisation's own members
MAX_VISIBLE_ROWS = 14


@dataclass(frozen=True)
class OrgColumn:
    key: str
    title: str
    tooltip: str
    percent: bool = False


COLUMNS: tuple[OrgColumn, ...] = (
    OrgColumn("name", QT_TRANSLATE_NOOP("DashboardOrgs", "Organisation"),
              QT_TRANSLATE_NOOP("DashboardOrgs", "Double-click to open the organisation")),
    OrgColumn("members", QT_TRANSLATE_NOOP("DashboardOrgs", "On the register"),
              QT_TRANSLATE_NOOP("DashboardOrgs", "Union members on the register, with the "
                                                 "organisations below")),
    OrgColumn("complete", QT_TRANSLATE_NOOP("DashboardOrgs", "Cards filled in"),
              QT_TRANSLATE_NOOP("DashboardOrgs", "Share of member cards with every required "
                                                 "field filled in"), percent=True),
    OrgColumn("no_consent", QT_TRANSLATE_NOOP("DashboardOrgs", "Without consent"),
              QT_TRANSLATE_NOOP("DashboardOrgs", "Members without a consent to personal data "
                                                 "processing")),
    OrgColumn("ready_for_card", QT_TRANSLATE_NOOP("DashboardOrgs", "Ready for a card"),
              QT_TRANSLATE_NOOP("DashboardOrgs", "Members who may be put into a card request")),
    OrgColumn("received", QT_TRANSLATE_NOOP("DashboardOrgs", "Cards to hand out"),
              QT_TRANSLATE_NOOP("DashboardOrgs", "Cards received by the organisation and not "
                                                 "yet handed to the members")),
    OrgColumn("issued", QT_TRANSLATE_NOOP("DashboardOrgs", "Cards issued"),
              QT_TRANSLATE_NOOP("DashboardOrgs", "Share of members on the register who have "
                                                 "received their electronic union card"),
              percent=True),
)


OWN_MEMBERS = QT_TRANSLATE_NOOP("DashboardOrgs", "%1 (its own members)")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DashboardOrgs", text)


def _values(row: OrgSummary) -> dict[str, tuple[int | float | str, str]]:
    """Column key → (sort value, shown text)."""
    counts = row.counts
    members = counts["on_register"]

    def share(part: int) -> tuple[float, str]:
        if not members:
            return -1.0, "—"
        value = part * 100 / members
        return value, f"{value:.0f}\u00a0%" if value >= 1 or not part else "<1\u00a0%"

    name = row.name
    if row.own_only:
        name = _tr(OWN_MEMBERS).replace("%1", row.name)

    def number(key: str) -> tuple[int, str]:
        return counts[key], format_number(counts[key])

    return {
        "name": (name.casefold(), name),
        "members": number("on_register"),
        "complete": share(members - counts["incomplete"]),
        "no_consent": number("no_consent"),
        "ready_for_card": number("ready_for_card"),
        "received": number("card:received"),
        "issued": share(counts["card:issued"]),
    }


class PercentDelegate(QStyledItemDelegate):
    """The text, and under it a thin bar as long as the percentage (red when low)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        value = index.data(PERCENT_ROLE)
        if value is None or value < 0:
            return
        colour = QColor("#b3261e") if value < 50 else QColor("#c77700") if value < 80 \
            else QColor("#1b6e3a")
        rect = option.rect.adjusted(6, 0, -6, -3)
        painter.save()
        painter.fillRect(rect.left(), rect.bottom() - 2, rect.width(), 3, QColor("#e4e4e4"))
        painter.fillRect(rect.left(), rect.bottom() - 2, round(rect.width() * value / 100), 3,
                         colour)
        painter.restore()


class SubordinateTable(QTableView):
    """One row per organisation below; click a header to sort, double-click to open one."""

    organisation_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = QStandardItemModel(0, len(COLUMNS), self)
        self.source.setSortRole(SORT_ROLE)
        for section, column in enumerate(COLUMNS):
            item = QStandardItem(_tr(column.title))
            item.setToolTip(_tr(column.tooltip))
            self.source.setHorizontalHeaderItem(section, item)
            if column.percent:
                self.setItemDelegateForColumn(section, PercentDelegate(self))
        self.setModel(self.source)
        self.setSortingEnabled(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for section in range(1, len(COLUMNS)):
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.doubleClicked.connect(self._on_double_click)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def set_rows(self, rows: list[OrgSummary]) -> None:
        header = self.horizontalHeader()
        section, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        self.setSortingEnabled(False)  # no re-sorting while filling in
        self.source.setRowCount(0)
        for row in rows:
            values = _values(row)
            items = []
            for column in COLUMNS:
                sort_value, text = values[column.key]
                item = QStandardItem(text)
                item.setData(sort_value, SORT_ROLE)
                item.setData(row.org_id, ORG_ID_ROLE)
                item.setData(row.own_only, OWN_ROLE)
                if column.percent:
                    item.setData(sort_value, PERCENT_ROLE)
                if column.key == "name":
                    item.setToolTip(f"{text}\n{row.code}")
                else:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                items.append(item)
            self.source.appendRow(items)
        self.setSortingEnabled(True)
        self.sortByColumn(section, order)
        visible = min(len(rows), MAX_VISIBLE_ROWS)
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth() \
            + visible * self.verticalHeader().defaultSectionSize()
        self.setFixedHeight(height)

    def column_texts(self, key: str) -> list[str]:
        """The shown texts of column ``key``, top to bottom (tests)."""
        section = [c.key for c in COLUMNS].index(key)
        return [self.source.item(r, section).text() for r in range(self.source.rowCount())]

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.data(OWN_ROLE):
            return  # the organisation's own members: it is already open
        org_id = index.data(ORG_ID_ROLE)
        if org_id:
            self.organisation_activated.emit(org_id)

"""The member list model: an ordered id list from SQL, rows fetched lazily in pages.

Searching, filtering and sorting happen in SQL (``member_ids``); the model holds only the ids
in display order. Rows are fetched in pages through ``fetch_rows`` when the view first asks for
them, cached by member id (least recently used rows are dropped), and shown as «…» until their
page arrives. A query or page that finishes after a newer one was started is ignored.
"""

from __future__ import annotations

import dataclasses
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from chairclient.db.reference_data import CATEGORIES
from chairclient.queries.members import MemberFilter, MemberRow, count_members, fetch_rows
from chairclient.queries.members import member_ids as query_member_ids
from ui.i18n.formats import format_date, format_phone
from ui.labels import CARD_STATUS_NAMES, card_status_name
from ui.operations import Operations

Index = QModelIndex | QPersistentModelIndex

#: Member category code → its name from the reference list (data, already Russian).
CATEGORY_NAMES: dict[str, str] = dict(CATEGORIES)

WARNING_COLOUR = QColor("#b3261e")
MUTED_COLOUR = QColor("#7a7a7a")
PLACEHOLDER = "…"
MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column:
    """A list column: the ``LIST_COLUMNS`` key it sorts by, its title and typical width."""

    key: str
    title: str
    tooltip: str = ""
    chars: int = 10  # typical content width in average characters (free-text columns)
    centered: bool = False
    sortable: bool = True  # False: the list cannot be sorted by it in SQL (no LIST_COLUMNS key)


COLUMNS: tuple[Column, ...] = (
    Column("full_name", QT_TRANSLATE_NOOP("MemberTable", "Full name"), chars=28),
    # Shown only when the list covers several organisations (a local or regional one chosen).
    Column("org_name", QT_TRANSLATE_NOOP("MemberTable", "Organisation"),
           QT_TRANSLATE_NOOP("MemberTable", "The organisation the member is registered in"),
           chars=22),
    Column("birth_date", QT_TRANSLATE_NOOP("MemberTable", "Birth date"),
           QT_TRANSLATE_NOOP("MemberTable", "Date of birth")),
    Column("category", QT_TRANSLATE_NOOP("MemberTable", "Category")),
    Column("position", QT_TRANSLATE_NOOP("MemberTable", "Position"), chars=16),
    Column("has_consent", QT_TRANSLATE_NOOP("MemberTable", "Consent"),
           QT_TRANSLATE_NOOP("MemberTable", "Consent to personal data processing"),
           centered=True),
    Column("card_status", QT_TRANSLATE_NOOP("MemberTable", "Card status"),
           QT_TRANSLATE_NOOP("MemberTable", "Status of the electronic union card")),
    Column("card_number", QT_TRANSLATE_NOOP("MemberTable", "Card number"),
           QT_TRANSLATE_NOOP("MemberTable", "Number of the electronic union card")),
    Column("is_complete", QT_TRANSLATE_NOOP("MemberTable", "Member card"),
           QT_TRANSLATE_NOOP("MemberTable", "Are all required fields of the card filled in?"),
           centered=True),
    Column("phone", QT_TRANSLATE_NOOP("MemberTable", "Phone")),
    Column("status", QT_TRANSLATE_NOOP("MemberTable", "Registration"),
           QT_TRANSLATE_NOOP("MemberTable", "On the register or removed from it")),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MemberTable", text)


def width_samples(key: str) -> list[str]:
    """Texts a column of ``key`` should fit without eliding (empty: use its ``chars``)."""
    match key:
        case "birth_date":
            return ["00.00.0000"]
        case "category":  # the long pensioner / not working names may be elided (tooltip)
            return [CATEGORY_NAMES.get("working", ""), CATEGORY_NAMES.get("student", "")]
        case "has_consent":
            return [QCoreApplication.translate("MemberTable", "Yes"),
                    QCoreApplication.translate("MemberTable", "No")]
        case "card_status":  # the rare long «ОТПРАВЛЕН В РЕГИОН» may be elided (tooltip)
            return [card_status_name(c) for c in CARD_STATUS_NAMES if c != "shipped"]
        case "is_complete":
            return ["✓", QCoreApplication.translate("MemberTable", "not filled in")]
        case "card_number":
            return ["0" * 16]
        case "phone":
            return ["+7 000 000-00-00"]
        case "status":
            return [QCoreApplication.translate("MemberTable", "on the register"),
                    QCoreApplication.translate("MemberTable", "removed")]
    return []


def display_text(row: MemberRow, key: str) -> str:
    """The text of one cell."""
    match key:
        case "full_name":
            return row.full_name
        case "org_name":
            return row.org_name
        case "birth_date":
            return format_date(row.birth_date)
        case "category":
            return CATEGORY_NAMES.get(row.category or "", row.category or "")
        case "position":
            return row.position or ""
        case "has_consent":
            return QCoreApplication.translate("MemberTable", "Yes") if row.has_consent else QCoreApplication.translate("MemberTable", "No")
        case "card_status":
            return card_status_name(row.card_status)
        case "card_number":
            return row.card_number or ""
        case "is_complete":
            return "✓" if row.is_complete else QCoreApplication.translate("MemberTable", "not filled in")
        case "phone":
            return format_phone(row.phone)
        case "status":
            return QCoreApplication.translate("MemberTable", "on the register") if row.status == "active" else QCoreApplication.translate("MemberTable", "removed")
    return ""


_ANSWERED_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole, MEMBER_ID_ROLE,
})


class MemberTableModel(QAbstractTableModel):
    """Rows = members matching the current :class:`MemberFilter`, in SQL order."""

    #: A query finished: (rows shown, active members of the organisations in total).
    query_finished = Signal(int, int)
    #: Rows of page ``n`` of the current query arrived.
    page_loaded = Signal(int)
    #: Background work failed (the text is safe to show; no personal data).
    load_failed = Signal(str)

    def __init__(self, operations: Operations, *, page_size: int = 200,
                 cache_rows: int = 5000, parent: Any = None) -> None:
        super().__init__(parent)
        self._ops = operations
        self._page_size = page_size
        self._cache_rows = max(cache_rows, page_size * 4)
        self._filter: MemberFilter | None = None
        self._ids: list[str] = []
        self._rows_by_id: dict[str, int] = {}
        self._cache: OrderedDict[str, MemberRow | None] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0  # bumped by every query: older results are stale
        self._epoch = 0  # bumped when cached rows may be outdated (after a save)
        self._querying = False
        #: The organisation's member count (for "shown N of M"), kept while neither the
        #: organisations nor the data (``_epoch``) change: typing does not recount it.
        self._total = 0
        self._total_key: tuple | None = None
        self._pending_total_key: tuple | None = None
        self.pages_requested = 0
        #: How long the last query took on its reader thread (ids, total, first page).
        self.last_query_seconds = 0.0  # pages asked from the database since creation

    # -- public API ---------------------------------------------------------------------------

    @property
    def member_filter(self) -> MemberFilter | None:
        return self._filter

    @property
    def page_size(self) -> int:
        return self._page_size

    @property
    def busy(self) -> bool:
        """A query or a page is still being fetched."""
        return self._querying or bool(self._pending)

    @property
    def querying(self) -> bool:
        """The id list of the current filter is still being read."""
        return self._querying

    def set_filter(self, flt: MemberFilter) -> None:
        """Show the members matching ``flt`` (the query runs in the background)."""
        self._filter = flt
        self._query()

    def refresh(self, changed_ids: Iterable[str] | None = None) -> None:
        """Re-run the query; rows of ``changed_ids`` (all rows if None) are fetched again."""
        if changed_ids is None:
            self._cache.clear()
        else:
            for member_id in changed_ids:
                self._cache.pop(member_id, None)
        self._epoch += 1
        self._pending.clear()
        if self._filter is not None:
            self._query()

    def member_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, member_id: str) -> int:
        """The row showing ``member_id``, or -1."""
        return self._rows_by_id.get(member_id, -1)

    def is_row_loaded(self, row: int) -> bool:
        member_id = self.member_id(row)
        return member_id is not None and member_id in self._cache

    def member_row(self, row: int) -> MemberRow | None:
        """The fetched data of ``row`` (None while its page is on its way)."""
        member_id = self.member_id(row)
        return self._cache.get(member_id) if member_id is not None else None

    def fetch_page(self, page: int) -> None:
        """Ask for the rows of ``page`` unless they are cached or already on their way."""
        if page in self._pending or page < 0:
            return
        ids = self._ids[page * self._page_size : (page + 1) * self._page_size]
        missing = [i for i in ids if i not in self._cache]
        if not missing:
            return
        self._pending.add(page)
        self.pages_requested += 1
        generation, epoch = self._generation, self._epoch

        def work(session: Any) -> tuple[int, int, int, list[str], dict[str, MemberRow]]:
            return generation, epoch, page, missing, fetch_rows(session, missing)

        self._ops.read(work, self._page_arrived, self._failed)

    # -- Qt model API -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(column.title)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return _tr(column.tooltip)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.centered:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks every visible cell for a dozen roles on each paint: answer the ones
        # this model never sets before any other work (a keystroke repaints the whole table).
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        row, key = index.row(), COLUMNS[index.column()].key
        member_id = self._ids[row]
        if role == MEMBER_ID_ROLE:
            return member_id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            centered = COLUMNS[index.column()].centered
            horizontal = Qt.AlignmentFlag.AlignHCenter if centered else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if member_id not in self._cache:
            if role == Qt.ItemDataRole.DisplayRole:
                self.fetch_page(row // self._page_size)
                return PLACEHOLDER if index.column() == 0 else ""
            return None
        member = self._cache[member_id]
        if member is None:  # deleted meanwhile; the next refresh drops the row
            return "—" if role == Qt.ItemDataRole.DisplayRole and index.column() == 0 else None
        if role == Qt.ItemDataRole.DisplayRole:
            self._cache.move_to_end(member_id)  # recently shown rows stay cached
            return display_text(member, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "is_complete" and not member.is_complete:
                return WARNING_COLOUR
            if member.status != "active":
                return MUTED_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "is_complete" and not member.is_complete:
                return QCoreApplication.translate("MemberTable", "Some required fields are empty. Open the card to see which.")
            if key in ("full_name", "org_name", "category", "position", "card_status"):
                return display_text(member, key)  # shown in full when the column is narrow
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting re-runs the query in SQL (never a proxy model over all rows)."""
        if self._filter is None or not 0 <= column < len(COLUMNS):
            return
        if not COLUMNS[column].sortable:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        key = COLUMNS[column].key
        if (key, descending) != (self._filter.sort_key, self._filter.descending):
            self.set_filter(dataclasses.replace(self._filter, sort_key=key, descending=descending))

    # -- background results -------------------------------------------------------------------

    def _query(self) -> None:
        """Read the ordered ids, the organisation's total and the first page in one trip to a
        reader thread: the rows at the top are cached before the view resets, so a keystroke
        in the search box costs one query, not a query and then a page."""
        self._generation += 1
        self._querying = True
        generation, flt, page_size = self._generation, self._filter, self._page_size
        assert flt is not None
        total_key = (tuple(flt.org_ids or ()), self._epoch)
        known_total = self._total if self._total_key == total_key else None

        def work(session: Any) -> tuple[int, list[str], int, dict[str, MemberRow]]:
            started = time.perf_counter()
            ids = query_member_ids(session, flt)
            total = known_total
            if total is None:
                total = count_members(session, MemberFilter(org_ids=flt.org_ids))
            first = fetch_rows(session, ids[:page_size])
            self.last_query_seconds = time.perf_counter() - started
            return generation, ids, total, first

        self._pending_total_key = total_key
        self._ops.read(work, self._query_arrived, self._failed)

    def _query_arrived(self, result: tuple[int, list[str], int, dict[str, MemberRow]]) -> None:
        generation, ids, total, first_rows = result
        if generation != self._generation:
            return  # a newer query is on its way
        self._querying = False
        self._total, self._total_key = total, self._pending_total_key
        self.beginResetModel()
        self._ids = ids
        self._rows_by_id = {member_id: row for row, member_id in enumerate(ids)}
        self._pending.clear()
        for member_id in ids[: self._page_size]:
            self._cache[member_id] = first_rows.get(member_id)
            self._cache.move_to_end(member_id)
        while len(self._cache) > self._cache_rows:
            self._cache.popitem(last=False)
        self.endResetModel()
        self.query_finished.emit(len(ids), total)

    def _page_arrived(self, result: tuple[int, int, int, list[str], dict[str, MemberRow]]) -> None:
        generation, epoch, page, asked, rows = result
        if epoch != self._epoch:
            return  # fetched before a save: may be outdated
        for member_id in asked:
            self._cache[member_id] = rows.get(member_id)
            self._cache.move_to_end(member_id)
        while len(self._cache) > self._cache_rows:
            self._cache.popitem(last=False)
        if generation != self._generation:
            return  # rows are cached; the current query asks for its own pages
        self._pending.discard(page)
        first = page * self._page_size
        last = min(first + self._page_size, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.page_loaded.emit(page)

    def _failed(self, exc: BaseException) -> None:
        self._querying = False
        self._pending.clear()
        self.load_failed.emit(type(exc).__name__)

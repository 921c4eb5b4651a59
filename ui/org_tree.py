"""The organisation tree of the user's scope, with active member counts and a filter box."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QRect, QSize, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from chairclient.queries.organisations import OrgNode, org_tree
from chairclient.text import fold
from ui.i18n.formats import format_date, format_number
from ui.operations import Operations

ORG_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class OrgScope:
    """The chosen organisation and every organisation below it."""

    id: str
    name: str
    code: str
    level: str
    org_ids: tuple[str, ...]
    active_members: int  # in the whole subtree
    closed: bool = False


def subtree_map(nodes: list[OrgNode]) -> dict[str, tuple[str, ...]]:
    """Organisation id → its own id and the ids of all organisations below it."""
    children: dict[str | None, list[str]] = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node.id)
    result: dict[str, tuple[str, ...]] = {}
    for node in reversed(nodes):  # parents come before children: children are done first
        ids = [node.id]
        for child in children.get(node.id, []):
            ids.extend(result[child])
        result[node.id] = tuple(ids)
    return result


def initial_org(nodes: list[OrgNode]) -> OrgNode | None:
    """The organisation to open at start: the first primary one with members, else the root."""
    for node in nodes:
        if node.level == "primary" and node.active_members > 0 and node.closed_on is None:
            return node
    return nodes[0] if nodes else None


def shown_nodes(nodes: list[OrgNode], with_closed: bool) -> list[OrgNode]:
    """The nodes the tree shows: closed organisations (and whatever is below them) only on
    request."""
    if with_closed:
        return nodes
    hidden: set[str] = set()
    for node in nodes:  # parents come before children
        if node.closed_on is not None or node.parent_id in hidden:
            hidden.add(node.id)
    return [node for node in nodes if node.id not in hidden]


class WrappingDelegate(QStyledItemDelegate):
    """Long organisation names wrap onto a second line instead of being cut off."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        if index.column() != 0:
            return hint
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self._view.header().sectionSize(0) - self._view.indentation() * depth - 10
        if width < 40:
            return hint
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        bounds = option.fontMetrics.boundingRect(QRect(0, 0, width, 10_000),
                                                 int(Qt.TextFlag.TextWordWrap), text)
        return QSize(hint.width(), max(hint.height(), bounds.height() + 6))


class OrgTreePanel(QWidget):
    """A filter box over a tree of organisations; emits ``organisation_selected``."""

    #: The tree was (re)loaded: the number of organisations.
    loaded = Signal(int)
    organisation_selected = Signal(object)  # OrgScope
    load_failed = Signal(str)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = operations
        self._nodes: dict[str, OrgNode] = {}
        self._subtrees: dict[str, tuple[str, ...]] = {}
        self._items: dict[str, QStandardItem] = {}
        self._current: OrgScope | None = None
        self._guard: Callable[[Callable[[], None]], bool] | None = None

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Find an organisation"))
        self.filter.setClearButtonEnabled(True)
        self.show_closed = QCheckBox(self.tr("Closed"), self)
        self.show_closed.setToolTip(self.tr(
            "Show closed (liquidated or merged) organisations with their history"))
        self.show_closed.setVisible(False)
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels([self.tr("Organisation"), self.tr("Members")])
        self.proxy = QSortFilterProxyModel(self)  # a few hundred rows at most: fine here
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setAutoAcceptChildRows(True)
        self.view = QTreeView(self)
        self.view.setModel(self.proxy)
        self.view.setIndentation(14)
        self.view.setWordWrap(True)
        self.view.setUniformRowHeights(False)
        self.view.setItemDelegateForColumn(0, WrappingDelegate(self.view))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda section, *_: section == 0 and self.view.doItemsLayout())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.show_closed)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)

        self.filter.textChanged.connect(self._apply_filter)
        self.show_closed.toggled.connect(self._closed_toggled)
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)

    # -- public API ---------------------------------------------------------------------------

    @property
    def current(self) -> OrgScope | None:
        return self._current

    def set_leave_guard(self, guard: Callable[[Callable[[], None]], bool] | None) -> None:
        """``guard(proceed)`` is asked before another organisation is chosen; False keeps the
        current one (``proceed`` may be called later, e.g. after unsaved edits were saved)."""
        self._guard = guard

    def reload(self) -> None:
        """Read the tree in the background; the selection is kept if it still exists."""
        self._ops.read(org_tree, self._on_loaded, self._on_failed)

    def node(self, org_id: str) -> OrgNode | None:
        return self._nodes.get(org_id)

    def held_ids(self) -> set[str]:
        """Every organisation in the store, shown or not."""
        return set(self._nodes)

    def select(self, org_id: str) -> bool:
        item = self._items.get(org_id)
        if item is None and org_id in self._nodes and self._nodes[org_id].closed_on:
            self.show_closed.setChecked(True)  # asked for a closed one: show them
            item = self._items.get(org_id)
        if item is None:
            return False
        index = self.proxy.mapFromSource(item.index())
        if not index.isValid():
            self.filter.clear()
            index = self.proxy.mapFromSource(item.index())
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    # -- internals ----------------------------------------------------------------------------

    def _on_loaded(self, nodes: list[OrgNode]) -> None:
        previous = self._current
        self._nodes = {n.id: n for n in nodes}
        self._subtrees = subtree_map(nodes)
        self.show_closed.setVisible(any(n.closed_on for n in nodes))
        self._build(shown_nodes(nodes, self.show_closed.isChecked()))
        self.loaded.emit(len(nodes))
        if not nodes:
            self._current = None
            return
        if previous is not None and previous.id in self._items:
            self._current = self._scope(previous.id)
            self.select(previous.id)  # same organisation: a signal only if it was renamed or moved
            fields = ("name", "code", "level", "org_ids", "closed")
            if any(getattr(self._current, f) != getattr(previous, f) for f in fields):
                self.organisation_selected.emit(self._current)
            return
        self._current = None
        fallback = self._open_ancestor(previous.id) if previous is not None else None
        self.select(fallback or initial_org(nodes).id)  # type: ignore[union-attr]

    def _open_ancestor(self, org_id: str) -> str | None:
        """The nearest organisation above ``org_id`` that the tree shows (it was just closed
        and the closed ones are hidden)."""
        node = self._nodes.get(org_id)
        while node is not None and node.id not in self._items:
            node = self._nodes.get(node.parent_id or "")
        return node.id if node is not None else None

    def _closed_toggled(self, _checked: bool) -> None:
        current = self._current
        self._build(shown_nodes(list(self._nodes.values()), self.show_closed.isChecked()))
        if current is None:
            return
        if current.id in self._items:
            self.select(current.id)
        else:
            self._current = None
            fallback = self._open_ancestor(current.id)
            if fallback is not None:
                self.select(fallback)

    def _scope(self, org_id: str) -> OrgScope:
        node = self._nodes[org_id]
        ids = self._subtrees[org_id]
        total = sum(self._nodes[i].active_members for i in ids)
        return OrgScope(node.id, node.name, node.code, node.level, ids, total,
                        node.closed_on is not None)

    def _build(self, nodes: list[OrgNode]) -> None:
        self.view.selectionModel().blockSignals(True)
        self.model.removeRows(0, self.model.rowCount())
        self.view.selectionModel().blockSignals(False)
        self._items.clear()
        totals = {
            node.id: sum(self._nodes[i].active_members for i in self._subtrees[node.id])
            for node in nodes
        }
        muted = QBrush(self.palette().color(QPalette.ColorRole.PlaceholderText))
        for node in nodes:
            name = QStandardItem(node.name)
            name.setData(node.id, ORG_ID_ROLE)
            name.setData(fold(f"{node.name} {node.code}"), SEARCH_ROLE)
            tip = self.tr("%1\nRegistry code: %2").replace("%1", node.name).replace("%2", node.code)
            if node.closed_on is not None:
                closed = self.tr("closed %1").replace("%1", format_date(node.closed_on))
                name.setText(f"{node.name} ({closed})")
                name.setForeground(muted)
                tip += "\n" + (self.tr("Merged into another organisation on %1")
                                if node.closure_kind == "merger"
                                else self.tr("Liquidated on %1")).replace(
                                    "%1", format_date(node.closed_on))
            name.setToolTip(tip)
            name.setEditable(False)
            count = QStandardItem(format_number(totals[node.id]))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            count.setToolTip(self.tr("Members on the register, including subordinate organisations")
                             if len(self._subtrees[node.id]) > 1
                             else self.tr("Members on the register"))
            count.setEditable(False)
            parent = self._items.get(node.parent_id or "")
            (parent or self.model.invisibleRootItem()).appendRow([name, count])
            self._items[node.id] = name
        if nodes:
            self.view.expand(self.proxy.mapFromSource(self._items[nodes[0].id].index()))

    def _apply_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(fold(text))
        if text.strip():
            self.view.expandAll()
        elif self._current is not None:
            self.select(self._current.id)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        org_id = current.siblingAtColumn(0).data(ORG_ID_ROLE) if current.isValid() else None
        node = self._nodes.get(org_id) if org_id else None
        if node is None or (self._current is not None and self._current.id == node.id):
            return
        if self._current is not None and self._guard is not None:
            target, keep = node.id, self._current.id
            if not self._guard(lambda: self.select(target)):
                QTimer.singleShot(0, lambda: self.select(keep))  # put the highlight back
                return
        self._current = self._scope(node.id)
        self.organisation_selected.emit(self._current)

    def _on_failed(self, exc: BaseException) -> None:
        self.load_failed.emit(type(exc).__name__)

"""The transfer actions of the main window: in the «Члены Профсоюза» menu and the member list's
context menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QMenu, QPushButton, QWidget
from shiboken6 import isValid

from chairclient.queries.transfer_requests import pending_counts
from ui.operations import Operations
from ui.org_tree import OrgScope

if TYPE_CHECKING:  # the dialogs (and httpx with them) load on first use, not at start-up
    from sync.client import RegistryClient
    from ui.transfers.accept_dialog import AcceptTransferDialog
    from ui.transfers.out_dialog import TransferOutDialog
    from ui.transfers.requests_dialog import TransferRequestsDialog

CurrentMember = Callable[[], str | None]


class TransferActions(QObject):
    """«Перевести в другую организацию…» for the current member, «Принять переводом…» into
    the chosen organisation. :attr:`changed` fires after something was saved."""

    changed = Signal()

    def __init__(self, operations: Operations, parent: QWidget,
                 current_member: CurrentMember) -> None:
        super().__init__(parent)
        self._ops = operations
        self._window = parent
        self._current_member = current_member
        self._scope: OrgScope | None = None
        self._client: RegistryClient | None = None
        self.accept_action = QAction(self.tr("Accept by &transfer…"), self)
        self.accept_action.setToolTip(self.tr(
            "Accept a union member from another organisation: find them in the registry"))
        self.out_action = QAction(self.tr("Transfer to another &organisation…"), self)
        self.requests_action = QAction(self.tr("Transfer re&quests…"), self)
        self.requests_action.setToolTip(self.tr(
            "Requests to transfer members between organisations: filed by you and to you"))
        #: The status bar's counter of requests waiting for a decision (opens the list).
        self.counter = QPushButton(parent)
        self.counter.setObjectName("transferRequestsCounter")
        self.counter.setFlat(True)
        self.counter.setVisible(False)
        self.counter.clicked.connect(self.show_requests)
        self.accept_action.triggered.connect(self.accept_transfer)
        self.out_action.triggered.connect(self.transfer_out)
        self.requests_action.triggered.connect(self.show_requests)
        self.accept_action.setEnabled(False)
        self.out_action.setEnabled(False)

    @classmethod
    def attach(cls, window: Any, *, operations: Operations, menu: QMenu) -> TransferActions:
        """The actions of the main ``window``: in ``menu`` and the member list; they follow the
        organisation chosen in the tree and, once saved, refresh the views like a sync does."""
        actions = cls(operations, window, window.members.current_member_id)
        actions.install(menu, window.members.table)
        window.status.addPermanentWidget(actions.counter)
        from ui.member_card.elsewhere import PersonCheck

        window.members.person_check = PersonCheck(operations, actions.find_member,
                                                  actions.accept_with)
        window.tree.organisation_selected.connect(actions.set_scope)
        window.tree.loaded.connect(lambda _count: actions.refresh_counter())
        actions.changed.connect(window._after_decision)
        actions.changed.connect(actions.refresh_counter)
        return actions

    def install(self, menu: QMenu, table: QAbstractItemView) -> None:
        """Add the actions to ``menu`` and to ``table``'s context menu; follow its selection."""
        menu.addSeparator()
        menu.addAction(self.accept_action)
        menu.addAction(self.out_action)
        menu.addAction(self.requests_action)
        separator = QAction(self)
        separator.setSeparator(True)
        table.addActions([separator, self.out_action, self.accept_action])
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        selection = table.selectionModel()
        selection.selectionChanged.connect(
            lambda *_: self.out_action.setEnabled(len(selection.selectedRows()) == 1))

    def set_scope(self, scope: OrgScope) -> None:
        """The organisation chosen in the tree: a transfer is accepted into it."""
        self._scope = scope
        self.accept_action.setEnabled(True)

    def set_client(self, client: RegistryClient | None) -> None:
        """The registry client used for the search (None: working without a registry)."""
        self._client = client

    def accept_transfer(self) -> AcceptTransferDialog | None:
        """Open the «Принять переводом» dialog (returned for tests)."""
        if self._scope is None:
            return None
        from ui.transfers.accept_dialog import AcceptTransferDialog

        dialog = AcceptTransferDialog(self._ops, self._scope.id, self._scope.name,
                                      self._client, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.queued.connect(lambda _org: self.changed.emit())
        dialog.requested.connect(lambda _org: self.changed.emit())
        dialog.open()
        return dialog

    def find_member(self, **query: object) -> list:
        """The registry's lookup of one person (for the new card's check); raises offline."""
        if self._client is None:
            raise LookupError("working without the registry")
        return self._client.find_member(**query)  # type: ignore[arg-type]

    def accept_with(self, query: dict[str, object]) -> AcceptTransferDialog | None:
        """The «Принять переводом» dialog already searching for ``query`` (a СНИЛС, or names
        and a birth date): the import's and the new card's «Запросить перевод»."""
        if self._scope is None:
            return None
        from ui.transfers.accept_dialog import AcceptTransferDialog

        dialog = AcceptTransferDialog(self._ops, self._scope.id, self._scope.name,
                                      self._client, self._window, query=query)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.queued.connect(lambda _org: self.changed.emit())
        dialog.requested.connect(lambda _org: self.changed.emit())
        dialog.open()
        return dialog

    def show_requests(self) -> TransferRequestsDialog:
        """Open «Запросы на перевод» (returned for tests)."""
        from ui.transfers.requests_dialog import TransferRequestsDialog

        dialog = TransferRequestsDialog(self._ops, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.changed.emit)
        dialog.show()
        return dialog

    def refresh_counter(self) -> None:
        """Count the pending requests again (after a sync, a decision, a new request)."""
        self._ops.read(pending_counts, self._show_counter)

    def _show_counter(self, counts: tuple[int, int]) -> None:
        if not isValid(self.counter):
            return
        waiting_here, waiting_there = counts
        self.counter.setVisible(bool(waiting_here or waiting_there))
        self.counter.setText(self.tr("Transfer requests: {here} to decide, {there} sent").format(
            here=waiting_here, there=waiting_there))

    def transfer_out(self) -> TransferOutDialog | None:
        """Open the «Перевести в другую организацию» dialog for the current member."""
        member_id = self._current_member()
        if member_id is None:
            return None
        from ui.transfers.out_dialog import TransferOutDialog

        dialog = TransferOutDialog(self._ops, member_id, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.done.connect(lambda _id: self.changed.emit())
        dialog.open()
        return dialog

"""The transfer actions of the main window: in the «Члены Профсоюза» menu and the member list's
context menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QMenu, QWidget

from ui.operations import Operations
from ui.org_tree import OrgScope

if TYPE_CHECKING:  # the dialogs (and httpx with them) load on first use, not at start-up
    from sync.client import RegistryClient
    from ui.transfers.accept_dialog import AcceptTransferDialog
    from ui.transfers.out_dialog import TransferOutDialog

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
        self.accept_action.triggered.connect(self.accept_transfer)
        self.out_action.triggered.connect(self.transfer_out)
        self.accept_action.setEnabled(False)
        self.out_action.setEnabled(False)

    @classmethod
    def attach(cls, window: Any, *, operations: Operations, menu: QMenu) -> TransferActions:
        """The actions of the main ``window``: in ``menu`` and the member list; they follow the
        organisation chosen in the tree and, once saved, refresh the views like a sync does."""
        actions = cls(operations, window, window.members.current_member_id)
        actions.install(menu, window.members.table)
        window.tree.organisation_selected.connect(actions.set_scope)
        actions.changed.connect(window._after_decision)
        return actions

    def install(self, menu: QMenu, table: QAbstractItemView) -> None:
        """Add the actions to ``menu`` and to ``table``'s context menu; follow its selection."""
        menu.addSeparator()
        menu.addAction(self.accept_action)
        menu.addAction(self.out_action)
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
        dialog.open()
        return dialog

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

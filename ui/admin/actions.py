"""The «Администрирование» menu: shown only to a territorial or regional chair or the
administrator (the positions the registry sent with the last sign-in or token refresh)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget
from shiboken6 import isValid

from sync.users_api import UsersApi, may_manage
from ui.operations import Operations

if TYPE_CHECKING:
    from sync.client import RegistryClient
    from ui.admin.users_dialog import UsersDialog


class AdminActions(QObject):
    """The menu and «Пользователи…»; :attr:`dialog` is the open users window."""

    def __init__(self, operations: Operations, window: QWidget, client: RegistryClient
                 ) -> None:
        super().__init__(window)
        self._ops, self._window, self._client = operations, window, client
        self.menu = QMenu(self.tr("&Administration"), window)
        self.users_action = QAction(self.tr("&Users…"), self)
        self.users_action.setToolTip(self.tr(
            "Logins of the organisations below yours: create, reset a password, unlock"))
        self.users_action.triggered.connect(self.open_users)
        self.menu.addAction(self.users_action)
        self.dialog: UsersDialog | None = None

    @classmethod
    def attach(cls, window: Any, controller: Any, before: QAction) -> AdminActions:
        """The menu of ``window`` (inserted before ``before``), following ``controller``'s
        client: it appears once the registry says the user manages logins."""
        actions = cls(window._ops, window, controller.client)
        window.menuBar().insertMenu(before, actions.menu)
        controller.finished.connect(lambda _result: actions.update_visible())
        actions.update_visible()
        return actions

    def update_visible(self) -> None:
        self.menu.menuAction().setVisible(may_manage(self._client))

    def open_users(self) -> UsersDialog:
        """Open (or bring forward) the users window."""
        from ui.admin.users_dialog import UsersDialog

        if self.dialog is not None and isValid(self.dialog):
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = UsersDialog(self._ops, UsersApi(self._client), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.show()
        return dialog

"""Signing in again over the open main window when the registry refuses the session."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QWidget

from ui.login.dialog import LoginDialog
from ui.login.start import Account
from ui.sync.controller import SyncController


class Reauthenticator(QObject):
    """On :attr:`SyncController.signed_out` opens the login dialog (window-modal, same login);
    the local data stay open. A successful sign-in hands the fresh tokens to the account's
    client and resumes sync; cancelling leaves the session offline until the next sign-in."""

    def __init__(self, account: Account, controller: SyncController, window: QWidget) -> None:
        super().__init__(window)
        self.account = account
        self.controller = controller
        self.window = window
        self.dialog: LoginDialog | None = None
        controller.signed_out.connect(self.ask)

    def ask(self) -> None:
        if self.dialog is not None:
            return
        dialog = LoginDialog(self.account.server, login=self.account.login,
                             remember=self.account.remember, parent=self.window,
                             fixed_login=True)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(self._done)
        self.dialog = dialog
        dialog.open()

    def _done(self, code: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        fresh = dialog.client
        if code == QDialog.DialogCode.Accepted and fresh is not None:
            client = self.account.client
            client.access_token, client.refresh_token = fresh.access_token, fresh.refresh_token
            fresh.close()
            self.account.offline = False
            self.account.remember = dialog.remember.isChecked()
            self.account.keep_tokens()
            self.controller.resume()
        dialog.deleteLater()

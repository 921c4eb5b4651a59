"""The login dialog: server, login, password, «Запомнить меня», demo logins, password change."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from chairclient.domain.passwords import password_problem
from sync.client import Offline, PasswordChangeRequired, RegistryClient, RegistryError, ServerError
from sync.credentials import keyring_available
from ui.login.background import run_in_background

if TYPE_CHECKING:  # the registry is no part of the installed client
    from registry.embedded import DemoLogin

ROLE_NAMES = {
    "admin": QT_TRANSLATE_NOOP("LoginDialog", "administrator"),
    "regional": QT_TRANSLATE_NOOP("LoginDialog", "regional organisation"),
    "territorial": QT_TRANSLATE_NOOP("LoginDialog", "local organisation"),
    "primary": QT_TRANSLATE_NOOP("LoginDialog", "primary organisation"),
}


class LoginDialog(QDialog):
    """Signs in with :class:`RegistryClient`; after ``accept()`` see :attr:`client`.

    ``has_local_data(login)`` tells whether that account's local database exists: when the
    server cannot be reached, «Работать без связи» then accepts with :attr:`offline` set (and a
    client without tokens). ``fixed_login``: signing in again as the same person (the server
    address and the login cannot be changed).
    """

    def __init__(self, server: str, *, login: str = "", remember: bool = False,
                 demo_users: Sequence[DemoLogin] = (), parent: QWidget | None = None,
                 has_local_data: Callable[[str], bool] | None = None,
                 fixed_login: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to the union registry"))
        self.client: RegistryClient | None = None
        self.offline = False
        self._has_local_data = has_local_data
        self._busy = False
        self.server = QLineEdit(server, self)
        self.login = QLineEdit(login, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember me"), self)
        self.remember_note = QLabel(self)
        self.remember_note.setWordWrap(True)
        if keyring_available():
            self.remember.setChecked(remember)
            self.remember_note.setVisible(False)
        else:
            self.remember.setEnabled(False)
            self.remember_note.setText(self.tr(
                "«Remember me» is not available: this computer has no password storage. "
                "You will be asked for the password at every start."))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setVisible(False)
        self.new_password = QLineEdit(self)
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_password = QLineEdit(self)
        self.repeat_password.setEchoMode(QLineEdit.EchoMode.Password)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._login_page(demo_users))
        self.pages.addWidget(self._change_page())
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("Sign in"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.work_offline = self.buttons.addButton(self.tr("Work offline"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.work_offline.setToolTip(self.tr(
            "Open the data saved on this computer; changes are sent when the server is back"))
        self.work_offline.setVisible(False)
        self.work_offline.clicked.connect(self.open_offline)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.pages)
        column.addWidget(self.message)
        column.addWidget(self.buttons)
        self.setMinimumWidth(460)
        if fixed_login:
            self.server.setReadOnly(True)
            self.login.setReadOnly(True)
            self.show_error(self.tr("Your session has ended. Enter the password to continue; "
                                    "the data on this computer stay open."))
        (self.password if login else self.login).setFocus()

    # -- pages --------------------------------------------------------------------------------

    def _login_page(self, demo_users: Sequence[DemoLogin]) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self.demo_list = QListWidget(page)
        if demo_users:
            hint = QLabel(self.tr("Demo mode. Choose a demo user — the login and password "
                                  "are filled in for you:"), page)
            hint.setWordWrap(True)
            column.addWidget(hint)
            for user in demo_users:
                role = self.tr(ROLE_NAMES.get(user.role, user.role))
                item = QListWidgetItem(f"{user.login} — {role}\n{user.org_name}", self.demo_list)
                item.setData(Qt.ItemDataRole.UserRole, (user.login, user.password))
            self.demo_list.setSpacing(2)
            self.demo_list.setAlternatingRowColors(True)
            rows = self.demo_list.sizeHintForRow(0) + 2 * self.demo_list.spacing()
            self.demo_list.setMinimumHeight(min(rows * len(demo_users) + 8, 420))
            self.demo_list.itemClicked.connect(self._pick_demo)
            self.demo_list.itemDoubleClicked.connect(lambda item: (self._pick_demo(item),
                                                                   self.submit()))
            column.addWidget(self.demo_list)
        else:
            self.demo_list.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("Server address:"), self.server)
        form.addRow(self.tr("Login:"), self.login)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.remember)
        column.addLayout(form)
        column.addWidget(self.remember_note)
        if demo_users:
            self.server.setReadOnly(True)
        return page

    def _change_page(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(self.tr("This is your first sign-in with this password. Please choose "
                               "a new password that only you know: at least 10 characters "
                               "and not a common one (such as «qwerty123456» or "
                               "«пароль2024»); three or four unrelated words joined by "
                               "hyphens make a good one."), page)
        intro.setWordWrap(True)
        column.addWidget(intro)
        form = QFormLayout()
        form.addRow(self.tr("New password:"), self.new_password)
        form.addRow(self.tr("Repeat it:"), self.repeat_password)
        column.addLayout(form)
        column.addStretch(1)
        return page

    def _pick_demo(self, item: QListWidgetItem) -> None:
        login, password = item.data(Qt.ItemDataRole.UserRole)
        self.login.setText(login)
        self.password.setText(password)
        self.message.setVisible(False)

    # -- actions ------------------------------------------------------------------------------

    @property
    def changing_password(self) -> bool:
        return self.pages.currentIndex() == 1

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    def submit(self) -> None:
        """«Войти» (or «Сменить пароль и войти»): the request runs in the background."""
        if self._busy:
            return
        if self.changing_password:
            self._submit_new_password()
            return
        server, login, password = (self.server.text().strip(), self.login.text().strip(),
                                   self.password.text())
        if not server or not login or not password:
            self.show_error(self.tr("Enter the server address, the login and the password."))
            return
        client = RegistryClient(server, timeout=15.0, retries=0)

        def work() -> RegistryClient:
            client.login(login, password)
            return client

        self._start(work, client)

    def _submit_new_password(self) -> None:
        new, repeat = self.new_password.text(), self.repeat_password.text()
        if new != repeat:
            self.show_error(self.tr("The two new passwords differ."))
            return
        if new == self.password.text():
            self.show_error(self.tr("The new password must differ from the old one."))
            return
        problem = password_problem(new, login=self.login.text().strip())
        if problem:  # the registry's own rule and Russian wording, told before sending
            self.show_error(problem)
            return
        client, old = self.client, self.password.text()
        assert client is not None

        def work() -> RegistryClient:
            client.change_password(old, new)
            return client

        self._start(work, client)

    def _start(self, work, client: RegistryClient) -> None:
        self._set_busy(True)
        self.client = client
        run_in_background(work, self._on_done, self._on_failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok.setEnabled(not busy)
        if busy:
            self.show_error("")
            self.message.setVisible(False)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def _on_done(self, client: RegistryClient) -> None:
        self._set_busy(False)
        self.client = client
        client.retries = 3  # from now on sync calls retry on network errors
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, PasswordChangeRequired):
            self.pages.setCurrentIndex(1)
            self.ok.setText(self.tr("Change password and sign in"))
            self.new_password.setFocus()
            return
        if isinstance(exc, Offline):
            text = self.tr("Cannot reach the registry server at %1. Check the address and "
                           "the Internet connection, then try again.").replace(
                               "%1", self.server.text().strip())
            login = self.login.text().strip()
            if self._has_local_data is not None and login and self._has_local_data(login):
                self.work_offline.setVisible(True)
                text += " " + self.tr("You can also work offline with the data saved on "
                                      "this computer.")
        elif isinstance(exc, ServerError):
            text = self.tr("The registry server is having trouble. Please try again later.")
        elif isinstance(exc, RegistryError):
            text = str(exc)  # the server's own Russian wording (wrong password, lock-out …)
        else:
            text = self.tr("Could not sign in: %1").replace("%1", type(exc).__name__)
        self.show_error(text)

    def open_offline(self) -> None:
        """«Работать без связи»: the local data, a client without tokens (sync waits)."""
        if self._busy:
            return
        if self.client is not None:
            self.client.close()
        self.client = RegistryClient(self.server.text().strip())
        self.offline = True
        self.accept()

    def reject(self) -> None:
        if self.client is not None and not self._busy:
            self.client.close()
            self.client = None
        super().reject()

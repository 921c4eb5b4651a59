"""«Администрирование → Пользователи»: the logins of the manager's subtree and what can be done
with them — create, reset the password, unlock, disable and enable, end all sessions.

Online only: it talks to the registry directly (``sync.users_api``) in the background; when
the registry cannot be reached it says so and nothing changes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from sync.client import Offline, RegistryError
from sync.protocol_users import GrantableOrg, IssuedPassword, ManagedUser
from sync.users_api import UsersApi
from ui.admin.create_dialog import CreateLoginDialog
from ui.admin.issued_dialog import IssuedPasswordDialog
from ui.admin.users_model import UsersModel
from ui.operations import Operations
from ui.widgets import ERROR_COLOR

log = logging.getLogger(__name__)

# confirm(parent, title, question) → True when the person agreed.
Confirm = Callable[[QWidget, str, str], bool]


def ask_confirm(parent: QWidget, title: str, question: str) -> bool:
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(parent, title, question, buttons.Yes | buttons.No,
                                  buttons.No)
    return answer == buttons.Yes


class UsersDialog(QDialog):
    """The list and the buttons; :attr:`confirm` asks before a step (tests replace it)."""

    def __init__(self, operations: Operations, api: UsersApi, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self.setWindowTitle(self.tr("Users"))
        self._ops, self._api = operations, api
        self.confirm: Confirm = ask_confirm
        self.busy = False
        self.orgs: list[GrantableOrg] | None = None
        self.create_dialog: CreateLoginDialog | None = None
        self.issued: IssuedPasswordDialog | None = None
        self.model = UsersModel(self)
        self.summary = QLabel(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find: login, name, organisation or its code"))
        self.search.setClearButtonEnabled(True)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.refresh_button)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((130, 220, 270, 170, 125, 115, 90)):
            self.table.setColumnWidth(column, width)
        self.create_button = QPushButton(self.tr("Create a login…"), self)
        self.reset_button = QPushButton(self.tr("Reset the password…"), self)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.disable_button = QPushButton(self.tr("Disable…"), self)
        self.end_button = QPushButton(self.tr("End all sessions…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        buttons = QHBoxLayout()
        for button in (self.create_button, self.reset_button, self.unlock_button,
                       self.disable_button, self.end_button):
            buttons.addWidget(button)
            button.setAutoDefault(False)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("usersMessage")
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        column.addWidget(self.message)
        column.addLayout(buttons)
        self.resize(1240, 640)

        self.search.textChanged.connect(self._filter)
        self.refresh_button.clicked.connect(self.reload)
        self.create_button.clicked.connect(self.create_login)
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(lambda: self._step("unlock"))
        self.disable_button.clicked.connect(self._toggle_active)
        self.end_button.clicked.connect(lambda: self._step("end-sessions"))
        self.close_button.clicked.connect(self.close)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    # -- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the logins (and the organisations a login may be issued at) again."""
        if self.busy:
            return
        self._set_busy(True, self.tr("Loading the logins from the registry…"))
        api = self._api
        self._ops.long(lambda _context: (api.list(), api.options()), self._loaded, self._failed)

    def _loaded(self, result: tuple[list[ManagedUser], list[GrantableOrg]]) -> None:
        if not isValid(self):
            return
        users, self.orgs = result
        selected = self.current_user()
        self.model.set_users(users)
        if selected is not None:
            self.select(selected.id)
        self._set_busy(False, "")
        self._update_summary()

    def _update_summary(self) -> None:
        users = [self.model.user(row) for row in range(self.model.rowCount())]
        locked = sum(1 for u in users if u and u.locked)
        disabled = sum(1 for u in users if u and not u.active)
        self.summary.setText(self.tr("Logins: %1 (shown %2), locked: %3, disabled: %4")
                             .replace("%1", str(self.model.total))
                             .replace("%2", str(len(users))).replace("%3", str(locked))
                             .replace("%4", str(disabled)))

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_summary()
        self._update_buttons()

    # -- selection --------------------------------------------------------------------------

    def current_user(self) -> ManagedUser | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.user(rows[0].row()) if rows else None

    def select(self, user_id: str) -> bool:
        row = self.model.row_of(user_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _update_buttons(self) -> None:
        user = self.current_user()
        for button in (self.reset_button, self.unlock_button, self.disable_button,
                       self.end_button):
            button.setEnabled(user is not None and not self.busy)
        self.unlock_button.setEnabled(bool(user and not self.busy and (
            user.locked or user.failed_attempts)))
        self.create_button.setEnabled(not self.busy and bool(self.orgs))
        self.refresh_button.setEnabled(not self.busy)
        enable = user is not None and not user.active
        self.disable_button.setText(self.tr("Enable") if enable else self.tr("Disable…"))

    # -- steps ------------------------------------------------------------------------------

    def _toggle_active(self) -> None:
        user = self.current_user()
        if user is not None:
            self._step("enable" if not user.active else "disable")

    def _step(self, step: str) -> None:
        user = self.current_user()
        if user is None or self.busy:
            return
        questions = {
            "disable": self.tr("Disable the login «%1»? It will not be able to sign in, and "
                               "its sessions on every computer end now."),
            "end-sessions": self.tr("End every session of «%1»? The program on each of its "
                                    "computers asks for the password again."),
        }
        if step in questions and not self.confirm(
                self, self.windowTitle(), questions[step].replace("%1", user.login)):
            return
        done = {
            "unlock": self.tr("The login «%1» is unlocked."),
            "disable": self.tr("The login «%1» is disabled; its sessions have ended."),
            "enable": self.tr("The login «%1» is enabled again."),
            "end-sessions": self.tr("Every session of «%1» has ended."),
        }[step].replace("%1", user.login)
        self._set_busy(True, self.tr("Sending to the registry…"))
        api, user_id = self._api, user.id
        self._ops.long(lambda _context: api.step(user_id, step),
                       lambda changed: self._stepped(changed, done), self._failed)

    def _stepped(self, user: ManagedUser, text: str) -> None:
        if not isValid(self):
            return
        self.model.replace(user)
        self._set_busy(False, text)
        self._update_summary()

    def reset_password(self) -> None:
        user = self.current_user()
        if user is None or self.busy:
            return
        if not self.confirm(self, self.windowTitle(), self.tr(
                "Reset the password of «%1»? A new one-time password is made, the old one "
                "stops working and every session of the login ends.").replace("%1",
                                                                              user.login)):
            return
        self._set_busy(True, self.tr("Sending to the registry…"))
        api, user_id = self._api, user.id
        self._ops.long(lambda _context: api.reset_password(user_id),
                       lambda issued: self._issued(issued, reset=True), self._failed)

    def create_login(self) -> CreateLoginDialog | None:
        """Open «Новая учётная запись» (returned for tests)."""
        if self.busy or not self.orgs:
            return None
        dialog = CreateLoginDialog(self.orgs, self.model.role_names, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(self._create)
        self.create_dialog = dialog
        dialog.open()
        return dialog

    def _create(self, login: str, full_name: str, org_id: str, role: str) -> None:
        dialog = self.create_dialog
        if dialog is None:
            return
        dialog.set_busy(True)
        api = self._api

        def failed(exc: BaseException) -> None:
            if isValid(dialog):
                dialog.set_busy(False)
                dialog.show_error(self._error_text(exc))

        def created(issued: IssuedPassword) -> None:
            if isValid(dialog):
                dialog.accept()
            self.create_dialog = None
            if isValid(self):
                self.model.add(issued.user)
                self.select(issued.user.id)
                self._issued(issued, reset=False)

        self._ops.long(lambda _context: api.create(login, full_name, org_id, role), created,
                       failed)

    def _issued(self, issued: IssuedPassword, *, reset: bool) -> None:
        if not isValid(self):
            return
        self.model.replace(issued.user)
        text = (self.tr("A new one-time password for «%1» is issued.") if reset
                else self.tr("The login «%1» is created.")).replace("%1", issued.user.login)
        self._set_busy(False, text)
        self._update_summary()
        dialog = IssuedPasswordDialog(self._ops, issued, server=self._api.server,
                                      issued_by=self._api.client.login_name or "",
                                      reset=reset, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.issued = dialog
        dialog.open()

    # -- plumbing ---------------------------------------------------------------------------

    def _set_busy(self, busy: bool, text: str, *, error: bool = False) -> None:
        self.busy = busy
        self.message.setStyleSheet(f"color: {ERROR_COLOR}" if error else "")
        self.message.setText(text)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        if isValid(self):
            self._set_busy(False, self._error_text(exc), error=True)

    def _error_text(self, exc: BaseException) -> str:
        if isinstance(exc, Offline):
            return self.tr("The registry cannot be reached now: managing logins needs a "
                           "connection. Check the Internet connection and press «Refresh».")
        if isinstance(exc, RegistryError):
            return str(exc)  # the registry's own Russian wording
        log.error("users: %s", type(exc).__name__)
        return self.tr("Something went wrong. Try again; if it fails again, contact support.")

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if self.orgs is None and not self.busy:
            self.reload()

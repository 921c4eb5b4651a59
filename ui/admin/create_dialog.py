"""«Новая учётная запись»: a login for the chair of a subordinate organisation.

The organisations and the roles offered are the ones the registry allows this manager
(``/users/options``): only organisations below their own, never a role above their own. The
registry checks again when the login is created.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sync.protocol_users import LOGIN_PATTERN, GrantableOrg
from ui.widgets import ERROR_COLOR


class CreateLoginDialog(QDialog):
    """Pick the organisation and the role, type the login and the chair's full name.

    :attr:`submitted` carries ``(login, full_name, org_id, role)``; the caller creates the
    login in the background and calls :meth:`show_error` or closes the dialog.
    """

    submitted = Signal(str, str, str, str)

    def __init__(self, orgs: list[GrantableOrg], role_names: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("createLoginDialog")
        self.setWindowTitle(self.tr("New login"))
        self._orgs = orgs
        self._role_names = role_names
        intro = QLabel(self.tr(
            "A login for the chair of an organisation below yours. The registry makes a "
            "one-time password; print the access sheet and hand it over. The password must be "
            "changed at the first sign-in."), self)
        intro.setWordWrap(True)
        self.org = QComboBox(self)
        self.org.setEditable(True)
        self.org.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for org in orgs:
            self.org.addItem(f"{org.name} ({org.code})" if org.code else org.name, org.org_id)
        completer = self.org.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.org.setMinimumContentsLength(40)
        self.role = QComboBox(self)
        self.login = QLineEdit(self)
        self.login.setPlaceholderText(self.tr("Latin letters, digits, . _ -"))
        self.full_name = QLineEdit(self)
        self.full_name.setPlaceholderText(self.tr("Surname, first name, patronymic"))
        form = QFormLayout()
        form.addRow(self.tr("Organisation:"), self.org)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Login:"), self.login)
        form.addRow(self.tr("Chair's full name:"), self.full_name)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR}")
        self.message.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("Create"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(self.message)
        column.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.org.currentIndexChanged.connect(self._fill_roles)
        self._fill_roles()

    def _fill_roles(self) -> None:
        self.role.clear()
        org = self.chosen_org()
        for role in org.roles if org else []:
            self.role.addItem(self._role_names.get(role, role), role)

    def chosen_org(self) -> GrantableOrg | None:
        org_id = self.org.currentData()
        return next((org for org in self._orgs if org.org_id == org_id), None)

    def select_org(self, org_id: str) -> None:
        index = self.org.findData(org_id)
        if index >= 0:
            self.org.setCurrentIndex(index)

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        self.ok.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def submit(self) -> None:
        org = self.chosen_org()
        login, full_name = self.login.text().strip(), " ".join(self.full_name.text().split())
        if org is None:
            self.show_error(self.tr("Choose an organisation from the list."))
            return
        if not re.match(LOGIN_PATTERN, login):
            self.show_error(self.tr("The login: 3 to 60 Latin letters, digits and the signs "
                                    ". _ -, starting with a letter or a digit."))
            self.login.setFocus()
            return
        if not full_name:
            self.show_error(self.tr("Enter the chair's full name."))
            self.full_name.setFocus()
            return
        self.show_error("")
        self.submitted.emit(login, full_name, org.org_id, self.role.currentData())

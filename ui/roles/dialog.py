"""«Назначить на должность»: the office (reference list), the body it is held in, which one,
from / to dates — for one member (the card) or a selection; and «Завершить полномочия».

The dialog checks what it can itself (an office chosen, real dates, election not in the
future, the end not before it); the rules that need the other offices are the service's. With
``submit`` the dialog runs the change and stays open with the service's refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from chairclient.domain import role_rules
from ui.widgets import ERROR_COLOR, DateField

Submit = Callable[[QDialog], None]


class _Asking(QDialog):
    """The common part: an intro, a form, an error line, OK / Отмена."""

    def __init__(self, parent: QWidget | None, submit: Submit | None) -> None:
        super().__init__(parent)
        self._submit = submit
        self._today = date.today()
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setStyleSheet(f"color: {ERROR_COLOR}")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addLayout(self.form)
        column.addWidget(self.error)
        column.addWidget(buttons)
        self.setMinimumWidth(480)

    def set_texts(self, title: str, intro: str, ok: str, cancel: str) -> None:
        """The subclass's texts (each class translates its own)."""
        self.setWindowTitle(title)
        self.intro.setText(intro)
        self.ok.setText(ok)
        self.cancel.setText(cancel)

    def problem(self) -> str | None:  # pragma: no cover - overridden
        return None

    def accept(self) -> None:
        if not self.ok.isEnabled():
            return
        problem = self.problem()
        if problem is not None:
            self.failed(problem)
        elif self._submit is None:
            super().accept()
        else:
            self.ok.setEnabled(False)
            self._submit(self)

    def succeeded(self) -> None:
        self.ok.setEnabled(True)
        super().accept()

    def failed(self, text: str) -> None:
        self.ok.setEnabled(True)
        self.error.setText(text)
        self.error.setVisible(True)


class RoleDialog(_Asking):
    """Office, body, which one, since, until."""

    def __init__(self, parent: QWidget | None, roles: list[tuple[str, str]], *, count: int = 1,
                 name: str | None = None, submit: Submit | None = None) -> None:
        super().__init__(parent, submit)
        intro = (self.tr("Appoint «{name}» to a union office.").format(name=name) if name
                 else self.tr("Selected: %n union member(s).", "", count))
        self.set_texts(self.tr("Appoint to a union office"), intro, self.tr("Appoint"),
                       self.tr("Cancel"))
        self.setObjectName("roleDialog")
        self.role = QComboBox(self)
        self.role.addItem(self.tr("— choose the office —"), None)
        for code, title in roles:
            self.role.addItem(title, code)
        self.body = QComboBox(self)
        self.body_name = QLineEdit(self)
        self.body_name.setMaxLength(role_rules.BODY_NAME_MAX)
        self.body_name.setPlaceholderText(self.tr("e.g. «primary school» for a union group"))
        self.since = DateField(self)
        self.since.set_value(self._today)
        self.until = DateField(self)
        self.until.setToolTip(self.tr("Leave empty while the office is held; the end of the "
                                      "term may be entered ahead"))
        self.form.addRow(self.tr("Office:"), self.role)
        self.form.addRow(self.tr("Body:"), self.body)
        self.form.addRow(self.tr("Which one:"), self.body_name)
        self.form.addRow(self.tr("Elected on:"), self.since)
        self.form.addRow(self.tr("Until:"), self.until)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()

    def _role_changed(self) -> None:
        role = self.chosen_role()
        allowed = role_rules.ROLE_BODIES.get(role or "", frozenset(role_rules.BODIES))
        default = role_rules.DEFAULT_BODY.get(role or "")
        self.body.clear()
        for code, title in role_rules.BODIES.items():
            if code in allowed:
                self.body.addItem(title, code)
        if default is not None:
            self.body.setCurrentIndex(max(0, self.body.findData(default)))
        self.error.setVisible(False)

    def choose_role(self, code: str) -> None:
        index = self.role.findData(code)
        if index < 0:
            raise ValueError(f"no such office: {code!r}")
        self.role.setCurrentIndex(index)

    def chosen_role(self) -> str | None:
        return self.role.currentData()

    def chosen_body(self) -> str | None:
        return self.body.currentData()

    def chosen_body_name(self) -> str | None:
        return self.body_name.text().strip() or None

    def chosen_since(self) -> date | None:
        value = self.since.value()
        return value if isinstance(value, date) else None

    def chosen_until(self) -> date | None:
        value = self.until.value()
        return value if isinstance(value, date) else None

    def problem(self) -> str | None:
        if self.chosen_role() is None:
            return self.tr("Choose the office.")
        since, until = self.since.value(), self.until.value()
        if not isinstance(since, date):
            return self.tr("Enter the date of the election as dd.mm.yyyy.")
        if since > self._today:
            return self.tr("The date of the election cannot be in the future.")
        if until is not None and not isinstance(until, date):
            return self.tr("Enter the end date as dd.mm.yyyy or leave it empty.")
        if isinstance(until, date) and until < since:
            return self.tr("The end cannot be before the election.")
        return None


class EndOfficeDialog(_Asking):
    """«Завершить полномочия»: the last day of the office."""

    def __init__(self, parent: QWidget | None, office: str, *,
                 submit: Submit | None = None) -> None:
        super().__init__(parent, submit)
        self.set_texts(self.tr("End the office"),
                       self.tr("End the office «{office}».").format(office=office),
                       self.tr("End"), self.tr("Cancel"))
        self.setObjectName("endOfficeDialog")
        self.until = DateField(self)
        self.until.set_value(self._today)
        self.form.addRow(self.tr("Last day:"), self.until)

    def chosen_until(self) -> date | None:
        value = self.until.value()
        return value if isinstance(value, date) else None

    def problem(self) -> str | None:
        return None if self.chosen_until() else self.tr("Enter the date as dd.mm.yyyy.")

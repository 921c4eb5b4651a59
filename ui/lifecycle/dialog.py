"""The question of a removal from the register or a restoration: reason (removal only), date
and an optional comment, for one member or a selection.

The dialog only checks what it can know itself (a real date, not in the future, a reason
chosen); the per-member rules (not before the last history event, not removed twice …) are the
service's. With ``submit`` the dialog runs the change itself and stays open showing the
service's refusal; without it, it is a question answered by :attr:`accepted`.
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

from chairclient.services.lifecycle_rules import NOTE_MAX_LENGTH
from ui.widgets import ERROR_COLOR, HINT_COLOR, DateField, small_label

REMOVE = "remove"
RESTORE = "restore"

#: ``submit(dialog)`` starts the change; the dialog waits for :meth:`LifecycleDialog.failed` or
#: :meth:`LifecycleDialog.succeeded`.
Submit = Callable[["LifecycleDialog"], None]


class LifecycleDialog(QDialog):
    """«Снять с учёта» (``mode`` :data:`REMOVE`, with ``reasons``) or «Восстановить на учёте»
    (:data:`RESTORE`) for ``count`` members, or for the member called ``name``."""

    def __init__(self, parent: QWidget | None, mode: str, *, count: int = 1,
                 name: str | None = None, reasons: list[tuple[str, str]] | None = None,
                 today: date | None = None, submit: Submit | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lifecycleDialog")
        self.mode = mode
        self._today = today or date.today()
        self._submit = submit
        removing = mode == REMOVE
        self.setWindowTitle(self.tr("Remove from the register") if removing
                            else self.tr("Restore on the register"))
        if name:
            intro = (self.tr("Remove «{name}» from the union register.") if removing
                     else self.tr("Restore «{name}» on the union register.")).format(name=name)
        else:
            intro = self.tr("Selected: %n union member(s).", "", count)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        if removing:
            explain = self.tr(
                "The member stays in the database among those removed (filter «Removed from "
                "the register») with the history event; a live electronic union card becomes "
                "CANCELLED and PROFCARDS is told with the next daily feed. A transfer to "
                "another organisation has its own action.")
        else:
            explain = self.tr(
                "The member is on the register again from this date; the history keeps both "
                "the removal and the restoration. A cancelled union card stays cancelled: "
                "order a new one if needed.")
        self.reason = QComboBox(self)
        self.reason.setObjectName("removalReason")
        self.reason.addItem(self.tr("— choose the reason —"), None)
        for code, title in reasons or []:
            self.reason.addItem(title, code)
        self.date = DateField(self)
        self.date.set_value(self._today)
        self.note = QLineEdit(self)
        self.note.setObjectName("lifecycleNote")
        self.note.setMaxLength(NOTE_MAX_LENGTH)
        self.note.setPlaceholderText(self.tr("e.g. the number and date of the decision"))
        form = QFormLayout()
        if removing:
            form.addRow(self.tr("Reason:"), self.reason)
        else:
            self.reason.setVisible(False)
        form.addRow(self.tr("Removed on:") if removing else self.tr("Restored on:"), self.date)
        form.addRow(self.tr("Comment:"), self.note)
        self.error = QLabel(self)
        self.error.setObjectName("lifecycleError")
        self.error.setStyleSheet(f"color: {ERROR_COLOR}")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(
            self.tr("Remove from the register") if removing else self.tr("Restore"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addWidget(small_label(explain, HINT_COLOR))
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.date.textChanged.connect(lambda _text: self.error.setVisible(False))
        self.reason.currentIndexChanged.connect(lambda _i: self.error.setVisible(False))

    # -- answers ------------------------------------------------------------------------------

    def chosen_date(self) -> date | None:
        value = self.date.value()
        return value if isinstance(value, date) else None

    def chosen_reason(self) -> str | None:
        return self.reason.currentData()

    def chosen_note(self) -> str | None:
        return self.note.text().strip() or None

    def choose_reason(self, code: str) -> None:
        index = self.reason.findData(code)
        if index < 0:
            raise ValueError(f"no such reason: {code!r}")
        self.reason.setCurrentIndex(index)

    # -- checking and running -----------------------------------------------------------------

    def accept(self) -> None:
        if not self.ok.isEnabled():
            return
        value = self.chosen_date()
        if self.mode == REMOVE and self.chosen_reason() is None:
            self.failed(self.tr("Choose the reason for the removal."), focus=self.reason)
        elif value is None:
            self.failed(self.tr("Enter the date as dd.mm.yyyy."))
        elif value > self._today:
            self.failed(self.tr("The date cannot be in the future."))
        elif self._submit is None:
            super().accept()
        else:
            self.ok.setEnabled(False)
            self._submit(self)

    def succeeded(self) -> None:
        """The change is saved: close."""
        self.ok.setEnabled(True)
        super().accept()

    def failed(self, text: str, *, focus: QWidget | None = None) -> None:
        """Show why nothing was changed; the person may correct and try again."""
        self.ok.setEnabled(True)
        self.error.setText(text)
        self.error.setVisible(True)
        (focus or self.date).setFocus()

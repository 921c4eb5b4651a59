"""«Перевести в другую организацию»: the member leaves by transfer (works offline)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from chairclient.db.models import Member
from chairclient.services.lifecycle import LifecycleRefused, transfer_out
from ui.operations import Operations
from ui.widgets import ERROR_COLOR, HINT_COLOR, DateField

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Who:
    name: str
    removed: bool


def _load(session: Session, member_id: str) -> _Who:
    member = session.get(Member, member_id)
    if member is None or member.deleted:
        raise LookupError("member not found")
    name = " ".join(p for p in (member.last_name, member.first_name, member.patronymic) if p)
    return _Who(name, member.status == "removed")


class TransferOutDialog(QDialog):
    """Date of transfer and, if known, where to; emits :attr:`done` with the member id."""

    done = Signal(str)

    def __init__(self, operations: Operations, member_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transferOutDialog")
        self.setWindowTitle(self.tr("Transfer to another organisation"))
        self._ops, self._member_id = operations, member_id
        self.who = QLabel(self.tr("Loading…"), self)
        self.who.setWordWrap(True)
        explain = QLabel(self.tr(
            "The member is removed from this organisation's register with the reason «transfer "
            "to another primary organisation» (not a loss to the union); the union card stays "
            "valid. When the receiving organisation accepts the transfer, the card with its "
            "history moves there. Until then the member can be restored here."), self)
        explain.setWordWrap(True)
        self.on = DateField(self)
        self.on.set_value(date.today())
        self.destination = QLineEdit(self)
        self.destination.setPlaceholderText(self.tr("e.g. the name of the school, if known"))
        self.destination.setMaxLength(300)
        form = QFormLayout()
        form.addRow(self.tr("Date of transfer"), self.on)
        form.addRow(self.tr("To which organisation"), self.destination)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("Transfer"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.ok.setEnabled(False)
        column = QVBoxLayout(self)
        for widget in (self.who, explain):
            column.addWidget(widget)
        column.addLayout(form)
        column.addWidget(self.message)
        column.addWidget(buttons)
        self.setMinimumWidth(480)
        operations.read(lambda session: _load(session, member_id), self._loaded,
                        self._load_failed)

    def _loaded(self, who: _Who) -> None:
        if not isValid(self):
            return
        self.who.setText(self.tr("Transfer «{name}» to another organisation.").format(
            name=who.name))
        if who.removed:
            self._show(self.tr("This member is already removed from the register."), error=True)
        else:
            self.ok.setEnabled(True)

    def _load_failed(self, _exc: BaseException) -> None:
        if isValid(self):
            self.who.setText("")
            self._show(self.tr("The member was not found; refresh the list."), error=True)

    def save(self) -> None:
        on = self.on.value()
        if not isinstance(on, date):
            self._show(self.tr("Enter the date of transfer (dd.mm.yyyy)."), error=True)
            return
        member_id, destination = self._member_id, self.destination.text()
        self.ok.setEnabled(False)
        self._ops.write(
            lambda session: transfer_out(session, member_id, on, destination=destination),
            self._saved, self._failed)

    def _saved(self, _done: object) -> None:
        if isValid(self):
            self.done.emit(self._member_id)
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.ok.setEnabled(True)
        if isinstance(exc, LifecycleRefused):
            self._show(str(exc), error=True)
        else:
            log.error("transfer out failed: %s", type(exc).__name__)
            self._show(self.tr("Nothing was saved because of an internal error."), error=True)

    def _show(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOR if error else HINT_COLOR};")

"""«Закрыть организацию…»: liquidation or merger, date and comment, then a confirmation that
says how many members it affects; the command is queued for the registry (works offline)."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from chairclient.domain import closure
from chairclient.queries.closure import ClosureFacts
from chairclient.services.closure import ClosureQueued, ClosureRefused, close_organisation
from ui.operations import Operations
from ui.widgets import ERROR_COLOR, HINT_COLOR, DateField

log = logging.getLogger(__name__)


class CloseOrganisationDialog(QDialog):
    """Emits :attr:`queued` once the closure waits for the next sync."""

    queued = Signal(object)  # ClosureQueued

    def __init__(self, operations: Operations, facts: ClosureFacts,
                 positions: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closeOrganisationDialog")
        self.setWindowTitle(self.tr("Close the organisation"))
        self._ops, self._facts, self._positions = operations, facts, positions
        self.confirmation: QMessageBox | None = None
        who = QLabel(self.tr("«%1» (registry code %2): %n member(s) on the register.", "",
                             facts.on_register)
                     .replace("%1", facts.name).replace("%2", facts.code), self)
        who.setWordWrap(True)
        self.liquidation = QRadioButton(self.tr("Liquidation: the members are removed from "
                                                "the register"), self)
        self.merger = QRadioButton(self.tr("Merger: the members are transferred to another "
                                           "organisation"), self)
        kinds = QButtonGroup(self)
        for button in (self.liquidation, self.merger):
            kinds.addButton(button)
        self.target = QComboBox(self)
        for target in facts.targets:
            self.target.addItem(f"{target.name} ({target.code})", target.id)
        self.merger.setEnabled(bool(facts.targets))
        if not facts.targets:
            self.merger.setToolTip(self.tr(
                "There is no other open organisation of this level under the same superior"))
        self.on = DateField(self)
        self.on.set_value(date.today())
        self.note = QLineEdit(self)
        self.note.setMaxLength(1000)
        self.note.setPlaceholderText(self.tr("e.g. the number and date of the decision"))
        form = QFormLayout()
        form.addRow(self.tr("Merge into"), self.target)
        form.addRow(self.tr("Date of closure"), self.on)
        form.addRow(self.tr("Comment"), self.note)
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("Close the organisation…"),
                                    QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        for widget in (who, self.liquidation, self.merger):
            column.addWidget(widget)
        column.addLayout(form)
        column.addWidget(self.explain)
        column.addWidget(self.message)
        column.addWidget(buttons)
        self.setMinimumWidth(520)
        kinds.buttonToggled.connect(lambda *_: self._kind_changed())
        self.liquidation.setChecked(True)

    def kind(self) -> str:
        return closure.MERGER if self.merger.isChecked() else closure.LIQUIDATION

    def _kind_changed(self) -> None:
        merger = self.kind() == closure.MERGER
        self.target.setEnabled(merger)
        self.explain.setText(self.tr(
            "The members go to the chosen organisation as transfers: their history, consents, "
            "union cards and «member since» are kept.") if merger else self.tr(
            "The members are removed from the register with the reason «liquidation of the "
            "organisation»; their live union cards are cancelled."))
        self.explain.setStyleSheet(f"color: {HINT_COLOR};")

    def confirm(self) -> None:
        """Check the form, then ask for confirmation with the number of members affected."""
        on = self.on.value()
        if not isinstance(on, date):
            self._show(self.tr("Enter the date of closure (dd.mm.yyyy)."))
            return
        merger = self.kind() == closure.MERGER
        if merger and self.target.currentData() is None:
            self._show(self.tr("Choose the organisation to merge into."))
            return
        count = self._facts.on_register
        text = (self.tr("%n member(s) will be transferred to «%1».", "", count)
                .replace("%1", self.target.currentText()) if merger
                else self.tr("%n member(s) will be removed from the register; their live "
                             "union cards will be cancelled.", "", count))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Close the organisation"),
                          self.tr("Close «%1» on %2?").replace("%1", self._facts.name)
                          .replace("%2", self.on.text()), QMessageBox.StandardButton.NoButton,
                          self)
        box.setInformativeText(text + " " + self.tr(
            "The organisation stays visible to its superiors under «Closed»; its chair loses "
            "access. Only the administrator can reopen it. The registry does this at the next "
            "synchronisation."))
        yes = box.addButton(self.tr("Close the organisation"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        self.confirmation = box

        def answered() -> None:
            self.confirmation = None
            box.deleteLater()
            if box.clickedButton() is yes:
                self._save(on)

        box.finished.connect(lambda _code: answered())
        box.open()

    def _save(self, on: date) -> None:
        org_id, kind, note = self._facts.org_id, self.kind(), self.note.text()
        target = self.target.currentData() if kind == closure.MERGER else None
        positions = self._positions
        self.ok.setEnabled(False)
        self._ops.write(
            lambda session: close_organisation(session, org_id, kind, on, positions=positions,
                                               merged_into_id=target, note=note),
            self._saved, self._failed)

    def _saved(self, queued: ClosureQueued) -> None:
        if isValid(self):
            self.queued.emit(queued)
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.ok.setEnabled(True)
        if isinstance(exc, ClosureRefused):
            self._show(str(exc))
        else:
            log.error("closing an organisation failed: %s", type(exc).__name__)
            self._show(self.tr("Nothing was saved because of an internal error."))

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")

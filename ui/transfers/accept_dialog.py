"""«Принять переводом»: find the person in the union registry, then accept them (when the
sending organisation marked the transfer) or ask that organisation for them («Запросить
перевод»).

The search needs the registry (it covers every organisation, and answers only where the
person is registered); accepting and requesting work offline: the command waits in the
outbox, and the member's card arrives with the synchronisation after the sender agreed.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from chairclient.services.lifecycle import LifecycleRefused, accept_transfer
from chairclient.services.transfer_requests import RequestRefused, request_transfer
from chairclient.validation import is_valid_snils, normalise_snils
from sync.client import Offline, RegistryClient, RegistryError
from sync.protocol_lookup import LookupMatch
from ui.operations import Operations
from ui.widgets import ERROR_COLOR, HINT_COLOR, DateField, MaskedField

log = logging.getLogger(__name__)


class AcceptTransferDialog(QDialog):
    """Search by СНИЛС or by surname + first name + birth date; accept the member found."""

    #: The transfer_in command was queued (the organisation id).
    queued = Signal(str)
    #: A transfer request was queued (the organisation id).
    requested = Signal(str)

    def __init__(self, operations: Operations, org_id: str, org_name: str,
                 client: RegistryClient | None, parent: QWidget | None = None, *,
                 query: dict[str, object] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("acceptTransferDialog")
        self.setWindowTitle(self.tr("Accept by transfer"))
        self._ops, self._org_id, self._client = operations, org_id, client
        self.matches: list[LookupMatch] = []
        self._busy = False
        intro = QLabel(self.tr(
            "Accept into «{org}» a union member registered in another organisation. Find the "
            "person in the union registry: it only tells in which organisation they are "
            "registered.").format(org=org_name), self)
        intro.setWordWrap(True)
        self.by_snils = QRadioButton(self.tr("By SNILS"), self)
        self.by_name = QRadioButton(self.tr("By full name and date of birth"), self)
        self.by_snils.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_snils)
        group.addButton(self.by_name)
        self.snils = MaskedField("000-000-000 00;_", self)
        self.last_name, self.first_name = QLineEdit(self), QLineEdit(self)
        self.birth_date = DateField(self)
        form = QFormLayout()
        form.addRow(self.by_snils)
        form.addRow(self.tr("SNILS"), self.snils)
        form.addRow(self.by_name)
        form.addRow(self.tr("Surname"), self.last_name)
        form.addRow(self.tr("First name"), self.first_name)
        form.addRow(self.tr("Date of birth"), self.birth_date)
        self.search_button = QPushButton(self.tr("Find in the registry"), self)
        self.result = QLabel(self)
        self.result.setObjectName("transferResult")
        self.result.setWordWrap(True)
        self.found = QListWidget(self)
        self.found.setVisible(False)
        self.on = DateField(self)
        self.on.set_value(date.today())
        self.comment = QLineEdit(self)
        self.comment.setMaxLength(1000)
        self.comment.setPlaceholderText(self.tr("For the organisation where the person is now"))
        when = QFormLayout()
        when.addRow(self.tr("Date of transfer"), self.on)
        when.addRow(self.tr("Comment to the request"), self.comment)
        self.accept_button = QPushButton(self.tr("Accept by transfer"), self)
        self.accept_button.setEnabled(False)
        self.request_button = QPushButton(self.tr("Request a transfer"), self)
        self.request_button.setObjectName("requestTransferButton")
        self.request_button.setEnabled(False)
        self.request_button.setToolTip(self.tr(
            "Ask the organisation where the person is registered to let them go; the member "
            "arrives after it agrees"))
        close = QPushButton(self.tr("Close"), self)
        for button in (self.search_button, self.accept_button, self.request_button, close):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.request_button)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(close)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(self.search_button)
        column.addWidget(self.result)
        column.addWidget(self.found)
        column.addLayout(when)
        column.addLayout(buttons)
        self.setMinimumWidth(520)
        self.search_button.clicked.connect(self.search)
        self.accept_button.clicked.connect(self.confirm)
        self.request_button.clicked.connect(self.ask)
        close.clicked.connect(self.reject)
        self.found.currentRowChanged.connect(lambda _row: self._update_accept())
        self.by_snils.toggled.connect(self._switch_mode)
        self.snils.returnPressed.connect(self.search)
        self._switch_mode()
        self._label = ""
        if client is None:
            self._show(self._offline_text(), error=True)
        elif query:
            self._prefill(query)
            self.search()

    def _prefill(self, query: dict[str, object]) -> None:
        """Start from what another flow already knows (an import row, a new card)."""
        if query.get("snils"):
            self.by_snils.setChecked(True)
            self.snils.setText(str(query["snils"]))
            return
        self.by_name.setChecked(True)
        self.last_name.setText(str(query.get("last_name") or ""))
        self.first_name.setText(str(query.get("first_name") or ""))
        born = query.get("birth_date")
        if isinstance(born, date):
            self.birth_date.set_value(born)

    # -- searching -----------------------------------------------------------------------------

    def _switch_mode(self) -> None:
        snils = self.by_snils.isChecked()
        self.snils.setEnabled(snils)
        for field in (self.last_name, self.first_name, self.birth_date):
            field.setEnabled(not snils)

    def _query(self) -> dict[str, object] | None:
        """What to ask the registry; None (with a message shown) when the input is not usable."""
        if self.by_snils.isChecked():
            try:
                snils = normalise_snils(self.snils.text())
            except ValueError:
                snils = ""
            if not snils or not is_valid_snils(snils):
                self._show(self.tr("Enter a valid SNILS (11 digits)."), error=True)
                return None
            self._label = self.tr("SNILS {snils}").format(snils=snils)
            return {"snils": snils}
        born = self.birth_date.value()
        last, first = self.last_name.text().strip(), self.first_name.text().strip()
        if not (last and first and isinstance(born, date)):
            self._show(self.tr("Enter the surname, the first name and the date of birth "
                               "(dd.mm.yyyy)."), error=True)
            return None
        self._label = f"{last} {first}, {born:%d.%m.%Y}"
        return {"last_name": last, "first_name": first, "birth_date": born}

    def search(self) -> None:
        if self._busy:
            return
        if self._client is None:
            self._show(self._offline_text(), error=True)
            return
        query = self._query()
        if query is None:
            return
        self._set_matches([])
        self._set_busy(True)
        self._show(self.tr("Searching the registry…"))
        client = self._client
        self._ops.long(lambda _context: client.find_member(**query), self._searched,
                       self._search_failed)

    def _searched(self, matches: list[LookupMatch]) -> None:
        if not isValid(self):
            return
        self._set_busy(False)
        self._set_matches(matches)
        if not matches:
            self._show(self.tr("Not found in the registry. If the person joins the union for "
                               "the first time, fill in a new member card instead."))
        elif all(m.org_id == self._org_id for m in matches):
            self._show(self.tr("This person is already registered in this organisation."),
                       error=True)
        elif self._chosen() is None and self._to_request() is not None:
            match = self._to_request()
            assert match is not None
            self._show(self.tr("Found in the organisation «{org}» (code {code}). It has not "
                               "marked the transfer: press «Request a transfer», and the member "
                               "arrives when it agrees.").format(
                org=match.org_name, code=match.org_code))
        elif self._chosen() is None:
            self._show(self.tr("Found, but removed from the register: a transfer is not "
                               "possible. Register the person as a new member or restore "
                               "them."), error=True)
        else:
            match = self._chosen()
            assert match is not None
            self._show(self.tr("Found in the organisation «{org}» (code {code}). Check the date "
                               "and press «Accept by transfer».").format(
                org=match.org_name, code=match.org_code))

    def _search_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._set_busy(False)
        if isinstance(exc, Offline):
            self._show(self._offline_text(), error=True)
        elif isinstance(exc, RegistryError):
            self._show(str(exc), error=True)
        else:
            log.error("registry lookup failed: %s", type(exc).__name__)
            self._show(self.tr("The search failed because of an internal error."), error=True)

    def _offline_text(self) -> str:
        return self.tr("The search needs a connection to the union registry, and there is none "
                       "now. Connect to the internet (or sign in to the registry) and search "
                       "again.")

    def _set_matches(self, matches: list[LookupMatch]) -> None:
        self.matches = list(matches)
        self.found.clear()
        for match in self.matches:
            text = self.tr("«{org}» (code {code})").format(org=match.org_name,
                                                           code=match.org_code)
            if match.org_id == self._org_id:
                text += " — " + self.tr("this organisation")
            elif match.requestable:
                text += " — " + self.tr("on the register there: request a transfer")
            elif not match.transferable:
                text += " — " + self.tr("removed from the register")
            self.found.addItem(QListWidgetItem(text))
        self.found.setVisible(len(self.matches) > 1)
        usable = [i for i, m in enumerate(self.matches) if self._usable(m) or m.requestable]
        self.found.setCurrentRow(usable[0] if usable else -1)
        self._update_accept()

    def _usable(self, match: LookupMatch) -> bool:
        return match.transferable and match.org_id != self._org_id

    def _chosen(self) -> LookupMatch | None:
        row = self.found.currentRow()
        if 0 <= row < len(self.matches) and self._usable(self.matches[row]):
            return self.matches[row]
        return None

    def _to_request(self) -> LookupMatch | None:
        row = self.found.currentRow()
        if 0 <= row < len(self.matches) and self.matches[row].requestable:
            return self.matches[row]
        return None

    # -- accepting -----------------------------------------------------------------------------

    def confirm(self) -> None:
        match = self._chosen()
        if self._busy or match is None:
            return
        on = self.on.value()
        if not isinstance(on, date):
            self._show(self.tr("Enter the date of transfer (dd.mm.yyyy)."), error=True)
            return
        org_id, handle = self._org_id, match.handle
        self._set_busy(True)
        self._ops.write(lambda session: accept_transfer(session, org_id, handle, on),
                        self._queued, self._refused)

    def ask(self) -> None:
        """«Запросить перевод»: queue a transfer request to the organisation found."""
        match = self._to_request()
        if self._busy or match is None:
            return
        on = self.on.value()
        if not isinstance(on, date):
            self._show(self.tr("Enter the date of transfer (dd.mm.yyyy)."), error=True)
            return
        org_id, comment, label = self._org_id, self.comment.text(), self._label
        self._set_busy(True)
        self._ops.write(lambda session: request_transfer(
            session, org_id, match.handle, on, other_org_id=match.org_id,
            other_org_name=match.org_name, other_org_code=match.org_code, person_label=label,
            comment=comment), self._asked, self._refused)

    def _asked(self, _done: object) -> None:
        if not isValid(self):
            return
        self._set_busy(False)
        self._set_matches([])
        self._show(self.tr("The transfer request is saved and goes to the other organisation "
                           "with the next synchronisation (F5). Its answer appears in «Transfer "
                           "requests»; the member's card arrives when it agrees."))
        self.requested.emit(self._org_id)

    def _queued(self, _done: object) -> None:
        if not isValid(self):
            return
        self._set_busy(False)
        self._set_matches([])
        self._show(self.tr("The transfer is accepted. It completes at the next synchronisation "
                           "with the registry (F5): the member's card then appears in the list "
                           "with their history, consent and union card."))
        self.queued.emit(self._org_id)

    def _refused(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._set_busy(False)
        if isinstance(exc, LifecycleRefused | RequestRefused):
            self._show(str(exc), error=True)
        else:
            log.error("queueing a transfer failed: %s", type(exc).__name__)
            self._show(self.tr("The transfer was not saved because of an internal error."),
                       error=True)

    # -- small things --------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.search_button.setEnabled(not busy)
        self._update_accept()

    def _update_accept(self) -> None:
        self.accept_button.setEnabled(not self._busy and self._chosen() is not None)
        self.request_button.setEnabled(not self._busy and self._chosen() is None
                                       and self._to_request() is not None)

    def _show(self, text: str, *, error: bool = False) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(f"color: {ERROR_COLOR if error else HINT_COLOR};")

"""What the «Заявки на ЭПБ» buttons do: each asks what it needs, runs its service on the writer
thread (one transaction, one undoable step) and tells the result in the workspace's banner."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox
from shiboken6 import isValid

from chairclient.services.card_requests import add_all_eligible, add_to_draft, remove_from_draft
from chairclient.services.card_steps import mark_broken, mark_cards
from chairclient.services.card_submit import SubmitDone, SubmitRefused, submit_request
from chairclient.services.steps import BulkRefused, BulkResult
from ui.bulk.dialogs import BulkDateDialog
from ui.bulk.texts import BulkTexts
from ui.card_requests.dialogs import BrokenCardDialog, PickMembersDialog
from ui.card_requests.tables import selected_ids
from ui.i18n.formats import format_date
from ui.operations import Operations
from ui.printing import DocumentKind, DocumentPrinter, DocumentRequest

if TYPE_CHECKING:
    from ui.card_requests.panel import CardRequestsPanel

log = logging.getLogger(__name__)
#: Up to this many skipped members are named in the banner (the reasons are always counted).
NAMED = 10


class CardRequestActions(QObject):
    """The buttons' slots; :attr:`dialog` is the open question (tests answer it)."""

    def __init__(self, operations: Operations, panel: CardRequestsPanel) -> None:
        super().__init__(panel)
        self._ops = operations
        self._panel = panel
        self.texts = BulkTexts(self)
        self.printer = DocumentPrinter(operations, panel)
        self.printer.message.connect(panel.message)
        self.dialog: QDialog | QMessageBox | None = None
        self.busy = False
        #: Called after a request was submitted (the main window starts a sync when signed in).
        self.after_submit: Callable[[], bool] = lambda: False
        p = panel
        p.add_button.clicked.connect(self.add_chosen)
        p.add_all_button.clicked.connect(self.add_all)
        p.remove_button.clicked.connect(self.remove_selected)
        p.submit_button.clicked.connect(self.submit)
        p.issue_button.clicked.connect(self.issue)
        p.print_button.clicked.connect(self.print_sheet)
        p.broken_button.clicked.connect(lambda: self.broken(self._received_ids()))
        p.tree_broken_button.clicked.connect(lambda: self.broken(p.tree.selected_members()))
        p.ship_button.clicked.connect(lambda: self.regional_step("shipped"))
        p.receive_button.clicked.connect(lambda: self.regional_step("received"))

    # -- the draft ----------------------------------------------------------------------------

    def add_chosen(self) -> None:
        ws = self._panel.workspace
        if ws is None or self.busy:
            return
        names = ws.eligibility.names
        dialog = PickMembersDialog(self._panel, [(m, names.get(m, m))
                                                 for m in self._panel.addable()])
        self._open(dialog, lambda: self._add(dialog.chosen()))

    def _add(self, ids: list[str]) -> None:
        self._run(lambda s: add_to_draft(s, ids))

    def add_all(self) -> None:
        org_id = self._panel.org_id
        if org_id is not None and not self.busy:
            self._run(lambda s: add_all_eligible(s, org_id))

    def remove_selected(self) -> None:
        ids = selected_ids(self._panel.draft_table)
        if ids and not self.busy:
            self._run(lambda s: remove_from_draft(s, ids))

    def submit(self) -> None:
        ws = self._panel.workspace
        if ws is None or ws.draft_id is None or not ws.draft or self.busy:
            return
        request_id = ws.draft_id
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Submit the card request"),
                          self.tr("Submit the request for %n card(s)?", "", len(ws.draft)),
                          QMessageBox.StandardButton.NoButton, self._panel)
        box.setInformativeText(self.tr(
            "It will be processed on %1; the cards are expected in the region by %2. The "
            "request goes to the registry with the next synchronisation; without a connection "
            "it waits on this computer and is sent as soon as the registry can be reached.")
            .replace("%1", format_date(ws.next_processing))
            .replace("%2", format_date(ws.expected_arrival)))
        send = box.addButton(self.tr("Submit"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(send)

        def answered() -> None:
            if box.clickedButton() is send:
                self._start(lambda s: submit_request(s, request_id), self._submitted)

        self._open(box, answered, accepted_only=False)

    def _submitted(self, done: SubmitDone) -> None:
        syncing = self.after_submit()
        text = self.tr("The request for %n card(s) is submitted", "", done.lines) + "; " + (
            self.tr("it is being sent to the registry now.") if syncing else self.tr(
                "it waits on this computer and goes to the registry with the next "
                "synchronisation (F5)."))
        self._finish(text, "info", done.members)

    # -- cards --------------------------------------------------------------------------------

    def _received_ids(self) -> list[str]:
        ws = self._panel.workspace
        chosen = selected_ids(self._panel.received_table)
        return chosen or ([line.member_id for line in ws.received] if ws else [])

    def issue(self) -> None:
        ids = self._received_ids()
        if not ids or self.busy:
            return
        dialog = BulkDateDialog(self._panel, self.tr("Cards issued to members"),
                                self.tr("Issued on:"), len(ids))
        self._open(dialog, lambda: self._step(ids, "issued", self._date(dialog)))

    def print_sheet(self) -> bool:
        """The hand-over sheet (ведомость выдачи) of the selected received cards, or of all."""
        org_id = self._panel.org_id
        if org_id is None:
            return False
        chosen = tuple(selected_ids(self._panel.received_table)) or None
        return self.printer.print_document(DocumentRequest(DocumentKind.HANDOVER, org_id, chosen))

    def broken(self, ids: list[str]) -> None:
        if not ids or self.busy:
            return
        dialog = BrokenCardDialog(self._panel, len(ids))
        def chosen() -> None:  # read on the UI thread: the dialog is gone when the work runs
            status, on, reissue = (dialog.chosen_status(), self._date(dialog),
                                   dialog.reissue.isChecked())
            self._run(lambda s: mark_broken(s, ids, status, on, reissue=reissue))

        self._open(dialog, chosen)

    def regional_step(self, target: str) -> None:
        ws = self._panel.workspace
        if ws is None or self.busy:
            return
        ids = selected_ids(self._panel.regional_table) or [line.member_id for line in ws.regional]
        if not ids:
            return
        title = (self.tr("Cards shipped to the region") if target == "shipped"
                 else self.tr("Cards received by the organisation"))
        label = self.tr("Shipped on:") if target == "shipped" else self.tr("Received on:")
        dialog = BulkDateDialog(self._panel, title, label, len(ids))
        self._open(dialog, lambda: self._step(ids, target, self._date(dialog)))

    def _step(self, ids: list[str], target: str, on: date) -> None:
        self._run(lambda s: mark_cards(s, ids, target, on))

    # -- plumbing -----------------------------------------------------------------------------

    @staticmethod
    def _date(dialog: BulkDateDialog) -> date:
        chosen = dialog.chosen_date()
        assert chosen is not None  # the dialog accepts only a date
        return chosen

    def _open(self, dialog: QDialog | QMessageBox, then: Callable[[], None], *,
              accepted_only: bool = True) -> None:
        self.dialog = dialog

        def closed(code: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if not accepted_only or code == QDialog.DialogCode.Accepted:
                then()

        dialog.finished.connect(closed)
        dialog.open()

    def _run(self, work: Callable[[Any], BulkResult]) -> None:
        self._start(work, self._done)

    def _start(self, work: Callable[[Any], Any], done: Callable[[Any], None]) -> None:
        self.busy = True
        self._panel.refresh_enabled()
        self._ops.write(work, lambda result: self._alive() and done(result),
                        lambda error: self._alive() and self._failed(error))

    def _alive(self) -> bool:
        return isValid(self) and isValid(self._panel)

    def _done(self, result: BulkResult) -> None:
        text = self.texts.result(result)
        if result.reissued:
            text += " " + self.tr("New cards for %n union member(s) added to the draft "
                                  "request.", "", len(result.reissued))
        if 0 < len(result.skipped) <= NAMED:
            text += " " + self.texts.details(result).replace("\n", "; ")
        self._finish(text, "warning" if result.skipped else "info", result.done)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, SubmitRefused | BulkRefused):
            text = str(error)
        else:
            log.error("card request action failed: %s", type(error).__name__)
            text = self.texts.failed()
        self._finish(text, "error", [])

    def _finish(self, text: str, kind: str, changed: list[str]) -> None:
        self.busy = False
        panel = self._panel
        panel.banner.show_message(_html(text), kind)
        panel.message.emit(text)
        panel.reload()
        if changed:
            panel.changed.emit(changed)
        panel.refresh_enabled()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

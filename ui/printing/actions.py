"""Entry points of printing: the «Документы» menu, the member list's context menu, the card."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QMenuBar, QPushButton, QWidget

from ui.operations import Operations
from ui.printing.documents import DocumentKind, DocumentRequest
from ui.printing.printer import DocumentPrinter

OrgId = Callable[[], str | None]
Selection = Callable[[], list[str]]


class DocumentActions(QObject):
    """The print actions of the main window; they act on the chosen organisation and on the
    members selected in the list."""

    def __init__(self, operations: Operations, parent: QWidget, org_id: OrgId,
                 selection: Selection) -> None:
        super().__init__(parent)
        self._org_id = org_id
        self._selection = selection
        self.printer = DocumentPrinter(operations, parent)
        make = self._make
        self.consent_selected = make(self.tr("&Consents for the selected members…"),
                                     DocumentKind.CONSENT, selected=True)
        self.consent_missing = make(self.tr("Consents for &everyone without a consent…"),
                                    DocumentKind.CONSENT, selected=False)
        self.handout_selected = make(self.tr("PROFCARDS &handouts for the selected members…"),
                                     DocumentKind.HANDOUT, selected=True)
        self.handover_selected = make(self.tr("Hand-over &sheet for the selected members…"),
                                      DocumentKind.HANDOVER, selected=True)
        self.handover_received = make(self.tr("Hand-over sheet for all cards «&RECEIVED»…"),
                                      DocumentKind.HANDOVER, selected=False)
        self.selection_actions = [self.consent_selected, self.handout_selected,
                                  self.handover_selected]

    def _make(self, text: str, kind: DocumentKind, *, selected: bool) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda: self.print(kind, selected=selected))
        return action

    def print(self, kind: DocumentKind, *, selected: bool) -> bool:
        """Print ``kind`` for the selected members, or for everyone it concerns."""
        org_id = self._org_id()
        if org_id is None:
            return False
        ids = tuple(self._selection()) if selected else None
        if selected and not ids:
            self.printer.message.emit(self.tr("Select members in the list first"))
            return False
        return self.printer.print_document(DocumentRequest(kind, org_id, ids))

    def update_enabled(self, has_org: bool, selected: int) -> None:
        for action in self.selection_actions:
            action.setEnabled(has_org and selected > 0)
        for action in (self.consent_missing, self.handover_received):
            action.setEnabled(has_org)

    def add_menu(self, bar: QMenuBar, before: QAction | None = None) -> QMenu:
        """The «Документы» menu, inserted before ``before`` (or appended)."""
        menu = QMenu(self.tr("&Documents"), bar)
        menu.addActions([self.consent_selected, self.consent_missing])
        menu.addSeparator()
        menu.addAction(self.handout_selected)
        menu.addSeparator()
        menu.addActions([self.handover_selected, self.handover_received])
        menu.aboutToShow.connect(lambda: self.update_enabled(
            self._org_id() is not None, len(self._selection())))
        if before is None:
            bar.addMenu(menu)
        else:
            bar.insertMenu(before, menu)
        return menu


class CardPrinting(QObject):
    """The member card's «Печать» button (consent, Ctrl+P; PROFCARDS handout)."""

    def __init__(self, operations: Operations, dialog: QWidget) -> None:
        """``dialog`` has ``org_id``, ``member_id`` and ``has_unsaved_changes()``."""
        super().__init__(dialog)
        self.printer = DocumentPrinter(operations, dialog)
        self.button = QPushButton(self.tr("Print"), dialog)
        self.button.setAutoDefault(False)
        self.button.setToolTip(self.tr("Print the consent to personal-data processing (Ctrl+P) "
                                       "or the PROFCARDS handout"))
        menu = QMenu(self.button)
        # The key works through the dialog-wide shortcut below; the text after \t shows it.
        consent = menu.addAction(self.tr("Consent to personal-data processing") + "\tCtrl+P")
        consent.triggered.connect(lambda: self.print(DocumentKind.CONSENT))
        handout = menu.addAction(self.tr("PROFCARDS handout"))
        handout.triggered.connect(lambda: self.print(DocumentKind.HANDOUT))
        self.button.setMenu(menu)
        self.shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), dialog,
                                  context=Qt.ShortcutContext.WindowShortcut)
        self.shortcut.activated.connect(lambda: self.print(DocumentKind.CONSENT))
        self.status = ""

    def print(self, kind: DocumentKind) -> bool:
        dialog = self.parent()
        member_id = dialog.member_id
        if member_id is None or dialog.has_unsaved_changes():
            self.status = self.tr("Save the card first (Ctrl+S): the document prints the "
                                  "saved data.")
            self.printer.message.emit(self.status)
            return False
        return self.printer.print_document(DocumentRequest(kind, dialog.org_id, (member_id,)))

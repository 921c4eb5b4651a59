"""«Закрыть организацию…» and «Открыть снова» in the organisation tree's context menu.

Offered where the rule of :mod:`chairclient.domain.closure` says the user may ask for it (a
territorial or regional chair or the administrator over the organisation; reopening: the
administrator), judged by the positions the registry sent with the last sign-in or token
refresh; the registry decides for certain. Both queue a command and start a sync: the tree
and the lists update when it has brought the registry's result. Without a registry (a local
database opened alone) neither is offered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import isValid

from chairclient.queries.closure import ClosureFacts, closure_facts
from chairclient.services.closure import ClosureRefused, reopen_organisation
from ui.operations import Operations
from ui.org_tree import OrgScope, OrgTreePanel

if TYPE_CHECKING:
    from sync.client import RegistryClient
    from ui.closure.dialog import CloseOrganisationDialog


class ClosureActions(QObject):
    """The two actions for the organisation chosen in the tree. :attr:`queued` fires once a
    command waits for the sync; :attr:`message` carries a sentence for the status bar."""

    queued = Signal()
    message = Signal(str)

    def __init__(self, operations: Operations, tree: OrgTreePanel, parent: QWidget) -> None:
        super().__init__(parent)
        self._ops, self._tree, self._window = operations, tree, parent
        self._client: RegistryClient | None = None
        self._facts: ClosureFacts | None = None
        self.dialog: CloseOrganisationDialog | QMessageBox | None = None
        self.close_action = QAction(self.tr("&Close the organisation…"), self)
        self.close_action.setToolTip(self.tr(
            "Liquidation or merger into another organisation of the same superior"))
        self.reopen_action = QAction(self.tr("&Reopen the organisation"), self)
        self.close_action.triggered.connect(self.close_organisation)
        self.reopen_action.triggered.connect(self.reopen)
        for action in (self.close_action, self.reopen_action):
            action.setEnabled(False)
            action.setVisible(False)
        tree.view.addActions([self.close_action, self.reopen_action])
        tree.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        tree.organisation_selected.connect(self.set_scope)
        tree.loaded.connect(lambda _count: self._reread())  # after a sync: closed? positions?

    @classmethod
    def attach(cls, window: Any, *, operations: Operations) -> ClosureActions:
        """The actions of the main ``window``'s tree; once a command is queued the window
        synchronises (or, without a registry, reads everything again)."""
        actions = cls(operations, window.tree, window)
        actions.message.connect(lambda text: window.status.showMessage(text, 10000))
        actions.queued.connect(window.refresh)
        return actions

    def follow(self, controller: Any) -> None:
        """Use the sync ``controller``'s registry client (its positions say what to offer),
        and read the facts again after each sync (a token refresh may have brought them)."""
        self._client = controller.client
        controller.finished.connect(lambda _result: self._reread())
        self._reread()

    def positions(self) -> list[tuple[str, str]]:
        """The user's positions (organisation id, role) as the registry last sent them."""
        client = self._client
        return [(p.org_id, p.role) for p in client.positions] if client is not None else []

    def set_scope(self, scope: OrgScope) -> None:
        """Read what the chosen organisation allows (in the background)."""
        self._facts = None
        for action in (self.close_action, self.reopen_action):
            action.setEnabled(False)
        positions = self.positions()
        self._ops.read(lambda session: closure_facts(session, scope.id, positions),
                       self._loaded, lambda _exc: None)

    def _reread(self) -> None:
        if self._tree.current is not None:
            self.set_scope(self._tree.current)

    def _loaded(self, facts: ClosureFacts) -> None:
        current = self._tree.current
        if not isValid(self) or current is None or current.id != facts.org_id:
            return  # another organisation was chosen meanwhile
        self._facts = facts
        closed = facts.closed_on is not None
        self.close_action.setVisible(facts.may_close)
        self.close_action.setEnabled(facts.may_close and not closed and not facts.pending)
        self.reopen_action.setVisible(facts.may_reopen and closed)
        self.reopen_action.setEnabled(facts.may_reopen and closed and not facts.pending)

    def close_organisation(self) -> CloseOrganisationDialog | None:
        """Open the dialog for the chosen organisation (returned for tests)."""
        if self._facts is None or not self.close_action.isEnabled():
            return None
        from ui.closure.dialog import CloseOrganisationDialog

        dialog = CloseOrganisationDialog(self._ops, self._facts, self.positions(),
                                         self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.queued.connect(lambda queued: self._announce(self.tr(
            "The closure of the organisation (%n member(s)) goes to the registry with the "
            "synchronisation.", "", queued.affected)))
        self.dialog = dialog
        dialog.open()
        return dialog

    def reopen(self) -> QMessageBox | None:
        """Ask, then queue the reopening (returned for tests)."""
        facts, positions = self._facts, self.positions()
        if facts is None or not self.reopen_action.isEnabled():
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Reopen the organisation"),
                          self.tr("Reopen «%1»?").replace("%1", facts.name),
                          QMessageBox.StandardButton.NoButton, self._window)
        box.setInformativeText(self.tr(
            "Its chair gets access again. Members removed by the liquidation stay removed "
            "(restore them one by one); members transferred by a merger stay where they are."))
        yes = box.addButton(self.tr("Reopen"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        self.dialog = box

        def answered() -> None:
            self.dialog = None
            box.deleteLater()
            if box.clickedButton() is yes:
                self._ops.write(lambda session: reopen_organisation(
                    session, facts.org_id, positions=positions),
                                lambda _q: self._announce(self.tr(
                                    "The reopening goes to the registry with the "
                                    "synchronisation.")), self._failed)

        box.finished.connect(lambda _code: answered())
        box.open()
        return box

    def _announce(self, text: str) -> None:
        if isValid(self):
            self.reopen_action.setEnabled(False)
            self.close_action.setEnabled(False)
            self.message.emit(text)
            self.queued.emit()

    def _failed(self, exc: BaseException) -> None:
        if isValid(self):
            self.message.emit(str(exc) if isinstance(exc, ClosureRefused) else self.tr(
                "Nothing was saved because of an internal error."))

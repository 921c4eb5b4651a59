"""«Действия с выбранными»: bulk actions on the member list's selection, and Правка → Отменить.

Each action asks what it needs (a date, a category), then runs its service on the writer
thread in ONE transaction with a progress dialog (Отмена rolls everything back), and reports
the result in Russian. The last unsynced action can be undone (Ctrl+Z): the item names it, and
when it cannot be undone any more it is disabled with the reason in its tooltip.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QToolButton, QWidget
from shiboken6 import isValid

from chairclient.services import bulk, bulk_lifecycle, roles
from chairclient.services.card_requests import add_to_draft
from chairclient.services.steps import BulkResult
from chairclient.services.undo import CannotUndo, StepInfo, UndoDone, last_step, undo_last_step
from ui.bulk.dialogs import BulkDateDialog
from ui.bulk.texts import BulkTexts
from ui.lifecycle import REMOVE, RESTORE, LifecycleDialog
from ui.operations import Operations
from ui.printing.background import BackgroundTask, run_in_background
from ui.roles import RoleDialog

log = logging.getLogger(__name__)

Selection = Callable[[], list[str]]
#: ``run(session, member_ids, step)`` → BulkResult, inside the action's transaction.
Run = Callable[[Any, list[str], Callable[[int, int], None]], BulkResult]


class BulkActions(QObject):
    """The actions, their menu, and the undo item of the main window."""

    #: An action or an undo changed these members (the views refresh them).
    changed = Signal(list)
    #: A short text for the status bar.
    message = Signal(str)

    def __init__(self, operations: Operations, parent: QWidget, selection: Selection,
                 extra: list[QAction] | None = None) -> None:
        super().__init__(parent)
        self._ops = operations
        self._selection = selection
        self.texts = BulkTexts(self)
        #: Whether a sync is running (the main window sets it when signed in).
        self.sync_running: Callable[[], bool] = lambda: False
        self.task: BackgroundTask | None = None
        self.dialog: QDialog | None = None
        self.result_box: QMessageBox | None = None
        self.last: StepInfo | None = None
        self.button: QToolButton | None = None
        self._undoing = False
        self._reads = 0

        self.consent_action = self._make(self.tr("Mark &consent received…"), self.mark_consent)
        self.request_action = self._make(self.tr("Add to the card &request"),
                                         self.add_to_request)
        self.received_action = self._make(self.tr("Mark cards r&eceived…"),
                                          lambda: self.mark_cards("received"))
        self.issued_action = self._make(self.tr("Mark cards &issued…"),
                                        lambda: self.mark_cards("issued"))
        self.category_action = self._make(self.tr("Change c&ategory…"), self.change_category)
        self.remove_action = self._make(self.tr("Remove from the re&gister…"),
                                        self.remove_members)
        self.restore_action = self._make(self.tr("Res&tore on the register…"),
                                         self.restore_members)
        self.role_action = self._make(self.tr("Appoint to a union o&ffice…"),
                                      self.appoint_office)
        self.actions = [self.consent_action, self.request_action, self.received_action,
                        self.issued_action, self.category_action, self.role_action,
                        self.remove_action, self.restore_action]
        self.menu = QMenu(self.tr("Actions with &selected"), parent)
        self.menu.addActions(self.actions)
        if extra:
            self.menu.addSeparator()
            self.menu.addActions(extra)
        self.menu.aboutToShow.connect(self.update_enabled)

        self.undo_action = QAction(self.texts.undo_text(None, 0), self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.triggered.connect(self.undo)
        self._show_undo(None, None)

    def watch_sync(self, controller: Any) -> None:
        """While a sync runs nothing can be undone; after it, the last step may be sent."""
        self.sync_running = lambda: bool(controller.running)
        controller.changed.connect(lambda: self._show_undo(self.last, None))
        controller.finished.connect(lambda _report: self.refresh_undo())
        self.changed.connect(lambda _ids: controller.refresh_counts())

    def _make(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    @property
    def _parent(self) -> QWidget:
        return self.parent()

    def tool_button(self, parent: QWidget) -> QToolButton:
        """A «Действия с выбранными ▾» button for the list's top row."""
        button = QToolButton(parent)
        button.setText(self.menu.title().replace("&", ""))
        button.setToolTip(self.tr("Actions with the members selected in the list"))
        button.setMenu(self.menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        return button

    # -- enabling -----------------------------------------------------------------------------

    def update_enabled(self, count: int | None = None) -> None:
        count = len(self._selection()) if count is None else count
        for action in self.actions:
            action.setEnabled(count > 0 and not self.busy)

    @property
    def busy(self) -> bool:
        return self.task is not None or self._undoing

    def refresh_undo(self) -> None:
        """Read the last step again and update Правка → Отменить."""

        self._reads += 1
        asked = self._reads

        def arrived(info: StepInfo | None) -> None:
            if isValid(self) and asked == self._reads:  # a newer read may have overtaken
                self._show_undo(info, None)

        self._ops.read(last_step, arrived, lambda _e: None)

    def _show_undo(self, info: StepInfo | None, override: str | None) -> None:
        self.last = info
        count = int(info.summary.get("count", 0)) if info else 0
        self.undo_action.setText(self.texts.undo_text(info.action if info else None, count))
        reason = override or (info.blocked if info else "none")
        if reason is None and self.sync_running():
            reason = "sync"
        if reason is None and self.busy:
            reason = "busy"
        self.undo_action.setEnabled(reason is None)
        tip = "" if reason is None else self.texts.why_not(reason)
        self.undo_action.setToolTip(tip or self.undo_action.text().replace("&", ""))
        self.undo_action.setStatusTip(tip)

    # -- the actions --------------------------------------------------------------------------

    def mark_consent(self) -> None:
        self._ask(self.tr("Consent received"), self.tr("Date signed:"), False,
                  lambda on, _c: (lambda s, ids, step: bulk.mark_consent(
                      s, ids, on, progress=step)))

    def add_to_request(self) -> None:
        self._start(lambda s, ids, step: add_to_draft(s, ids, progress=step))

    def mark_cards(self, target: str) -> None:
        title = (self.tr("Cards received") if target == "received"
                 else self.tr("Cards issued to members"))
        label = self.tr("Received on:") if target == "received" else self.tr("Issued on:")
        self._ask(title, label, False, lambda on, _c: (lambda s, ids, step: bulk.mark_cards(
            s, ids, target, on, progress=step)))

    def change_category(self) -> None:
        self._ask(self.tr("Change category"), self.tr("Changed on:"), True,
                  lambda on, category: (lambda s, ids, step: bulk.change_category(
                      s, ids, category, on, progress=step)))

    def remove_members(self) -> None:
        """«Снять с учёта…»: the reasons are read first (off the UI thread), then asked."""
        ids = self._selection()
        if ids and not self.busy:
            self._ops.read(bulk_lifecycle.removal_reasons,
                           lambda reasons: self._ask_lifecycle(REMOVE, ids, reasons),
                           lambda _error: None)

    def restore_members(self) -> None:
        ids = self._selection()
        if ids and not self.busy:
            self._ask_lifecycle(RESTORE, ids, [])

    def appoint_office(self) -> None:
        """«Назначить на должность…»: the offices are read first, then asked."""
        ids = self._selection()
        if ids and not self.busy:
            self._ops.read(roles.union_roles, lambda found: self._ask_office(ids, found),
                           lambda _error: None)

    def _ask_office(self, ids: list[str], found: list[tuple[str, str]]) -> None:
        if not isValid(self) or self.busy or self.dialog is not None:
            return
        dialog = RoleDialog(self._parent, found, count=len(ids))
        self.dialog = dialog

        def accepted() -> None:
            role, since = dialog.chosen_role(), dialog.chosen_since()
            until, body, name = (dialog.chosen_until(), dialog.chosen_body(),
                                 dialog.chosen_body_name())
            assert role is not None and since is not None
            self._start(lambda s, chosen, step: roles.appoint(
                s, chosen, role, since, until=until, body=body, body_name=name, progress=step),
                ids)

        def closed(_code: int) -> None:
            self.dialog = None
            dialog.deleteLater()

        dialog.accepted.connect(accepted)
        dialog.finished.connect(closed)
        dialog.open()

    def _ask_lifecycle(self, mode: str, ids: list[str], reasons: list[tuple[str, str]]) -> None:
        if not isValid(self) or self.busy or self.dialog is not None:
            return
        dialog = LifecycleDialog(self._parent, mode, count=len(ids), reasons=reasons)
        self.dialog = dialog

        def accepted() -> None:
            on, reason, note = dialog.chosen_date(), dialog.chosen_reason(), dialog.chosen_note()
            assert on is not None
            if mode == REMOVE:
                assert reason is not None
                self._start(lambda s, chosen, step: bulk_lifecycle.remove_members(
                    s, chosen, reason, on, note=note, progress=step), ids)
            else:
                self._start(lambda s, chosen, step: bulk_lifecycle.restore_members(
                    s, chosen, on, note=note, progress=step), ids)

        def closed(_code: int) -> None:
            self.dialog = None
            dialog.deleteLater()

        dialog.accepted.connect(accepted)
        dialog.finished.connect(closed)
        dialog.open()

    def _ask(self, title: str, label: str, categories: bool,
             make: Callable[[date, str], Run]) -> None:
        ids = self._selection()
        if not ids or self.busy:
            return
        dialog = BulkDateDialog(self._parent, title, label, len(ids), categories=categories)
        self.dialog = dialog

        def accepted() -> None:
            on = dialog.chosen_date()
            assert on is not None
            self._start(make(on, dialog.chosen_category()), ids)

        def closed(_code: int) -> None:
            self.dialog = None
            dialog.deleteLater()

        dialog.accepted.connect(accepted)
        dialog.finished.connect(closed)
        dialog.open()

    def _start(self, run: Run, ids: list[str] | None = None) -> None:
        ids = self._selection() if ids is None else ids
        if not ids or self.busy:
            return
        db = self._ops.db
        finished: dict[str, BulkResult] = {}

        def work(step: Callable[[int, int], None]) -> BulkResult:
            with db.transaction() as session:
                result = run(session, ids, step)
            finished["result"] = result  # committed: Отмена from now on is too late
            return result

        self.task = run_in_background(self._ops, self._parent, self.tr("Changing members…"),
                                      work, self._done, self._failed, writes=True)
        self.task.cancelled.connect(
            lambda: self._done(finished["result"]) if finished else self._cancelled())
        self.update_enabled(0)
        self._show_undo(self.last, "busy")

    def _done(self, result: BulkResult) -> None:
        self.task = None
        text = self.texts.result(result)
        self.message.emit(text)
        box = QMessageBox(QMessageBox.Icon.Information, self.menu.title().replace("&", ""),
                          text, QMessageBox.StandardButton.Ok, self._parent)
        box.setObjectName("bulkResultBox")
        if result.skipped:
            box.setDetailedText(self.texts.details(result))
        box.finished.connect(lambda _r: box.deleteLater())
        self.result_box = box
        box.open()
        self._after(result.done)

    def _failed(self, error: BaseException) -> None:
        self.task = None
        log.error("bulk action failed: %s", type(error).__name__)
        text = str(error) if isinstance(error, bulk.BulkRefused) else self.texts.failed()
        box = QMessageBox(QMessageBox.Icon.Warning, self.menu.title().replace("&", ""), text,
                          QMessageBox.StandardButton.Ok, self._parent)
        box.finished.connect(lambda _r: box.deleteLater())
        self.result_box = box
        box.open()
        self._after([])

    def _cancelled(self) -> None:
        self.task = None
        self.message.emit(self.tr("Cancelled; nothing was changed."))
        self._after([])

    def _after(self, changed: list[str]) -> None:
        self.update_enabled()
        self.refresh_undo()
        if changed:
            self.changed.emit(changed)

    # -- undo ---------------------------------------------------------------------------------

    def undo(self) -> None:
        """Ctrl+Z: undo the step the menu names (re-checked in the transaction)."""
        if self.last is None or self.busy or not self.undo_action.isEnabled():
            return
        step_id = self.last.step_id
        self._undoing = True
        self._show_undo(self.last, "busy")
        self.update_enabled()
        self._ops.write(lambda session: undo_last_step(session, step_id), self._undone,
                        self._undo_failed)

    def _undone(self, done: UndoDone) -> None:
        self._undoing = False
        self.message.emit(self.texts.undone(done.action, int(done.summary.get("count", 0))))
        self._after(done.members)

    def _undo_failed(self, error: BaseException) -> None:
        self._undoing = False
        code = error.code if isinstance(error, CannotUndo) else None
        text = self.texts.why_not(code) if code else self.texts.failed()
        if not isinstance(error, CannotUndo):
            log.error("undo failed: %s", type(error).__name__)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Undo"), text,
                          QMessageBox.StandardButton.Ok, self._parent)
        box.finished.connect(lambda _r: box.deleteLater())
        self.result_box = box
        box.open()
        self._after([])

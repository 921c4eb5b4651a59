"""«Снять с учёта…» and «Восстановить…» from the member card.

The card runs the same action as the member list's selection (one member), so the change is one
undo step of Правка → Отменить like any bulk action. The dialog stays open with the service's
reason when the member cannot be removed or restored with that date.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from shiboken6 import isValid

from chairclient.services import bulk_lifecycle
from chairclient.services.steps import BulkRefused, BulkResult
from ui.lifecycle import REMOVE, LifecycleDialog
from ui.operations import Operations

if TYPE_CHECKING:
    from ui.member_card.data import MemberCardData

log = logging.getLogger(__name__)


class CardLifecycle(QObject):
    """Opens the dialog for the card's member; ``done(member_id)`` after a saved change."""

    def __init__(self, operations: Operations, parent, done: Callable[[str], None],
                 refuse: Callable[[str], None]) -> None:
        super().__init__(parent)
        self._ops = operations
        self._done = done
        self._refuse = refuse
        self.dialog: LifecycleDialog | None = None

    def open(self, mode: str, data: MemberCardData | None, name: str, modified: bool) -> None:
        if data is None or data.member_id is None or self.dialog is not None:
            return
        if modified:
            self._refuse(self.tr("Save or cancel the changes of the card first."))
            return
        member_id = data.member_id
        dialog = LifecycleDialog(self.parent(), mode, name=name,
                                 reasons=data.references.removal_choices,
                                 submit=lambda d: self._submit(d, member_id))
        self.dialog = dialog

        def closed(_code: int) -> None:
            self.dialog = None
            dialog.deleteLater()

        dialog.finished.connect(closed)
        dialog.open()

    def _submit(self, dialog: LifecycleDialog, member_id: str) -> None:
        on, reason, note = dialog.chosen_date(), dialog.chosen_reason(), dialog.chosen_note()
        assert on is not None
        if dialog.mode == REMOVE:
            assert reason is not None

            def work(session) -> BulkResult:
                return bulk_lifecycle.remove_members(session, [member_id], reason, on, note=note)
        else:
            def work(session) -> BulkResult:
                return bulk_lifecycle.restore_members(session, [member_id], on, note=note)

        def finished(result: BulkResult) -> None:
            if not isValid(dialog):
                return
            if result.done:
                dialog.succeeded()
                self._done(member_id)
            else:
                reason_text = result.skipped[0].reason if result.skipped else ""
                dialog.failed(reason_text[:1].upper() + reason_text[1:])

        def failed(error: BaseException) -> None:
            if not isValid(dialog):
                return
            if isinstance(error, BulkRefused):
                dialog.failed(str(error))
            else:
                log.error("removal or restoration failed: %s", type(error).__name__)
                dialog.failed(self.tr("Nothing was saved because of an internal error."))

        self._ops.write(work, finished, failed)

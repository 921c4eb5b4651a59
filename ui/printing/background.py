"""One long operation with a progress dialog and Отмена, run through :meth:`Operations.long`.

Shared by printing and reports: the work function gets a ``progress(done, total)`` callback
that reports to the dialog and raises :class:`~ui.operations.Cancelled` once Отмена was
pressed (the report builders then stop and leave no file).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from ui.operations import Cancelled, OperationContext, Operations

# progress(done, total): called by the report builders; raises Cancelled after Отмена.
Step = Callable[[int, int], None]
Work = Callable[[Step], Any]

# The dialog appears only when the work lasts longer than this (quick jobs do not flicker).
SHOW_AFTER_MS = 400


class BackgroundTask(QObject):
    """Runs ``work(step)`` off the UI thread; emits :attr:`finished` or :attr:`failed`.

    :attr:`cancelled` is emitted instead when the person pressed Отмена.
    """

    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, operations: Operations, parent: QWidget, label: str) -> None:
        super().__init__(parent)
        self._ops = operations
        self.context: OperationContext | None = None
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(self.tr("Please wait"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)

    @property
    def running(self) -> bool:
        return self.context is not None

    def start(self, work: Work, *, writes: bool = False) -> OperationContext:
        """Start ``work`` (on the writer thread if it ``writes``); returns the operation's
        context (its ``cancel()`` stops the work)."""

        def run(context: OperationContext) -> Any:
            def step(done: int, total: int) -> None:
                context.check()
                context.progress(done, total, "")

            context.check()
            result = work(step)
            context.check()
            return result

        self.context = self._ops.long(run, self._done, self._error, self._progress,
                                      writes=writes)
        self.dialog.setValue(0)
        return self.context

    def cancel(self) -> None:
        """Отмена: the work stops at its next step."""
        if self.context is not None:
            self.context.cancel()
            self.dialog.setLabelText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int, _text: str) -> None:
        if isValid(self.dialog) and total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _close(self) -> None:
        self.context = None
        if isValid(self.dialog):
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()

    def _done(self, result: Any) -> None:
        self._close()
        self.finished.emit(result)
        self.deleteLater()

    def _error(self, error: BaseException) -> None:
        self._close()
        if isinstance(error, Cancelled):
            self.cancelled.emit()
        else:
            self.failed.emit(error)
        self.deleteLater()


def run_in_background(operations: Operations, parent: QWidget, label: str, work: Work,
                      on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None] | None = None, *,
                      writes: bool = False) -> BackgroundTask:
    """Start ``work`` with a progress dialog; ``on_done(result)`` on the UI thread."""
    task = BackgroundTask(operations, parent, label)
    task.finished.connect(on_done)
    if on_error is not None:
        task.failed.connect(on_error)
    task.start(work, writes=writes)
    return task

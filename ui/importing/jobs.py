"""One background job at a time for a wizard page, whose late results are dropped when stale."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from shiboken6 import isValid

from ui.operations import OperationContext, Operations

Step = Callable[[int, int], None]


class PageJob(QObject):
    """Runs ``work(step)`` through :meth:`Operations.long`; ``step(done, total)`` reports
    progress and raises :class:`~ui.operations.Cancelled` after :meth:`cancel`.

    Starting a new job, or :meth:`forget`, drops the results of the one before; a job whose
    owner is gone delivers nothing.
    """

    def __init__(self, operations: Operations, parent: QObject) -> None:
        super().__init__(parent)
        self._ops = operations
        self._generation = 0
        self.context: OperationContext | None = None

    @property
    def running(self) -> bool:
        return self.context is not None

    def start(self, work: Callable[[Step], Any], done: Callable[[Any], None],
              failed: Callable[[BaseException], None],
              progress: Callable[[int, int], None] | None = None, *,
              writes: bool = False) -> OperationContext:
        self.forget()
        self._generation += 1
        generation = self._generation

        def current() -> bool:
            return isValid(self) and generation == self._generation

        def run(context: OperationContext) -> Any:
            def step(done_: int, total: int) -> None:
                context.check()
                context.progress(done_, total, "")

            return work(step)

        def finished(result: Any) -> None:
            if current():
                self.context = None
                done(result)

        def error(exc: BaseException) -> None:
            if current():
                self.context = None
                failed(exc)

        def moved(done_: int, total: int, _text: str) -> None:
            if current() and progress is not None:
                progress(done_, total)

        self.context = self._ops.long(run, finished, error, moved, writes=writes)
        return self.context

    def cancel(self) -> None:
        """Ask the job to stop at its next step; its outcome is still delivered."""
        if self.context is not None:
            self.context.cancel()

    def forget(self) -> None:
        """Stop the job and drop whatever it delivers."""
        self.cancel()
        self._generation += 1
        self.context = None

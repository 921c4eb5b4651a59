"""Background work: database reads and writes and long operations, off the UI thread.

One rule shapes this module: the UI thread never waits on the database, the network or a
file. Writes go to a single writer thread (SQLite has one writer; ordering stays obvious);
reads and long operations run in a shared pool, each with its own session. Results and errors
are delivered back on the UI thread through queued Qt signals.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from sqlalchemy.orm import Session

from chairclient.db.engine import Database

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
Progress = Callable[[int, int, str], None]


class Cancelled(Exception):
    """Raised inside an operation when the person pressed Cancel."""


class OperationContext:
    """Handed to a long operation: report progress and check for cancellation."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._signals.progress.emit(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # delivered to the UI, never lost
            if not isinstance(exc, Cancelled):
                log.debug("background job failed: %s", type(exc).__name__)
            self._signals.failed.emit(exc)
        else:
            self._signals.done.emit(result)


class Operations(QObject):
    """Runs database reads/writes and long operations; create one per open database."""

    busy_changed = Signal(bool)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(3)
        self._live: set[_Signals] = set()

    # -- public API ---------------------------------------------------------------------------

    def read(self, fn: Callable[[Session], Any], on_done: Done, on_error: Failed | None = None):
        """Run ``fn(session)`` on a reader thread; ``on_done(result)`` on the UI thread."""

        def work() -> Any:
            with self.db.session() as session:
                return fn(session)

        return self._start(self._readers, work, on_done, on_error)

    def write(self, fn: Callable[[Session], Any], on_done: Done, on_error: Failed | None = None):
        """Run ``fn(session)`` in one transaction on the writer thread (committed if it returns)."""

        def work() -> Any:
            with self.db.transaction() as session:
                return fn(session)

        return self._start(self._writer, work, on_done, on_error)

    def long(
        self,
        fn: Callable[[OperationContext], Any],
        on_done: Done,
        on_error: Failed | None = None,
        on_progress: Progress | None = None,
        *,
        writes: bool = False,
    ) -> OperationContext:
        """A long operation (import, export, print) with progress and cancel."""
        signals = self._signals(on_done, on_error)
        context = OperationContext(signals)
        if on_progress is not None:
            signals.progress.connect(on_progress)
        pool = self._writer if writes else self._readers
        pool.start(_Job(lambda: fn(context), signals))
        self._notify_busy()
        return context

    def wait(self, msecs: int = 30000) -> bool:
        """Block until all jobs are done (shutdown and tests only, never in a slot)."""
        ok = self._writer.waitForDone(msecs) and self._readers.waitForDone(msecs)
        return ok

    @property
    def busy(self) -> bool:
        return bool(self._live)

    # -- plumbing -----------------------------------------------------------------------------

    def _start(self, pool: QThreadPool, work: Callable[[], Any], on_done: Done,
               on_error: Failed | None) -> None:
        signals = self._signals(on_done, on_error)
        pool.start(_Job(work, signals))
        self._notify_busy()

    def _signals(self, on_done: Done, on_error: Failed | None) -> _Signals:
        signals = _Signals()  # created on the UI thread: its slots run there
        self._live.add(signals)

        def finished(_: object) -> None:
            self._live.discard(signals)
            self._notify_busy()

        signals.done.connect(on_done)
        signals.failed.connect(on_error or self._default_error)
        signals.done.connect(finished)
        signals.failed.connect(finished)
        return signals

    def _notify_busy(self) -> None:
        self.busy_changed.emit(self.busy)

    @staticmethod
    def _default_error(exc: BaseException) -> None:
        log.error("background operation failed: %s", type(exc).__name__)

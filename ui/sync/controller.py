"""Runs :meth:`SyncEngine.run` in the background: at start, every 5 minutes, and on F5."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from sync import conflicts, state
from sync.client import (
    NOT_LOGGED_IN,
    AuthError,
    ClientTooOld,
    Offline,
    RegistryClient,
    RegistryError,
    ServerError,
)
from sync.engine import SyncEngine, SyncReport
from sync.release import ReleaseStatus, judge
from ui.operations import OperationContext, Operations

log = logging.getLogger(__name__)

INTERVAL_MS = 5 * 60 * 1000

IDLE, RUNNING, DONE, OFFLINE, ERROR, SIGNED_OUT, TOO_OLD = (
    "idle", "running", "done", "offline", "error", "signed_out", "too_old")


def _parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class SyncController(QObject):
    """One sync at a time; :attr:`state`, :attr:`last_sync`, :attr:`counts` for the UI."""

    changed = Signal()  # state, counts or progress changed
    finished = Signal(object)  # the SyncReport, or the exception of a failed run
    signed_out = Signal()  # the server refused the session: a sign-in is needed
    data_changed = Signal()  # a run brought or sent something: views should re-read
    release_known = Signal(object)  # the ReleaseStatus, once per session (from /sync/meta)

    def __init__(self, operations: Operations, client: RegistryClient, *,
                 interval_ms: int = INTERVAL_MS, offline: bool = False,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops = operations
        self._client = client
        self.state = OFFLINE if offline else IDLE
        self.error_text = ""
        self.last_sync: datetime | None = None
        self.counts = conflicts.Counts()
        self.progress: int | None = None
        #: Rows expected during a first download (0: unknown), for a percentage.
        self.total = 0
        self.runs = 0
        #: What the registry says about versions; read once per session, at the first sync.
        self.release: ReleaseStatus | None = None
        self._release_announced = False
        self._context: OperationContext | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.sync_now)

    @property
    def client(self) -> RegistryClient:
        """The registry client the syncs use (also for registry look-ups)."""
        return self._client

    @property
    def running(self) -> bool:
        return self._context is not None

    def start(self) -> None:
        """Read the local state, sync now, then every few minutes."""
        self._ops.read(lambda s: _parse_time(state.last_sync(s)), self._on_last_sync)
        self.refresh_counts()
        self.sync_now()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._context is not None:
            self._context.cancel()

    def sync_now(self) -> bool:
        """Start a sync unless one is running; True when started."""
        if self._context is not None:
            return False
        self.state, self.progress, self.error_text, self.total = RUNNING, None, "", 0
        self._context = self._ops.long(self._work, self._on_done, self._on_failed,
                                       self._on_progress, writes=True)
        self.changed.emit()
        return True

    def refresh_counts(self) -> None:
        self._ops.read(conflicts.counts, self._on_counts)

    # -- worker side --------------------------------------------------------------------------

    def _work(self, context: OperationContext) -> tuple[SyncReport, conflicts.Counts]:
        def progress(phase: str, done: int) -> None:
            context.progress(done, 0, phase)

        if not self._client.signed_in:
            self._client.ping()  # offline without tokens: Offline until the server is back,
            raise AuthError(NOT_LOGGED_IN, 401)  # then a sign-in is needed
        if self.release is None:
            self.release = judge(self._client.meta().client, self._client.version)
        if self.release.too_old:  # before anything is sent: the local data stay as they are
            raise ClientTooOld(self.release.too_old_message(), 426)
        report = SyncEngine(self._ops.db, self._client, progress).run()
        with self._ops.db.session() as session:
            return report, conflicts.counts(session)

    # -- UI side ------------------------------------------------------------------------------

    @property
    def percent(self) -> int | None:
        """Progress of a first download in per cent, None when the total is unknown."""
        if not self.total or self.progress is None:
            return None
        return min(100, self.progress * 100 // self.total)

    def _on_progress(self, done: int, _total: int, phase: str) -> None:
        if phase == "total":
            self.total = done
            self.changed.emit()
        elif phase == "pull":
            self.progress = done
            self.changed.emit()

    def _announce_release(self) -> None:
        if self.release is not None and not self._release_announced:
            self._release_announced = True
            self.release_known.emit(self.release)

    def _on_done(self, outcome: tuple[SyncReport, conflicts.Counts]) -> None:
        report, counts = outcome
        self._context = None
        self._announce_release()
        self.runs += 1
        self.state, self.progress, self.counts, self.total = DONE, None, counts, 0
        if report.server_time is not None:
            time = report.server_time
            self.last_sync = time if time.tzinfo else time.replace(tzinfo=UTC)
        self.changed.emit()
        if (report.pulled or report.pushed or report.orgs_added or report.orgs_revoked
                or report.orgs_redownloaded):
            self.data_changed.emit()
        self.finished.emit(report)

    def _on_failed(self, exc: BaseException) -> None:
        self._context = None
        self.runs += 1
        self.progress, self.total = None, 0
        self._announce_release()
        if isinstance(exc, Offline):
            self.state = OFFLINE
        elif isinstance(exc, ClientTooOld):
            self.state = TOO_OLD
            self.error_text = str(exc)
            self._timer.stop()  # no sync until the new version is installed
        elif isinstance(exc, AuthError):
            self.state = SIGNED_OUT
            self._timer.stop()  # no point retrying until the person signs in again
        else:
            self.state = ERROR
            self.error_text = str(exc) if isinstance(exc, RegistryError | ServerError) else ""
            log.warning("sync failed: %s", type(exc).__name__)
        self.changed.emit()
        self.refresh_counts()
        self.finished.emit(exc)
        if self.state == SIGNED_OUT:
            self.signed_out.emit()

    def resume(self) -> None:
        """After a new sign-in (the client holds fresh tokens): sync now and on the timer."""
        self.sync_now()
        self._timer.start()

    def _on_last_sync(self, value: datetime | None) -> None:
        if self.last_sync is None and value is not None:
            self.last_sync = value
            self.changed.emit()

    def _on_counts(self, counts: conflicts.Counts) -> None:
        self.counts = counts
        self.changed.emit()

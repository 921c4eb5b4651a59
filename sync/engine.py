"""One sync run: push the outbox, pull every page, check per-organisation counts, record time.

The requests are ``/sync/exchange`` round trips (:mod:`sync.exchange`): a usual sync is one.

No Qt here: the UI runs :meth:`SyncEngine.run` in a worker and shows ``on_progress`` events.
Network errors (:class:`sync.client.Offline`) propagate; whatever was stored stays stored and
the next run continues from there.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.engine import Database
from chairclient.db.models import OutboxEntry
from chairclient.db.row_counts import kept_counts, recount, resume_counting
from sync import rows, state
from sync.exchange import Exchange, ExchangeApi
from sync.protocol import MAX_PULL_LIMIT, SyncMeta
from sync.pull import PullOutcome, pull_all
from sync.push import push_all

log = logging.getLogger(__name__)


class Api(ExchangeApi, Protocol):
    """What the engine needs of :class:`sync.client.RegistryClient`."""

    def meta(self) -> SyncMeta: ...


@dataclass
class SyncReport:
    pushed: int = 0
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    rejected_reasons: list[str] = field(default_factory=list)
    pulled: int = 0
    orgs_added: list[str] = field(default_factory=list)
    orgs_revoked: list[str] = field(default_factory=list)
    orgs_redownloaded: list[str] = field(default_factory=list)
    server_time: datetime | None = None
    duration: float = 0.0


#: ``on_progress(phase, done)``: phase is "push", "pull" or "check"; done counts rows so far.
#: Before a first download, phase "total" gives in ``done`` the rows the server will send.
Progress = Callable[[str, int], None]


class SyncEngine:
    """Push, pull and check for one local database against one registry client."""

    def __init__(
        self,
        db: Database,
        client: Api,
        on_progress: Progress | None = None,
        *,
        page_limit: int = MAX_PULL_LIMIT,
    ) -> None:
        self.db = db
        self.client = client
        self.on_progress = on_progress
        self.page_limit = page_limit

    def _progress(self, phase: str) -> Callable[[int], None] | None:
        if self.on_progress is None:
            return None
        callback = self.on_progress
        return lambda done: callback(phase, done)

    def run(self) -> SyncReport:
        started = time.monotonic()
        report = SyncReport()
        exchange = Exchange(self.client, self.page_limit, self._local_cursors)
        pushed = push_all(self.db, exchange.push, self._progress("push"))
        report.pushed, report.applied = pushed.pushed, pushed.applied
        report.conflicts, report.rejected = pushed.conflicts, pushed.rejected
        report.rejected_reasons = pushed.rejected_reasons
        self._announce_total()
        self._merge(report, self._pull(exchange))
        counts = exchange.counts
        if counts is None:  # (the server sends them with the last page; a fallback)
            counts = self.client.meta().counts
        mismatched = self.check_counts(counts)
        if mismatched:
            log.info("sync: %d organisation(s) differ from the server, re-downloading",
                     len(mismatched))
            self._merge(report, self._pull(exchange))
            report.orgs_redownloaded = sorted(mismatched)
        report.server_time = exchange.server_time
        if report.server_time is not None:
            with self.db.transaction() as session:
                state.put(session, state.LAST_SYNC, report.server_time.isoformat())
        report.duration = time.monotonic() - started
        log.info("sync done: pushed %d, pulled %d in %.2fs", report.pushed, report.pulled,
                 report.duration)
        return report

    def _local_cursors(self) -> dict[str, int]:
        with self.db.transaction() as session:
            return state.cursors(session)

    def _announce_total(self) -> None:
        """On a first download, the rows to expect (per-org counts from ``meta``)."""
        if self.on_progress is None:
            return
        with self.db.transaction() as session:
            if state.cursors(session):
                return
        counts = self.client.meta().counts
        self.on_progress("total", sum(sum(per.values()) for per in counts.values()))

    def _pull(self, exchange: Exchange) -> PullOutcome:
        return pull_all(self.db, exchange.fetch, self._progress("pull"))

    @staticmethod
    def _merge(report: SyncReport, pulled: PullOutcome) -> None:
        report.pulled += pulled.pulled
        report.orgs_added = sorted(set(report.orgs_added) | pulled.added)
        report.orgs_revoked = sorted(set(report.orgs_revoked) | pulled.revoked)

    def check_counts(self, counts: dict[str, dict[str, int]]) -> set[str]:
        """Orgs whose live local rows differ from the server's ``counts``; each is cleared
        (keeping local-only and pending rows) and its cursor reset, so the next pull
        re-downloads it. Orgs with pending local changes are not compared (their counts
        legitimately differ)."""
        mismatched: set[str] = set()
        with rows.page_transaction(self.db) as session:
            held = state.cursors(session)
            busy = _orgs_with_pending(session)
            local = kept_counts(session)
            if local is None:  # a long pull stopped half-way: triggers and counts anew
                resume_counting(session)
                local = kept_counts(session) or {}
            for org_id in held:
                if org_id not in counts or org_id in busy:
                    continue
                if local.get(org_id, {}) == counts[org_id]:
                    continue
                if recount(session, org_id) != counts[org_id]:  # a kept count can be wrong
                    mismatched.add(org_id)
                    rows.purge_org(session, org_id, keep_local=True)
                    state.put_cursors(session, {org_id: 0})
        return mismatched


def _orgs_with_pending(session: Session) -> set[str]:
    return set(
        session.scalars(select(OutboxEntry.org_id).where(OutboxEntry.state == "pending"))
    )

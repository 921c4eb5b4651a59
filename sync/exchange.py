"""A sync in as few round trips as the outbox allows (``/sync/exchange``).

The last push batch carries the local cursors, and its answer brings the first page (and, if
that page is the last, the per-organisation counts for the check): with a short outbox and
little news, a whole sync is one request. Earlier batches of a long outbox are pushed alone,
and further pages are fetched with empty exchanges, which also bring the counts with the last.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from sync.pages import ExchangeAnswer, PulledPage
from sync.protocol import Mutation, MutationResult


class ExchangeApi(Protocol):
    def exchange(
        self, mutations: list[Mutation], cursors: dict[str, int] | None, limit: int = ...
    ) -> ExchangeAnswer: ...


class Exchange:
    """The push and fetch callables of one sync run, sharing its requests.

    ``cursors`` gives the local cursors when the last batch goes out (the page made for them
    is handed to the first fetch with the same cursors). After the run, ``counts`` holds the
    counts sent with the last page (None if none came) and ``server_time`` the last answer's.
    """

    def __init__(self, api: ExchangeApi, limit: int, cursors: Callable[[], dict[str, int]]
                 ) -> None:
        self.api = api
        self.limit = limit
        self.local_cursors = cursors
        self.counts: dict[str, dict[str, int]] | None = None
        self.server_time: datetime | None = None
        self._ready: tuple[dict[str, int], PulledPage] | None = None
        self._lock = threading.Lock()  # pages are fetched on the pull's helper thread

    def push(self, mutations: list[Mutation], last: bool) -> list[MutationResult]:
        cursors = self.local_cursors() if last else None
        answer = self._send(mutations, cursors)
        if cursors is not None and answer.page is not None:
            with self._lock:
                self._ready = (cursors, answer.page)
        return answer.results

    def fetch(self, cursors: dict[str, int]) -> PulledPage:
        with self._lock:
            ready, self._ready = self._ready, None
        if ready is not None and ready[0] == cursors:
            return ready[1]
        page = self._send([], cursors).page
        if page is None:
            raise ValueError("the registry sent no page for the cursors given")
        return page

    def _send(self, mutations: list[Mutation], cursors: dict[str, int] | None
              ) -> ExchangeAnswer:
        answer = self.api.exchange(mutations, cursors, self.limit)
        with self._lock:
            self.server_time = answer.server_time
            if answer.page is not None:
                self.counts = answer.counts
        return answer

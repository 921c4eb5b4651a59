"""How the client reads the registry's pages: each change as a plain dict, checked in one pass.

The JSON is the one :class:`sync.protocol.PullResponse` and ``ExchangeResponse`` describe (the
server's models and the OpenAPI schema). A first download brings some 600,000 changes; as
pydantic models they took twice the time of typed dicts to parse, all of it on the client's
one busy thread, and the pull only reads them. Types are still checked: a page with a change
missing its id or carrying a text version is refused whole.
"""

from __future__ import annotations

from typing import Any, NotRequired

from pydantic import BaseModel
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

from sync.protocol import MutationResult, UtcTime


class PulledChange(TypedDict):
    """:class:`sync.protocol.Change` as the client holds it."""

    entity: str
    id: str
    org_id: str
    seq: int
    version: int
    deleted: NotRequired[bool]
    row: NotRequired[dict[str, Any] | None]


class PulledPage(BaseModel):
    """:class:`sync.protocol.PullResponse` with :class:`PulledChange` changes."""

    changes: list[PulledChange]
    cursors: dict[str, int]
    added: list[str] = []
    revoked: list[str] = []
    reset_required: list[str] = []
    more: bool = False
    server_time: UtcTime


class ExchangeAnswer(BaseModel):
    """:class:`sync.protocol.ExchangeResponse` with a :class:`PulledPage`."""

    results: list[MutationResult] = []
    page: PulledPage | None = None
    counts: dict[str, dict[str, int]] | None = None
    server_time: UtcTime


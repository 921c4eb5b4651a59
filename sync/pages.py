"""How the client reads the registry's pages: each change as a plain dict, checked in one pass.

The JSON is the one :class:`sync.protocol.PullResponse` and ``ExchangeResponse`` describe (the
server's models and the OpenAPI schema). A first download brings some 600,000 changes; as
pydantic models they took twice the time of typed dicts to parse, all of it on the client's
one busy thread, and the pull only reads them. Types are still checked: a page with a change
missing its id or carrying a text version is refused whole.
"""

from __future__ import annotations

from typing import Any, NotRequired

from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

from sync.protocol import ExchangeResponse, PullResponse


class PulledChange(TypedDict):
    """:class:`sync.protocol.Change` as the client holds it."""

    entity: str
    id: str
    org_id: str
    seq: int
    version: int
    deleted: NotRequired[bool]
    row: NotRequired[dict[str, Any] | None]


class PulledPage(PullResponse):
    """:class:`sync.protocol.PullResponse` with :class:`PulledChange` changes."""

    changes: list[PulledChange]  # type: ignore[assignment]


class ExchangeAnswer(ExchangeResponse):
    """:class:`sync.protocol.ExchangeResponse` with a :class:`PulledPage`."""

    page: PulledPage | None = None

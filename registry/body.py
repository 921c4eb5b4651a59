"""Request bodies: a size limit (413) and text no database can store (422), for every endpoint.

A pure ASGI middleware in front of the application:

- A declared ``Content-Length`` above the limit is refused before a byte of the body is read.
  Otherwise (a chunked body, or a declared length within the limit) the body is read into
  memory only up to the limit: one byte more and the answer is 413; the rest is never buffered.
  After an early 413 uvicorn reads and discards the rest of the upload on the open connection,
  so a client that sends the whole body before reading the answer still gets the 413.
- A JSON string (a value or a key, anywhere in the body) holding a NUL character or half of a
  UTF-16 surrogate pair (``"\\u0000"``, a lone ``"\\ud800"``) is refused with 422: PostgreSQL
  cannot store NUL in text and no database can store broken Unicode, so such a request would
  otherwise fail deep inside with a 500. Bodies without such escapes are not parsed here.

Accepted bodies are replayed to the application unchanged.
"""

from __future__ import annotations

import json
import re
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from registry.errors import INVALID_REQUEST, error_doc, validation_detail
from sync.protocol import ValidationErrorResponse

#: Largest request body accepted (a full push batch of 500 mutations is well under 1 MiB).
MAX_BODY_BYTES = 5 * 1024 * 1024
TOO_LARGE = "Слишком большой запрос: тело запроса больше {limit} МБ"


def too_large(max_bytes: int) -> str:
    return TOO_LARGE.format(limit=f"{max_bytes / (1024 * 1024):g}".replace(".", ","))


#: The documented 413 and 422 of every operation that takes a body.
BODY_ERRORS: dict[int | str, dict[str, Any]] = {
    413: error_doc(too_large(MAX_BODY_BYTES)),
    422: {"model": ValidationErrorResponse, "description": INVALID_REQUEST},
}
#: The JSON escapes that may decode to text a database cannot store: NUL and surrogates.
_SUSPECT_ESCAPE = re.compile(rb"\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})")


class RequestBody:
    """Refuse bodies longer than ``max_bytes`` (413) and strings with NUL or broken Unicode."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _declared_length(scope)
        if declared is not None and declared > self.max_bytes:
            await answer(send, 413, {"detail": self._too_large()})
            return
        buffered: list[Message] = []
        size = 0
        while True:
            message = await receive()
            buffered.append(message)
            if message["type"] != "http.request":
                break  # the client went away: let the application see it
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await answer(send, 413, {"detail": self._too_large()})
                return
            if not message.get("more_body", False):
                break
        body = b"".join(m.get("body", b"") for m in buffered if m["type"] == "http.request")
        where = unstorable_text(body)
        if where is not None:
            problem = {"type": "string_unstorable", "loc": ["body", *where]}
            detail, problems = validation_detail([problem])
            await answer(send, 422, {"detail": detail, "errors": problems})
            return
        await self.app(scope, replay(buffered, receive), send)

    def _too_large(self) -> str:
        return too_large(self.max_bytes)


def unstorable_text(body: bytes) -> list[str | int] | None:
    """Where in a JSON body a string holds NUL or a lone surrogate; None when nowhere (or when
    the body is not JSON at all: the application answers that one)."""
    if not _SUSPECT_ESCAPE.search(body):
        return None
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return None
    stack: list[tuple[Any, list[str | int]]] = [(data, [])]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            if _unstorable(value):
                return path
        elif isinstance(value, dict):
            for key, item in value.items():
                if _unstorable(key):
                    return path
                stack.append((item, [*path, key]))
        elif isinstance(value, list):
            stack.extend((item, [*path, i]) for i, item in enumerate(value))
    return None


def _unstorable(text: str) -> bool:
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a surrogate left unpaired by the JSON decoder
        return True
    return False


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            return int(text) if text.isdigit() else None
    return None


async def answer(send: Send, status: int, payload: dict[str, Any]) -> None:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode("ascii")),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def replay(messages: list[Message], receive: Receive) -> Receive:
    """A ``receive`` that gives the buffered messages first, then the real ones."""
    pending = list(messages)

    async def next_message() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return next_message

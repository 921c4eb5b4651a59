"""``POST /api/v1/sync/exchange`` answered before the framework's routing.

Every client's every sync is this one request, so what the framework does per request is paid
on all of them: matching the route, solving the dependencies, validating the body once more
through a type adapter, the middleware of its own. On the 50-client load that was about a
seventh of the server's CPU. This pure ASGI middleware answers the usual exchange (a bearer
token, a JSON body the model accepts) itself, with the very code of the route
(:func:`registry.api_sync.exchange_answer`), on the same thread pool.

Anything else goes on to the route unchanged and gets its usual answers: no token or a
malformed body (401, 422 with the field named). A refused token is answered with the error
handler the route's answer would go through. The route stays in the OpenAPI schema.
"""

from __future__ import annotations

import anyio.to_thread
from fastapi import HTTPException
from pydantic import ValidationError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from registry.api_sync import EXCHANGE_PATH, exchange_answer
from registry.body import replay
from registry.deps import Registry, authenticate
from registry.errors import http_error_response
from sync.protocol import ExchangeRequest

_JSON = b"application/json"


class ExchangePath:
    """Answer well-formed, token-bearing exchanges directly; pass everything else on."""

    def __init__(self, app: ASGIApp, registry: Registry) -> None:
        self.app = app
        self.registry = registry

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _is_exchange(scope):
            await self.app(scope, receive, send)
            return
        token = _bearer_token(scope)
        messages, body = await _read_body(receive)
        request = _parse(body) if token is not None and _json_body(scope) else None
        if token is None or request is None:
            await self.app(scope, replay(messages, receive), send)
            return
        answer = await anyio.to_thread.run_sync(self._answer, token, request)
        if isinstance(answer, HTTPException):
            await http_error_response(answer)(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-length", str(len(answer)).encode("ascii")), (b"content-type", _JSON),
        ]})
        await send({"type": "http.response.body", "body": answer})

    def _answer(self, token: str, request: ExchangeRequest) -> bytes | HTTPException:
        """The answer's bytes, or the refusal of the token (nothing was done then)."""
        try:
            user = authenticate(self.registry, token)
        except HTTPException as refused:
            return refused
        return exchange_answer(self.registry, user, request)


def _is_exchange(scope: Scope) -> bool:
    return (scope["type"] == "http" and scope["method"] == "POST"
            and scope["path"] == EXCHANGE_PATH and not scope.get("root_path"))


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key == name:
            return value
    return None


def _bearer_token(scope: Scope) -> str | None:
    """The token of an ``Authorization: Bearer …`` header (as ``HTTPBearer`` reads it)."""
    value = _header(scope, b"authorization")
    if value is None:
        return None
    scheme, _, token = value.decode("latin-1").partition(" ")
    return token if scheme.lower() == "bearer" and token else None


def _json_body(scope: Scope) -> bool:
    kind = _header(scope, b"content-type")
    return kind is not None and kind.split(b";")[0].strip().lower() == _JSON


def _parse(body: bytes) -> ExchangeRequest | None:
    try:
        return ExchangeRequest.model_validate_json(body)
    except ValidationError:
        return None  # the route answers with the problem named


async def _read_body(receive: Receive) -> tuple[list[Message], bytes]:
    """The request's messages (to replay) and its body. (:class:`registry.body.RequestBody`
    in front has already limited its size.)"""
    messages: list[Message] = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request" or not message.get("more_body", False):
            break
    return messages, b"".join(m.get("body", b"") for m in messages
                              if m["type"] == "http.request")

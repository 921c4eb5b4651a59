"""Clients older than the oldest supported version may not sync (426 Upgrade Required).

The desktop client names its version in the ``X-Client-Version`` header of every request.
When the registry is told an oldest supported version (``REGISTRY_CLIENT_MINIMUM``), a client
older than that gets 426 with a Russian message on every data path; it may still sign in and
read ``/sync/meta``, which says where the new version is. A caller without the header (a
script, the PROFCARDS operator) is not a desktop client and is not judged by it.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from chairclient.version import VERSION_HEADER, is_older
from registry.body import answer

#: Paths an outdated client still reaches: sign-in, the health check and the release notes.
_OPEN_PATHS = ("/api/v1/auth/", "/api/v1/health", "/api/v1/sync/meta")
_HEADER = VERSION_HEADER.lower().encode("latin-1")


def too_old_message(version: str, minimum: str) -> str:
    return (f"Версия программы {version} устарела: реестр принимает синхронизацию от версии "
            f"{minimum} и новее. Установите новую версию; данные на этом компьютере "
            "сохранены, их можно просматривать и выгружать.")


class ClientVersionGate:
    """Answer 426 to a desktop client older than ``minimum`` (no minimum: let everyone in)."""

    def __init__(self, app: ASGIApp, minimum: str = "") -> None:
        self.app = app
        self.minimum = minimum

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.minimum and scope["type"] == "http":
            path: str = scope.get("path", "")
            if path.startswith("/api/v1/") and not path.startswith(_OPEN_PATHS):
                version = next((value.decode("latin-1") for name, value in scope["headers"]
                                if name == _HEADER), None)
                if version is not None and is_older(version, self.minimum):
                    await answer(send, 426, {"detail": too_old_message(version, self.minimum)})
                    return
        await self.app(scope, receive, send)

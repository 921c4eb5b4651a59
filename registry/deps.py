"""Request dependencies: the database, the token service and the authenticated user."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from registry.auth import AuthError, AuthUser, TokenService
from registry.db import Database
from registry.settings import ClientRelease
from registry.throttle import source_key

_bearer = HTTPBearer(auto_error=False, description="Access token from /api/v1/auth/login")

PASSWORD_CHANGE_REQUIRED = "Требуется сменить пароль"


@dataclass
class Registry:
    """What the app holds: the database, the token service, the client versions announced."""

    db: Database
    tokens: TokenService
    release: ClientRelease = field(default_factory=ClientRelease)


async def get_registry(request: Request) -> Registry:
    # ``async``: a plain attribute read; a ``def`` dependency would cost a thread-pool hop.
    return request.app.state.registry


def source_address(request: Request) -> str:
    """The address password attempts are counted under: the connection's peer, or the client
    a trusted proxy names (``REGISTRY_TRUSTED_PROXIES``, see :mod:`registry.app`)."""
    return source_key(request.client.host if request.client else None)


def _unauthorised(message: str) -> HTTPException:
    return HTTPException(401, detail=message, headers={"WWW-Authenticate": "Bearer"})


async def bearer_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    """The bearer token, not yet checked (``async``: no I/O here)."""
    if credentials is None or not credentials.credentials:
        raise _unauthorised("Требуется вход")
    return credentials.credentials


def authenticate(registry: Registry, token: str, *, ready: bool = True) -> AuthUser:
    """The user of ``token`` (401 if it is not valid); ``ready``: 403 while the user still has
    to change the password. For an endpoint that checks the token in its own worker thread
    (the sync exchange: one thread-pool hop fewer on the busiest request)."""
    with registry.db.read() as session:
        try:
            user = registry.tokens.check_access(session, token)
        except AuthError as exc:
            raise _unauthorised(str(exc)) from exc
    if ready and user.must_change_password:
        raise HTTPException(403, detail=PASSWORD_CHANGE_REQUIRED)
    return user


def any_user(
    registry: Annotated[Registry, Depends(get_registry)],
    token: Annotated[str, Depends(bearer_token)],
) -> AuthUser:
    """The user of the bearer token, even one who still has to change the password."""
    return authenticate(registry, token, ready=False)


async def ready_user(user: Annotated[AuthUser, Depends(any_user)]) -> AuthUser:
    """A user who may work (no password change pending). (``async``: no I/O, no thread hop.)"""
    if user.must_change_password:
        raise HTTPException(403, detail=PASSWORD_CHANGE_REQUIRED)
    return user


RegistryDep = Annotated[Registry, Depends(get_registry)]
AnyUser = Annotated[AuthUser, Depends(any_user)]
ReadyUser = Annotated[AuthUser, Depends(ready_user)]
BearerToken = Annotated[str, Depends(bearer_token)]

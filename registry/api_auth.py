"""``/api/v1/auth``: login, refresh, change-password, logout."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Response

from registry.auth import LOGIN_FAILED, SESSION_ENDED, AuthError, Tokens
from registry.body import BODY_ERRORS
from registry.deps import AnyUser, RegistryDep
from registry.errors import error_doc
from sync.protocol import (
    ChangePasswordRequest,
    LoginRequest,
    LogoutRequest,
    RefreshRequest,
    TokenResponse,
)

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])
_ERRORS: dict[int | str, dict] = {
    400: error_doc("Неверный текущий пароль"),
    401: error_doc(LOGIN_FAILED),
    **BODY_ERRORS,
}
_SESSION_ERRORS: dict[int | str, dict] = {**_ERRORS, 401: error_doc(SESSION_ENDED)}


def _response(tokens: Tokens) -> TokenResponse:
    return TokenResponse(
        access_token=tokens.access_token,
        refresh_token=tokens.refresh_token,
        expires_in=tokens.expires_in,
        must_change_password=tokens.user.must_change_password,
        user_id=tokens.user.id,
        login=tokens.user.login,
    )


def _fail(exc: AuthError) -> HTTPException:
    headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
    return HTTPException(exc.status, detail=str(exc), headers=headers)


@router.post("/login", response_model=TokenResponse, responses=_ERRORS)
def login(body: LoginRequest, registry: RegistryDep) -> TokenResponse:
    """Log in with login and password. The same answer for an unknown login, a wrong password
    and a locked account; 5 wrong passwords lock the account for 15 minutes."""
    error: AuthError | None = None
    with registry.db.write() as session:  # a failed attempt is counted (committed) too
        try:
            tokens = registry.tokens.login(session, body.login, body.password)
        except AuthError as exc:
            error = exc
    if error is not None:
        raise _fail(error)
    return _response(tokens)


@router.post("/refresh", response_model=TokenResponse, responses=_SESSION_ERRORS)
def refresh(body: RefreshRequest, registry: RegistryDep) -> TokenResponse:
    """Exchange a refresh token for new tokens; the old refresh token stops working. Presenting
    a used one again ends every session that descends from the same login."""
    error: AuthError | None = None
    with registry.db.write() as session:
        try:
            tokens = registry.tokens.refresh(session, body.refresh_token)
        except AuthError as exc:
            error = exc
    if error is not None:
        raise _fail(error)
    return _response(tokens)


@router.post("/change-password", response_model=TokenResponse, responses=_SESSION_ERRORS)
def change_password(
    body: ChangePasswordRequest, user: AnyUser, registry: RegistryDep
) -> TokenResponse:
    """Set a new password (required after the first login with an issued password). Every other
    session ends; new tokens are returned."""
    error: AuthError | None = None
    with registry.db.write() as session:
        try:
            tokens = registry.tokens.change_password(
                session, user.id, body.old_password, body.new_password
            )
        except AuthError as exc:
            error = exc
    if error is not None:
        raise _fail(error)
    return _response(tokens)


@router.post("/logout", status_code=204, responses=BODY_ERRORS)
def logout(body: LogoutRequest, registry: RegistryDep) -> Response:
    """Revoke the refresh token and every token rotated from the same login."""
    with registry.db.write() as session:
        registry.tokens.logout(session, body.refresh_token)
    return Response(status_code=204)

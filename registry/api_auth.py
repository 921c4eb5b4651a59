"""``/api/v1/auth``: login, refresh, change-password, logout."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response

from registry.auth import (
    ACCOUNT_DISABLED,
    LOGIN_FAILED,
    SESSION_ENDED,
    WRONG_OLD_PASSWORD,
    AuthError,
    Tokens,
)
from registry.body import BODY_ERRORS
from registry.deps import AnyUser, RegistryDep, source_address
from registry.errors import error_doc
from registry.throttle import PAIR_LOCKED, Refused, wait_text
from sync.protocol import (
    ChangePasswordRequest,
    LoginRequest,
    LogoutRequest,
    Position,
    RefreshRequest,
    TokenResponse,
)

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])
_TOO_MANY = {
    **error_doc(PAIR_LOCKED.format(wait=wait_text(840))),
    "headers": {"Retry-After": {"description": "Seconds to wait before trying again",
                                "schema": {"type": "integer"}}},
}
_LOGIN_ERRORS: dict[int | str, dict] = {
    401: error_doc(LOGIN_FAILED),
    403: error_doc(ACCOUNT_DISABLED),
    429: _TOO_MANY,
    **BODY_ERRORS,
}
_SESSION_ERRORS: dict[int | str, dict] = {**BODY_ERRORS, 401: error_doc(SESSION_ENDED)}
_CHANGE_ERRORS: dict[int | str, dict] = {
    **_SESSION_ERRORS, 400: error_doc(WRONG_OLD_PASSWORD), 429: _TOO_MANY,
}


def _response(tokens: Tokens) -> TokenResponse:
    return TokenResponse(
        access_token=tokens.access_token,
        refresh_token=tokens.refresh_token,
        expires_in=tokens.expires_in,
        must_change_password=tokens.user.must_change_password,
        user_id=tokens.user.id,
        login=tokens.user.login,
        positions=[Position(org_id=org_id, role=role, org_name=name)
                   for org_id, role, name in tokens.positions if role in _CLIENT_ROLES],
    )


#: Roles the client knows (the PROFCARDS operator's account does not sign in to the client).
_CLIENT_ROLES = frozenset({"admin", "regional", "territorial", "primary"})


def _fail(exc: AuthError | Refused) -> HTTPException:
    if isinstance(exc, Refused):
        return HTTPException(429, detail=str(exc),
                             headers={"Retry-After": str(exc.retry_after)})
    headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
    return HTTPException(exc.status, detail=str(exc), headers=headers)


@router.post("/login", response_model=TokenResponse, responses=_LOGIN_ERRORS)
def login(body: LoginRequest, request: Request, registry: RegistryDep) -> TokenResponse:
    """Log in with login and password. The same answer for an unknown login and a wrong
    password. Attempts are limited per source address (429 with ``Retry-After``): 5 wrong
    passwords for one login lock that login *from that address* for 15 minutes; many wrong
    passwords from one address delay the address, longer each time; and every address has a
    rate of attempts. A disabled login is refused (403) only when the password is right."""
    try:
        tokens = registry.tokens.login(registry.db, body.login, body.password,
                                       source_address(request))
    except (AuthError, Refused) as exc:
        raise _fail(exc) from None
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


@router.post("/change-password", response_model=TokenResponse, responses=_CHANGE_ERRORS)
def change_password(
    body: ChangePasswordRequest, request: Request, user: AnyUser, registry: RegistryDep
) -> TokenResponse:
    """Set a new password (required after the first login with an issued password): at least
    10 characters, not a common password (the answer explains a refusal in Russian). Every
    other session ends; new tokens are returned. A wrong old password counts like a failed
    sign-in, under the same limits (429 with ``Retry-After``)."""
    try:
        tokens = registry.tokens.change_password(
            registry.db, user.id, body.old_password, body.new_password, source_address(request))
    except (AuthError, Refused) as exc:
        raise _fail(exc) from None
    return _response(tokens)


@router.post("/logout", status_code=204, responses=BODY_ERRORS)
def logout(body: LogoutRequest, registry: RegistryDep) -> Response:
    """Revoke the refresh token and every token rotated from the same login."""
    with registry.db.write() as session:
        registry.tokens.logout(session, body.refresh_token)
    return Response(status_code=204)

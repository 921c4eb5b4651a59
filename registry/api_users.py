"""``/api/v1/users``: logins issued and looked after by territorial and regional chairs and the
administrator (:mod:`registry.user_admin`; the rules: ``docs/user-administration.md``).

A primary chair and the PROFCARDS operator get 403 on everything here; a login out of the
caller's reach is 404, exactly like one that does not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import APIRouter, HTTPException, Response

from registry import user_admin
from registry.body import BODY_ERRORS
from registry.deps import PASSWORD_CHANGE_REQUIRED, ReadyUser, RegistryDep
from registry.errors import error_doc
from sync.protocol_users import (
    CreateUserRequest,
    GrantOptions,
    IssuedPassword,
    ManagedUser,
    UserList,
)

router = APIRouter(prefix="/api/v1/users", tags=["users"])
T = TypeVar("T")

_ERRORS: dict[int | str, dict] = {
    401: error_doc("Требуется вход"),
    403: error_doc(f"{user_admin.NOT_A_MANAGER} (или {PASSWORD_CHANGE_REQUIRED})"),
}
_ONE: dict[int | str, dict] = {**_ERRORS, 404: error_doc(user_admin.USER_NOT_FOUND)}
_CREATE: dict[int | str, dict] = {
    **_ERRORS, **BODY_ERRORS,
    400: error_doc(user_admin.ROLE_MISFITS.format(role="региональная организация")),
    404: error_doc(user_admin.ORG_NOT_FOUND),
    409: error_doc(user_admin.LOGIN_TAKEN.format(login="chair.school7")),
}


def _run(registry: Any, user: Any, step: Callable[..., T], *args: Any, write: bool = False
         ) -> T:
    """``step(session, manager, *args)`` in one transaction; refusals as HTTP errors."""
    try:
        with (registry.db.write() if write else registry.db.read()) as session:
            manager = user_admin.manager_of(session, user)
            return step(session, manager, *args)
    except user_admin.AdminError as exc:
        raise HTTPException(exc.status, detail=str(exc)) from None


@router.get("", response_model=UserList, responses=_ERRORS)
def list_users(user: ReadyUser, registry: RegistryDep) -> Response:
    """The logins of the caller's subtree they may look after: organisation, role, last
    sign-in, locked, disabled, must change the password."""
    found = UserList(users=_run(registry, user, user_admin.list_users))
    # Rendered once here (a region's 700 logins): the response model stays for the docs.
    return Response(found.model_dump_json(), media_type="application/json")


@router.get("/options", response_model=GrantOptions, responses=_ERRORS)
def grant_options(user: ReadyUser, registry: RegistryDep) -> GrantOptions:
    """The organisations below the caller's where a login may be issued, with the roles
    allowed at each (never above the caller's own)."""
    return GrantOptions(orgs=_run(registry, user, user_admin.grant_options))


@router.post("", response_model=IssuedPassword, status_code=201, responses=_CREATE)
def create_user(body: CreateUserRequest, user: ReadyUser, registry: RegistryDep
                ) -> IssuedPassword:
    """Issue a login for the chair of a subordinate organisation. The answer carries the
    one-time password (for the «Лист доступа»); it must be changed at the first sign-in."""

    def create(session: Any, manager: user_admin.Manager) -> tuple[dict, str]:
        return user_admin.create_login(session, manager, login=body.login,
                                       full_name=body.full_name, org_id=body.org_id,
                                       role=body.role)

    summary, password = _run(registry, user, create, write=True)
    return IssuedPassword(user=ManagedUser.model_validate(summary), one_time_password=password)


@router.get("/{user_id}", response_model=ManagedUser, responses=_ONE)
def get_user(user_id: str, user: ReadyUser, registry: RegistryDep) -> ManagedUser:
    """One login the caller looks after."""
    return ManagedUser.model_validate(_run(registry, user, user_admin.get_user, user_id))


@router.post("/{user_id}/reset-password", response_model=IssuedPassword, responses=_ONE)
def reset_password(user_id: str, user: ReadyUser, registry: RegistryDep) -> IssuedPassword:
    """A new one-time password; every session of the login ends and its locks are lifted."""
    summary, password = _run(registry, user, user_admin.reset_password, user_id, write=True)
    return IssuedPassword(user=ManagedUser.model_validate(summary), one_time_password=password)


@router.post("/{user_id}/unlock", response_model=ManagedUser, responses=_ONE)
def unlock(user_id: str, user: ReadyUser, registry: RegistryDep) -> ManagedUser:
    """Lift the login's locks (five wrong passwords from an address) from every address."""
    return ManagedUser.model_validate(
        _run(registry, user, user_admin.unlock, user_id, write=True))


@router.post("/{user_id}/disable", response_model=ManagedUser, responses=_ONE)
def disable(user_id: str, user: ReadyUser, registry: RegistryDep) -> ManagedUser:
    """Disable the login: it cannot sign in, and every session of it ends at once."""
    return ManagedUser.model_validate(
        _run(registry, user, user_admin.set_active, user_id, False, write=True))


@router.post("/{user_id}/enable", response_model=ManagedUser, responses=_ONE)
def enable(user_id: str, user: ReadyUser, registry: RegistryDep) -> ManagedUser:
    """Enable a disabled login again (its password is unchanged)."""
    return ManagedUser.model_validate(
        _run(registry, user, user_admin.set_active, user_id, True, write=True))


@router.post("/{user_id}/end-sessions", response_model=ManagedUser, responses=_ONE)
def end_sessions(user_id: str, user: ReadyUser, registry: RegistryDep) -> ManagedUser:
    """Sign the login out on every computer: refresh tokens revoked, access tokens dead."""
    return ManagedUser.model_validate(
        _run(registry, user, user_admin.end_sessions, user_id, write=True))

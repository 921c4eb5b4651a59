"""Wire format of ``/api/v1/users``: the logins a manager issues and looks after.

Shared by the registry and the client (like :mod:`sync.protocol`). Who may see and change which
login is decided by the registry (:mod:`chairclient.domain.grants`); a login out of reach
answers exactly like one that does not exist. A one-time password travels once, in the answer
to the request that made it, and is never stored or shown again.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from sync.protocol_values import UtcTime

AnyRole = Literal["admin", "regional", "territorial", "primary", "profcards"]
#: A login: Latin letters, digits and ``. _ -``, starting with a letter or digit.
LOGIN_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{2,59}$"

_ORG = "3f0c7a52-1d8e-4b8f-9a51-6f2b1c0d9e11"
_USER = "6a1d2e3f-4b5c-4d7e-8f90-1a2b3c4d5e6f"
_USER_EXAMPLE = {
    "id": _USER, "login": "chair.school7", "full_name": "Петрова Мария Ивановна",
    "positions": [{"org_id": _ORG, "org_code": "52-0107", "org_name": "ППО МБОУ СОШ № 7",
                   "role": "primary"}],
    "active": True, "must_change_password": True, "locked": False, "locked_sources": 0,
    "failed_attempts": 0, "last_sign_in_at": None, "created_at": "2026-12-01T09:30:00Z",
}


class UserPosition(BaseModel):
    org_id: str
    org_code: str
    org_name: str
    role: AnyRole


class ManagedUser(BaseModel):
    """A login as its manager sees it. ``locked``: five wrong passwords locked it from at
    least one address (``locked_sources`` of them) just now; ``failed_attempts``: wrong
    passwords from anywhere since the last successful sign-in."""

    id: str
    login: str
    full_name: str
    positions: list[UserPosition]
    active: bool
    must_change_password: bool
    locked: bool
    locked_sources: int
    failed_attempts: int
    last_sign_in_at: UtcTime | None
    created_at: UtcTime

    model_config = ConfigDict(json_schema_extra={"examples": [_USER_EXAMPLE]})


class UserList(BaseModel):
    users: list[ManagedUser]

    model_config = ConfigDict(json_schema_extra={"examples": [{"users": [_USER_EXAMPLE]}]})


class GrantableOrg(BaseModel):
    """An organisation the caller may issue logins at, with the roles allowed there."""

    org_id: str
    code: str
    name: str
    level: str
    roles: list[AnyRole]


class GrantOptions(BaseModel):
    orgs: list[GrantableOrg]

    model_config = ConfigDict(json_schema_extra={"examples": [{"orgs": [{
        "org_id": _ORG, "code": "52-0107", "name": "ППО МБОУ СОШ № 7", "level": "primary",
        "roles": ["primary"]}]}]})


class CreateUserRequest(BaseModel):
    """A login for the chair of an organisation below the caller's: ``role`` no higher than
    the caller's own. The registry makes a one-time password."""

    model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra={"examples": [{
        "login": "chair.school7", "full_name": "Петрова Мария Ивановна", "org_id": _ORG,
        "role": "primary"}]})

    login: str = Field(pattern=LOGIN_PATTERN, max_length=60)
    full_name: str = Field(min_length=1, max_length=300)
    org_id: str = Field(min_length=1, max_length=36)
    role: AnyRole


class IssuedPassword(BaseModel):
    """A new or reset login: the one-time password to print on the «Лист доступа». It must be
    changed at the first sign-in; it is not kept anywhere and never shown again."""

    user: ManagedUser
    one_time_password: str

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "user": _USER_EXAMPLE, "one_time_password": "Kx7m-Pq4r-Wd9n"}]})

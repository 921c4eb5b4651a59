"""The client side of ``/api/v1/users``: logins a manager issues and looks after.

Online only: every call goes to the registry (nothing about other people's logins is kept
on the computer). Refusals arrive as :class:`sync.client.RegistryError` with the registry's
Russian message; :class:`sync.client.Offline` when the registry cannot be reached.
"""

from __future__ import annotations

from chairclient.domain.grants import MANAGER_ROLES
from sync.client import RegistryClient
from sync.protocol_users import (
    CreateUserRequest,
    GrantableOrg,
    GrantOptions,
    IssuedPassword,
    ManagedUser,
    UserList,
)

#: The steps on one login: the path after ``/users/{id}/``.
STEPS = ("unlock", "disable", "enable", "end-sessions")


def may_manage(client: RegistryClient) -> bool:
    """Whether the signed-in user holds a position that manages logins (the registry still
    decides each step)."""
    return any(position.role in MANAGER_ROLES for position in client.positions)


class UsersApi:
    """Typed calls of ``/api/v1/users`` through a signed-in :class:`RegistryClient`."""

    def __init__(self, client: RegistryClient) -> None:
        self.client = client

    @property
    def server(self) -> str:
        """The registry's address as the client reaches it (printed on the access sheet)."""
        return str(self.client.http.base_url).removesuffix("/api/v1").rstrip("/")

    def list(self) -> list[ManagedUser]:
        return UserList.model_validate(self.client.call("GET", "/users")).users

    def options(self) -> list[GrantableOrg]:
        return GrantOptions.model_validate(self.client.call("GET", "/users/options")).orgs

    def create(self, login: str, full_name: str, org_id: str, role: str) -> IssuedPassword:
        body = CreateUserRequest.model_validate(
            {"login": login, "full_name": full_name, "org_id": org_id, "role": role})
        return IssuedPassword.model_validate(
            self.client.call("POST", "/users", body.model_dump(), retry=False))

    def reset_password(self, user_id: str) -> IssuedPassword:
        return IssuedPassword.model_validate(
            self.client.call("POST", f"/users/{user_id}/reset-password", retry=False))

    def step(self, user_id: str, step: str) -> ManagedUser:
        """One of :data:`STEPS` on the login; the login as it is afterwards."""
        if step not in STEPS:
            raise ValueError(step)
        return ManagedUser.model_validate(self.client.call("POST", f"/users/{user_id}/{step}"))

"""The HTTP client's typed errors."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from registry.auth import find_user_id
from registry.models import users
from sync.client import AuthError, Offline, PasswordChangeRequired, RegistryClient
from tests.registry.servers import free_port


def test_wrong_password_is_an_auth_error_in_russian(server) -> None:
    with RegistryClient(server.base_url) as client, pytest.raises(AuthError) as caught:
        client.login("chair1", "wrong-password")
    assert "Неверный логин или пароль" in str(caught.value)


def test_no_server_is_offline() -> None:
    with RegistryClient(f"http://127.0.0.1:{free_port()}", retries=1, backoff=0) as client:
        client.access_token = "x"
        with pytest.raises(Offline):
            client.meta()


def test_first_login_requires_a_password_change(server) -> None:
    with server.db.write() as session:
        session.execute(update(users).where(users.c.id == find_user_id(session, "chair2"))
                        .values(must_change_password=True))
    with RegistryClient(server.base_url) as client:
        with pytest.raises(PasswordChangeRequired):
            client.login("chair2", "demo-chair2")
        with pytest.raises(PasswordChangeRequired):
            client.meta()
        client.change_password("demo-chair2", "Новый-пароль-2025")
        assert client.meta().user.login == "chair2"


def test_an_expired_access_token_is_refreshed(server) -> None:
    with RegistryClient(server.base_url) as client:
        client.login("chair1", "demo-chair1")
        old_refresh = client.refresh_token
        client.access_token = "expired"
        assert client.meta().user.login == "chair1"
        assert client.refresh_token != old_refresh

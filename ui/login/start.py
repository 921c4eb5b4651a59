"""Start-up sign-in: a remembered session, an automatic demo login, or the login dialog."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from sync import credentials
from sync.client import AuthError, Offline, RegistryClient, RegistryError, ServerError
from ui.login.background import wait_in_background
from ui.login.dialog import LoginDialog

if TYPE_CHECKING:  # the registry is no part of the installed client
    from registry.embedded import DemoLogin

log = logging.getLogger(__name__)


@dataclass
class Account:
    """A signed-in person on one server; ``offline`` when the server could not be reached."""

    server: str  # the base URL the client talks to
    server_id: str  # stable name for the keyring and the local file ("demo" in demo mode)
    login: str
    client: RegistryClient
    remember: bool = False
    offline: bool = False

    def db_path(self, data_dir: Path) -> Path:
        return credentials.account_db_path(data_dir, self.login, self.server_id)

    def keep_tokens(self) -> None:
        """Store the current refresh token (and every rotated one) in the keyring."""
        if not self.remember:
            return

        def store(tokens) -> None:
            credentials.save_token(self.login, self.server_id, tokens.refresh_token)

        self.client.on_tokens = store
        if self.client.refresh_token:
            credentials.save_token(self.login, self.server_id, self.client.refresh_token)

    def forget(self) -> None:
        """Logout: the token leaves the keyring and is revoked on the server (best effort)."""
        credentials.delete_token(self.login, self.server_id)
        self.client.on_tokens = None
        try:
            wait_in_background(self.client.logout)
        except RegistryError as exc:
            log.info("logout: the server did not confirm (%s)", type(exc).__name__)
        self.client.close()


@dataclass
class SignIn:
    """What the start-up needs to know to sign someone in."""

    server: str
    data_dir: Path
    server_id: str = ""
    demo_users: Sequence[DemoLogin] = field(default_factory=list)
    auto_login: str | None = None  # demo screenshots: sign in as this demo user, no dialog

    def __post_init__(self) -> None:
        self.server_id = self.server_id or self.server


def _remembered(options: SignIn) -> Account | None:
    """The last user's session from the keyring, offline when the server is unreachable."""
    last = credentials.load_last(options.data_dir)
    if last.server != options.server_id or not last.login:
        return None
    token = credentials.load_token(last.login, options.server_id)
    if not token:
        return None
    client = RegistryClient(options.server)
    account = Account(options.server, options.server_id, last.login, client, remember=True)
    try:
        wait_in_background(lambda: client.refresh(token))
    except (Offline, ServerError):
        if not account.db_path(options.data_dir).exists():
            client.close()
            return None
        client.refresh_token = token  # the next sync refreshes it once the server is back
        account.offline = True
    except AuthError:
        credentials.delete_token(last.login, options.server_id)  # revoked or expired
        client.close()
        return None
    except RegistryError:
        client.close()
        return None
    account.keep_tokens()
    return account


def _automatic(options: SignIn) -> Account | None:
    user = next((u for u in options.demo_users if u.login == options.auto_login), None)
    if user is None:
        return None
    client = RegistryClient(options.server)
    wait_in_background(lambda: client.login(user.login, user.password))
    return Account(options.server, options.server_id, user.login, client)


def sign_in(options: SignIn) -> Account | None:
    """An account to open, or None when the person cancelled the dialog."""
    if options.auto_login:
        return _automatic(options)
    account = _remembered(options)
    if account is None:
        last = credentials.load_last(options.data_dir)
        same_server = last.server == options.server_id
        dialog = LoginDialog(options.server, login=last.login if same_server else "",
                             remember=last.remember, demo_users=options.demo_users,
                             has_local_data=lambda login: credentials.account_db_path(
                                 options.data_dir, login, options.server_id).exists())
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.client is None:
            return None
        account = Account(options.server, options.server_id, dialog.login.text().strip(),
                          dialog.client, remember=dialog.remember.isChecked(),
                          offline=dialog.offline)
        account.keep_tokens()
    credentials.save_last(options.data_dir, credentials.LastAccount(
        options.server_id, account.login, account.remember))
    return account

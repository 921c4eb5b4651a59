"""Fixtures for the sign-in and sync UI tests: a registry on loopback, an in-memory keyring.

The keyring class stands in for the operating system's password store, not for our code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from chairclient.db.engine import copy_database
from registry.db import Database, open_database
from registry.seed import DemoUser
from tests.registry.servers import ServerThread
from tests.sync.conftest import Seeded, seeded  # noqa: F401 (fixture)
from ui.login.start import Account, SignIn


@dataclass
class LiveServer:
    db: Database
    thread: ServerThread
    users: dict[str, DemoUser]

    @property
    def base_url(self) -> str:
        return self.thread.base_url


@pytest.fixture
def server(seeded: Seeded, tmp_path: Path) -> Iterator[LiveServer]:  # noqa: F811
    """A private copy of the seeded registry served on loopback (the test may stop it)."""
    path = tmp_path / "registry.sqlite"
    copy_database(seeded.path, path)
    db = open_database(f"sqlite:///{path}")
    thread = ServerThread(db).start()
    yield LiveServer(db, thread, seeded.users)
    thread.stop()
    db.close()


class MemoryKeyring(KeyringBackend):
    """A keyring kept in a dict, like the OS store but forgotten at the end of the test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.store.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("no such password")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def sign_in_options(server: LiveServer, tmp_path: Path) -> SignIn:
    return SignIn(server.base_url, tmp_path / "data")


def log_in_with_dialog(qtbot, options: SignIn, login: str, password: str, *,
                       remember: bool = False) -> Account:
    """Fill the login dialog as a person would and press «Войти»."""
    from ui.login.dialog import LoginDialog

    dialog = LoginDialog(options.server, remember=remember)
    qtbot.addWidget(dialog)
    dialog.login.setText(login)
    dialog.password.setText(password)
    dialog.remember.setChecked(remember)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.result() == LoginDialog.DialogCode.Accepted, timeout=10_000)
    account = Account(options.server, options.server_id, login, dialog.client,
                      remember=remember)
    account.keep_tokens()
    from sync import credentials

    credentials.save_last(options.data_dir,
                          credentials.LastAccount(options.server_id, login, remember))
    return account


def open_and_sync(qtbot, account: Account, options: SignIn):
    """The account's session with its first sync finished."""
    from ui.sync.session import open_session

    session = open_session(account, account.db_path(options.data_dir), remember_geometry=False)
    # Not qtbot.addWidget: Session.close deletes the window, and pytest-qt would close it again.
    session.window.show()
    session.controller.start()
    qtbot.waitUntil(lambda: session.controller.runs >= 1, timeout=30_000)
    return session

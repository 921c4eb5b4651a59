"""Who is signed in where: the refresh token in the OS keyring, the last account in a file.

The refresh token is a secret and lives only in the operating system's keyring (service
:data:`SERVICE`, user name ``login@server``); it is never written to a file. The last login and
server address are not secret and go into a small JSON file in the user data directory. When
no usable keyring backend exists (a headless Linux box), "remember me" is unavailable.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from chairclient.private_files import write_private_text

log = logging.getLogger(__name__)

SERVICE = "ChairClient"
SETTINGS_FILE = "account.json"


def _usable(backend: KeyringBackend) -> bool:
    """False for keyring's "fail" and "null" backends and an empty chain of backends."""
    module = type(backend).__module__
    if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return False
    chained = getattr(backend, "backends", None)
    if module.startswith("keyring.backends.chainer"):
        return bool(chained)
    return True


def keyring_available() -> bool:
    """Whether a refresh token can be kept in the OS keyring on this computer."""
    try:
        return _usable(keyring.get_keyring())
    except Exception:  # a broken backend configuration: treat as "no keyring"
        return False


def account_name(login: str, server: str) -> str:
    return f"{login}@{server}"


def save_token(login: str, server: str, token: str) -> bool:
    """Keep ``token`` in the keyring; False when there is no keyring (nothing is written)."""
    if not keyring_available():
        return False
    try:
        keyring.set_password(SERVICE, account_name(login, server), token)
    except keyring.errors.KeyringError as exc:
        log.warning("keyring refused the token: %s", type(exc).__name__)
        return False
    return True


def load_token(login: str, server: str) -> str | None:
    if not keyring_available():
        return None
    try:
        return keyring.get_password(SERVICE, account_name(login, server))
    except keyring.errors.KeyringError as exc:
        log.warning("keyring could not be read: %s", type(exc).__name__)
        return None


def delete_token(login: str, server: str) -> None:
    """Forget the token (nothing happens when there is none or no keyring)."""
    if not keyring_available():
        return
    try:
        keyring.delete_password(SERVICE, account_name(login, server))
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        log.warning("keyring could not delete the token: %s", type(exc).__name__)


def safe_name(text: str) -> str:
    """A file name from ``login@host``: letters, digits, ``@._-``; the rest becomes ``_``."""
    cleaned = re.sub(r"[^\w@.\-]", "_", text, flags=re.ASCII).strip("._")
    return cleaned or "account"


def server_host(server: str) -> str:
    """``host`` or ``host_port`` of a server address (the scheme and path left out)."""
    text = re.sub(r"^[a-z]+://", "", server.strip(), flags=re.IGNORECASE)
    return text.split("/", 1)[0].replace(":", "_") or "server"


def account_db_path(data_dir: Path, login: str, server: str) -> Path:
    """The local database of one user on one server: ``accounts/<login@host>.sqlite``."""
    return data_dir / "accounts" / f"{safe_name(f'{login}@{server_host(server)}')}.sqlite"


@dataclass
class LastAccount:
    server: str = ""
    login: str = ""
    remember: bool = False


def load_last(data_dir: Path) -> LastAccount:
    """The last signed-in account (empty when unknown or the file is unreadable)."""
    try:
        data = json.loads((data_dir / SETTINGS_FILE).read_text(encoding="utf-8"))
        return LastAccount(str(data.get("server", "")), str(data.get("login", "")),
                           bool(data.get("remember", False)))
    except (OSError, ValueError, AttributeError):
        return LastAccount()


def save_last(data_dir: Path, account: LastAccount) -> None:
    """Remember the server and login (never a password or token)."""
    data = {"server": account.server, "login": account.login, "remember": account.remember}
    write_private_text(data_dir / SETTINGS_FILE, json.dumps(data, ensure_ascii=False),
                       own_folder=True)

"""The key of an account's encrypted database: in the OS keyring beside the refresh token,
or, where no keyring works, derived from a passphrase the person types at every start.

Keyring: service :data:`sync.credentials.SERVICE`, user name ``db-key:login@server``, the 32
random bytes as hex. The key is made when the account's database is first opened (its first
sign-in on this computer) or when a plain database of an older version is to be converted.

Passphrase: a small file beside the database (``<name>.sqlite.kdf.json``) keeps scrypt's salt
(never the passphrase or the key); its presence tells that this database is opened by
passphrase. A wrong passphrase simply does not open the database.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import secrets
from pathlib import Path

import keyring
import keyring.errors

from chairclient.db import cipher
from chairclient.private_files import write_private_text
from sync.credentials import SERVICE, account_name, keyring_available

log = logging.getLogger(__name__)

KDF_SUFFIX = ".kdf.json"
MIN_PASSPHRASE = 8


class KeyLost(Exception):
    """The database is encrypted, but the keyring has no key for it (a new Windows profile,
    a wiped credential store): it cannot be opened; the registry still has what was synced."""


def _keyring_name(login: str, server: str) -> str:
    return f"db-key:{account_name(login, server)}"


def load_keyring_key(login: str, server: str) -> bytes | None:
    if not keyring_available():
        return None
    try:
        stored = keyring.get_password(SERVICE, _keyring_name(login, server))
    except keyring.errors.KeyringError as exc:
        log.warning("keyring could not be read: %s", type(exc).__name__)
        return None
    try:
        return bytes.fromhex(stored) if stored else None
    except ValueError:
        return None


def _store_keyring_key(login: str, server: str, key: bytes) -> bool:
    try:
        keyring.set_password(SERVICE, _keyring_name(login, server), key.hex())
    except keyring.errors.KeyringError as exc:
        log.warning("keyring refused the database key: %s", type(exc).__name__)
        return False
    return load_keyring_key(login, server) == key  # a backend that "stores" nothing


def forget_key(login: str, server: str, db_path: Path) -> None:
    """With the account's local data deleted, its key goes too."""
    kdf_file(db_path).unlink(missing_ok=True)
    if keyring_available():
        with contextlib.suppress(keyring.errors.KeyringError):
            keyring.delete_password(SERVICE, _keyring_name(login, server))


def kdf_file(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + KDF_SUFFIX)


def uses_passphrase(db_path: Path) -> bool:
    return kdf_file(db_path).exists()


def keyring_key(login: str, server: str, db_path: Path) -> bytes | None:
    """The key from the keyring, made and stored there for a new or plain database; None when
    no keyring can keep it (then a passphrase is needed). :class:`KeyLost` when the database
    is encrypted and the keyring has no key for it."""
    if not keyring_available():
        return None
    key = load_keyring_key(login, server)
    if key is not None:
        return key
    if cipher.is_encrypted(db_path):
        raise KeyLost(str(db_path))
    key = cipher.new_key()
    return key if _store_keyring_key(login, server, key) else None


def passphrase_key(db_path: Path, passphrase: str) -> bytes:
    """The key from ``passphrase`` (a new salt is kept beside a new database)."""
    path = kdf_file(db_path)
    try:
        salt = bytes.fromhex(json.loads(path.read_text(encoding="utf-8"))["salt"])
    except FileNotFoundError:
        salt = secrets.token_bytes(16)
        write_private_text(path, json.dumps({"kdf": "scrypt", "salt": salt.hex(),
                                             **cipher.SCRYPT}))
    return cipher.passphrase_key(passphrase, salt)


def opens(db_path: Path, key: bytes) -> bool:
    """Whether ``key`` opens the database (a new or plain one: any key will do)."""
    if not cipher.is_encrypted(db_path):
        return True
    try:
        cipher.connect(db_path, key).close()
    except cipher.WrongKey:
        return False
    return True


def demo_key(login: str) -> bytes:
    """The embedded demo's fictitious people on a computer without a keyring: a fixed key
    (the demo's data are made up; a real account never gets this)."""
    return hashlib.sha256(f"chairclient-demo:{login}".encode()).digest()

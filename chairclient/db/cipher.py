"""The account database encrypted at rest: SQLCipher through ``sqlcipher3``.

``sqlcipher3`` is the maintained DB-API binding of SQLCipher 4 (AES-256 pages with an
HMAC-SHA512 each) with wheels for Windows and Linux; it is a drop-in ``sqlite3``, so the store
opens it through SQLAlchemy's own SQLite dialect (:func:`chairclient.db.engine.make_engine`)
and nothing above the engine changes.

The key is 32 random bytes given to SQLCipher as a raw key (``x'…'``): no key derivation on
every connection. Where the key comes from a passphrase instead (no OS keyring), scrypt
derives it once per start (:func:`passphrase_key`).

A plain database of an older version is converted in place on its first opening with a key
(:func:`encrypt_in_place`): a backup first (as before a migration), the encrypted copy made
with ``sqlcipher_export``, every table's row count compared, the copy moved over the
original; then the plain backups (this one and those older migrations left beside it) are
encrypted too, so no plain copy of the members' data stays on the disk.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import sqlite3
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

KEY_BYTES = 32
_PLAIN_HEADER = b"SQLite format 3\x00"
#: scrypt for a passphrase: 64 MiB and about 0.2 s, once per start.
SCRYPT = {"n": 2**16, "r": 8, "p": 1, "maxmem": 128 * 1024 * 1024}


class WrongKey(Exception):
    """The key (or passphrase) does not open this database."""


def dbapi() -> Any:
    """The SQLCipher DB-API module (imported on first use: the plain store never needs it)."""
    from sqlcipher3 import dbapi2

    return dbapi2


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def passphrase_key(passphrase: str, salt: bytes) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, dklen=KEY_BYTES, **SCRYPT)


def is_plain(path: Path) -> bool:
    """An existing, unencrypted SQLite file (an empty file counts as new, not plain)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == _PLAIN_HEADER
    except FileNotFoundError:
        return False


def is_encrypted(path: Path) -> bool:
    """An existing, non-empty file that is not plain SQLite: encrypted (or not ours)."""
    try:
        return path.stat().st_size > 0 and not is_plain(path)
    except FileNotFoundError:
        return False


def _key_sql(key: bytes) -> str:
    return f"x'{key.hex()}'"


def connect(path: Path | str, key: bytes, **kwargs: Any) -> Any:
    """A SQLCipher connection to ``path`` opened with ``key``; :class:`WrongKey` when the key
    does not open it."""
    module = dbapi()
    connection = module.connect(str(path), **kwargs)
    try:
        # SQLCipher would print a wrong key's failed page checks to stderr; the caller tells.
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f'PRAGMA key = "{_key_sql(key)}"')
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError as exc:
        connection.close()
        raise WrongKey(str(path)) from exc
    return connection


def copy_encrypted(source: Path, target: Path, key: bytes) -> None:
    """A consistent copy of the encrypted ``source`` (even while open, in WAL mode)."""
    src = connect(source, key)
    try:
        dst = connect(target, key)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _row_counts(connection: Any, schema: str = "main") -> dict[str, int]:
    names = [row[0] for row in connection.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%'")]
    return {name: connection.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0]
            for name in names}


def _export(plain: Path, target: Path, key: bytes) -> None:
    """``plain`` copied into a new encrypted file ``target``, its row counts checked."""
    with sqlite3.connect(plain) as checkpoint:  # everything in the main file, WAL emptied
        checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    checkpoint.close()
    target.unlink(missing_ok=True)
    from chairclient.private_files import create_private

    create_private(target)
    connection = dbapi().connect(str(plain))
    try:
        connection.execute(f"ATTACH DATABASE ? AS encrypted KEY \"{_key_sql(key)}\"",
                           (str(target),))
        connection.execute("SELECT sqlcipher_export('encrypted')")
        version = connection.execute("PRAGMA main.user_version").fetchone()[0]
        connection.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        before, after = _row_counts(connection), _row_counts(connection, "encrypted")
        connection.execute("DETACH DATABASE encrypted")
    finally:
        connection.close()
    if before != after:
        target.unlink(missing_ok=True)
        raise RuntimeError(f"encrypted copy differs from {plain.name}")


def encrypt_in_place(path: Path, key: bytes, *, backup: bool = True) -> Path | None:
    """Convert the plain database at ``path`` to SQLCipher with ``key``; the backup made
    first (encrypted as well once the conversion succeeded), or None without one."""
    from chairclient.db.engine import backup_file

    saved = backup_file(path, "before-encryption") if backup else None
    work = path.with_name(f".{path.name}.encrypting")
    _export(path, work, key)
    os.replace(work, path)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    log.info("Database encrypted in place")
    for leftover in plain_backups(path):
        encrypt_in_place(leftover, key, backup=False)
    return saved


def plain_backups(path: Path) -> list[Path]:
    """Backups of ``path`` (migrations', the conversion's own) still in plain SQLite."""
    return sorted(p for p in path.parent.glob(f"{path.stem}.backup-*{path.suffix}")
                  if is_plain(p))

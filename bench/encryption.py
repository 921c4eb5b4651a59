"""``python -m bench --encrypted``: the same cases on a SQLCipher database (issue 21).

The built database is converted in place with a random key (as the app converts a plain
database on its first start after the update) and the key handed to the child processes in
an environment variable of the benchmark's own: the cases open the database with it, as the
app opens the account's database with the key from the keyring.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

KEY_ENV = "CHAIRCLIENT_BENCH_DB_KEY"


def bench_key() -> bytes | None:
    """The key of the benchmark's database, None when it runs unencrypted."""
    value = os.environ.get(KEY_ENV)
    return bytes.fromhex(value) if value else None


def encrypt(path: Path) -> float:
    """Convert ``path`` in place; the key goes to this process's environment (and so to the
    children's). Returns the seconds the conversion took."""
    from chairclient.db import cipher

    key = cipher.new_key()
    started = time.perf_counter()
    cipher.encrypt_in_place(path, key, backup=False)
    seconds = time.perf_counter() - started
    os.environ[KEY_ENV] = key.hex()
    return seconds

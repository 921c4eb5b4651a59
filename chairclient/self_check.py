"""``chairclient self-check``: what the installed app loads lazily, loaded now.

For the smoke checks of a frozen bundle (installer/smoke.py) and for support on a chair's
computer: the version, SQLCipher (an encrypted database written and read back), the keyring
backend, the client's migrations and the bundled resources. Exit status 1 when one fails.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def main(_argv: object = None) -> int:
    from chairclient.version import __version__

    print(f"chairclient {__version__}, Python {sys.version.split()[0]}, {sys.platform}")
    failed = 0
    for name, check in (("SQLCipher", _sqlcipher), ("keyring", _keyring),
                        ("migrations", _migrations), ("resources", _resources)):
        try:
            detail = check()
        except Exception as exc:  # report every part, then fail
            failed += 1
            print(f"FAIL {name}: {type(exc).__name__}: {exc}")
        else:
            print(f"ok   {name}: {detail}")
    return 1 if failed else 0


def _sqlcipher() -> str:
    from chairclient.db import cipher
    from chairclient.db.engine import open_database

    with tempfile.TemporaryDirectory(prefix="chairclient-check-") as folder:
        path = Path(folder) / "check.sqlite"
        key = cipher.new_key()
        open_database(path, key=key).close()
        if not cipher.is_encrypted(path):
            raise RuntimeError("the database was written in clear")
        connection = cipher.connect(path, key)
        try:
            return "SQLCipher " + connection.execute("PRAGMA cipher_version").fetchone()[0]
        finally:
            connection.close()


def _keyring() -> str:
    import keyring

    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _migrations() -> str:
    from chairclient.db import migrate

    return f"head {migrate.head_revision()}"


def _resources() -> str:
    from chairclient import resources

    found = [name for name in ("fonts", "reports", "translations") if
             (resources.resource_dir() / name).is_dir()]
    if len(found) < 3:
        raise RuntimeError(f"missing under {resources.resource_dir()}: only {found}")
    return str(resources.resource_dir())

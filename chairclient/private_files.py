"""Files with personal data: owner-only on POSIX (files 0600, the app's folders 0700).

The one place the project sets these modes. Every file the app or the registry writes that may
hold personal data (databases and their backups, exports, documents, order files, feeds,
screenshots) is made through :func:`atomic_private` or :func:`create_private`, and the folders
the app keeps its data in through :func:`private_dir`. A part file is created 0600 *before*
any byte is written, so there is never a moment when the data are world-readable (a
``chmod`` afterwards would leave one). On Windows the user's profile folders are private
already and the modes mean nothing; these functions then only create.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
POSIX = os.name == "posix"


def private_dir(path: Path | str, *, tighten: bool = True) -> Path:
    """Create ``path`` (and missing parents) 0700; with ``tighten`` an existing folder is
    made 0700 too (the app's own data folders, created 0755 by older versions). A folder the
    person chose (an export's destination) is created private but never changed."""
    path = Path(path)
    missing = [p for p in (path, *path.parents) if not p.exists()]
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if POSIX:
        for created in missing:  # parents=True gives parents the default mode: fix them
            with contextlib.suppress(OSError):
                os.chmod(created, DIR_MODE)
        if tighten:
            os.chmod(path, DIR_MODE)
    return path


def make_private(path: Path | str) -> None:
    """Make an existing file owner-only (a database from an older version)."""
    if POSIX and os.path.exists(path):
        os.chmod(path, FILE_MODE)


def create_private(path: Path | str) -> Path:
    """Create ``path`` empty and 0600 unless it exists (then make it 0600). Libraries that
    open a file for writing (SQLite, openpyxl, Qt) keep the mode of the file they find."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        make_private(path)
    else:
        os.close(fd)
    return path


def part_path(target: Path, suffix: str = "part") -> Path:
    """A hidden scratch path next to ``target`` (the caller creates and removes it)."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.{suffix}")


@contextlib.contextmanager
def atomic_private(target: Path | str, *, own_folder: bool = False) -> Iterator[Path]:
    """Yield a 0600 part file beside ``target``; on success it replaces ``target``.

    A failed or cancelled write never leaves a half-written file under the target's name.
    ``own_folder``: the folder is the app's or the registry's own (made 0700 even if it
    exists); otherwise a missing folder is created 0700 and an existing one left alone.
    """
    target = Path(target)
    private_dir(target.parent, tighten=own_folder)
    part = create_private(part_path(target))
    try:
        yield part
        os.replace(part, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            part.unlink()


def write_private_text(target: Path | str, text: str, *, own_folder: bool = False) -> Path:
    """``target`` holds ``text`` (UTF-8), written atomically and 0600."""
    target = Path(target)
    with atomic_private(target, own_folder=own_folder) as part:
        part.write_text(text, encoding="utf-8")
    return target

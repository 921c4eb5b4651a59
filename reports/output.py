"""Writing a document to its target path: a hidden part file next to it, renamed when complete.

Nothing goes to the system temp directory (documents carry personal data), and a failed or
cancelled build never leaves a half-written file under the target's name.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_target(target: Path | str) -> Iterator[Path]:
    """Yield a part-file path in the target's folder; on success it replaces ``target``."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        yield part
        os.replace(part, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            part.unlink()


def sibling_part(target: Path, suffix: str) -> Path:
    """A hidden scratch file next to ``target`` (the caller deletes it)."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.{suffix}")

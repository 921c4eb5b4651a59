"""Writing a document to its target path: a hidden part file next to it, renamed when complete.

Nothing goes to the system temp directory (documents carry personal data), a failed or
cancelled build never leaves a half-written file under the target's name, and the file is
owner-only from its first byte (:mod:`chairclient.private_files`).
"""

from __future__ import annotations

from pathlib import Path

from chairclient.private_files import atomic_private, create_private, part_path, private_dir

#: Yield a 0600 part-file path in the target's folder; on success it replaces the target.
atomic_target = atomic_private


def sibling_part(target: Path, suffix: str) -> Path:
    """A hidden 0600 scratch file next to ``target`` (the caller deletes it)."""
    target = Path(target)
    private_dir(target.parent, tighten=False)
    return create_private(part_path(target, suffix))

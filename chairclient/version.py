"""The application's version: the one place it is written.

``pyproject.toml`` reads it from here (``[tool.setuptools.dynamic]``), the PyInstaller spec and
the NSIS installer take it from here, the app shows it in «О программе» and sends it to the
registry with every request. A module, not the installed package's metadata: a frozen bundle
has no ``dist-info`` unless told to copy it, and a source checkout need not be installed.
"""

from __future__ import annotations

import re

__version__ = "0.2.0"

#: The HTTP header that tells the registry which client version is calling.
VERSION_HEADER = "X-Client-Version"

_VERSION = re.compile(r"^\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$")


def parse_version(text: str) -> tuple[int, int, int] | None:
    """``"1.2.3"`` → ``(1, 2, 3)`` (``"1.2"`` → ``(1, 2, 0)``); None for anything else."""
    match = _VERSION.match(text or "")
    if match is None:
        return None
    return tuple(int(part or 0) for part in match.groups())  # type: ignore[return-value]


def is_older(version: str, than: str) -> bool:
    """Whether ``version`` is older than ``than``; False when either cannot be read (an
    unreadable setting never locks anybody out)."""
    mine, other = parse_version(version), parse_version(than)
    return mine is not None and other is not None and mine < other

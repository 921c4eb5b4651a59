"""Where the bundled resources (fonts, report definitions, translations, help) live."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_ENV = "CHAIRCLIENT_RESOURCES"


def resource_dir() -> Path:
    """The ``resources/`` folder: an override, the frozen bundle, or the source tree."""
    override = os.environ.get(_ENV)
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """A file under ``resources/``; raises FileNotFoundError naming it when it is missing."""
    path = resource_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"Не найден файл ресурсов: {path}")
    return path

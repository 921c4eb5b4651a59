"""Optional parts of the UI built in separate packages, imported only when first needed."""

from __future__ import annotations

import importlib
import importlib.util


def optional_class(module: str, name: str) -> type | None:
    """``module.name`` if that module exists and defines it yet, else None.

    A module that exists but fails to import raises as usual: a broken part should be seen,
    not hidden behind a placeholder.
    """
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin in (None, "namespace"):  # missing, or an empty folder
        return None
    return getattr(importlib.import_module(module), name, None)

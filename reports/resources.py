"""Where the bundled resources live (:mod:`chairclient.resources`, their one home)."""

from __future__ import annotations

from chairclient.resources import resource, resource_dir

__all__ = ["resource", "resource_dir"]

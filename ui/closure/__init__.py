"""Closing an organisation (liquidation, merger) and reopening it, from the organisation tree."""

from ui.closure.actions import ClosureActions

__all__ = ["ClosureActions"]

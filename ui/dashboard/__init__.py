"""The organisation's completeness dashboard («Сводка» tab)."""

from ui.dashboard.panel import DashboardPanel

__all__ = ["DashboardPanel"]

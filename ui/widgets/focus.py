"""Showing a widget that may sit on a hidden tab or below the fold of a scroll area."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QStackedWidget, QTabWidget, QWidget


def bring_into_view(widget: QWidget) -> None:
    """Switch every tab/stack page on the way up to the one holding ``widget``; scroll to it."""
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget) and parent.indexOf(child) >= 0:
            tabs = parent.parentWidget()
            if isinstance(tabs, QTabWidget):
                tabs.setCurrentWidget(child)  # keeps the tab bar in step with the page
            else:
                parent.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()

"""Tab titles that tell how complete the tab is, and whether it holds a wrong value."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTabWidget, QWidget

from ui.widgets.field_set import ERROR_COLOR

ERROR_MARK = "⚠"


def completeness_title(title: str, filled: int, total: int, *, error: bool = False) -> str:
    """«ИНПО ✓» when every required field is filled, «Работодатель (3/5)» otherwise,
    «Работодатель ⚠» when the tab shows a wrong value. Without required fields: the title."""
    if error:
        return f"{title} {ERROR_MARK}"
    if total == 0:
        return title
    if filled >= total:
        return f"{title} ✓"
    return f"{title} ({filled}/{total})"


def tabs_with(tabs: QTabWidget, widgets: Iterable[QWidget]) -> set[int]:
    """Indexes of the tabs whose pages hold any of ``widgets``."""
    found = set()
    for widget in widgets:
        for index in range(tabs.count()):
            if tabs.widget(index).isAncestorOf(widget):
                found.add(index)
    return found


def set_tab_state(tabs: QTabWidget, index: int, title: str, tooltip: str = "", *,
                  error: bool = False) -> None:
    """Change a tab's title, tooltip and colour only when they differ (avoids relayouts)."""
    if tabs.tabText(index) != title:
        tabs.setTabText(index, title)
    if tabs.tabToolTip(index) != tooltip:
        tabs.setTabToolTip(index, tooltip)
    bar = tabs.tabBar()
    color = QColor(ERROR_COLOR) if error else QColor()
    if bar.tabTextColor(index) != color:
        bar.setTabTextColor(index, color)

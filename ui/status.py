"""The status bar: organisation, member counts, a busy indicator and the sync state."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QStatusBar, QWidget

from ui.i18n.formats import format_number
from ui.operations import Operations

BUSY_DELAY_MS = 300  # quick reads do not make the indicator flicker


def _separator(parent: QWidget) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.VLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


class StatusBar(QStatusBar):
    """Permanent fields on the right; temporary messages on the left."""

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.organisation = QLabel(self)
        self.counts = QLabel(self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # "working", without a percentage
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.setToolTip(self.tr("Reading data…"))
        self.busy.setVisible(False)
        self.sync = QLabel(self)
        self.set_sync_state(None)
        self.counts_separator = _separator(self)
        self.counts_separator.setVisible(False)
        self.addWidget(self.organisation, 1)
        self.addPermanentWidget(self.busy)
        self.addPermanentWidget(self.counts)
        self.addPermanentWidget(self.counts_separator)
        self.addPermanentWidget(self.sync)

        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(lambda: self.busy.setVisible(operations.busy))
        operations.busy_changed.connect(self._on_busy)

    def set_organisation(self, name: str | None) -> None:
        self.organisation.setText(name or "")
        self.organisation.setVisible(bool(name))

    def set_counts(self, shown: int, total: int, filtered: bool) -> None:
        """«3 000 членов Профсоюза на учёте», plus «в списке: 25» when a filter narrows it."""
        text = self.member_count_text(total)
        if filtered:
            text += " · " + self.tr("in the list: %1").replace("%1", format_number(shown))
        self.counts.setText(text)
        self.counts_separator.setVisible(True)

    def clear_counts(self) -> None:
        self.counts.setText("")
        self.counts_separator.setVisible(False)

    def member_count_text(self, total: int) -> str:
        """``total`` with the right Russian form: 1 член, 3 члена, 5 членов Профсоюза."""
        return self.tr("%Ln union member(s) on the register", "", total)

    def set_sync_widget(self, widget: QWidget) -> None:
        """Put the live sync indicator where the placeholder was."""
        self.removeWidget(self.sync)
        self.sync.deleteLater()
        self.sync = widget
        self.addPermanentWidget(widget)

    def set_sync_state(self, text: str | None) -> None:
        """The placeholder shown when the app works without a registry."""
        if isinstance(self.sync, QLabel):
            self.sync.setText(text or self.tr("Sync: not set up yet"))

    def _on_busy(self, busy: bool) -> None:
        if busy:
            if not self._busy_timer.isActive() and not self.busy.isVisible():
                self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy.setVisible(False)

"""A date entry field: dd.mm.yyyy typed with a mask, may stay empty, with a calendar pop-up."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFocusEvent, QIcon, QMouseEvent, QPainter, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QMenu, QWidget, QWidgetAction

from chairclient.validation import parse_date

DATE_FORMAT = "%d.%m.%Y"


def format_date(day: date | None) -> str:
    """``dd.mm.yyyy`` or an empty string."""
    return day.strftime(DATE_FORMAT) if day else ""


def _calendar_icon() -> QIcon:
    """A small calendar glyph drawn in code (no icon files needed)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#505050"))
    painter.drawRect(1, 2, 13, 12)
    painter.fillRect(2, 3, 12, 3, QColor("#505050"))
    for x in (4, 7, 10):
        for y in (8, 11):
            painter.fillRect(x, y, 2, 2, QColor("#505050"))
    painter.end()
    return QIcon(pixmap)


class DateField(QLineEdit):
    """Date typed as ``dd.mm.yyyy``; empty is allowed (unlike ``QDateEdit``).

    :meth:`value` returns a ``date``, ``None`` when empty, or the raw text when it cannot be
    read, so that validation reports the problem next to the field instead of losing it.
    """

    picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setInputMask("00.00.0000;_")
        self.setMaximumWidth(150)
        self.setMinimumWidth(130)
        self._calendar_action = QAction(_calendar_icon(), "", self)
        self._calendar_action.setToolTip(self.tr("Choose a date in the calendar"))
        self._calendar_action.triggered.connect(self._show_calendar)
        self.addAction(self._calendar_action, QLineEdit.ActionPosition.TrailingPosition)

    # -- value ---------------------------------------------------------------------------------

    def is_blank(self) -> bool:
        return not any(ch.isdigit() for ch in self.text())

    def value(self) -> date | str | None:
        """The date, ``None`` when empty, or the typed text when it is not a valid date."""
        if self.is_blank():
            return None
        try:
            return parse_date(self.text())
        except ValueError:
            return self.text()

    def set_value(self, day: date | None) -> None:
        if day is None:
            self.clear()
        else:
            self.setText(format_date(day))

    # -- behaviour -----------------------------------------------------------------------------

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        if self.is_blank():
            QTimer.singleShot(0, lambda: self.setCursorPosition(0))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mousePressEvent(event)
        if self.is_blank():
            self.setCursorPosition(0)

    def _show_calendar(self) -> None:
        if self.isReadOnly():
            return
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setGridVisible(True)
        current = self.value()
        start = current if isinstance(current, date) else date.today()
        calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(qdate: QDate) -> None:
            self.set_value(date(qdate.year(), qdate.month(), qdate.day()))
            menu.close()
            self.picked.emit()
            self.editingFinished.emit()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        menu.exec(self.mapToGlobal(QPoint(0, self.height())))
        menu.deleteLater()

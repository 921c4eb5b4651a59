"""A text field for long one-paragraph values (official names): wraps instead of scrolling."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QWidget


class LongTextField(QPlainTextEdit):
    """Shows a long name on two lines or more; Enter and Tab move on, no line breaks are kept."""

    value_changed = Signal()
    editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None, *, lines: int = 2,
                 max_length: int = 500) -> None:
        super().__init__(parent)
        self._max_length = max_length
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        margins = self.contentsMargins()
        height = (self.fontMetrics().lineSpacing() * lines + 2 * self.document().documentMargin()
                  + margins.top() + margins.bottom() + 2)
        self.setFixedHeight(int(height))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self.value_changed)

    def value(self) -> str | None:
        text = " ".join(self.toPlainText().split())
        return text[: self._max_length] or None

    def set_value(self, text: str | None) -> None:
        self.setPlainText(text or "")

    def text(self) -> str:
        return self.toPlainText()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.editing_finished.emit()
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.editing_finished.emit()

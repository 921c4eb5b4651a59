"""Small editors with a typed value, and uniform get/set/signal access to any editor."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt, Signal, SignalInstance
from PySide6.QtGui import QMouseEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget


class IntField(QLineEdit):
    """A whole number that may be empty; only digits can be typed."""

    def __init__(self, parent: QWidget | None = None, *, digits: int = 7) -> None:
        super().__init__(parent)
        pattern = QRegularExpression(rf"\d{{0,{digits}}}")
        self.setValidator(QRegularExpressionValidator(pattern, self))
        self.setMaximumWidth(120)

    def value(self) -> int | None:
        text = self.text().strip()
        return int(text) if text else None

    def set_value(self, number: int | None) -> None:
        self.setText("" if number is None else str(number))


class MaskedField(QLineEdit):
    """Text typed through an input mask (e.g. СНИЛС); the value is None while no digit is typed."""

    def __init__(self, mask: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setInputMask(mask)

    def value(self) -> str | None:
        text = self.text()
        return text if any(ch.isdigit() for ch in text) else None

    def set_value(self, text: str | None) -> None:
        self.setText(text or "")

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mousePressEvent(event)
        if self.value() is None:
            self.setCursorPosition(0)


class CodeCombo(QComboBox):
    """A choice from a list of ``(code, label)`` pairs; the first entry means "not chosen"."""

    def __init__(self, parent: QWidget | None = None, *, empty_label: str = "") -> None:
        super().__init__(parent)
        self._empty_label = empty_label
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(20)
        self.addItem(empty_label, None)

    def set_items(self, items: Iterable[tuple[str, str]]) -> None:
        """Replace the choices, keeping the current code when it is still offered."""
        current = self.value()
        self.blockSignals(True)
        self.clear()
        self.addItem(self._empty_label, None)
        for code, label in items:
            self.addItem(label, code)
        self.blockSignals(False)
        self.set_value(current)

    def value(self) -> str | None:
        return self.currentData()

    def set_value(self, code: str | None) -> None:
        if code is None:
            self.setCurrentIndex(0)
            return
        index = self.findData(code)
        if index < 0:  # a retired or unknown code: keep it visible rather than lose it
            self.addItem(code, code)
            index = self.count() - 1
        self.setCurrentIndex(index)


class TextCombo(QComboBox):
    """Free text with suggestions (an editable combo box); empty text means no value."""

    def __init__(self, suggestions: Iterable[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("")
        self.addItems(list(suggestions))

    def value(self) -> str | None:
        return self.currentText().strip() or None

    def set_value(self, text: str | None) -> None:
        self.setEditText(text or "")


class ClickableLabel(QLabel):
    """A word-wrapped label that emits :attr:`clicked` (a long caption for a check box)."""

    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


# -- uniform access -----------------------------------------------------------------------------


def _typed(editor: QWidget) -> bool:
    """True for editors with their own ``value()``/``set_value()`` (ours, or any such widget)."""
    return callable(getattr(editor, "value", None)) and callable(getattr(editor, "set_value", None))


def read_value(editor: QWidget) -> Any:
    """The editor's value: str/None for text, date for dates, code for choices, bool for boxes."""
    if _typed(editor):
        return editor.value()
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QLineEdit):
        return editor.text().strip() or None
    raise TypeError(f"unsupported editor {type(editor).__name__}")


def write_value(editor: QWidget, value: Any) -> None:
    """Show ``value`` in the editor (the inverse of :func:`read_value`)."""
    if _typed(editor):
        editor.set_value(value)
    elif isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, QLineEdit):
        editor.setText("" if value is None else str(value))
        editor.setCursorPosition(0)  # show the beginning of a long value, not its end
    else:
        raise TypeError(f"unsupported editor {type(editor).__name__}")


def change_signal(editor: QWidget) -> SignalInstance:
    """The signal emitted whenever the editor's value changes."""
    custom = getattr(editor, "value_changed", None)
    if custom is not None:
        return custom
    if isinstance(editor, TextCombo):
        return editor.editTextChanged
    if isinstance(editor, QComboBox):
        return editor.currentIndexChanged
    if isinstance(editor, QCheckBox):
        return editor.toggled
    if isinstance(editor, QLineEdit):
        return editor.textChanged
    raise TypeError(f"unsupported editor {type(editor).__name__}")


def leave_signal(editor: QWidget) -> SignalInstance:
    """The signal meaning "the person is done with this field" (left it or picked a value)."""
    custom = getattr(editor, "editing_finished", None) or getattr(editor, "value_changed", None)
    if custom is not None:
        return custom
    if isinstance(editor, QLineEdit):
        return editor.editingFinished
    if isinstance(editor, TextCombo):
        return editor.lineEdit().editingFinished
    return change_signal(editor)

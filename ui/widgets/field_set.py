"""A set of form rows: label (with * when required), editor, inline message, optional hint.

The set reads and writes all values at once, remembers the values last loaded or saved (to
know about unsaved changes), and shows validation messages next to the fields. A message
appears once the person has left the field (or tried to save) and then follows their typing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ui.widgets.editors import change_signal, leave_signal, read_value, write_value
from ui.widgets.focus import bring_into_view

ERROR_COLOR = "#b3261e"
WARNING_COLOR = "#8a5300"
HINT_COLOR = "#5f6368"
_INVALID_STYLE = f"border: 1px solid {ERROR_COLOR}; border-radius: 2px;"


@dataclass
class _Row:
    key: str
    text: str
    label: QLabel
    container: QWidget
    message: QLabel
    editors: list[QWidget] = field(default_factory=list)
    required: bool = False


def small_label(text: str, color: str, parent: QWidget | None = None) -> QLabel:
    """A word-wrapped, slightly smaller label for hints and messages."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {color}; font-size: 90%;")
    return label


class FieldSet(QObject):
    """The rows of one record's form, possibly spread over several tabs."""

    edited = Signal(str)  # a field changed by the person (not by set_values)
    left = Signal(str)  # the person left a field

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: dict[str, _Row] = {}
        self._editors: dict[str, QWidget] = {}
        self._row_of: dict[str, str] = {}
        self._baseline: dict[str, Any] = {}
        self._revealed: set[str] = set()
        self._server_errors: dict[str, str] = {}
        self._loading = False

    # -- building ------------------------------------------------------------------------------

    def add_row(self, key: str, text: str, content: QWidget, *, hint: str = "") -> QWidget:
        """A row ``key`` labelled ``text`` showing ``content``; returns the row's container."""
        container = QWidget()
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(content)
        message = small_label("", ERROR_COLOR, container)
        message.hide()
        box.addWidget(message)
        if hint:
            box.addWidget(small_label(hint, HINT_COLOR, container))
        label = QLabel(text)
        label.setBuddy(content)
        self._rows[key] = _Row(key, text, label, container, message)
        self._row_of.setdefault(key, key)
        return container

    def bind(self, name: str, editor: QWidget, row: str | None = None) -> None:
        """Make ``editor`` the source of field ``name``, shown in row ``row`` (default: name)."""
        key = row or name
        self._editors[name] = editor
        self._row_of[name] = key
        self._rows[key].editors.append(editor)
        change_signal(editor).connect(lambda *_: self._on_change(name))
        leave_signal(editor).connect(lambda *_: self._on_leave(name))

    def add(self, name: str, editor: QWidget, text: str, *, hint: str = "") -> QWidget:
        """A row holding one editor for field ``name``."""
        container = self.add_row(name, text, editor, hint=hint)
        self.bind(name, editor)
        return container

    def alias(self, name: str, row: str) -> None:
        """Show messages about (pseudo-)field ``name`` in ``row``."""
        self._row_of[name] = row

    def place(self, form: QFormLayout, *keys: str) -> None:
        """Append the rows ``keys`` to ``form``."""
        for key in keys:
            row = self._rows[key]
            form.addRow(row.label, row.container)

    # -- access --------------------------------------------------------------------------------

    def editor(self, name: str) -> QWidget:
        return self._editors[name]

    def names(self) -> list[str]:
        return list(self._editors)

    def row_widgets(self, key: str) -> tuple[QLabel, QWidget]:
        row = self._rows[key]
        return row.label, row.container

    def message(self, key: str) -> str:
        """The message shown in a row now (empty when none)."""
        row = self._rows[self._row_of.get(key, key)]
        return row.message.text() if row.message.isVisibleTo(row.container) else ""

    def set_row_visible(self, key: str, visible: bool) -> None:
        row = self._rows[key]
        row.label.setVisible(visible)
        row.container.setVisible(visible)

    def is_row_visible(self, key: str) -> bool:
        """Whether the row is meant to be shown (also while its page is not on screen)."""
        return not self._rows[key].container.isHidden()

    def row_of(self, name: str) -> str:
        return self._row_of.get(name, name)

    # -- values --------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        return {name: read_value(editor) for name, editor in self._editors.items()}

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Show ``values`` (missing names become empty) and take them as the saved state."""
        self._loading = True
        try:
            for name, editor in self._editors.items():
                write_value(editor, values.get(name))
        finally:
            self._loading = False
        self._revealed.clear()
        self._server_errors.clear()
        self.mark_saved()
        self.show_messages({}, {})

    def set_value(self, name: str, value: Any) -> None:
        """Change one field as if the person had (used for defaults that follow other fields)."""
        write_value(self._editors[name], value)

    def mark_saved(self) -> None:
        """The current values are what is stored now."""
        self._baseline = self.values()

    def saved_values(self) -> dict[str, Any]:
        return dict(self._baseline)

    def changed(self) -> dict[str, Any]:
        """Fields whose value differs from the stored one."""
        return {k: v for k, v in self.values().items() if self._baseline.get(k) != v}

    def is_modified(self) -> bool:
        return bool(self.changed())

    # -- required marks and messages -----------------------------------------------------------

    def set_required(self, names: Iterable[str]) -> None:
        """Mark the rows of ``names`` with a red asterisk (and unmark the others)."""
        keys = {self.row_of(name) for name in names}
        for row in self._rows.values():
            required = row.key in keys
            if required != row.required or not row.label.text():
                row.required = required
                star = f' <span style="color:{ERROR_COLOR}">*</span>' if required else ""
                row.label.setText(f"{row.text}{star}")

    def set_server_errors(self, errors: Mapping[str, str]) -> None:
        """Errors found when saving (e.g. a duplicate СНИЛС); kept until the field is edited."""
        self._server_errors = {self.row_of(k): v for k, v in errors.items()}
        self._revealed.update(self._server_errors)

    def reveal_all(self) -> None:
        self._revealed.update(self._rows)

    def show_messages(self, errors: Mapping[str, str], warnings: Mapping[str, str]) -> None:
        """Show messages in the rows the person has already visited."""
        by_row_error = {self.row_of(k): v for k, v in reversed(list(errors.items()))}
        by_row_error.update(self._server_errors)
        by_row_warning = {self.row_of(k): v for k, v in warnings.items()}
        for key, row in self._rows.items():
            text, color = "", ERROR_COLOR
            if key in self._revealed:
                if key in by_row_error:
                    text = by_row_error[key]
                elif key in by_row_warning:
                    text, color = by_row_warning[key], WARNING_COLOR
            row.message.setText(text)
            row.message.setStyleSheet(f"color: {color}; font-size: 90%;")
            row.message.setVisible(bool(text))
            invalid = bool(text) and color == ERROR_COLOR
            for editor in row.editors:
                if bool(editor.property("invalid")) != invalid:
                    if invalid:  # the style sheet drops the native padding: keep the height
                        editor.setMinimumHeight(editor.sizeHint().height())
                    editor.setProperty("invalid", invalid)
                    editor.setStyleSheet(_INVALID_STYLE if invalid else "")

    def invalid_editors(self) -> list[QWidget]:
        """Editors now marked with an error (to flag the tabs they sit on)."""
        return [e for e in self._editors.values() if e.property("invalid")]

    def first_row_with(self, errors: Mapping[str, str]) -> str | None:
        """The first row, in form order, that has one of ``errors`` (or a server error)."""
        keys = {self.row_of(k) for k in errors} | set(self._server_errors)
        return next((key for key in self._rows if key in keys), None)

    def focus_row(self, key: str) -> None:
        """Bring the row's tab forward and put the cursor into its first editor."""
        row = self._rows[key]
        target = next((e for e in row.editors if e.isEnabled() and e.isVisibleTo(row.container)),
                      row.container)
        bring_into_view(target)
        target.setFocus()

    # -- signals -------------------------------------------------------------------------------

    def _on_change(self, name: str) -> None:
        if self._loading:
            return
        self._server_errors.pop(self.row_of(name), None)
        self.edited.emit(name)

    def _on_leave(self, name: str) -> None:
        if self._loading:
            return
        self._revealed.add(self.row_of(name))
        self.left.emit(name)

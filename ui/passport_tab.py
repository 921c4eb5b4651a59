"""The «Паспорт» tab: hosts ``ui.passport.PassportForm``, created the first time it is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.lazy import optional_class
from ui.operations import Operations


class PassportTab(QWidget):
    """A lazy host for the passport form of the chosen organisation.

    The form (``PassportForm(operations, org_id)``, with ``set_org``, ``maybe_discard``,
    ``has_unsaved_changes`` and a ``saved(org_id)`` signal) is built on first show; until then,
    or when that module does not exist yet, nothing is read from the database.
    """

    saved = Signal(str)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = operations
        self._org_id: str | None = None
        self.form: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def set_org(self, org_id: str | None) -> None:
        """Show ``org_id`` (call :meth:`can_leave` first: unsaved edits are dropped)."""
        self._org_id = org_id
        if self.form is not None and hasattr(self.form, "set_org") \
                and self.form.org_id != org_id:
            self.form.set_org(org_id)

    def ensure_built(self) -> None:
        """Build the form now (the tab is being shown)."""
        if self.form is not None or self._org_id is None:
            return
        form_class = optional_class("ui.passport", "PassportForm")
        if form_class is None:
            label = QLabel(self.tr("The organisation passport is not available yet."), self)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.form = label
        else:
            self.form = form_class(self._ops, self._org_id)
            self.form.saved.connect(self.saved)
        self._layout.addWidget(self.form)

    def can_leave(self, proceed: Callable[[], None] | None = None) -> bool:
        """True when the passport has no unsaved edits (the person may be asked to save)."""
        if self.form is None or not hasattr(self.form, "maybe_discard"):
            return True
        return bool(self.form.maybe_discard(proceed))

    def reload(self) -> None:
        """Read the passport again unless the person is editing it."""
        form = self.form
        if form is not None and hasattr(form, "set_org") and not form.has_unsaved_changes():
            form.set_org(self._org_id)

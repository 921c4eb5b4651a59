"""Saving a member list to Excel: the few inputs a list needs, then the save dialog."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ui.operations import Operations
from ui.org_tree import OrgScope
from ui.printing import files
from ui.printing.background import BackgroundTask, run_in_background
from ui.reports.list_kinds import ListChoice, default_period
from ui.reports.saving import open_in_system, save_cancellable, saved_box, warn_later
from ui.widgets import DateField

log = logging.getLogger(__name__)


class ListDialog(QDialog):
    """One list: its period or columns (when it has them); «Сохранить…» asks where.

    Lists without inputs skip the form: call :meth:`save` directly. Tests replace
    :attr:`choose_path` and :attr:`open_url`.
    """

    saved = Signal(object, int)

    def __init__(self, operations: Operations, scope: OrgScope, choice: ListChoice,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = operations
        self.scope = scope
        self.choice = choice
        self.choose_path: files.ChoosePath = files.ask_save_path
        self.open_url: Callable[[QUrl], bool] = open_in_system
        self.task: BackgroundTask | None = None
        self.saved_box = None
        self.setObjectName("listDialog")
        self.setWindowTitle(choice.menu_text.replace("&", "").rstrip("…"))
        form = QFormLayout()
        form.addRow(self.tr("Organisation:"), QLabel(scope.name, self))
        start, end = default_period(choice.key)
        self.date_from, self.date_to = DateField(self), DateField(self)
        self.date_from.set_value(start)
        self.date_to.set_value(end)
        self.columns = QListWidget(self)
        self.include_removed = QCheckBox(self.tr("Include members removed from the register"),
                                         self)
        if choice.needs_period:
            form.addRow(self.tr("From:"), self.date_from)
            form.addRow(self.tr("To (inclusive):"), self.date_to)
        if choice.has_columns:
            self._fill_columns()
            form.addRow(self.tr("Columns:"), self.columns)
            form.addRow("", self.include_removed)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Save…"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _fill_columns(self) -> None:
        from reports.excel.list_columns import DEFAULT_COLUMNS, MEMBER_COLUMNS

        for key, column in MEMBER_COLUMNS.items():
            item = QListWidgetItem(column.header, self.columns)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in DEFAULT_COLUMNS
                               else Qt.CheckState.Unchecked)
        self.columns.setMinimumHeight(220)

    def chosen_columns(self) -> tuple[str, ...]:
        items = (self.columns.item(i) for i in range(self.columns.count()))
        return tuple(item.data(Qt.ItemDataRole.UserRole) for item in items
                     if item.checkState() == Qt.CheckState.Checked)

    def _period(self) -> tuple[date | None, date | None] | None:
        if not self.choice.needs_period:
            return None, None
        start, end = self.date_from.value(), self.date_to.value()
        if not isinstance(start, date) or not isinstance(end, date):
            self._show_error(self.tr("Enter both dates as dd.mm.yyyy"))
            return None
        if start > end:
            self._show_error(self.tr("The period starts after it ends"))
            return None
        return start, end

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def save(self) -> bool:
        """Ask where, then write the list in the background."""
        from reports.excel.lists import ListRequest, write_list

        period = self._period()
        if period is None:
            return False
        columns = self.chosen_columns() if self.choice.has_columns else ()
        if self.choice.has_columns and not columns:
            self._show_error(self.tr("Choose at least one column"))
            return False
        self.error.hide()
        target = self.choose_path(self.parentWidget() or self,
                                  f"{self.choice.file_stem}.xlsx", files.excel_filter())
        if target is None:
            return False
        request = ListRequest(self.choice.key, self.scope.id, columns, *period,
                              include_removed=self.include_removed.isChecked())
        db, name = self._ops.db, self.scope.name

        def work(step) -> tuple[Path, int]:
            def write(part: Path) -> int:
                with db.session() as session:
                    return write_list(session, request, part, org_name=name, progress=step)

            return target, save_cancellable(target, write, step)

        self.save_button.setEnabled(False)
        self.task = run_in_background(self._ops, self.parentWidget() or self,
                                      self.tr("Saving the list…"), work, self._written,
                                      self._failed)
        self.task.cancelled.connect(self._stopped)
        return True

    def _written(self, result: tuple[Path, int]) -> None:
        self.task = None
        path, count = result
        self.saved.emit(path, count)
        parent = self.parentWidget()
        if parent is not None and isValid(parent):
            self.saved_box = saved_box(parent, path, self.open_url)
        if isValid(self):
            self.accept()

    def _stopped(self) -> None:
        self.task = None
        if isValid(self):
            self.save_button.setEnabled(True)
            if not self.isVisible():  # a list without inputs: the form was never shown
                self.deleteLater()

    def _failed(self, error: BaseException) -> None:
        self._stopped()
        log.error("list export failed: %s", type(error).__name__)
        parent = self.parentWidget() or self
        if isValid(parent):
            warn_later(parent, self.tr("List"), self.tr(
                "The list could not be saved. Check that the file is not open in Excel and "
                "try again."))

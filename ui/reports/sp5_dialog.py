"""«Форма 5-СП…»: cut-off date and organisation, plausibility warnings, save to Excel."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ui.operations import Operations
from ui.org_tree import OrgScope
from ui.printing import files
from ui.printing.background import BackgroundTask, run_in_background
from ui.reports.saving import open_in_system, save_cancellable, saved_box, warn_later
from ui.widgets import HINT_COLOR, DateField

log = logging.getLogger(__name__)


def default_cutoff(today: date | None = None) -> date:
    """1 January of the current year (the report is made as of the start of that day)."""
    return date((today or date.today()).year, 1, 1)


class Sp5Dialog(QDialog):
    """Asks for the cut-off date; computes, warns, saves in the background.

    Tests replace :attr:`choose_path` and :attr:`open_url`; :attr:`warnings_box` and
    :attr:`saved_box` are the boxes shown last.
    """

    saved = Signal(object)

    def __init__(self, operations: Operations, scope: OrgScope,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = operations
        self.scope = scope
        self.choose_path: files.ChoosePath = files.ask_save_path
        self.open_url: Callable[[QUrl], bool] = open_in_system
        self.task: BackgroundTask | None = None
        self.warnings: list[str] = []
        self.warnings_box: QMessageBox | None = None
        self.saved_box: QMessageBox | None = None
        self.setObjectName("sp5Dialog")
        self.setWindowTitle(self.tr("Statistical report, form 5-SP"))
        self.date = DateField(self)
        self.date.set_value(default_cutoff())
        self.org = QLabel(scope.name, self)
        self.org.setWordWrap(True)
        consolidated = len(scope.org_ids) > 1
        kind = (self.tr("Consolidated report: this organisation and %1 subordinate ones")
                .replace("%1", str(len(scope.org_ids) - 1)) if consolidated
                else self.tr("Report of one primary organisation"))
        self.kind = QLabel(kind, self)
        self.kind.setStyleSheet(f"color: {HINT_COLOR};")
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Organisation:"), self.org)
        form.addRow("", self.kind)
        form.addRow(self.tr("As of (start of the day):"), self.date)
        self.buttons = QDialogButtonBox(self)
        self.make_button = self.buttons.addButton(self.tr("Make the report…"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.make)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def make(self) -> bool:
        """Compute the report in the background (then warn, ask where, save)."""
        cutoff = self.date.value()
        if not isinstance(cutoff, date):
            self.error.setText(self.tr("Enter the date as dd.mm.yyyy"))
            self.error.show()
            self.date.setFocus()
            return False
        self.error.hide()
        db, org_id = self._ops.db, self.scope.id

        def compute(step):
            from reports.stats.definition import load_definition
            from reports.stats.sp5 import compute_5sp

            step(0, 1)
            with db.session() as session:
                return compute_5sp(session, org_id, cutoff, load_definition())

        self.make_button.setEnabled(False)
        self.task = run_in_background(self._ops, self, self.tr("Counting the report…"),
                                      compute, self._computed, self._failed)
        self.task.cancelled.connect(self._stopped)
        return True

    def _computed(self, result) -> None:
        from reports.stats.plausibility import plausibility_warnings

        self.task = None
        if not isValid(self):
            return
        self.result = result
        self.warnings = plausibility_warnings(result)
        if not self.warnings:
            self._ask_path()
            return
        box = QMessageBox(self)
        box.setObjectName("sp5WarningsBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Check the data"))
        box.setText(self.tr("Some values look implausible. Check them before sending the "
                            "report:"))
        box.setInformativeText("\n\n".join(f"• {w}" for w in self.warnings))
        self.continue_button = box.addButton(self.tr("Save anyway"),
                                             QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.continue_button)
        box.finished.connect(lambda _r: self._warned(box))
        self.warnings_box = box
        box.open()

    def _warned(self, box: QMessageBox) -> None:
        go_on = box.clickedButton() is self.continue_button
        box.deleteLater()
        self.warnings_box = None
        if go_on:
            self._ask_path()
        else:
            self.make_button.setEnabled(True)

    def _ask_path(self) -> None:
        cutoff = self.result.cutoff.strftime("%d.%m.%Y")
        proposed = f"Форма 5-СП {self.result.root.short_name} на {cutoff}.xlsx"
        target = self.choose_path(self, _safe_name(proposed), files.excel_filter())
        if target is None:
            self.make_button.setEnabled(True)
            return
        result = self.result

        def write(step) -> Path:
            from reports.excel.form_5sp import build_5sp_workbook
            from reports.excel.saving import save_workbook

            save_cancellable(target, lambda part: save_workbook(build_5sp_workbook(result),
                                                                part), step)
            return target

        self.task = run_in_background(self._ops, self, self.tr("Saving the report…"), write,
                                      self._written, self._failed)
        self.task.cancelled.connect(self._stopped)

    def _written(self, path: Path) -> None:
        self.task = None
        if not isValid(self):
            return
        self.saved.emit(path)
        self.saved_box = saved_box(self.parentWidget() or self, path, self.open_url)
        self.accept()

    def _stopped(self) -> None:
        self.task = None
        if isValid(self):
            self.make_button.setEnabled(True)

    def _failed(self, error: BaseException) -> None:
        self._stopped()
        log.error("form 5-SP failed: %s", type(error).__name__)
        if isValid(self):
            warn_later(self, self.tr("Form 5-SP"), self.tr(
                "The report could not be made. Check the date and try again; if it fails "
                "again, contact support."))


def _safe_name(name: str) -> str:
    """A file name without characters Windows refuses."""
    return "".join("_" if c in '<>:"/\\|?*' else c for c in name)


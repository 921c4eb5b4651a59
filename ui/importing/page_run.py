"""Wizard steps 6 and 7: confirm and import in the background (Отмена, all or nothing); result."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from chairclient.importing import ImportCancelled, ImportReport, run_import
from ui.i18n.formats import format_number
from ui.importing.page_file import hint
from ui.operations import Cancelled
from ui.widgets import Banner

if TYPE_CHECKING:
    from ui.importing.wizard import ImportWizard

log = logging.getLogger(__name__)


def _value(parent) -> QLabel:
    label = QLabel("0", parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class ImportPage(QWizardPage):
    """What «Загрузить» will do; then the import with a progress bar and «Отмена»."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr(
            "Check the totals and press «Import». The rows are saved in one step: if you "
            "cancel or something fails, the database stays as it was."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.counts = {key: _value(self) for key in ("create", "update", "skip", "refused")}
        form = QFormLayout()
        form.addRow(self.tr("Organisation:"), QLabel(wizard.state.org_name, self))
        form.addRow(self.tr("New cards to create:"), self.counts["create"])
        form.addRow(self.tr("Existing cards to update:"), self.counts["update"])
        form.addRow(self.tr("Duplicates to skip:"), self.counts["skip"])
        form.addRow(self.tr("Rows with errors (not loaded):"), self.counts["refused"])
        self.banner = Banner(self)
        self.progress = QProgressBar(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        self.status = hint("", self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addWidget(self.banner)
        layout.addLayout(running)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self._show_running(False)

    @property
    def running(self) -> bool:
        return self._wizard.import_job.running

    def initializePage(self) -> None:  # noqa: N802
        plan = self._wizard.state.plan()
        for key, label in self.counts.items():
            label.setText(format_number(plan[key]))
        if plan["create"] + plan["update"] == 0:
            self.banner.show_message(self.tr("There is nothing to import: every row has errors "
                                             "or is a skipped duplicate."), "warning")
        else:
            self.banner.show_message("")
        self.status.setText("")

    def _show_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)

    def start(self) -> bool:
        """Start the import (what «Загрузить» does); False when there is nothing to import."""
        state, wizard = self._wizard.state, self._wizard
        plan = state.plan()
        if self.running or state.preview is None or plan["create"] + plan["update"] == 0:
            return False
        db, org_id, preview = wizard.ops.db, state.org_id, state.preview
        duplicates, decisions = state.all_duplicates, dict(state.decisions)

        def work(step) -> ImportReport:
            return run_import(db, org_id, preview, duplicates, decisions, progress=step)

        self.banner.show_message("")
        self.status.setText(self.tr("Importing…"))
        self.progress.setRange(0, max(1, plan["create"] + plan["update"]))
        self.progress.setValue(0)
        self._show_running(True)
        wizard.import_job.start(work, self._done, self._failed, self._moved, writes=True)
        self.completeChanged.emit()  # the wizard re-enables its buttons here: disable after
        wizard.set_closable(False)
        return True

    def cancel(self) -> None:
        """Отмена: the import stops at its next step and rolls back."""
        if self.running:
            self._wizard.import_job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _moved(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _done(self, report: ImportReport) -> None:
        self._show_running(False)
        self._wizard.state.report = report
        self._wizard.set_closable(True)
        self._wizard.imported.emit(report)
        self._wizard.next()

    def _failed(self, exc: BaseException) -> None:
        self._show_running(False)
        self.status.setText("")
        if isinstance(exc, Cancelled | ImportCancelled):
            self.banner.show_message(self.tr("The import was cancelled. The database has not "
                                             "changed."), "info")
        else:
            log.error("member import failed: %s", type(exc).__name__)
            self.banner.show_message(self.tr(
                "The import failed, the database has not changed. Try again; if it fails again, "
                "save the spreadsheet anew or split it into smaller files."), "error")
        self.completeChanged.emit()
        self._wizard.set_closable(True)

    def isComplete(self) -> bool:  # noqa: N802
        plan = self._wizard.state.plan()
        return not self.running and plan["create"] + plan["update"] > 0

    def validatePage(self) -> bool:  # noqa: N802
        """«Загрузить»: start the import; the wizard moves on by itself once it is done."""
        if self._wizard.state.report is not None:
            return True
        self.start()
        return False


class ResultPage(QWizardPage):
    """What was imported, updated, skipped and refused; «Сохранить отчёт…»."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Done"))
        self.setFinalPage(True)
        self.counts = {key: _value(self) for key in ("imported", "updated", "skipped",
                                                     "refused", "incomplete")}
        form = QFormLayout()
        form.addRow(self.tr("New cards created:"), self.counts["imported"])
        form.addRow(self.tr("Existing cards updated:"), self.counts["updated"])
        form.addRow(self.tr("Skipped (duplicates):"), self.counts["skipped"])
        form.addRow(self.tr("Refused (errors):"), self.counts["refused"])
        form.addRow(self.tr("Of the saved cards, incomplete:"), self.counts["incomplete"])
        self.save_button = QPushButton(self.tr("&Save the report…"), self)
        self.save_button.clicked.connect(wizard.save_report)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        self.note = hint(self.tr(
            "The report lists every row of the file with what happened to it and why. The new "
            "cards are sent to the registry at the next synchronisation."), self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        report = self._wizard.state.report
        if report is None:
            return
        counts = {**report.counts, "incomplete": report.incomplete}
        for key, label in self.counts.items():
            label.setText(format_number(counts[key]))
        self.setSubTitle(self.tr("The members from «%1» are in the list.").replace(
            "%1", self._wizard.state.loaded.path.name if self._wizard.state.loaded else ""))

"""«Загрузка членов Профсоюза из таблицы»: the wizard over the import engine.

File → sheet and header row → columns → preview → duplicates → import → result. Nothing is
written before «Загрузить» on the import step; the import itself is one transaction.
The registry check is an injected :data:`~chairclient.importing.RegistryLookup` (None: the
check is unavailable and the wizard says so); it runs in the background once the preview is
built, while the chair looks at it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFileDialog, QWidget, QWizard

from chairclient.importing import MappingStore, RegistryLookup, check_registry, save_report
from ui.importing.jobs import PageJob
from ui.importing.page_duplicates import DuplicatesPage
from ui.importing.page_file import FilePage, SheetPage
from ui.importing.page_mapping import MappingPage
from ui.importing.page_preview import PreviewPage
from ui.importing.page_run import ImportPage, ResultPage
from ui.importing.state import REGISTRY_CHECKING, REGISTRY_DONE, REGISTRY_UNAVAILABLE, ImportState
from ui.operations import Operations
from ui.printing import files
from ui.printing.background import BackgroundTask, run_in_background
from ui.reports.saving import open_in_system, save_cancellable, saved_box, warn_later

log = logging.getLogger(__name__)

#: Remembered column mappings, beside the account's database (headers only, no personal data).
MAPPINGS_FILE = "import-mappings.json"

ChooseFile = Callable[[QWidget], Path | None]


def ask_open_path(parent: QWidget) -> Path | None:
    """Qt's «Открыть» dialog for a spreadsheet, starting in the Documents folder."""
    title = QCoreApplication.translate("ImportWizard", "Choose a spreadsheet")
    name_filter = QCoreApplication.translate(
        "ImportWizard", "Spreadsheets (*.xlsx *.xlsm *.xls *.csv);;All files (*)")
    path, _ = QFileDialog.getOpenFileName(parent, title, files.documents_folder(), name_filter)
    return Path(path) if path else None


class ImportWizard(QWizard):
    """The import wizard for one organisation. Tests replace :attr:`choose_file`,
    :attr:`choose_path` and :attr:`open_url`."""

    #: The import finished (the ImportReport): the member list should be read again.
    imported = Signal(object)
    #: «Сохранить шаблон…» was asked for from the first step.
    template_requested = Signal()
    #: The registry check started, finished or turned out unavailable.
    registry_checked = Signal()

    def __init__(self, operations: Operations, org_id: str, org_name: str,
                 parent: QWidget | None = None, *,
                 registry_lookup: RegistryLookup | None = None,
                 store: MappingStore | None = None) -> None:
        super().__init__(parent)
        self.ops = operations
        self.state = ImportState(org_id, org_name, registry_lookup)
        self.store = store or MappingStore(Path(operations.db.path).parent / MAPPINGS_FILE)
        self.choose_file: ChooseFile = ask_open_path
        self.choose_path: files.ChoosePath = files.ask_save_path
        self.open_url: Callable[[QUrl], bool] = open_in_system
        self.saved_box = None
        #: Opens «Принять переводом» searching for a row's person (None: not offered).
        self.request_transfer: Callable[[dict[str, object]], object] | None = None
        self.report_task: BackgroundTask | None = None
        self._closable = True
        self.preview_job = PageJob(operations, self)
        self.registry_job = PageJob(operations, self)
        self.import_job = PageJob(operations, self)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Load members from a spreadsheet"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.sheet_page = SheetPage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.duplicates_page = DuplicatesPage(self)
        self.import_page = ImportPage(self)
        self.result_page = ResultPage(self)
        for page_id, page in enumerate((self.file_page, self.sheet_page, self.mapping_page,
                                        self.preview_page, self.duplicates_page,
                                        self.import_page, self.result_page)):
            self.setPage(page_id, page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Close"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.resize(1040, 700)

    # -- the registry check -------------------------------------------------------------------

    def start_registry_check(self) -> None:
        """Ask the registry about the rows that are not duplicates already (background)."""
        state = self.state
        lookup, preview = state.registry_lookup, state.preview
        if lookup is None or preview is None:
            state.registry_status = REGISTRY_UNAVAILABLE
            self.registry_checked.emit()
            return
        known = list(state.duplicates)
        state.registry_status = REGISTRY_CHECKING
        self.registry_job.start(lambda step: check_registry(lookup, preview, known,
                                                            progress=step),
                                self._registry_done, self._registry_failed)
        self.registry_checked.emit()

    def skip_registry_check(self) -> None:
        """«Не ждать проверки по реестру»: go on without it (a slow or hanging connection)."""
        if self.state.registry_status == REGISTRY_CHECKING:
            self.registry_job.forget()
            self._registry_failed(TimeoutError("not waited for"))

    def _registry_done(self, found) -> None:
        self.state.registry_duplicates = list(found)
        self.state.registry_status = REGISTRY_DONE
        self.registry_checked.emit()

    def _registry_failed(self, exc: BaseException) -> None:
        log.info("registry duplicate check unavailable: %s", type(exc).__name__)
        self.state.registry_duplicates = []
        self.state.registry_status = REGISTRY_UNAVAILABLE
        self.registry_checked.emit()

    # -- the report ---------------------------------------------------------------------------

    def save_report(self) -> bool:
        """«Сохранить отчёт…»: ask where, write the engine's .xlsx report in the background."""
        report, loaded = self.state.report, self.state.loaded
        if report is None:
            return False
        source = loaded.path.name if loaded is not None else ""
        stem = Path(source).stem if source else self.tr("import")
        target = self.choose_path(self, self.tr("Import report — %1.xlsx").replace("%1", stem),
                                  files.excel_filter())
        if target is None:
            return False

        def work(step) -> Path:
            save_cancellable(target, lambda part: save_report(report, part, source), step)
            return target

        self.report_task = run_in_background(self.ops, self, self.tr("Saving the report…"),
                                             work, self._report_saved, self._report_failed)
        return True

    def _report_saved(self, path: Path) -> None:
        self.report_task = None
        self.saved_box = saved_box(self, path, self.open_url)

    def _report_failed(self, exc: BaseException) -> None:
        self.report_task = None
        log.error("import report not saved: %s", type(exc).__name__)
        warn_later(self, self.tr("Import report"), self.tr(
            "The report could not be saved. Check that the file is not open in Excel and try "
            "again."))

    # -- closing ------------------------------------------------------------------------------

    def set_closable(self, closable: bool) -> None:
        """While the import runs the wizard cannot be left (its own Отмена stops the import)."""
        self._closable = closable
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            button = self.button(which)
            if button is not None:
                button.setEnabled(closable)

    def reject(self) -> None:
        if not self._closable:
            self.import_page.cancel()  # stop first; the wizard stays until the rollback is done
            return
        for job in (self.preview_job, self.registry_job):
            job.forget()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._closable:
            self.import_page.cancel()
            event.ignore()
            return
        super().closeEvent(event)

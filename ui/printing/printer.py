"""Printing a document: build the PDF in the background, then preview/print or save it."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from shiboken6 import isValid

from ui.operations import Operations
from ui.printing import files
from ui.printing.background import BackgroundTask, run_in_background
from ui.printing.documents import DocumentKind, DocumentRequest, NothingToPrint, build_document
from ui.printing.preview import PREVIEW_MAX_PAGES, PdfPreviewDialog, a4_printer, paint_pdf
from ui.printing.render import page_count

log = logging.getLogger(__name__)


# choose_printer(parent, printer) → True when the person confirmed Qt's print dialog.
ChoosePrinter = Callable[[QWidget, QPrinter], bool]


def ask_printer(parent: QWidget, printer: QPrinter) -> bool:
    """Qt's print dialog (printer, copies, pages) for a document printed without preview."""
    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


@dataclass(frozen=True)
class BuiltPdf:
    path: Path
    documents: int
    pages: int


class DocumentPrinter(QObject):
    """Print documents for a window: progress with Отмена, preview, «Сохранить как PDF…».

    :attr:`choose_path` asks where to save (tests replace it); :attr:`preview` is the open
    preview dialog, :attr:`task` the running generation.
    """

    # A PDF was saved where the person chose (its path).
    saved = Signal(object)
    # Something to tell in the status bar.
    message = Signal(str)

    def __init__(self, operations: Operations, parent: QWidget) -> None:
        super().__init__(parent)
        self._ops = operations
        self.choose_path: files.ChoosePath = files.ask_save_path
        self.choose_printer: ChoosePrinter = ask_printer
        self.preview_max_pages = PREVIEW_MAX_PAGES
        self.large_box: QMessageBox | None = None
        self.preview: PdfPreviewDialog | None = None
        self.task: BackgroundTask | None = None
        self.built: BuiltPdf | None = None
        self.last_message = ""

    @property
    def _parent(self) -> QWidget:
        """The window (looked up, not stored: no reference cycle keeps it alive)."""
        return self.parent()

    @property
    def busy(self) -> bool:
        return self.task is not None

    def print_document(self, request: DocumentRequest) -> bool:
        """Build ``request``'s PDF in the background and show it; False if already busy."""
        if self.busy:
            self.message.emit(self.tr("A document is already being prepared"))
            return False
        db = self._ops.db
        target = files.scratch_file(db.path)

        def work(step) -> BuiltPdf:
            try:
                count = build_document(db, request, target, step)
                return BuiltPdf(target, count, page_count(target))
            except BaseException:
                target.unlink(missing_ok=True)
                raise

        self.task = run_in_background(self._ops, self._parent, self._label(request.kind), work,
                                      lambda built: self._built(request, built), self._failed)
        self.task.cancelled.connect(lambda: target.unlink(missing_ok=True))
        self.task.cancelled.connect(self._cancelled)
        return True

    # -- after the build ----------------------------------------------------------------------

    def _built(self, request: DocumentRequest, built: BuiltPdf) -> None:
        if not isValid(self):  # the window closed meanwhile
            built.path.unlink(missing_ok=True)
            return
        self.task = None
        self.built = built
        if not (isValid(self) and isValid(self._parent)):
            built.path.unlink(missing_ok=True)
            return
        if built.pages > self.preview_max_pages:
            self._offer_large(request, built)
            return
        self._show_preview(request, built.path)

    def _offer_large(self, request: DocumentRequest, built: BuiltPdf) -> None:
        """Too many pages to preview: print straight away or save as PDF."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Large document"), self.tr(
            "The document has %1 pages — too many for the preview. Print it now or save it "
            "as a PDF file?").replace("%1", str(built.pages)), QMessageBox.StandardButton.NoButton,
            self._parent)
        role = QMessageBox.ButtonRole
        print_button = box.addButton(self.tr("Print…"), role.AcceptRole)
        save_button = box.addButton(self.tr("Save as PDF…"), role.ActionRole)
        box.addButton(self.tr("Cancel"), role.RejectRole)
        box.setDefaultButton(print_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message = box.text()
        self.large_box = box

        def chosen(button: object) -> None:
            self.large_box = None
            if button is print_button:
                self._print_large(request, built.path)
            elif button is save_button:
                self._save(request, built.path, discard_after=True)
            else:
                built.path.unlink(missing_ok=True)

        box.buttonClicked.connect(chosen)
        box.open()

    def _print_large(self, request: DocumentRequest, pdf: Path) -> None:
        """Qt's print dialog, then the pages painted on the printer in the background."""
        printer = a4_printer(request.file_stem)
        if not self.choose_printer(self._parent, printer):
            pdf.unlink(missing_ok=True)
            return

        def printed(pages: int) -> None:
            pdf.unlink(missing_ok=True)
            if isValid(self):
                self.task = None
                self.message.emit(self.tr("Sent to the printer: %1 pages").replace(
                    "%1", str(pages)))

        def stopped() -> None:
            pdf.unlink(missing_ok=True)
            self._cancelled()

        self.task = run_in_background(self._ops, self._parent, self.tr("Printing…"),
                                      lambda step: paint_pdf(printer, pdf, step), printed,
                                      lambda error: (pdf.unlink(missing_ok=True),
                                                     self._failed(error)))
        self.task.cancelled.connect(stopped)

    def _show_preview(self, request: DocumentRequest, pdf: Path) -> None:
        preview = PdfPreviewDialog(pdf, request.file_stem, self._parent)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.save_requested.connect(lambda: self._save(request, pdf, dialog=preview))
        preview.finished.connect(lambda _result: self._preview_closed(pdf))
        self.preview = preview
        preview.open()

    def _preview_closed(self, pdf: Path) -> None:
        self.preview = None
        with contextlib.suppress(OSError):
            pdf.unlink(missing_ok=True)

    def _save(self, request: DocumentRequest, pdf: Path, *, dialog: QWidget | None = None,
              discard_after: bool = False) -> None:
        """«Сохранить как PDF…»: copy the finished PDF where the person chooses."""
        target = self.choose_path(dialog or self._parent, request.file_stem + ".pdf",
                                  files.pdf_filter())

        def finished(_path: object) -> None:
            if discard_after:
                pdf.unlink(missing_ok=True)

        if target is None:
            finished(None)
            return

        def copied(path: Path) -> None:
            finished(path)
            self.message.emit(self.tr("Saved: %1").replace("%1", str(path)))
            self.saved.emit(path)

        self._ops.long(lambda _context: files.copy_file(pdf, target), copied,
                       lambda error: (finished(None), self._failed(error)))

    # -- problems -----------------------------------------------------------------------------

    def _cancelled(self) -> None:
        if not isValid(self):
            return
        self.task = None
        self.message.emit(self.tr("Printing cancelled"))

    def _failed(self, error: BaseException) -> None:
        if not isValid(self):
            return
        self.task = None
        if not (isValid(self) and isValid(self._parent)):
            return
        if isinstance(error, NothingToPrint):
            text = self._nothing(error.args[0] if error.args else None)
        else:
            log.error("document could not be built: %s", type(error).__name__)
            text = self.tr("The document could not be prepared. Try again; if it fails again, "
                           "contact support.")
        self._inform(self.tr("Printing"), text)

    def _inform(self, title: str, text: str) -> QMessageBox:
        """A window-modal message that does not block (:attr:`last_message` for tests)."""
        box = QMessageBox(QMessageBox.Icon.Information, title, text,
                          QMessageBox.StandardButton.Ok, self._parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message = text
        box.open()
        return box

    def _nothing(self, kind: DocumentKind | None) -> str:
        if kind is DocumentKind.CONSENT:
            return self.tr("Every member on the register already has a consent on record.")
        if kind in (DocumentKind.HANDOVER, DocumentKind.HANDOUT):
            return self.tr("There are no union cards with the status «RECEIVED».")
        return self.tr("There is nothing to print.")

    def _label(self, kind: DocumentKind) -> str:
        return {
            DocumentKind.CONSENT: self.tr("Preparing consent forms…"),
            DocumentKind.HANDOUT: self.tr("Preparing PROFCARDS handouts…"),
            DocumentKind.HANDOVER: self.tr("Preparing the hand-over sheet…"),
        }[kind]

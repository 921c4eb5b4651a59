"""Print preview of a finished PDF: pages rendered by pdfium, painted on Qt's printer."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QAction, QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QToolBar, QWidget

from ui.printing.background import Step
from ui.printing.render import MAX_DPI, PREVIEW_DPI, page_count, page_images

# Bigger documents skip the preview (it keeps every page in memory and renders on the UI
# thread): they are printed in the background or saved as PDF.
PREVIEW_MAX_PAGES = 60


def fit_rect(image: QImage, area: QRectF) -> QRectF:
    """``image`` scaled to fit ``area`` keeping its proportions, centred horizontally, top."""
    if image.width() <= 0 or image.height() <= 0:
        return QRectF(area)
    scale = min(area.width() / image.width(), area.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    return QRectF(area.left() + (area.width() - width) / 2, area.top(), width, height)


def paint_pdf(printer: QPrinter, pdf: Path, step: Step | None = None) -> int:
    """Paint every page of ``pdf`` on ``printer``, one printer page each; returns the count.

    The preview records pages at screen resolution; a real printer gets up to 300 dpi.
    ``step(done, total)`` is called before each page (it may raise to stop); printing a big
    document runs in a worker thread, which Qt allows for a QPainter on a QPrinter.
    """
    total = page_count(pdf) if step is not None else 0
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    engine = printer.paintEngine()
    preview = engine is not None and engine.type() == QPaintEngine.Type.Picture
    dpi = PREVIEW_DPI if preview else min(printer.resolution(), MAX_DPI)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    area = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
    area.moveTo(0, 0)
    count = 0
    try:
        check = None if step is None else (lambda: step(count, total))
        with contextlib.closing(page_images(pdf, dpi, check)) as pages:
            for image in pages:
                if count:
                    printer.newPage()
                painter.drawImage(fit_rect(image, area), image)
                count += 1
    finally:
        painter.end()
    if step is not None:
        step(count, total)
    return count


def a4_printer(title: str) -> QPrinter:
    """A high-resolution printer set to A4 portrait, painting on the whole sheet."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setFullPage(True)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


class PdfPreviewDialog(QPrintPreviewDialog):
    """Qt's print preview of ``pdf`` with «Сохранить как PDF…» added to its toolbar."""

    save_requested = Signal()

    def __init__(self, pdf: Path, title: str, parent: QWidget | None = None) -> None:
        self.printer = a4_printer(title)
        super().__init__(self.printer, parent)
        self.pdf = pdf
        self.pages_painted = 0
        self.setWindowTitle(self.tr("Print preview — %1").replace("%1", title))
        self.resize(900, 1000)
        self.paintRequested.connect(self._paint)
        self.save_action = QAction(self.tr("Save as PDF…"), self)
        self.save_action.setToolTip(self.tr("Save the document as a PDF file"))
        self.save_action.triggered.connect(self.save_requested.emit)
        toolbar = self.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.save_action)
            button = toolbar.widgetForAction(self.save_action)
            if button is not None:
                button.setProperty("toolButtonStyle", Qt.ToolButtonStyle.ToolButtonTextOnly)

    def _paint(self, printer: QPrinter) -> None:
        self.pages_painted = paint_pdf(printer, self.pdf)

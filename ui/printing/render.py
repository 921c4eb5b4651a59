"""PDF pages as QImages, rendered with pdfium (PySide6-Essentials has no QtPdf).

pdfium is not thread-safe: every use goes through one lock, so a page count taken in the
background and a preview painting on the UI thread never overlap inside the library.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage

if TYPE_CHECKING:
    import pypdfium2 as pdfium

_lock = threading.Lock()

# Screen preview resolution; printing uses the printer's (capped by :data:`MAX_DPI`).
PREVIEW_DPI = 110
MAX_DPI = 300


def _pdfium() -> Any:
    """pypdfium2, imported when the first document is shown (not at start-up)."""
    import pypdfium2

    return pypdfium2


def page_count(path: Path | str) -> int:
    with _lock:
        pdf = _pdfium().PdfDocument(str(path))
        try:
            return len(pdf)
        finally:
            pdf.close()


def page_sizes(path: Path | str) -> list[QSizeF]:
    """Each page's size in points (1/72 inch)."""
    with _lock:
        pdf = _pdfium().PdfDocument(str(path))
        try:
            return [QSizeF(*pdf.get_page_size(i)) for i in range(len(pdf))]
        finally:
            pdf.close()


def _image(page: pdfium.PdfPage, dpi: float) -> QImage:
    bitmap = page.render(scale=dpi / 72, rev_byteorder=True, fill_color=(255, 255, 255, 255))
    try:
        image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGB888)
        return image.copy()  # own the pixels: the buffer dies with the bitmap
    finally:
        bitmap.close()


def page_images(path: Path | str, dpi: float = PREVIEW_DPI,
                check: Callable[[], None] | None = None) -> Iterator[QImage]:
    """The pages of ``path`` one by one (only one page image is alive at a time here).

    ``check()`` is called before each page; raising from it stops the rendering.
    """
    dpi = min(max(dpi, 36), MAX_DPI)
    with _lock:
        pdf = _pdfium().PdfDocument(str(path))
        try:
            for index in range(len(pdf)):
                if check is not None:
                    check()
                page = pdf[index]
                try:
                    image = _image(page, dpi)
                finally:
                    page.close()
                yield image
        finally:
            pdf.close()

"""Where documents are written: a private folder next to the database, and the save dialog.

The system temp directory is never used (documents carry personal data). Files in the
private folder live only while their preview is open; leftovers of a crash are removed at
the next print.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from chairclient.private_files import private_dir
from reports.output import atomic_target

SCRATCH_FOLDER = ".documents"
STALE_AFTER_S = 6 * 3600

# choose_path(parent, proposed file name, filter) → the chosen path or None (cancelled).
ChoosePath = Callable[[QWidget, str, str], Path | None]


def scratch_dir(database_path: Path) -> Path:
    """The private documents folder beside the database (created, stale files removed)."""
    folder = database_path.parent / SCRATCH_FOLDER
    private_dir(folder)
    now = time.time()
    for entry in folder.iterdir():
        with contextlib.suppress(OSError):
            if entry.is_file() and now - entry.stat().st_mtime > STALE_AFTER_S:
                entry.unlink()
    return folder


def scratch_file(database_path: Path, suffix: str = ".pdf") -> Path:
    return scratch_dir(database_path) / f"{secrets.token_hex(8)}{suffix}"


def copy_file(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` atomically (a part file beside the target)."""
    with atomic_target(target) as part:
        shutil.copyfile(source, part)
    return target


def documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def ask_save_path(parent: QWidget, proposed: str, name_filter: str) -> Path | None:
    """Qt's «Сохранить как» dialog, starting in the person's Documents folder."""
    start = os.path.join(documents_folder() or str(Path.home()), proposed)
    title = QCoreApplication.translate("Printing", "Save as")
    path, _ = QFileDialog.getSaveFileName(parent, title, start, name_filter)
    if not path:
        return None
    suffix = Path(proposed).suffix
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == suffix.lower() else chosen.with_name(
        chosen.name + suffix)


def pdf_filter() -> str:
    return QCoreApplication.translate("Printing", "PDF documents (*.pdf)")


def excel_filter() -> str:
    return QCoreApplication.translate("Printing", "Excel workbooks (*.xlsx)")

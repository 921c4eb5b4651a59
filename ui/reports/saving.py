"""Saving a report so that Отмена leaves no file, and the «Готово» box that opens it."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QProcess, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from reports.output import sibling_part

Step = Callable[[int, int], None]


def save_cancellable(target: Path, write: Callable[[Path], Any], step: Step) -> Any:
    """``write(part)`` into a hidden file beside ``target``, then rename it into place unless
    Отмена was pressed meanwhile (``step`` raises then); returns what ``write`` returned."""
    part = sibling_part(target, "part" + target.suffix)
    try:
        step(0, 1)
        result = write(part)
        step(1, 1)
        os.replace(part, target)
        return result
    finally:
        part.unlink(missing_ok=True)


def open_in_system(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


def show_in_folder(path: Path, opener: Callable[[QUrl], bool] = open_in_system) -> bool:
    """Open the file's folder (on Windows with the file selected)."""
    if sys.platform == "win32":
        return QProcess.startDetached("explorer.exe", ["/select,", str(path)])
    return opener(QUrl.fromLocalFile(str(path.parent)))


def warn_later(parent: QWidget, title: str, text: str) -> QMessageBox:
    """A window-modal warning that does not block the caller."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.finished.connect(lambda _r: box.deleteLater())
    box.open()
    return box


def saved_box(
    parent: QWidget, path: Path, opener: Callable[[QUrl], bool] = open_in_system
) -> QMessageBox:
    """«Отчёт сохранён» with «Открыть файл» / «Показать в папке» / «Закрыть» (not blocking)."""
    box = QMessageBox(parent)
    box.setObjectName("reportSavedBox")
    box.setIcon(QMessageBox.Icon.Information)
    role = QMessageBox.ButtonRole
    box.setWindowTitle(QCoreApplication.translate("Reports", "Report saved"))
    box.setText(QCoreApplication.translate("Reports", "The report is saved:") + f"\n{path}")
    open_button = box.addButton(QCoreApplication.translate("Reports", "Open file"), role.AcceptRole)
    folder_button = box.addButton(
        QCoreApplication.translate("Reports", "Show in folder"), role.ActionRole
    )
    box.addButton(QCoreApplication.translate("Reports", "Close"), role.RejectRole)
    box.setDefaultButton(open_button)

    def clicked(button: QPushButton) -> None:
        if button is open_button:
            opener(QUrl.fromLocalFile(str(path)))
        elif button is folder_button:
            show_in_folder(path, opener)

    box.buttonClicked.connect(clicked)
    box.finished.connect(lambda _r: box.deleteLater())
    box.open()
    return box

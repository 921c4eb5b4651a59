"""Questions asked before unsaved changes would be lost."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class Answer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def unsaved_changes_box(parent: QWidget, detail: str = "") -> tuple[QMessageBox, dict]:
    """The «Сохранить изменения?» box and its buttons by answer (not yet shown)."""
    box = QMessageBox(parent)
    box.setObjectName("unsavedChangesBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("UnsavedChanges", "Unsaved changes"))
    box.setText(QCoreApplication.translate("UnsavedChanges", "Save changes?"))
    if detail:
        box.setInformativeText(detail)
    role = QMessageBox.ButtonRole
    save = QCoreApplication.translate("UnsavedChanges", "Save")
    discard = QCoreApplication.translate("UnsavedChanges", "Don't save")
    cancel = QCoreApplication.translate("UnsavedChanges", "Cancel")
    buttons = {
        Answer.SAVE: box.addButton(save, role.AcceptRole),
        Answer.DISCARD: box.addButton(discard, role.DestructiveRole),
        Answer.CANCEL: box.addButton(cancel, role.RejectRole),
    }
    box.setDefaultButton(buttons[Answer.SAVE])
    box.setEscapeButton(buttons[Answer.CANCEL])
    return box, buttons


def ask_unsaved_changes_later(parent: QWidget, on_answer: Callable[[Answer], None],
                              detail: str = "") -> QMessageBox:
    """Show the «Сохранить изменения?» box window-modally without blocking; ``on_answer`` gets
    the choice (closing the box counts as Отмена). Returns the box (tests click its buttons)."""
    box, buttons = unsaved_changes_box(parent, detail)

    def finished() -> None:
        clicked = box.clickedButton()
        box.deleteLater()
        on_answer(next((a for a, b in buttons.items() if b is clicked), Answer.CANCEL))

    box.finished.connect(finished)
    box.open()
    return box


def ask_unsaved_changes(parent: QWidget, detail: str = "") -> Answer:
    """Ask «Сохранить изменения?»: Сохранить / Не сохранять / Отмена (modal)."""
    box, buttons = unsaved_changes_box(parent, detail)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return next((answer for answer, button in buttons.items() if button is clicked), Answer.CANCEL)

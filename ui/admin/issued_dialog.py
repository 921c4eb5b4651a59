"""The one-time password of a new or reset login, shown once, and its «Лист доступа».

The sheet is built in the background into the private documents folder beside the database
(never the system temp directory), shown in the print preview with «Сохранить как PDF…», and
deleted when the preview closes. Closing this dialog forgets the password.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from reports.pdf.access_sheet import AccessSheet, write_access_sheet
from sync.protocol_users import IssuedPassword
from ui.operations import Operations
from ui.printing import files
from ui.printing.preview import PdfPreviewDialog
from ui.widgets import ERROR_COLOR

log = logging.getLogger(__name__)


class IssuedPasswordDialog(QDialog):
    """«Учётная запись создана» / «Пароль сброшен»: login, one-time password, print."""

    def __init__(self, operations: Operations, issued: IssuedPassword, *, server: str,
                 issued_by: str, reset: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("issuedPasswordDialog")
        self._ops = operations
        user = issued.user
        first = user.positions[0] if user.positions else None
        self.sheet = AccessSheet(
            login=user.login, password=issued.one_time_password, full_name=user.full_name,
            org_name=first.org_name if first else "", org_code=first.org_code if first else "",
            role=first.role if first else "", server=server, issued_by=issued_by,
            issued_on=date.today(), reset=reset)
        self.setWindowTitle(self.tr("Password reset") if reset else self.tr("Login created"))
        intro = QLabel(self.tr(
            "Print the access sheet and hand it to the chair. The password is shown only now: "
            "after this window is closed nobody can see it again (a new one can be issued). "
            "It must be changed at the first sign-in."), self)
        intro.setWordWrap(True)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.login_label = QLabel(user.login, self)
        self.password_label = QLabel(issued.one_time_password, self)
        for label in (self.login_label, self.password_label):
            label.setFont(big)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Login:"), self.login_label)
        form.addRow(self.tr("One-time password:"), self.password_label)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.print_button = QPushButton(self.tr("Print the access sheet…"), self)
        self.print_button.setDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_sheet)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(self.message)
        column.addWidget(buttons)
        self.setMinimumWidth(480)
        self.preview: PdfPreviewDialog | None = None
        #: The sheet's PDF while its preview is open (tests read it back).
        self.sheet_path: Path | None = None

    def print_sheet(self) -> None:
        """Build the PDF in the background, then show it in the print preview."""
        self.print_button.setEnabled(False)
        target = files.scratch_file(self._ops.db.path)
        sheet = self.sheet
        self._ops.long(lambda _context: write_access_sheet(target, sheet), self._built,
                       lambda exc: self._failed(exc, target))

    def _built(self, path: Path) -> None:
        if not isValid(self):
            path.unlink(missing_ok=True)
            return
        self.print_button.setEnabled(True)
        self.sheet_path = path
        preview = PdfPreviewDialog(path, self.tr("Access sheet %1").replace(
            "%1", self.sheet.login), self)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.save_requested.connect(lambda: self._save(path, preview))
        preview.finished.connect(lambda _result: self._preview_closed(path))
        self.preview = preview
        preview.open()

    def _save(self, path: Path, preview: QWidget) -> None:
        target = files.ask_save_path(preview, self.tr("Access sheet %1").replace(
            "%1", self.sheet.login) + ".pdf", files.pdf_filter())
        if target is not None:
            self._ops.long(lambda _context: files.copy_file(path, target), lambda _t: None,
                           lambda exc: self._failed(exc, None))

    def _preview_closed(self, path: Path) -> None:
        self.preview = None
        self.sheet_path = None
        path.unlink(missing_ok=True)

    def _failed(self, exc: BaseException, target: Path | None) -> None:
        if target is not None:
            target.unlink(missing_ok=True)
        if not isValid(self):
            return
        log.error("access sheet failed: %s", type(exc).__name__)
        self.print_button.setEnabled(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR}")
        self.message.setText(self.tr("The access sheet could not be prepared. Try again."))
        self.message.setVisible(True)

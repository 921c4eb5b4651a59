"""The logout confirmation: forget the sign-in and, if ticked, this computer's copy of the data."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class LogoutDialog(QDialog):
    """«Выйти из учётной записи?» with «Удалить данные с этого компьютера»."""

    def __init__(self, pending: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign out"))
        text = QLabel(self.tr("Sign out of the account? The saved sign-in is removed from this "
                              "computer; next time the password is asked for."), self)
        text.setWordWrap(True)
        self.wipe = QCheckBox(self.tr("Also delete the data of this account from this computer"),
                              self)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020;")
        self.warning.setText(self.tr(
            "%Ln change(s) have not reached the registry yet. If you delete the data, they are "
            "lost. Synchronise first (F5) to keep them.", "", pending))
        self.warning.setVisible(False)
        self._pending = pending
        self.wipe.toggled.connect(lambda on: self.warning.setVisible(on and pending > 0))
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("Sign out"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        for widget in (text, self.wipe, self.warning, buttons):
            column.addWidget(widget)
        self.setMinimumWidth(420)

    @property
    def delete_data(self) -> bool:
        return self.wipe.isChecked()

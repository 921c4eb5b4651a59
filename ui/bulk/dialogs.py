"""The question a bulk action asks first: a date (and, for a category change, the category)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from chairclient.db.reference_data import CATEGORIES
from ui.widgets.date_field import DateField


class BulkDateDialog(QDialog):
    """«Дата …» for ``count`` selected members; OK only with a real date that is not in the
    future. With ``categories`` a category list comes first."""

    def __init__(self, parent: QWidget, title: str, date_label: str, count: int, *,
                 categories: bool = False, today: date | None = None) -> None:
        super().__init__(parent)
        self._today = today or date.today()
        self.setWindowTitle(title)
        self.intro = QLabel(self.tr("Selected: %n union member(s).", "", count), self)
        self.category = QComboBox(self)
        for code, name in CATEGORIES:
            self.category.addItem(name, code)
        self.date = DateField(self)
        self.date.set_value(self._today)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        form = QFormLayout()
        if categories:
            form.addRow(self.tr("New category:"), self.category)
        else:
            self.category.setVisible(False)
        form.addRow(date_label, self.date)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Apply"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(self.buttons)
        self.date.textChanged.connect(lambda _text: self.error.setVisible(False))

    def chosen_date(self) -> date | None:
        value = self.date.value()
        return value if isinstance(value, date) else None

    def chosen_category(self) -> str:
        return self.category.currentData()

    def accept(self) -> None:
        value = self.chosen_date()
        if value is None:
            self._complain(self.tr("Enter the date as dd.mm.yyyy."))
        elif value > self._today:
            self._complain(self.tr("The date cannot be in the future."))
        else:
            super().accept()

    def _complain(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
        self.date.setFocus()

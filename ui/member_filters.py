"""The filter row above the member list: category, registration, consent, ЭПБ, completeness.

Each drop-down names its own meaning in its items («Согласие есть», «ЭПБ: ВЫДАН»), so the row
needs no separate labels and stays narrow.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from chairclient.db.models import CARD_STATUSES
from chairclient.queries.members import MemberFilter
from ui.labels import card_status_name
from ui.member_table import CATEGORY_NAMES


class MemberFilterBar(QWidget):
    """Drop-downs that narrow the member list; ``changed`` fires on every change."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category = self._combo(
            [(self.tr("All categories"), None)]
            + [(name, code) for code, name in CATEGORY_NAMES.items()],
            self.tr("Member category"),
        )
        self.status = self._combo(
            [(self.tr("On the register"), "active"),
             (self.tr("Removed from the register"), "removed"),
             (self.tr("On the register and removed"), None)],
            self.tr("Registration status"),
        )
        self.consent = self._combo(
            [(self.tr("Consent: any"), None),
             (self.tr("Consent given"), True),
             (self.tr("No consent"), False)],
            self.tr("Consent to personal data processing"),
        )
        self.card_status = self._combo(
            [(self.tr("Card: any status"), None)]
            + [(self.tr("Card: %1").replace("%1", card_status_name(code)), code)
               for code in CARD_STATUSES],
            self.tr("Status of the electronic union card"),
        )
        self.completeness = self._combo(
            [(self.tr("All cards"), None),
             (self.tr("Card filled in"), True),
             (self.tr("Card not filled in"), False)],
            self.tr("Are all required fields of the member card filled in?"),
        )
        # A condition the drop-downs cannot express, set from the dashboard («Не заполнено:
        # Пол»); the button shows it, a click drops it.
        self._condition: str | None = None
        self.condition_button = QPushButton(self)
        self.condition_button.setToolTip(self.tr("Show the list without this condition"))
        self.condition_button.clicked.connect(self.clear_condition)
        self.condition_button.setVisible(False)
        self.reset_button = QPushButton(self.tr("Reset filters"), self)
        self.reset_button.setToolTip(self.tr("Show everyone on the register again"))
        self.reset_button.clicked.connect(self.reset)
        self.reset_button.setVisible(False)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in self._combos():
            layout.addWidget(widget)
        layout.addWidget(self.condition_button)
        layout.addWidget(self.reset_button)
        layout.addStretch(1)

    def _combo(self, items: list[tuple[str, Any]], tooltip: str) -> QComboBox:
        combo = QComboBox(self)
        for text, value in items:
            combo.addItem(text, value)
        combo.setToolTip(tooltip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(self._on_changed)
        return combo

    def _combos(self) -> list[QComboBox]:
        return [self.category, self.status, self.consent, self.card_status, self.completeness]

    def _on_changed(self) -> None:
        self.reset_button.setVisible(not self.is_default())
        self.changed.emit()

    def is_default(self) -> bool:
        return self._condition is None and all(c.currentIndex() == 0 for c in self._combos())

    def reset(self) -> None:
        """Back to «everyone on the register» (one ``changed`` signal)."""
        for combo in self._combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._set_condition(None, "")
        self._on_changed()

    def show_filter(self, flt: MemberFilter, condition_label: str = "") -> None:
        """Choose what ``flt`` asks for (one ``changed`` signal); ``condition_label`` names
        its condition on the button."""
        values = ((self.category, flt.category), (self.status, flt.status),
                  (self.consent, flt.has_consent), (self.card_status, flt.card_status),
                  (self.completeness, flt.is_complete))
        for combo, value in values:
            combo.blockSignals(True)
            self.select(combo, value)
            combo.blockSignals(False)
        self._set_condition(flt.condition, condition_label or (flt.condition or ""))
        self._on_changed()

    @property
    def condition(self) -> str | None:
        return self._condition

    def clear_condition(self) -> None:
        self._set_condition(None, "")
        self._on_changed()

    def _set_condition(self, condition: str | None, label: str) -> None:
        self._condition = condition
        self.condition_button.setText(label + "  ✕")
        self.condition_button.setVisible(condition is not None)

    def select(self, combo: QComboBox, value: Any) -> None:
        """Choose the item of ``combo`` whose value is ``value``."""
        for i in range(combo.count()):
            if combo.itemData(i) == value:
                combo.setCurrentIndex(i)
                return
        raise ValueError(f"no item with value {value!r}")

    def apply(self, flt: MemberFilter) -> MemberFilter:
        """``flt`` with the bar's choices filled in."""
        return dataclasses.replace(
            flt,
            category=self.category.currentData(),
            status=self.status.currentData(),
            has_consent=self.consent.currentData(),
            card_status=self.card_status.currentData(),
            is_complete=self.completeness.currentData(),
            condition=self._condition,
        )

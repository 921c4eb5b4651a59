"""Layout helpers shared by the forms."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QWidget


def natural_width(*widgets: QWidget) -> QWidget:
    """``widgets`` side by side at their natural width, not stretched across the form."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return holder


def form_layout() -> QFormLayout:
    """A form whose labels sit left of the fields, wrapping long Russian labels."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setVerticalSpacing(8)
    form.setHorizontalSpacing(12)
    return form

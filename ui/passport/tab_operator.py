"""«Оператор ПДн»: set by the regional organisation, inherited (read-only) below it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from chairclient.validation import FIELD_LABELS
from ui.passport.data import OperatorInfo, PassportData
from ui.passport.editors import make_editor
from ui.passport.processors import ProcessorsEditor
from ui.widgets import HINT_COLOR, FieldSet, small_label
from ui.widgets.layout import form_layout

OPERATOR_FIELDS = ("pd_operator_name", "pd_operator_address", "pd_processors")


class OperatorTab(QWidget):
    """Editable for a regional organisation; elsewhere shows the inherited settings."""

    def __init__(self, fields: FieldSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        # The same for every region: shown on both pages, edited nowhere in the app.
        self.union = small_label("", HINT_COLOR)
        self.union.setObjectName("unionProcessors")
        self.union.setWordWrap(True)
        layout.addWidget(self.union)

        editable = QWidget()
        column = QVBoxLayout(editable)
        column.addWidget(small_label(self.tr(
            "The operator and its processors are printed on every consent form of this "
            "organisation and of all organisations below it."), HINT_COLOR))
        form = form_layout()
        column.addLayout(form)
        for name in ("pd_operator_name", "pd_operator_address"):
            fields.add(name, make_editor(name, ""), FIELD_LABELS[name])
        self.processors = ProcessorsEditor()
        fields.add("pd_processors", self.processors, self.tr("Processors"))
        fields.place(form, *OPERATOR_FIELDS)
        column.addStretch(1)
        self.pages.addWidget(editable)

        inherited = QWidget()
        column = QVBoxLayout(inherited)
        column.addWidget(small_label(self.tr(
            "Set by the regional organisation and inherited by every organisation below it. "
            "To change it, contact the regional organisation."), HINT_COLOR))
        form = form_layout()
        column.addLayout(form)
        self.name = QLabel()
        self.address = QLabel()
        self.processor_list = QLabel()
        for label in (self.name, self.address, self.processor_list):
            label.setWordWrap(True)
        form.addRow(FIELD_LABELS["pd_operator_name"], self.name)
        form.addRow(FIELD_LABELS["pd_operator_address"], self.address)
        form.addRow(self.tr("Processors"), self.processor_list)
        column.addStretch(1)
        self.pages.addWidget(inherited)

    def set_data(self, data: PassportData) -> None:
        self.pages.setCurrentIndex(0 if data.operator_editable else 1)
        self._show_inherited(data.operator)
        self.union.setText(self.tr(
            "Union-wide processors, printed on every consent before the ones above (one "
            "setting for the whole union): {names}.").format(
                names="; ".join(data.operator.union)) if data.operator.union else "")

    def _show_inherited(self, operator: OperatorInfo) -> None:
        unset = self.tr("not set")
        self.name.setText(operator.name or unset)
        self.address.setText(operator.address or unset)
        lines = [
            ", ".join(p for p in (str(x.get("name") or ""), str(x.get("address") or "")) if p)
            for x in operator.processors
        ]
        self.processor_list.setText("\n".join(line for line in lines if line) or unset)

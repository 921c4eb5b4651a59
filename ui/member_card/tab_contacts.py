"""«Контакты»: address, phone and e-mail."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from chairclient.validation import FIELD_LABELS
from ui.widgets import FieldSet
from ui.widgets.layout import form_layout

CONTACT_FIELDS = ("address", "phone", "email")


class ContactsTab(QWidget):
    def __init__(self, fields: FieldSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        form = form_layout()
        layout.addLayout(form)
        address = QLineEdit()
        address.setMaxLength(500)
        address.setPlaceholderText(self.tr("postal index, district, village, street, house"))
        fields.add("address", address, FIELD_LABELS["address"])
        phone = QLineEdit()
        phone.setMaxLength(30)
        phone.setMaximumWidth(220)
        phone.setPlaceholderText("+7 912 345-67-89")
        fields.add("phone", phone, FIELD_LABELS["phone"],
                   hint=self.tr("Any usual form: 8 912 345-67-89 is stored as +79123456789"))
        email = QLineEdit()
        email.setMaxLength(200)
        email.setPlaceholderText("ivanova@mail.ru")
        fields.add("email", email, FIELD_LABELS["email"], hint=self.tr(
            "Recommended: PROFCARDS sends the member the invitation to the bonus programme "
            "to this address."))
        fields.place(form, *CONTACT_FIELDS)
        layout.addStretch(1)

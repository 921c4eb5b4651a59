"""«ЭПБ»: the member's electronic union card, read-only (requests are made elsewhere)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.labels import card_status_name
from ui.member_card.data import CardInfo
from ui.widgets import HINT_COLOR, format_date, small_label
from ui.widgets.layout import form_layout


class CardTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        form = form_layout()
        layout.addLayout(form)
        self.number = QLabel()
        self.status = QLabel()
        self.status.setObjectName("cardStatus")
        self.request = QLabel()
        self.request.setWordWrap(True)
        self.issued_on = QLabel()
        form.addRow(self.tr("Card number"), self.number)
        form.addRow(self.tr("Card status"), self.status)
        form.addRow(self.tr("Request"), self.request)
        form.addRow(self.tr("Issued on"), self.issued_on)
        layout.addWidget(small_label(self.tr(
            "A card can be requested when the member is on the register, the card is complete, "
            "the consent is ticked and the member has no live card. Requests are processed on "
            "the 1st and the 15th of each month."), HINT_COLOR))
        layout.addStretch(1)
        self.set_card(None)

    def set_card(self, card: CardInfo | None) -> None:
        dash = "—"
        if card is None:
            self.number.setText(dash)
            self.status.setText(card_status_name("not_ordered"))
            self.request.setText(dash)
            self.issued_on.setText(dash)
            return
        self.number.setText(card.number or self.tr("not assigned yet"))
        self.status.setText(card_status_name(card.status))
        self.request.setText(self._request_text(card))
        self.issued_on.setText(format_date(card.issued_on) or dash)

    def _request_text(self, card: CardInfo) -> str:
        if card.request_state is None:
            return "—"
        states = {
            "draft": self.tr("Draft, not submitted yet"),
            "submitted": self.tr("Submitted"),
            "processed": self.tr("Processed"),
        }
        text = states.get(card.request_state, card.request_state)
        if card.request_submitted_at:
            text += ", " + self.tr("submitted on {date}").format(
                date=format_date(card.request_submitted_at.date()))
        if card.processing_date:
            text += ", " + self.tr("processing on {date}").format(
                date=format_date(card.processing_date))
        return text

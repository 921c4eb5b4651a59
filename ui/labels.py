"""Names shown for codes used in several places of the interface (one mapping each)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

#: ЭПБ status code → the official status name (English source, translated in context
#: "CardStatus"). Used by the member list, its filter and the member card's «ЭПБ» tab.
CARD_STATUS_NAMES: dict[str, str] = {
    "not_ordered": QT_TRANSLATE_NOOP("CardStatus", "NOT ORDERED"),
    "in_request": QT_TRANSLATE_NOOP("CardStatus", "IN REQUEST"),
    "ordered": QT_TRANSLATE_NOOP("CardStatus", "ORDERED"),
    "produced": QT_TRANSLATE_NOOP("CardStatus", "PRODUCED"),
    "shipped": QT_TRANSLATE_NOOP("CardStatus", "SHIPPED TO REGION"),
    "received": QT_TRANSLATE_NOOP("CardStatus", "RECEIVED"),
    "issued": QT_TRANSLATE_NOOP("CardStatus", "ISSUED"),
    "lost": QT_TRANSLATE_NOOP("CardStatus", "LOST"),
    "damaged": QT_TRANSLATE_NOOP("CardStatus", "DAMAGED"),
    "cancelled": QT_TRANSLATE_NOOP("CardStatus", "CANCELLED"),
}


def card_status_name(code: str) -> str:
    """The Russian name of an ЭПБ status; an unknown code is shown as it is."""
    source = CARD_STATUS_NAMES.get(code)
    return QCoreApplication.translate("CardStatus", source) if source else code

"""Captions and explanations of the dashboard's tiles (English sources, Russian in the .ts)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from chairclient.validation import FIELD_LABELS

CONTEXT = "Dashboard"

# Tile key → (caption, tooltip). ``missing:<field>`` tiles are named after the field.
TILE_TEXTS: dict[str, tuple[str, str]] = {
    "on_register": (
        QT_TRANSLATE_NOOP("Dashboard", "On the register"),
        QT_TRANSLATE_NOOP("Dashboard", "Union members on the register of the organisation "
                                       "and of the organisations below it")),
    "incomplete": (
        QT_TRANSLATE_NOOP("Dashboard", "Cards not filled in"),
        QT_TRANSLATE_NOOP("Dashboard", "Member cards with empty required fields; such a "
                                       "member cannot be put into a card request")),
    "no_consent": (
        QT_TRANSLATE_NOOP("Dashboard", "Without consent"),
        QT_TRANSLATE_NOOP("Dashboard", "No consent to personal data processing on record: "
                                       "print the consent form and let the member sign it")),
    "consent_not_sent": (
        QT_TRANSLATE_NOOP("Dashboard", "Consent not yet sent to PROFCARDS"),
        QT_TRANSLATE_NOOP("Dashboard", "Consent given, but the union registry's daily feed "
                                       "has not sent the member to PROFCARDS yet. A consent "
                                       "recorded here goes in the first feed after it reaches "
                                       "the registry; the mark that it was sent arrives with "
                                       "the next synchronisation")),
    "ready_for_card": (
        QT_TRANSLATE_NOOP("Dashboard", "Ready for a card request"),
        QT_TRANSLATE_NOOP("Dashboard", "On the register, card filled in, consent given and no "
                                       "live electronic union card: may be put into a request")),
    "birthdays": (
        QT_TRANSLATE_NOOP("Dashboard", "Birthdays this month"),
        QT_TRANSLATE_NOOP("Dashboard", "Members on the register born in the current month")),
    "card:in_request": (
        QT_TRANSLATE_NOOP("Dashboard", "In a draft request"),
        QT_TRANSLATE_NOOP("Dashboard", "Status «IN REQUEST»: the request has not been "
                                       "submitted yet")),
    "card:ordered": (
        QT_TRANSLATE_NOOP("Dashboard", "Ordered"),
        QT_TRANSLATE_NOOP("Dashboard", "Status «ORDERED»: the request is submitted and waits "
                                       "for the processing on the 1st or the 15th")),
    "card:produced": (
        QT_TRANSLATE_NOOP("Dashboard", "Produced"),
        QT_TRANSLATE_NOOP("Dashboard", "Status «PRODUCED»: the card has a number and is being "
                                       "made")),
    "card:shipped": (
        QT_TRANSLATE_NOOP("Dashboard", "Shipped to the region"),
        QT_TRANSLATE_NOOP("Dashboard", "Status «SHIPPED TO REGION»: on the way to the regional "
                                       "organisation")),
    "card:received": (
        QT_TRANSLATE_NOOP("Dashboard", "Received, to hand out"),
        QT_TRANSLATE_NOOP("Dashboard", "Status «RECEIVED»: the card is in the organisation and "
                                       "waits to be handed to the member")),
    "card:issued": (
        QT_TRANSLATE_NOOP("Dashboard", "Issued"),
        QT_TRANSLATE_NOOP("Dashboard", "Status «ISSUED»: the member has the card")),
}

# Structure chart: category / sex / age group key → caption (categories use the reference
# list's own names, already Russian).
SEX_TEXTS = {
    "F": QT_TRANSLATE_NOOP("Dashboard", "Women"),
    "M": QT_TRANSLATE_NOOP("Dashboard", "Men"),
}
AGE_TEXTS = {
    "upto_35": QT_TRANSLATE_NOOP("Dashboard", "up to 35"),
    "36_45": QT_TRANSLATE_NOOP("Dashboard", "36–45"),
    "46_55": QT_TRANSLATE_NOOP("Dashboard", "46–55"),
    "56_65": QT_TRANSLATE_NOOP("Dashboard", "56–65"),
    "over_65": QT_TRANSLATE_NOOP("Dashboard", "66 and older"),
}
UNKNOWN_TEXT = QT_TRANSLATE_NOOP("Dashboard", "not filled in")
_MISSING_TOOLTIP = QT_TRANSLATE_NOOP("Dashboard", "Cards where «%1» is empty")
_MISSING_LIST = QT_TRANSLATE_NOOP("Dashboard", "Not filled in: %1")
_BIRTHDAYS_LIST = QT_TRANSLATE_NOOP("Dashboard", "Birthdays: %1")


def translate(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def field_name(key: str) -> str:
    """``missing:birth_date`` → «Дата рождения» (the card's own label of the field)."""
    return FIELD_LABELS.get(key.partition(":")[2], key)


def tile_caption(key: str) -> str:
    if key.startswith("missing:"):
        return field_name(key)
    source = TILE_TEXTS.get(key)
    return translate(source[0]) if source else key


def tile_tooltip(key: str) -> str:
    if key.startswith("missing:"):
        return translate(_MISSING_TOOLTIP).replace("%1", field_name(key))
    source = TILE_TEXTS.get(key)
    return translate(source[1]) if source else ""


def condition_label(condition: str) -> str:
    """How the member list names a dashboard condition it shows («Не заполнено: Пол»)."""
    name, _, argument = condition.partition(":")
    if name == "missing":
        return translate(_MISSING_LIST).replace("%1", field_name(condition))
    if name == "birthdays":
        month = QLocale().standaloneMonthName(int(argument))
        return translate(_BIRTHDAYS_LIST).replace("%1", month)
    return tile_caption(condition)

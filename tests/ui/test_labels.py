"""One set of Russian names for ЭПБ statuses, shared by the member list and the card."""

from __future__ import annotations

from datetime import date

from chairclient.db.models import CARD_STATUSES
from chairclient.queries.members import MemberRow
from ui import labels, member_table
from ui.member_card import tab_card
from ui.member_card.data import CardInfo
from ui.member_card.tab_card import CardTab
from ui.member_table import display_text


def row(card_status: str) -> MemberRow:
    return MemberRow("m1", "Иванова", "Анна", None, date(1980, 1, 1), "working", None,
                     "active", True, card_status, None, True, None, "o1", "ППО")


def test_the_list_and_the_card_tab_name_every_status_alike(qtbot) -> None:
    tab = CardTab()
    qtbot.addWidget(tab)
    for status in CARD_STATUSES:
        tab.set_card(CardInfo("9643", status, None, None, None, None))
        assert tab.status.text() == display_text(row(status), "card_status") \
            == labels.card_status_name(status)
        assert tab.status.text() != status  # translated, not the code
    assert labels.card_status_name("shipped") == "ОТПРАВЛЕН В РЕГИОН"
    assert labels.card_status_name("unknown") == "unknown"


def test_there_is_one_mapping() -> None:
    assert set(labels.CARD_STATUS_NAMES) == set(CARD_STATUSES)
    assert member_table.CARD_STATUS_NAMES is labels.CARD_STATUS_NAMES
    assert not hasattr(tab_card, "CARD_STATUS_NAMES")

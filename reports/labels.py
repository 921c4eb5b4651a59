"""Russian names of coded values as printed in documents and spreadsheets."""

from __future__ import annotations

from chairclient.services.card_rules import CARD_STATUS_RU

#: ЭПБ statuses as DOMAIN.md spells them (one spelling for the app and the documents).
CARD_STATUS = CARD_STATUS_RU
MEMBER_STATUS = {"active": "на учёте", "removed": "снят с учёта"}
SEX = {"F": "Ж", "M": "М"}
YES_NO = {True: "да", False: "нет"}

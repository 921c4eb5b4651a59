"""Russian names of coded values as printed in documents and spreadsheets."""

from __future__ import annotations

#: ЭПБ statuses as DOMAIN.md spells them.
CARD_STATUS = {
    "not_ordered": "НЕ ЗАКАЗАН",
    "in_request": "В ЗАЯВКЕ",
    "ordered": "ЗАКАЗАН",
    "produced": "ИЗГОТОВЛЕН",
    "shipped": "ОТПРАВЛЕН В РЕГИОН",
    "received": "ПОЛУЧЕН",
    "issued": "ВЫДАН",
    "lost": "УТЕРЯН",
    "damaged": "ИСПОРЧЕН",
    "cancelled": "АННУЛИРОВАН",
}
MEMBER_STATUS = {"active": "на учёте", "removed": "снят с учёта"}
SEX = {"F": "Ж", "M": "М"}
YES_NO = {True: "да", False: "нет"}

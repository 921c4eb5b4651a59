"""ЭПБ rules shared by the client and (issue 6) the registry: no database access.

Each check returns ``None`` when the step may go ahead, otherwise a Russian reason, like
:mod:`chairclient.services.lifecycle_rules`.
"""

from __future__ import annotations

from datetime import date

#: ЭПБ statuses as DOMAIN.md spells them (the same as ``reports.labels.CARD_STATUS``).
CARD_STATUS_RU = {
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

#: The main line of the lifecycle: each status may only move to the next one (no skipping).
NEXT_STATUS = {
    "in_request": "ordered",
    "ordered": "produced",
    "produced": "shipped",
    "shipped": "received",
    "received": "issued",
}
PREVIOUS_STATUS = {after: before for before, after in NEXT_STATUS.items()}

NOT_ON_REGISTER = "снят с учёта"
INCOMPLETE = "карточка заполнена не полностью"
NO_CONSENT = "нет согласия на обработку персональных данных"
NO_CARD = "нет ЭПБ"


def status_name(code: str) -> str:
    return CARD_STATUS_RU.get(code, code)


def check_request(status: str, complete: bool, consent: bool, live_card: str | None) -> str | None:
    """May the member enter a card request? On the register, complete card, consent given, no
    live card (DOMAIN.md)."""
    if status != "active":
        return NOT_ON_REGISTER
    if live_card is not None:
        return f"уже есть ЭПБ в статусе «{status_name(live_card)}»"
    if not complete:
        return INCOMPLETE
    if not consent:
        return NO_CONSENT
    return None


def check_step(current: str | None, target: str) -> str | None:
    """Moving a card from ``current`` to ``target`` skips no step of the lifecycle."""
    if current is None:
        return NO_CARD
    if current == target:
        return f"ЭПБ уже в статусе «{status_name(target)}»"
    if NEXT_STATUS.get(current) != target:
        before = PREVIOUS_STATUS.get(target)
        wanted = f"только из статуса «{status_name(before)}»" if before else "нельзя"
        return (f"ЭПБ в статусе «{status_name(current)}»: "
                f"«{status_name(target)}» можно отметить {wanted}")
    return None


def check_step_date(on: date, today: date, last_change: date | None) -> str | None:
    """The date of a status change is not in the future nor before the previous change."""
    if on > today:
        return "Дата не может быть в будущем"
    if last_change is not None and on < last_change:
        return f"дата раньше предыдущей смены статуса ЭПБ ({last_change:%d.%m.%Y})"
    return None

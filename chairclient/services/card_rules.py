"""ЭПБ rules shared by the client and (issue 6) the registry: no database access.

Each check returns ``None`` when the step may go ahead, otherwise a Russian reason, like
:mod:`chairclient.services.lifecycle_rules`.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

#: ЭПБ statuses as DOMAIN.md spells them (``reports.labels.CARD_STATUS`` is this).
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

#: Registry commands of the ЭПБ lifecycle (``op == "command"``, ``fields["command"]``).
#: ``submit_card_request`` on entity ``card_request``: args ``{}``; the draft becomes
#: «submitted», its В ЗАЯВКЕ lines ЗАКАЗАН, ``processing_date`` = :func:`next_processing_date`.
SUBMIT_REQUEST = "submit_card_request"
#: ``card_step`` on entity ``card``: args ``{"status": …, "on": date, "change_id": str}``; one
#: step of the lifecycle (:data:`STEP_STATUSES`), ``change_id`` is the id of the status-change
#: row both sides write (the client's optimistic row and the registry's row are one row).
CARD_STEP = "card_step"
#: What ``card_step`` may set: the main line after production, and the two branches.
STEP_STATUSES = ("shipped", "received", "issued", "lost", "damaged")
#: Only the regional organisation (or an administrator) marks cards shipped to the region.
#: ПОЛУЧЕН is marked by the regional staff handing cards over or by the receiving chair.
REGIONAL_STEPS = frozenset({"shipped"})
#: A card that reached the organisation may be lost or damaged (then re-issued).
BROKEN_STATUSES = ("lost", "damaged")
BREAKABLE_FROM = frozenset({"received", "issued"})
#: Cards are delivered to the region within this many days of processing (DOMAIN.md).
DELIVERY_DAYS = 14

_SUBMIT_NS = uuid.UUID("3c0f8a52-61d4-4b7e-8f29-d5a1c7e40b13")

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


def next_processing_date(today: date) -> date:
    """Requests are processed on the 1st and 15th: the first such day strictly after ``today``
    (a request submitted on the 15th waits for the 1st: that day's batch may have run)."""
    if today.day < 15:
        return today.replace(day=15)
    following = today.replace(day=28) + timedelta(days=4)
    return following.replace(day=1)


def expected_arrival(processing: date) -> date:
    """When the cards of a batch processed on ``processing`` should reach the region."""
    return processing + timedelta(days=DELIVERY_DAYS)


def submit_change_id(request_id: str, card_id: str) -> str:
    """The id of the ЗАКАЗАН status-change row of ``card_id`` when ``request_id`` is submitted
    (derived on both sides, like :func:`lifecycle_rules.card_cancel_id`)."""
    return str(uuid.uuid5(_SUBMIT_NS, f"{request_id}:{card_id}"))


def check_step(current: str | None, target: str) -> str | None:
    """Moving a card from ``current`` to ``target`` skips no step of the lifecycle; УТЕРЯН and
    ИСПОРЧЕН only for a card that reached the organisation."""
    if current is None:
        return NO_CARD
    if current == target:
        return f"ЭПБ уже в статусе «{status_name(target)}»"
    if target in BROKEN_STATUSES:
        if current in BREAKABLE_FROM:
            return None
        return (f"ЭПБ в статусе «{status_name(current)}»: «{status_name(target)}» можно "
                "отметить только для полученной или выданной карты")
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

"""Membership lifecycle rules shared by the client and the registry (no database access).

Each check returns ``None`` when the operation may go ahead, otherwise a Russian reason. The
registry runs the same checks on its own rows, so a change refused here is refused there too.
"""

from __future__ import annotations

import uuid
from collections.abc import Container
from datetime import date

#: Command names as they travel in ``Mutation.fields["command"]``.
REMOVE_MEMBER = "remove_member"
RESTORE_MEMBER = "restore_member"
CHANGE_CATEGORY = "change_category"

#: Note of the status-change row written when a removal cancels a live card.
CARD_CANCEL_NOTE = "Аннулирована: член Профсоюза снят с учёта"

_CARD_CANCEL_NS = uuid.UUID("6f1d2c9e-8a47-4c0b-9d3e-2b7a5e4f1c80")


def card_cancel_id(event_id: str, card_id: str) -> str:
    """The id of the status-change row cancelling ``card_id`` because of removal ``event_id``.

    Both sides derive it, so the client's optimistic row and the registry's row are one row.
    """
    return str(uuid.uuid5(_CARD_CANCEL_NS, f"{event_id}:{card_id}"))


def check_date(on: date, today: date, last_event: date | None) -> str | None:
    """A lifecycle date is not in the future and not before the member's last history event."""
    if on > today:
        return "Дата не может быть в будущем"
    if last_event is not None and on < last_event:
        return f"Дата не может быть раньше последнего события истории ({last_event:%d.%m.%Y})"
    return None


def check_remove(
    status: str, on: date, today: date, last_event: date | None, reason: str,
    reasons: Container[str],
) -> str | None:
    if status == "removed":
        return "Член Профсоюза уже снят с учёта"
    if reason not in reasons:
        return "Укажите причину снятия с учёта из справочника"
    return check_date(on, today, last_event)


def check_restore(status: str, on: date, today: date, last_event: date | None) -> str | None:
    if status != "removed":
        return "Восстановить можно только снятого с учёта члена Профсоюза"
    return check_date(on, today, last_event)


def check_category(
    status: str, current: str | None, new: str, on: date, today: date, last_event: date | None,
    categories: Container[str],
) -> str | None:
    if status == "removed":
        return "Член Профсоюза снят с учёта: категорию изменить нельзя"
    if new not in categories:
        return "Категория не найдена в справочнике"
    if new == current:
        return "Категория уже такая"
    return check_date(on, today, last_event)

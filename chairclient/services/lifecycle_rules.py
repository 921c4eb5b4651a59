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
TRANSFER_OUT = "transfer_out"
TRANSFER_IN = "transfer_in"

#: Removal reason of a transfer to another organisation (not a loss to the union).
TRANSFER_REASON = "transfer"
#: History events that start a membership with a new card (the registration).
REGISTRATION_KINDS = frozenset({"joined", "transferred_in"})

#: The longest comment a removal or restoration keeps in its history event.
NOTE_MAX_LENGTH = 500

#: Note of the status-change row written when a removal cancels a live card.
CARD_CANCEL_NOTE = "Аннулирована: член Профсоюза снят с учёта"

_CARD_CANCEL_NS = uuid.UUID("6f1d2c9e-8a47-4c0b-9d3e-2b7a5e4f1c80")
_TRANSFER_OUT_NS = uuid.UUID("0b8e3c41-7d25-4f6a-a9c3-5e1f2d7b8c90")


def card_cancel_id(event_id: str, card_id: str) -> str:
    """The id of the status-change row cancelling ``card_id`` because of removal ``event_id``.

    Both sides derive it, so the client's optimistic row and the registry's row are one row.
    """
    return str(uuid.uuid5(_CARD_CANCEL_NS, f"{event_id}:{card_id}"))


def transfer_out_event_id(event_id: str) -> str:
    """The id of the sender's «transferred_out» event written by transfer-in ``event_id``."""
    return str(uuid.uuid5(_TRANSFER_OUT_NS, event_id))


def registration_kind(method: str | None) -> str:
    """The history event a new card starts with: «transferred_in» for a card registered by
    transfer (from outside the registry), «joined» otherwise."""
    return "transferred_in" if method == "transfer" else "joined"


def check_date(on: date, today: date, last_event: date | None) -> str | None:
    """A lifecycle date is not in the future and not before the member's last history event."""
    if on > today:
        return "Дата не может быть в будущем"
    if last_event is not None and on < last_event:
        return f"Дата не может быть раньше последнего события истории ({last_event:%d.%m.%Y})"
    return None


def clean_note(note: str | None) -> str | None:
    """A person's comment to a lifecycle event: stripped, inner runs of spaces kept, empty →
    None. ValueError (Russian) when it is longer than :data:`NOTE_MAX_LENGTH`."""
    text = (note or "").strip()
    if len(text) > NOTE_MAX_LENGTH:
        raise ValueError(f"Комментарий не длиннее {NOTE_MAX_LENGTH} символов "
                         f"(сейчас {len(text)})")
    return text or None


def check_remove(
    status: str, on: date, today: date, last_event: date | None, reason: str,
    reasons: Container[str],
) -> str | None:
    if status == "removed":
        return "Член Профсоюза уже снят с учёта"
    if reason not in reasons:
        return "Укажите причину снятия с учёта из справочника"
    if reason == TRANSFER_REASON:
        return "Для перевода используйте действие «Перевести в другую организацию»"
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


def check_registration_event(
    kind: str, method: str | None, status: str, has_events: bool, extra: dict[str, object],
) -> str | None:
    """The first event of a new card (sent with the card as a plain create): «joined», or
    «transferred_in» for a card registered by transfer; nothing but registration fields."""
    if has_events or kind not in REGISTRATION_KINDS:
        return "История членства пополняется только действиями (перевод, снятие, восстановление)"
    if kind != registration_kind(method):
        return "Событие регистрации не соответствует способу постановки на учёт"
    if status != "active" or any(value is not None for value in extra.values()):
        return "Событие регистрации не может содержать снятие с учёта или перевод"
    return None


def can_transfer(status: str, removal_reason: str | None) -> bool:
    """On the register, or marked as leaving by transfer: another organisation may accept."""
    return status == "active" or (status == "removed" and removal_reason == TRANSFER_REASON)


def check_transfer_out(status: str, on: date, today: date, last_event: date | None) -> str | None:
    if status == "removed":
        return "Член Профсоюза уже снят с учёта"
    return check_date(on, today, last_event)


def check_transfer_in(
    status: str, removal_reason: str | None, same_org: bool, on: date, today: date,
    last_event: date | None,
) -> str | None:
    if same_org:
        return "Член Профсоюза уже состоит на учёте в этой организации"
    if not can_transfer(status, removal_reason):
        return ("Член Профсоюза снят с учёта: принять переводом нельзя, "
                "оформите вступление или восстановление")
    return check_date(on, today, last_event)

"""Closing an organisation: liquidation or merger, reopening, and why deleting is refused.

An organisation that has (or had) members or has live sub-organisations is never deleted: its
superior closes it. Liquidation removes every member on the register with the reason
«ликвидация организации»; a merger moves them, as transfers, to another organisation under the
same superior. The closed organisation keeps its rows (the history of the members who were
there), stays visible to its superiors and the administrator, and only the administrator may
reopen it. Each check returns ``None`` when the operation may go ahead, else a Russian reason.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from chairclient.domain.roles import ADMIN, ELEVATED_ROLES

#: Command names as they travel in ``Mutation.fields["command"]`` (entity «organisation»).
CLOSE_ORGANISATION = "close_organisation"
REOPEN_ORGANISATION = "reopen_organisation"

LIQUIDATION = "liquidation"
MERGER = "merger"
CLOSURE_KINDS = (LIQUIDATION, MERGER)
#: The removal reason of a liquidation (``ref_removal_reasons``: ликвидация организации).
LIQUIDATION_REASON = "liquidation"

#: Organisation columns only the close and reopen commands write.
CLOSURE_FIELDS = frozenset({"closed_on", "closure_kind", "merged_into_id", "closure_note"})

CLOSED = "Организация закрыта: её данные доступны только для чтения"
#: A merger's target that is not a live organisation under the same superior (whatever the
#: reason: the caller learns nothing about organisations outside their scope).
TARGET_NOT_FOUND = "Организация, с которой проводится слияние, не найдена"

_EVENT_NS = uuid.UUID("3c9a7e52-14d8-4b6f-8e21-7f0b5d9c4a63")


def closure_event_id(closure_id: str, member_id: str, side: str = "") -> str:
    """The id of the history event a closure writes for ``member_id`` (``side`` tells apart
    the two events of a merger): derived, so a repeated closure would write the same rows."""
    return str(uuid.uuid5(_EVENT_NS, f"{closure_id}:{member_id}:{side}"))


def check_delete(member_cards: int, live_children: int, closed: bool) -> str | None:
    """Deleting is only for an organisation entered by mistake: no member card at all (on the
    register or removed: their history counts in reports), no live sub-organisation, and
    not closed (a closed organisation is the record of its members' past)."""
    if closed:
        return "Закрытая организация не удаляется: она хранит историю своих членов Профсоюза"
    if member_cards:
        return (f"Организацию нельзя удалить: в ней {member_cards} "
                f"{_cards_word(member_cards)} членов Профсоюза. Закройте её "
                "(ликвидация или слияние) — члены Профсоюза останутся в реестре")
    if live_children:
        return ("Организацию нельзя удалить: у неё есть подчинённые организации. Сначала "
                "закройте их или подчините другой организации")
    return None


def _cards_word(count: int) -> str:
    if count % 10 == 1 and count % 100 != 11:
        return "карточка"
    if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        return "карточки"
    return "карточек"


@dataclass(frozen=True)
class Target:
    """What a merger needs to know of its receiving organisation."""

    id: str
    parent_id: str | None
    level: str
    closed: bool


def check_close(
    *, kind: str, closed: bool, parent_id: str | None, level: str, live_children: int,
    on: date, today: date, earliest: date | None, target: Target | None, org_id: str,
    draft_cards: int = 0, pending_requests: int = 0,
) -> str | None:
    """May the organisation (its ``parent_id``, ``level``) be closed on ``on``?

    ``earliest``: the latest history event or registration date of its members on the register
    (the closure removes or moves them on ``on``, which may not come before). ``target``: the
    receiving organisation of a merger, None when it is not found (or not in the caller's
    scope: the same answer). ``draft_cards``: ЭПБ lines in its draft card request (В ЗАЯВКЕ):
    a merger would carry them away from a draft nobody could send any more.
    ``pending_requests``: transfer requests of the organisation still waiting for a decision
    (a closed organisation decides nothing: they are decided or withdrawn first)."""
    if closed:
        return "Организация уже закрыта"
    if parent_id is None:
        return "Организацию верхнего уровня закрыть нельзя"
    if kind not in CLOSURE_KINDS:
        return "Укажите способ закрытия: ликвидация или слияние"
    if live_children:
        return ("Сначала закройте подчинённые организации или подчините их другой "
                f"организации (действующих подчинённых: {live_children})")
    if pending_requests:
        return ("Сначала рассмотрите или отзовите запросы на перевод этой организации "
                f"(ждут решения: {pending_requests})")
    if on > today:
        return "Дата закрытия не может быть в будущем"
    if earliest is not None and on < earliest:
        return ("Дата закрытия не может быть раньше последнего события истории её членов "
                f"Профсоюза ({earliest:%d.%m.%Y})")
    if kind == MERGER:
        if draft_cards:
            return (f"В черновике заявки на ЭПБ этой организации {draft_cards} "
                    f"{_cards_word(draft_cards)}: перед слиянием отправьте заявку или уберите "
                    "их из черновика")
        return check_merge_target(org_id, parent_id, level, target)
    return None


def check_merge_target(
    org_id: str, parent_id: str | None, level: str, target: Target | None
) -> str | None:
    """The receiving organisation: another live one of the same level under the same superior."""
    if target is None or target.id == org_id or target.closed:
        return TARGET_NOT_FOUND
    if target.parent_id != parent_id:
        return ("Слияние возможно только с организацией той же вышестоящей организации")
    if target.level != level:
        return "Слияние возможно только с организацией того же уровня"
    return None


def check_reopen(closed: bool) -> str | None:
    if not closed:
        return "Организация не закрыта"
    return None


def may_close(ancestors: Iterable[str], positions: Iterable[tuple[str, str]]) -> bool:
    """The user is the organisation's superior: the administrator, or a territorial-or-higher
    position on an organisation above it (``ancestors``: the ids of those organisations)."""
    above = set(ancestors)
    return any(role == ADMIN or (role in ELEVATED_ROLES and org_id in above)
               for org_id, role in positions)


def may_reopen(positions: Iterable[tuple[str, str]]) -> bool:
    """Only the administrator reopens a closed organisation."""
    return any(role == ADMIN for _, role in positions)

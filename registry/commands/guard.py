"""Field edits and plain creates that would bypass a command's state machine are refused."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chairclient.db.models import SERVER_SET_CONSENT_COLUMNS
from chairclient.domain import closure
from chairclient.services.lifecycle_rules import check_registration_event
from registry.commands.card_guard import check_card_create, check_card_delete, check_card_fields
from registry.models import ENTITY_TABLES, members, organisations
from registry.rules import NOT_FOUND, Rejected, fetch_row

#: Member fields only the removal and restoration commands write.
LIFECYCLE_MEMBER_FIELDS = frozenset({"status", "removed_on", "removal_reason"})
PROFCARDS_BY_FEED = ("Отметку о передаче согласия в PROFCARDS ставит только ежедневная выгрузка "
                     "реестра, а не правка записи")
CLOSURE_BY_COMMAND = ("Закрывает и открывает организацию отдельное действие вышестоящей "
                      "организации («Закрыть организацию…»), а не правка паспорта")
#: Fields a registration event (the first event of a new card) leaves empty.
_NOT_IN_REGISTRATION = ("reason", "from_org_id", "old_category")


#: Transfer requests are written by their commands only (both sides' copies at once).
REQUESTS_BY_COMMANDS = ("Запросы на перевод направляются и рассматриваются только действиями "
                        "«Запросить перевод», «Принять», «Отклонить», «Отозвать»")


def check_not_lifecycle(entity: str, fields: Mapping[str, Any]) -> None:
    """Membership history is appended to by commands, never edited or deleted in place."""
    if entity == "transfer_request":
        raise Rejected(REQUESTS_BY_COMMANDS)
    if entity == "membership_event":
        raise Rejected("История членства не редактируется: используйте снятие или восстановление")
    if entity == "member" and LIFECYCLE_MEMBER_FIELDS & set(fields):
        raise Rejected(
            "Статус членства меняется только снятием с учёта или восстановлением"
        )
    if entity == "consent" and SERVER_SET_CONSENT_COLUMNS & set(fields):
        raise Rejected(PROFCARDS_BY_FEED)
    if entity == "organisation" and closure.CLOSURE_FIELDS & set(fields):
        raise Rejected(CLOSURE_BY_COMMAND)
    check_card_fields(entity, fields)


def check_delete(session: Session, entity: str, row: Mapping[str, Any]) -> None:
    """Deleting a row is refused where it would undo a lifecycle step (ЭПБ beyond the draft)
    or lose people: an organisation with member cards or sub-organisations is closed instead."""
    if entity == "transfer_request":
        raise Rejected(REQUESTS_BY_COMMANDS)
    check_card_delete(session, entity, row)
    if entity == "organisation":
        _check(closure.check_delete(
            _count(session, members, members.c.org_id == row["id"]),
            _count(session, organisations, organisations.c.parent_id == row["id"]),
            row["closed_on"] is not None,
        ))


def _count(session: Session, table: Any, condition: Any) -> int:
    """Live (not deleted) rows of ``table`` matching ``condition``."""
    return session.scalar(
        select(func.count()).select_from(table).where(condition, table.c.deleted.is_(False))
    ) or 0


def _check(reason: str | None) -> None:
    if reason is not None:
        raise Rejected(reason)


def check_create(session: Session, entity: str, org_id: str, values: Mapping[str, Any]) -> None:
    """Registration is the one lifecycle step that travels as plain creates: the new card (on
    the register) and then its first history event («joined», or «transferred_in» for a card
    registered by transfer from outside the registry). Any other event needs a command."""
    if entity == "transfer_request":
        raise Rejected(REQUESTS_BY_COMMANDS)
    check_card_create(session, entity, values)
    if entity == "consent" and any(values.get(k) is not None for k in SERVER_SET_CONSENT_COLUMNS):
        raise Rejected(PROFCARDS_BY_FEED)
    if entity == "organisation" and any(values.get(k) is not None
                                        for k in closure.CLOSURE_FIELDS):
        raise Rejected(CLOSURE_BY_COMMAND)
    if entity == "member":
        if (values.get("status") or "active") != "active" or values.get("removed_on") \
                or values.get("removal_reason"):
            raise Rejected("Новая карточка ставится на учёт; снятие с учёта — отдельным действием")
    elif entity == "membership_event":
        member = fetch_row(session, members, values.get("member_id") or "")
        if member is None:  # check_references found it; a concurrent delete is not found either
            raise Rejected(NOT_FOUND)
        events = ENTITY_TABLES["membership_event"]
        earlier = session.scalar(
            select(events.c.id).where(events.c.member_id == member["id"]).limit(1)
        )
        extra = {key: values.get(key) for key in _NOT_IN_REGISTRATION}
        extra["to_org_id"] = None if values.get("to_org_id") in (None, org_id) else "other"
        reason = check_registration_event(
            str(values.get("kind")), member["registration_method"], member["status"],
            earlier is not None, extra,
        )
        if reason is not None:
            raise Rejected(reason)

"""The ЭПБ lifecycle as plain rows: only drafting a request travels as creates and deletes.

A chair's client creates the draft request, its lines (cards «В ЗАЯВКЕ») and each line's first
status-change row, and may delete a line while the request is a draft. Everything after that
(submission, production, shipment, receipt, issue, loss) is a command; a plain edit of those
fields is refused with a reason, whatever the client sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.services.card_rules import BROKEN_STATUSES, status_name
from registry.card_facts import cards, changes, full_name, request_reason, requests
from registry.models import members
from registry.rules import NOT_FOUND, Rejected, fetch_row

#: Card fields only the ЭПБ commands and the batch write.
CARD_LIFECYCLE_FIELDS = frozenset(
    {"status", "number", "request_id", "issued_on", "member_id", "replaces_id"}
)
#: Request fields only submission and the batch write.
REQUEST_LIFECYCLE_FIELDS = frozenset({"state", "submitted_at", "processing_date", "batch_id"})
#: A status-change row is history: its note may be corrected, nothing else.
CHANGE_FIXED_FIELDS = frozenset({"card_id", "status", "changed_at"})

CARD_BY_COMMAND = ("Статус ЭПБ, номер и заявка меняются только действиями с картой "
                   "(отправка заявки, получение, выдача), а не правкой полей")
REQUEST_BY_COMMAND = "Состояние заявки на ЭПБ меняется только её отправкой и обработкой"
HISTORY_FIXED = "История статусов ЭПБ не редактируется"
DRAFT_ONLY = "Изменять состав можно только в черновике заявки на ЭПБ"


def check_card_fields(entity: str, fields: Mapping[str, Any]) -> None:
    """Plain updates (and deletes, ``{"deleted": True}``) of lifecycle fields are refused."""
    if entity == "card" and CARD_LIFECYCLE_FIELDS & set(fields):
        raise Rejected(CARD_BY_COMMAND)
    if entity == "card_request" and REQUEST_LIFECYCLE_FIELDS & set(fields):
        raise Rejected(REQUEST_BY_COMMAND)
    if entity == "card_status_change" and CHANGE_FIXED_FIELDS & set(fields):
        raise Rejected(HISTORY_FIXED)


def check_card_create(session: Session, entity: str, values: Mapping[str, Any]) -> None:
    if entity == "card_request":
        if (values.get("state") or "draft") != "draft" or any(
            values.get(k) is not None for k in ("submitted_at", "processing_date", "batch_id")
        ):
            raise Rejected("Новая заявка на ЭПБ создаётся черновиком; отправляется она отдельно")
    elif entity == "card":
        _check_new_line(session, values)
    elif entity == "card_status_change":
        _check_first_change(session, values)


def _check_new_line(session: Session, values: Mapping[str, Any]) -> None:
    if (values.get("status") or "in_request") != "in_request" or values.get("number") \
            or values.get("issued_on"):
        raise Rejected("Новая ЭПБ создаётся только строкой черновика заявки (статус «В ЗАЯВКЕ», "
                       "без номера и даты выдачи)")
    request = fetch_row(session, requests, values.get("request_id") or "")
    if request is None or request["deleted"]:
        raise Rejected("ЭПБ заказывается только через заявку: укажите черновик заявки")
    if request["state"] != "draft":
        raise Rejected("Заявка уже отправлена: добавлять в неё членов Профсоюза нельзя")
    member = fetch_row(session, members, values["member_id"], lock=True)
    if member is None:
        raise Rejected(NOT_FOUND)
    reason = request_reason(session, member)
    if reason is not None:
        raise Rejected(f"{full_name(member)}: {reason}")
    replaced_id = values.get("replaces_id")
    if replaced_id:
        replaced = fetch_row(session, cards, replaced_id)
        if replaced is None or replaced["deleted"] or replaced["member_id"] != member["id"]:
            raise Rejected("Перевыпуск: заменяемая ЭПБ этого члена Профсоюза не найдена")
        if replaced["status"] not in BROKEN_STATUSES:
            raise Rejected(f"Перевыпуск возможен только для ЭПБ в статусе «УТЕРЯН» или "
                           f"«ИСПОРЧЕН», а не «{status_name(replaced['status'])}»")


def _check_first_change(session: Session, values: Mapping[str, Any]) -> None:
    card = fetch_row(session, cards, values.get("card_id") or "")
    if values.get("status") != "in_request" or card is None or card["status"] != "in_request":
        raise Rejected("Смена статуса ЭПБ — только действием с картой, а не новой записью "
                       "истории")
    earlier = session.scalar(
        select(changes.c.id).where(changes.c.card_id == card["id"]).limit(1)
    )
    if earlier is not None:
        raise Rejected("У этой ЭПБ история статусов уже начата")


def check_card_delete(session: Session, entity: str, row: Mapping[str, Any]) -> None:
    """A line leaves a draft request (its card and first status row); drafts may be dropped."""
    if entity == "card_request":
        if row["state"] != "draft":
            raise Rejected("Отправленную заявку на ЭПБ удалить нельзя")
    elif entity == "card":
        _check_draft_line(session, row)
    elif entity == "card_status_change":
        card = fetch_row(session, cards, row["card_id"])
        if row["status"] != "in_request":
            raise Rejected(HISTORY_FIXED)
        if card is not None and not card["deleted"]:
            _check_draft_line(session, card)


def _check_draft_line(session: Session, card: Mapping[str, Any]) -> None:
    request = fetch_row(session, requests, card["request_id"] or "")
    if card["status"] != "in_request" or request is None or request["state"] != "draft":
        raise Rejected(DRAFT_ONLY)

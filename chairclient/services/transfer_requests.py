"""Transfer requests from the client: file one (receiver), decide it (sender or its superior),
withdraw it (receiver). See :mod:`chairclient.domain.transfers` for the agreement rules and
``registry/commands/transfer_requests.py`` for the registry's side.

Each function writes the optimistic local change to its own organisation's copy and queues ONE
command in the outbox (it works offline and travels with the next sync), in the caller's
transaction. Nothing about the person is ever written on the receiver's side: the member's card
arrives with the pull once the sender has agreed. The entry's ``base`` says what to put back if
the registry refuses (the shape :mod:`chairclient.services.lifecycle` uses).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.base import utcnow
from chairclient.db.models import OutboxEntry, TransferRequest, new_id
from chairclient.domain import transfers as rules
from chairclient.services import outbox


class RequestRefused(ValueError):
    """The request or decision is not possible now; ``str()`` is the Russian reason."""


@dataclass(frozen=True)
class RequestDone:
    """What changed: the local copy (its id) and the queued command."""

    copy_id: str
    org_id: str
    mutation_id: str


def _comment(text: str | None) -> str | None:
    text = (text or "").strip()
    if len(text) > rules.MAX_COMMENT:
        raise RequestRefused(f"Комментарий длиннее {rules.MAX_COMMENT} символов")
    return text or None


def request_transfer(
    session: Session, org_id: str, handle: str, on: date, *, other_org_id: str,
    other_org_name: str, other_org_code: str, person_label: str = "",
    comment: str | None = None, today: date | None = None,
) -> RequestDone:
    """Запросить перевод into ``org_id`` of the member a registry lookup found (``handle``)."""
    today = today or date.today()
    if on > today:
        raise RequestRefused("Дата не может быть в будущем")
    if other_org_id == org_id:
        raise RequestRefused("Член Профсоюза уже состоит на учёте в этой организации")
    waiting = session.scalars(
        select(OutboxEntry).where(OutboxEntry.op == "command", OutboxEntry.state == "pending",
                                  OutboxEntry.entity == "transfer_request")
    )
    if any(e.fields.get("handle") == handle for e in waiting):
        raise RequestRefused("Запрос на перевод уже ждёт синхронизации")
    comment, label = _comment(comment), person_label.strip()[:300]
    copy = TransferRequest(
        id=new_id(), org_id=org_id, side="receiver", state="pending",
        person_label=label, other_org_id=other_org_id, other_org_name=other_org_name,
        other_org_code=other_org_code, transfer_date=on, comment=comment,
        requested_at=utcnow(),
    )
    copy.request_id = copy.id
    session.add(copy)
    session.flush()
    entry = outbox.record_command(
        session, "transfer_request", copy.id, org_id, rules.REQUEST_TRANSFER,
        {"handle": handle, "on": on, "comment": comment, "person_label": label}, new_id(),
    )
    entry.base = {"rows": [], "created": [{"entity": "transfer_request", "id": copy.id}]}
    return RequestDone(copy.id, org_id, entry.mutation_id)


def _pending_copy(session: Session, copy_id: str, side: str) -> TransferRequest:
    copy = session.get(TransferRequest, copy_id)
    if copy is None or copy.deleted or copy.side != side:
        raise LookupError(f"transfer request {copy_id} not found")
    if copy.state != "pending":
        raise RequestRefused("Запрос на перевод уже рассмотрен или отозван")
    return copy


def _close(
    session: Session, copy: TransferRequest, state: str, name: str, args: dict[str, object],
    comment: str | None, today: date,
) -> RequestDone:
    values = {"state": state, "decided_on": today, "decision_comment": comment}
    old = {k: outbox.wire_value(getattr(copy, k)) for k in values}
    for key, value in values.items():
        setattr(copy, key, value)
    session.flush()
    entry = outbox.record_command(session, "transfer_request", copy.id, copy.org_id, name,
                                  {**args, "comment": comment}, new_id())
    entry.base = {"rows": [{"entity": "transfer_request", "id": copy.id, "old": old}],
                  "created": []}
    return RequestDone(copy.id, copy.org_id, entry.mutation_id)


def decide_transfer(
    session: Session, copy_id: str, accept: bool, comment: str | None = None, *,
    today: date | None = None,
) -> RequestDone:
    """The sending side's answer to the request whose copy is ``copy_id``: accept (the member
    moves to the receiver when the registry applies it) or decline, with a comment."""
    today = today or date.today()
    copy = _pending_copy(session, copy_id, "sender")
    comment = _comment(comment)
    if not accept and not comment:
        raise RequestRefused("Укажите причину отказа в комментарии")
    decision = rules.ACCEPT if accept else rules.DECLINE
    return _close(session, copy, "accepted" if accept else "declined", rules.DECIDE_TRANSFER,
                  {"decision": decision}, comment, today)


def withdraw_transfer(
    session: Session, copy_id: str, comment: str | None = None, *, today: date | None = None,
) -> RequestDone:
    """The receiver no longer wants the transfer it asked for."""
    today = today or date.today()
    copy = _pending_copy(session, copy_id, "receiver")
    return _close(session, copy, "withdrawn", rules.WITHDRAW_TRANSFER, {}, _comment(comment),
                  today)

"""Transfer requests: the receiving chair asks, the sending side agrees or declines.

``request_transfer`` (receiver): ``entity_id`` is the new request's id, ``org_id`` the receiving
organisation, ``handle`` the lookup's handle of the member. ``decide_transfer`` (the sending
chair, or any organisation above the sender when that chair does not act): ``entity_id`` is the
sender's copy, ``decision`` accept / decline with a comment; accepting moves the member at once
(:func:`registry.commands.transfer.move_member`: history, consents, cards, roles; a
«transferred_out» line in the sender and «transferred_in» in the receiver). ``withdraw_transfer``
(receiver): the request is no longer wanted. Plain creates, edits and deletes of requests are
refused (:mod:`registry.commands.guard`).

One request concerns two organisations, so it is kept as **one row per side** (see
:mod:`chairclient.db.models_transfer`), both written in the command's transaction: the
receiver's copy in the receiving organisation, the sender's in the sending one. Each copy
travels in its own organisation's pulls by the ordinary change log, so the scope rules,
counts, purges and tombstones of the sync apply unchanged, and a copy never reaches a user who
sees only the other side. The alternative, one row with change-log entries in both
organisations, would put a row whose ``org_id`` is the sender into the receiver's database (and
its scope purges, counts and the rule that a row belongs to its organisation would all need
exceptions) and would hand the receiver every column the sender's side needs. The receiver's
copy carries only what its chair typed and the sender's name and code until the transfer
completes; then it gains the member's id (the member is the receiver's by then).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import Field
from sqlalchemy import select

from chairclient.domain import transfers as agreement
from registry import lookup_handles
from registry.commands.base import Args, Context, command
from registry.commands.membership import _last_event
from registry.commands.transfer import member_by_handle, move_member
from registry.commands.writes import insert_row, server_today, update_row
from registry.models import ENTITY_TABLES, members, organisations
from registry.rules import NOT_FOUND, Rejected, fetch_row
from sync.protocol import MutationResult

requests = ENTITY_TABLES["transfer_request"]
_Comment = Field(None, max_length=agreement.MAX_COMMENT)


class RequestArgs(Args):
    handle: str = Field(min_length=1, max_length=64)
    on: date
    comment: str | None = _Comment
    person_label: str | None = Field(None, max_length=300)


class DecideArgs(Args):
    decision: Literal["accept", "decline"]
    comment: str | None = _Comment
    event_id: str | None = Field(None, min_length=1, max_length=36)


class WithdrawArgs(Args):
    comment: str | None = _Comment


def _org(ctx: Context, org_id: str) -> tuple[str, str]:
    org = fetch_row(ctx.session, organisations, org_id)
    if org is None:
        return "", ""
    return org["short_name"] or org["full_name"] or "", org["code"]


def _result(ctx: Context, version: int, fields: list[str]) -> MutationResult:
    return MutationResult(mutation_id=ctx.mutation.mutation_id, status="applied",
                          version=version, applied_fields=sorted(fields))


@command(agreement.REQUEST_TRANSFER, "transfer_request", RequestArgs)
def request_transfer(ctx: Context, args: RequestArgs) -> MutationResult:
    receiver, request_id = ctx.mutation.org_id, ctx.mutation.entity_id
    if receiver not in ctx.scope:
        raise Rejected(NOT_FOUND)
    row = member_by_handle(ctx, args.handle)
    sender = row["org_id"]
    if sender == receiver:
        raise Rejected("Член Профсоюза уже состоит на учёте в этой организации")
    if sender in ctx.scope:
        raise Rejected("Член Профсоюза состоит в организации, подчинённой вам: "
                       "переведите его сами («Принять переводом»)")
    if not agreement.may_request(row["status"]):
        if agreement.marked_for_transfer(row["status"], row["removal_reason"],
                                         row["removed_on"], server_today(ctx.now)):
            raise Rejected("Организация уже отметила переход этого члена Профсоюза: "
                           "примите его переводом («Принять переводом»)")
        raise Rejected("Член Профсоюза снят с учёта: перевод невозможен, оформите вступление")
    if args.on > server_today(ctx.now):
        raise Rejected("Дата не может быть в будущем")
    copy_id = agreement.sender_copy_id(request_id)
    for made in (request_id, copy_id):
        if fetch_row(ctx.session, requests, made) is not None:
            raise Rejected("Запись с таким идентификатором уже существует")
    waiting = ctx.session.scalar(
        select(requests.c.id).where(
            requests.c.member_id == row["id"], requests.c.side == "sender",
            requests.c.state == "pending", requests.c.other_org_id == receiver,
            requests.c.deleted.is_(False),
        ).limit(1)
    )
    if waiting is not None:
        raise Rejected("Запрос на перевод этого члена Профсоюза уже направлен и ждёт решения")
    (sender_name, sender_code), (receiver_name, receiver_code) = (
        _org(ctx, sender), _org(ctx, receiver))
    common = {"request_id": request_id, "state": "pending", "transfer_date": args.on,
              "comment": (args.comment or "").strip() or None, "requested_at": ctx.now}
    insert_row(ctx, "transfer_request", request_id, receiver, {
        **common, "side": "receiver", "member_id": None,
        "person_label": (args.person_label or "").strip(), "other_org_id": sender,
        "other_org_name": sender_name, "other_org_code": sender_code,
    })
    insert_row(ctx, "transfer_request", copy_id, sender, {
        **common, "side": "sender", "member_id": row["id"],
        "person_label": agreement.person_label(row["last_name"], row["first_name"],
                                               row["patronymic"]),
        "other_org_id": receiver, "other_org_name": receiver_name,
        "other_org_code": receiver_code,
    })
    lookup_handles.consume(ctx.session, args.handle)
    return _result(ctx, 1, list(common))


def _decider(ctx: Context, sender: str) -> str:
    """Who decides, as the other side will read it: the sender, or the superior acting."""
    positions = [org for org, role in ctx.scope.positions if role != "profcards"]
    if sender in positions:
        return agreement.org_label(*_org(ctx, sender))
    above = next((org for org in positions if org in ctx.scope.elevated_ids), sender)
    return "вышестоящая организация " + agreement.org_label(*_org(ctx, above))


def _pair(ctx: Context, copy_id: str, side: str) -> tuple[Any, Any]:
    """The caller's copy (``side``) and the other one, both locked; missing as out of scope."""
    copy = fetch_row(ctx.session, requests, copy_id, lock=True)
    if copy is None or copy["deleted"] or copy["side"] != side \
            or copy["org_id"] not in ctx.scope or copy["org_id"] != ctx.mutation.org_id:
        raise Rejected(NOT_FOUND)
    other_id = copy["request_id"] if side == "sender" else agreement.sender_copy_id(copy["id"])
    other = fetch_row(ctx.session, requests, other_id, lock=True)
    if other is None:
        raise Rejected(NOT_FOUND)
    if copy["state"] != "pending":
        raise Rejected("Запрос на перевод уже рассмотрен или отозван")
    return copy, other


def _close(ctx: Context, rows: tuple[Any, Any], state: str, comment: str | None,
           decided_by: str | None, extra: dict[str, Any] | None = None) -> int:
    """Both copies get the outcome; returns the caller's copy's new version."""
    outcome = {"state": state, "decided_on": server_today(ctx.now),
               "decision_comment": (comment or "").strip() or None, "decided_by": decided_by}
    mine, theirs = rows
    version = update_row(ctx, "transfer_request", mine, outcome)
    update_row(ctx, "transfer_request", theirs, {**outcome, **(extra or {})})
    return version


@command(agreement.DECIDE_TRANSFER, "transfer_request", DecideArgs)
def decide_transfer(ctx: Context, args: DecideArgs) -> MutationResult:
    copy, other = _pair(ctx, ctx.mutation.entity_id, "sender")
    decided_by = _decider(ctx, copy["org_id"])
    if args.decision == agreement.DECLINE:
        version = _close(ctx, (copy, other), "declined", args.comment, decided_by)
        return _result(ctx, version, ["state", "decided_on", "decision_comment", "decided_by"])
    member = fetch_row(ctx.session, members, copy["member_id"] or "", lock=True)
    if member is None or member["deleted"] or member["org_id"] != copy["org_id"]:
        raise Rejected("Член Профсоюза уже не состоит на учёте в этой организации: "
                       "отклоните запрос")
    last = _last_event(ctx, member["id"])
    # The date the receiver asked for, unless the sender's history has moved past it since.
    on = max(copy["transfer_date"], last) if last is not None else copy["transfer_date"]
    event_id = args.event_id or ctx.mutation.mutation_id
    if fetch_row(ctx.session, ENTITY_TABLES["membership_event"], event_id) is not None:
        raise Rejected("Запись с таким идентификатором уже существует")
    move_member(ctx, member, other["org_id"], on, event_id)
    version = _close(ctx, (copy, other), "accepted", args.comment, decided_by,
                     {"member_id": member["id"]})
    return _result(ctx, version, ["state", "decided_on", "decision_comment", "decided_by"])


@command(agreement.WITHDRAW_TRANSFER, "transfer_request", WithdrawArgs)
def withdraw_transfer(ctx: Context, args: WithdrawArgs) -> MutationResult:
    copy, other = _pair(ctx, ctx.mutation.entity_id, "receiver")
    version = _close(ctx, (copy, other), "withdrawn", args.comment,
                     agreement.org_label(*_org(ctx, copy["org_id"])))
    return _result(ctx, version, ["state", "decided_on", "decision_comment", "decided_by"])

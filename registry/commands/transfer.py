"""Transfers between organisations: ``transfer_out`` (the sender) and ``transfer_in`` (receiver).

How the two fit together:

* ``transfer_out``: the sending chair marks the member as leaving by transfer — status
  «removed» with reason «transfer» (перевод в другую ППО, not a loss to the union) and a
  «transferred_out» event in the sender's organisation (``to_org_id`` when the destination is
  within the sender's scope, otherwise a free-text ``note``; «unknown» is fine). The live ЭПБ
  stays valid, since membership goes on. The member stays in the sender's scope, among those
  removed, until an organisation accepts them; the sender may still restore them.
* ``transfer_in``: the receiving chair, having found the member with
  ``POST /api/v1/members/lookup``, accepts them into ``mutation.org_id``; ``entity_id`` is the
  lookup's handle (:mod:`registry.lookup_handles`: opaque, short-lived, this user's only), or
  the member's row id when the member is within the caller's own scope. The member row moves
  (``org_id`` changes; «member since» is kept; registered on = the transfer date, registration
  method «transfer», on the register again) together with its history, consents, cards, card
  status history and union roles (a role held in the sender ends on the transfer date). Before a
  history event leaves, its organisation is written into it (``to_org_id`` of a joining,
  ``from_org_id`` of a removal) so the replayed history still places it in the sender. The
  receiver gets a new «transferred_in» event; the sender keeps a «transferred_out» event in its
  own organisation — the one its ``transfer_out`` wrote, or one written now when the sender had
  not marked the member. The sender's pull then brings tombstones for everything that moved
  (the member leaves its scope) and that event, which stays visible to it.
* The sending side must agree (:mod:`chairclient.domain.transfers`): a member outside the
  caller's scope is accepted only while the sender's «переход в другую ППО» mark is open
  (60 days); a member on the register there is asked for by a transfer request
  (:mod:`registry.commands.transfer_requests`, which moves them with :func:`move_member` once
  the sender agrees). A caller with both organisations in scope is the sender's own side. A
  member removed for another reason cannot be accepted (they join again or are restored).
  The receiving organisation must be in the caller's scope, and the handle valid — otherwise
  the answer is exactly that of a missing member and nothing changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import Field
from sqlalchemy import select

from chairclient.domain import transfers as agreement
from chairclient.services import lifecycle_rules as rules
from registry import lookup_handles
from registry.commands.base import Context, command
from registry.commands.membership import (
    _apply,
    _check,
    _event_id,
    _EventArgs,
    _last_event,
    _member,
)
from registry.commands.writes import insert_row, move_row, move_rows, server_today
from registry.models import ENTITY_TABLES, members, organisations
from registry.pull import id_filters
from registry.rules import NOT_FOUND, Rejected, fetch_row, validate
from registry.wire import data_values
from sync.protocol import MutationResult

_IN_KINDS = frozenset({"joined", "transferred_in", "restored"})
_OUT_KINDS = frozenset({"removed", "transferred_out"})
#: Rows that belong to the member and move with them (cards bring their status history).
_FOLLOWERS = ("membership_event", "consent", "member_role", "card")


class TransferOutArgs(_EventArgs):
    to_org_id: str | None = Field(None, min_length=1, max_length=36)
    note: str | None = Field(None, max_length=500)


class TransferInArgs(_EventArgs):
    pass


@command(rules.TRANSFER_OUT, "member", TransferOutArgs)
def transfer_out(ctx: Context, args: TransferOutArgs) -> MutationResult:
    row = _member(ctx)
    _check(rules.check_transfer_out(
        row["status"], args.on, server_today(ctx.now), _last_event(ctx, row["id"])
    ))
    if args.to_org_id is not None and (
        args.to_org_id not in ctx.scope or args.to_org_id == row["org_id"]
    ):
        raise Rejected("Организация, в которую переводится член Профсоюза, не найдена")
    return _apply(
        ctx, row,
        {"status": "removed", "removed_on": args.on, "removal_reason": rules.TRANSFER_REASON},
        _event_id(ctx, args.event_id),
        {"kind": "transferred_out", "event_date": args.on, "reason": rules.TRANSFER_REASON,
         "from_org_id": row["org_id"], "to_org_id": args.to_org_id, "note": args.note},
    )


def _org_label(org_id: str, ctx: Context) -> str:
    org = fetch_row(ctx.session, organisations, org_id)
    if org is None:
        return ""
    return f"«{org['short_name'] or org['full_name'] or ''}» ({org['code']})"


def _snils_in(ctx: Context, row: Any, org_id: str) -> bool:
    if not row["snils"]:
        return False
    return ctx.session.scalar(
        select(members.c.id).where(
            members.c.snils == row["snils"], members.c.id != row["id"],
            members.c.org_id == org_id, members.c.deleted.is_(False),
        ).limit(1)
    ) is not None


def _pinned(entity: str, child: Any, sender: str, on: Any) -> dict[str, Any]:
    """What changes in a row besides its organisation when it follows the member."""
    if entity == "membership_event":
        if child["kind"] in _IN_KINDS and child["to_org_id"] is None:
            return {"to_org_id": sender}
        if child["kind"] in _OUT_KINDS and child["from_org_id"] is None:
            return {"from_org_id": sender}
    if entity == "member_role" and child["until"] is None:
        return {"until": on}
    return {}


def _move_followers(
    ctx: Context, member_ids: Sequence[str], sender: str, target: str, on: Any
) -> None:
    """The members' live rows in the sender move too; the sender's «transferred_out» stays.
    Many members at once (a merger moves a whole organisation in one transaction)."""
    changes = ENTITY_TABLES["card_status_change"]
    for entity in _FOLLOWERS:
        table = ENTITY_TABLES[entity]
        children: list[Any] = []
        for id_filter in id_filters(ctx.session, table.c.member_id, sorted(member_ids)):
            query = select(table).where(
                id_filter, table.c.org_id == sender, table.c.deleted.is_(False)
            ).order_by(table.c.id).with_for_update()
            if entity == "membership_event":
                query = query.where(table.c.kind != "transferred_out")
            children += ctx.session.execute(query).mappings().all()
        move_rows(ctx, entity, children, target,
                  lambda child, entity=entity: _pinned(entity, child, sender, on))
        if entity != "card":
            continue
        history: list[Any] = []
        for id_filter in id_filters(ctx.session, changes.c.card_id, [c["id"] for c in children]):
            history += ctx.session.execute(
                select(changes).where(
                    id_filter, changes.c.org_id == sender, changes.c.deleted.is_(False),
                ).order_by(changes.c.id).with_for_update()
            ).mappings().all()
        move_rows(ctx, "card_status_change", history, target)


def member_by_handle(ctx: Context, handle: str) -> Any:
    """The member a ``transfer_in`` or a transfer request names, locked: by this user's lookup
    handle, or by row id within the caller's scope; :data:`NOT_FOUND` otherwise (a row id of a
    member elsewhere, someone else's handle, an expired one, a member who moved since)."""
    found = lookup_handles.resolve(ctx.session, ctx.user_id, handle, ctx.now)
    if found is not None:
        row = fetch_row(ctx.session, members, found.member_id, lock=True)
        if row is None or row["deleted"] or row["org_id"] != found.org_id:
            raise Rejected(NOT_FOUND)
        return row
    row = fetch_row(ctx.session, members, handle, lock=True)
    if row is None or row["deleted"] or row["org_id"] not in ctx.scope:
        raise Rejected(NOT_FOUND)
    return row


def move_member(ctx: Context, row: Any, target: str, on: Any, event_id: str) -> int:
    """Move member ``row`` with everything they own from their organisation to ``target``: on
    the register there from ``on``, a «transferred_in» event ``event_id`` in ``target`` and a
    «transferred_out» one kept by the sender. Checks the date and the one-membership rule;
    returns the member's new version. (The agreement of the sending side is the caller's.)"""
    sender = row["org_id"]
    _check(rules.check_transfer_in(
        row["status"], row["removal_reason"], sender == target, on,
        server_today(ctx.now), _last_event(ctx, row["id"]),
    ))
    if _snils_in(ctx, row, target):
        raise Rejected("В организации уже есть карточка с таким СНИЛС: если это тот же человек, "
                       "снимите её с учёта как ошибочную запись и повторите перевод")
    changes = {"status": "active", "removed_on": None, "removal_reason": None,
               "registered_on": on, "registration_method": "transfer"}
    current = data_values(members, row)
    validate(ctx.session, "member", {**current, **changes}, current, row_id=row["id"],
             scope=ctx.scope)
    if row["status"] == "active":  # the sender had not marked the transfer: its record now
        insert_row(ctx, "membership_event", rules.transfer_out_event_id(event_id), sender, {
            "member_id": row["id"], "kind": "transferred_out", "event_date": on,
            "reason": rules.TRANSFER_REASON, "from_org_id": sender, "to_org_id": target,
            "note": f"В организацию {_org_label(target, ctx)}",
        })
    _move_followers(ctx, [row["id"]], sender, target, on)
    version = move_row(ctx, "member", row, target, changes)
    insert_row(ctx, "membership_event", event_id, target, {
        "member_id": row["id"], "kind": "transferred_in", "event_date": on,
        "from_org_id": sender, "to_org_id": target, "registration_method": "transfer",
        "new_category": row["category"], "note": f"Из организации {_org_label(sender, ctx)}",
    })
    return version


#: Importable under a public name (organisation closure moves members with it too).
move_followers = _move_followers


@command(rules.TRANSFER_IN, "member", TransferInArgs)
def transfer_in(ctx: Context, args: TransferInArgs) -> MutationResult:
    target = ctx.mutation.org_id
    if target not in ctx.scope:
        raise Rejected(NOT_FOUND)
    row = member_by_handle(ctx, ctx.mutation.entity_id)
    sender = row["org_id"]
    if sender not in ctx.scope and not agreement.marked_for_transfer(
        row["status"], row["removal_reason"], row["removed_on"], server_today(ctx.now)
    ):
        label = _org_label(sender, ctx)
        if row["status"] == "active":
            raise Rejected(agreement.not_agreed(label))
        if row["removal_reason"] == rules.TRANSFER_REASON:
            raise Rejected(agreement.mark_expired(label))
    event_id = _event_id(ctx, args.event_id)
    version = move_member(ctx, row, target, args.on, event_id)
    lookup_handles.consume(ctx.session, ctx.mutation.entity_id)
    return MutationResult(
        mutation_id=ctx.mutation.mutation_id, status="applied", version=version,
        applied_fields=sorted({"status", "removed_on", "removal_reason", "registered_on",
                               "registration_method", "org_id"}),
    )

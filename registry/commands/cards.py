"""ЭПБ commands: ``submit_card_request`` (a draft goes to production) and ``card_step``.

``card_step`` is one step of the card lifecycle after production — ОТПРАВЛЕН В РЕГИОН (regional
staff or an administrator only), ПОЛУЧЕН, ВЫДАН, or the branches УТЕРЯН / ИСПОРЧЕН — checked by
the client's own rules (:mod:`chairclient.services.card_rules`). :func:`step_card` is shared with
the command line (``card-ship``, ``card-receive``), so both write the same rows and audit.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field
from sqlalchemy import select

from chairclient.services import card_rules
from registry.card_facts import (
    cards,
    change_moment,
    changes,
    full_name,
    last_change,
    request_reason,
    requests,
)
from registry.commands.base import Args, Context, command
from registry.commands.writes import insert_row, server_today, update_row
from registry.models import members
from registry.rules import NOT_FOUND, Rejected, fetch_row
from registry.scope import subtree
from sync.protocol import MutationResult

#: Members named in a refusal; the rest are counted.
_NAMED = 3
REUSED_ID = "Запись с таким идентификатором уже существует"


class SubmitArgs(Args):
    pass


class StepArgs(Args):
    status: str = Field(min_length=1, max_length=20)
    on: date
    change_id: str = Field(min_length=1, max_length=36)


def _names(found: list[str]) -> str:
    shown = ", ".join(found[:_NAMED])
    rest = len(found) - _NAMED
    return f"{shown} и ещё {rest}" if rest > 0 else shown


@command(card_rules.SUBMIT_REQUEST, "card_request", SubmitArgs)
def submit_request(ctx: Context, args: SubmitArgs) -> MutationResult:
    request = fetch_row(ctx.session, requests, ctx.mutation.entity_id, lock=True)
    if request is None or request["deleted"] or request["org_id"] not in ctx.scope:
        raise Rejected(NOT_FOUND)
    if request["state"] != "draft":
        raise Rejected("Заявка на ЭПБ уже отправлена")
    lines = ctx.session.execute(
        select(cards).where(
            cards.c.request_id == request["id"], cards.c.deleted.is_(False),
            cards.c.status == "in_request",
        ).order_by(cards.c.id).with_for_update()
    ).mappings().all()
    if not lines:
        raise Rejected("В заявке нет ни одного члена Профсоюза")
    refused: list[str] = []
    for line in lines:
        member = fetch_row(ctx.session, members, line["member_id"])
        reason = request_reason(ctx.session, member, exclude_card=line["id"])
        if reason is not None:
            refused.append(f"{full_name(member)} ({reason})")
    if refused:
        raise Rejected(f"Заявку отправить нельзя, исключите из неё: {_names(refused)}")
    processing = card_rules.next_processing_date(server_today(ctx.now))
    version = update_row(ctx, "card_request", request, {
        "state": "submitted", "submitted_at": ctx.now, "processing_date": processing,
    })
    for line in lines:
        change_id = card_rules.submit_change_id(request["id"], line["id"])
        if fetch_row(ctx.session, changes, change_id) is not None:
            raise Rejected(REUSED_ID)
        update_row(ctx, "card", line, {"status": "ordered"})
        insert_row(ctx, "card_status_change", change_id, line["org_id"], {
            "card_id": line["id"], "status": "ordered", "changed_at": ctx.now,
        })
    return MutationResult(
        mutation_id=ctx.mutation.mutation_id, status="applied", version=version,
        applied_fields=["processing_date", "state", "submitted_at"],
    )


def may_mark_regional(ctx: Context, org_id: str) -> bool:
    """A regional-level position (or an administrator's) covering ``org_id``."""
    if ctx.scope.is_admin:
        return True
    roots = [o for o, role in ctx.scope.positions if role in ("regional", "admin")]
    return bool(roots) and org_id in subtree(ctx.session, roots)


def step_card(
    ctx: Context, card: Any, target: str, on: date, change_id: str, *, note: str | None = None
) -> int:
    """Move ``card`` (a locked row) one step to ``target`` on ``on``; the new card version.
    The caller has checked the scope; :class:`Rejected` when the step is not allowed."""
    if target not in card_rules.STEP_STATUSES:
        raise Rejected(f"Статус ЭПБ «{card_rules.status_name(target)[:40]}» так не отмечается")
    if target in card_rules.REGIONAL_STEPS and not may_mark_regional(ctx, card["org_id"]):
        raise Rejected("Отправку карт в регион отмечает региональная организация")
    reason = card_rules.check_step(card["status"], target)
    if reason is not None:
        raise Rejected(reason)
    previous = last_change(ctx.session, card["id"])
    reason = card_rules.check_step_date(
        on, server_today(ctx.now), previous.date() if previous else None
    )
    if reason is not None:
        raise Rejected(reason)
    if fetch_row(ctx.session, changes, change_id) is not None:
        raise Rejected(REUSED_ID)
    values: dict[str, Any] = {"status": target}
    if target == "issued":
        values["issued_on"] = on
    version = update_row(ctx, "card", card, values)
    insert_row(ctx, "card_status_change", change_id, card["org_id"], {
        "card_id": card["id"], "status": target,
        "changed_at": change_moment(on, ctx.now, previous), "note": note,
    })
    return version


@command(card_rules.CARD_STEP, "card", StepArgs)
def card_step(ctx: Context, args: StepArgs) -> MutationResult:
    card = fetch_row(ctx.session, cards, ctx.mutation.entity_id, lock=True)
    if card is None or card["deleted"] or card["org_id"] not in ctx.scope:
        raise Rejected(NOT_FOUND)
    fields = ["status", "issued_on"] if args.status == "issued" else ["status"]
    version = step_card(ctx, card, args.status, args.on, args.change_id)
    return MutationResult(
        mutation_id=ctx.mutation.mutation_id, status="applied", version=version,
        applied_fields=fields,
    )

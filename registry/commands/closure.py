"""Closing an organisation (liquidation or merger) and reopening it: commands of entity
«organisation», run in the push's one transaction however many members they move.

* ``close_organisation`` — for the organisation's superior (a user whose scope has it in
  ``superior_ids``) or the administrator; anyone else gets exactly the answer for a missing
  organisation. Refused while the organisation has live (open) sub-organisations: they are
  closed or moved first. *Liquidation* removes every member on the register through the
  removal command's path (reason «ликвидация организации», a dated «removed» event each, live
  ЭПБ АННУЛИРОВАН). *Merger* moves them, as transfers, into another open organisation of the
  same level under the same superior, through the transfer's move (history, consents, cards
  and their status history go along; a union office held in the closed organisation ends on
  the closure date); the closed organisation keeps a «transferred_out» event for each, the
  receiver gets a «transferred_in». Members already removed (or leaving by transfer) stay
  where they are: the closed organisation keeps their history.
* ``reopen_organisation`` — for the administrator only; the organisation's members stay as
  the closure left them (removed ones are restored one by one, merged ones stay merged).

The organisation row is marked (``closed_on``, ``closure_kind``, ``merged_into_id``,
``closure_note``), never deleted: see :mod:`registry.scope` for who sees it afterwards.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chairclient.domain import closure as domain
from chairclient.services import lifecycle_rules as rules
from registry.commands.base import Args, Context, command
from registry.commands.membership import _codes, remove_rows
from registry.commands.transfer import _org_label, move_followers
from registry.commands.writes import insert_rows, move_rows, server_today, update_row
from registry.models import ENTITY_TABLES, members, organisations
from registry.rules import NOT_FOUND, Rejected, fetch_row
from sync.protocol import MutationResult

events = ENTITY_TABLES["membership_event"]
ADMIN_ONLY = "Открыть закрытую организацию может только администратор"


class CloseArgs(Args):
    kind: str = Field(min_length=1, max_length=20)
    on: date
    merged_into_id: str | None = Field(None, min_length=1, max_length=36)
    note: str | None = Field(None, max_length=1000)


class ReopenArgs(Args):
    note: str | None = Field(None, max_length=1000)


def _organisation(ctx: Context) -> Any:
    """The organisation, locked, if the caller can see it; else the answer for a missing one."""
    row = fetch_row(ctx.session, organisations, ctx.mutation.entity_id, lock=True)
    if row is None or row["deleted"] or row["id"] not in ctx.scope.org_ids \
            or ctx.mutation.org_id != row["id"]:
        raise Rejected(NOT_FOUND)
    return row


def _check(reason: str | None) -> None:
    if reason is not None:
        raise Rejected(reason)


def _open_children(session: Session, org_id: str) -> int:
    return session.scalar(
        select(func.count()).select_from(organisations).where(
            organisations.c.parent_id == org_id, organisations.c.deleted.is_(False),
            organisations.c.closed_on.is_(None),
        )
    ) or 0


def _on_register(ctx: Context, org_id: str) -> list[Any]:
    """The organisation's members on the register, locked, in id order."""
    return list(ctx.session.execute(
        select(members).where(
            members.c.org_id == org_id, members.c.deleted.is_(False),
            members.c.status == "active",
        ).order_by(members.c.id).with_for_update()
    ).mappings())


def _last_events(session: Session, org_id: str) -> dict[str, date]:
    """Per member on the register of ``org_id``, the date of their latest history event."""
    on_register = select(members.c.id).where(
        members.c.org_id == org_id, members.c.deleted.is_(False), members.c.status == "active")
    return dict(session.execute(
        select(events.c.member_id, func.max(events.c.event_date))
        .where(events.c.member_id.in_(on_register), events.c.deleted.is_(False))
        .group_by(events.c.member_id)
    ).all())


def _target(ctx: Context, target_id: str | None) -> domain.Target | None:
    """A merger's receiving organisation, if the caller may write to it as its superior."""
    if target_id is None:
        return None
    row = fetch_row(ctx.session, organisations, target_id, lock=True)
    if row is None or row["deleted"] or row["id"] not in ctx.scope.org_ids:
        return None
    if not (ctx.scope.is_admin or row["id"] in ctx.scope.superior_ids):
        return None
    return domain.Target(row["id"], row["parent_id"], row["level"], row["closed_on"] is not None)


def _draft_cards(session: Session, org_id: str) -> int:
    cards = ENTITY_TABLES["card"]
    return session.scalar(select(func.count()).select_from(cards).where(
        cards.c.org_id == org_id, cards.c.status == "in_request", cards.c.deleted.is_(False))
    ) or 0


def _pending_requests(session: Session, org_id: str) -> int:
    requests = ENTITY_TABLES["transfer_request"]
    return session.scalar(select(func.count()).select_from(requests).where(
        requests.c.org_id == org_id, requests.c.state == "pending",
        requests.c.deleted.is_(False))) or 0


def _duplicates_in(session: Session, org_id: str, target_id: str) -> int:
    """Members on the register of ``org_id`` whose СНИЛС is on the register of ``target_id``."""
    mine = select(members.c.snils).where(
        members.c.org_id == org_id, members.c.deleted.is_(False), members.c.status == "active",
        members.c.snils.is_not(None))
    return session.scalar(
        select(func.count()).select_from(members).where(
            members.c.org_id == target_id, members.c.deleted.is_(False),
            members.c.status == "active", members.c.snils.in_(mine))
    ) or 0


@command(domain.CLOSE_ORGANISATION, "organisation", CloseArgs)
def close_organisation(ctx: Context, args: CloseArgs) -> MutationResult:
    org = _organisation(ctx)
    if not (ctx.scope.is_admin or org["id"] in ctx.scope.superior_ids):
        raise Rejected(NOT_FOUND)  # its own chair, a sibling: as if it did not exist
    last_events = _last_events(ctx.session, org["id"])
    people = _on_register(ctx, org["id"])
    dates = [*last_events.values(), *(p["registered_on"] for p in people if p["registered_on"])]
    target = _target(ctx, args.merged_into_id) if args.kind == domain.MERGER else None
    _check(domain.check_close(
        kind=args.kind, closed=org["closed_on"] is not None, parent_id=org["parent_id"],
        level=org["level"], live_children=_open_children(ctx.session, org["id"]), on=args.on,
        today=server_today(ctx.now), earliest=max(dates, default=None), target=target,
        org_id=org["id"], draft_cards=_draft_cards(ctx.session, org["id"]),
        pending_requests=_pending_requests(ctx.session, org["id"]),
    ))
    if target is not None:
        doubled = _duplicates_in(ctx.session, org["id"], target.id)
        if doubled:
            raise Rejected(
                f"В организации {_org_label(target.id, ctx)} уже состоят на учёте {doubled} "
                "чел. с теми же СНИЛС, что у членов закрываемой организации: если это те же "
                "люди, снимите лишние карточки с учёта как ошибочную запись и повторите")
        _merge(ctx, people, org["id"], target.id, args.on)
    else:
        _liquidate(ctx, people, org["id"], args.on, last_events)
    version = update_row(ctx, "organisation", org, {
        "closed_on": args.on, "closure_kind": args.kind,
        "merged_into_id": target.id if target else None, "closure_note": args.note,
    })
    return MutationResult(
        mutation_id=ctx.mutation.mutation_id, status="applied", version=version,
        applied_fields=sorted(domain.CLOSURE_FIELDS),
    )


def _liquidate(
    ctx: Context, people: list[Any], org_id: str, on: date, last_events: dict[str, date]
) -> None:
    """Every member on the register removed through the removal command's path."""
    reasons, today = _codes(ctx, "ref_removal_reasons"), server_today(ctx.now)
    for person in people:
        _check(rules.check_remove(person["status"], on, today, last_events.get(person["id"]),
                                  domain.LIQUIDATION_REASON, reasons))
    closure_id = ctx.mutation.mutation_id
    remove_rows(ctx, people, on, domain.LIQUIDATION_REASON,
                [domain.closure_event_id(closure_id, p["id"]) for p in people],
                note=f"Ликвидация организации {_org_label(org_id, ctx)}")


def _merge(ctx: Context, people: list[Any], sender: str, target: str, on: date) -> None:
    """Every member on the register moves as a transfer, all at once: the transfer's move of
    the members and what they own, a «transferred_out» event each left in the closed
    organisation, a «transferred_in» event each in the receiver, «member since» kept."""
    closure_id = ctx.mutation.mutation_id
    out_note = f"Слияние с организацией {_org_label(target, ctx)}"
    in_note = f"Слияние: из организации {_org_label(sender, ctx)}"
    insert_rows(ctx, "membership_event", [
        (domain.closure_event_id(closure_id, p["id"], "out"), sender,
         {"member_id": p["id"], "kind": "transferred_out", "event_date": on,
          "reason": rules.TRANSFER_REASON, "from_org_id": sender, "to_org_id": target,
          "note": out_note})
        for p in people
    ])
    move_followers(ctx, [p["id"] for p in people], sender, target, on)
    move_rows(ctx, "member", people, target,
              {"registered_on": on, "registration_method": "transfer"})
    insert_rows(ctx, "membership_event", [
        (domain.closure_event_id(closure_id, p["id"], "in"), target,
         {"member_id": p["id"], "kind": "transferred_in", "event_date": on,
          "from_org_id": sender, "to_org_id": target, "registration_method": "transfer",
          "new_category": p["category"], "note": in_note})
        for p in people
    ])


@command(domain.REOPEN_ORGANISATION, "organisation", ReopenArgs)
def reopen_organisation(ctx: Context, args: ReopenArgs) -> MutationResult:
    org = _organisation(ctx)
    if not ctx.scope.is_admin:
        raise Rejected(ADMIN_ONLY)
    _check(domain.check_reopen(org["closed_on"] is not None))
    parent = fetch_row(ctx.session, organisations, org["parent_id"]) if org["parent_id"] else None
    if parent is not None and parent["closed_on"] is not None:
        raise Rejected("Сначала откройте вышестоящую организацию")
    version = update_row(ctx, "organisation", org, {
        "closed_on": None, "closure_kind": None, "merged_into_id": None,
        "closure_note": args.note,
    })
    return MutationResult(
        mutation_id=ctx.mutation.mutation_id, status="applied", version=version,
        applied_fields=sorted(domain.CLOSURE_FIELDS),
    )


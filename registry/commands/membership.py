"""Membership commands: removal (cancelling live ЭПБ cards), restoration, category change.

History is appended to, never edited: each command writes one ``membership_event`` whose id the
client may choose (``event_id``), so its optimistic local row and the registry's row are one row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from pydantic import Field
from sqlalchemy import func, select

from chairclient.db.models import LIVE_CARD_STATUSES
from chairclient.services import lifecycle_rules as rules
from chairclient.services.lifecycle_rules import card_cancel_id
from registry.commands.base import Args, Context, command
from registry.commands.writes import insert_row, insert_rows, server_today, update_row, update_rows
from registry.models import ENTITY_TABLES, members, server_metadata
from registry.pull import id_filters
from registry.rules import NOT_FOUND, Rejected, check_writable, fetch_row, validate
from registry.wire import data_values
from sync.protocol import MutationResult

events = ENTITY_TABLES["membership_event"]
cards = ENTITY_TABLES["card"]


class _EventArgs(Args):
    on: date
    event_id: str | None = Field(None, min_length=1, max_length=36)


class _NoteArgs(_EventArgs):
    #: The person's comment, kept in the history event (checked by ``clean_note``).
    note: str | None = Field(None, max_length=rules.NOTE_MAX_LENGTH + 100)


class RemoveArgs(_NoteArgs):
    reason: str = Field(min_length=1, max_length=40)


class RestoreArgs(_NoteArgs):
    pass


class CategoryArgs(_EventArgs):
    new_category: str = Field(min_length=1, max_length=40)


def _member(ctx: Context) -> Any:
    """The member row, locked; anything out of scope answers exactly like a missing row (a
    closed organisation's members: read-only)."""
    row = fetch_row(ctx.session, members, ctx.mutation.entity_id, lock=True)
    if row is None or row["deleted"]:
        raise Rejected(NOT_FOUND)
    check_writable(ctx.scope, row["org_id"])
    return row


def _last_event(ctx: Context, member_id: str) -> date | None:
    return ctx.session.scalar(
        select(func.max(events.c.event_date)).where(
            events.c.member_id == member_id, events.c.deleted.is_(False)
        )
    )


def _codes(ctx: Context, table_name: str) -> set[str]:
    table = server_metadata.tables[table_name]
    return set(ctx.session.scalars(select(table.c.code).where(table.c.active.is_(True))))


def _event_id(ctx: Context, wanted: str | None) -> str:
    event_id = wanted or ctx.mutation.mutation_id
    if fetch_row(ctx.session, events, event_id) is not None:
        raise Rejected("Запись с таким идентификатором уже существует")
    return event_id


def _check(reason: str | None) -> None:
    if reason is not None:
        raise Rejected(reason)


def _note(note: str | None) -> str | None:
    try:
        return rules.clean_note(note)
    except ValueError as exc:
        raise Rejected(str(exc)) from None


def _apply(
    ctx: Context, row: Any, changes: dict[str, Any], event_id: str, event: dict[str, Any]
) -> MutationResult:
    """Validate the merged member, write it and its history event; the push result."""
    current = data_values(members, row)
    validate(ctx.session, "member", {**current, **changes}, current, row_id=row["id"],
             scope=ctx.scope)
    version = update_row(ctx, "member", row, changes)
    insert_row(ctx, "membership_event", event_id, row["org_id"],
               {"member_id": row["id"], **event})
    return MutationResult(
        mutation_id=ctx.mutation.mutation_id, status="applied", version=version,
        applied_fields=sorted(changes),
    )


def _cancel_cards(ctx: Context, event_of: Mapping[str, str]) -> None:
    """Every live card of the members (member id → their removal event's id) becomes
    АННУЛИРОВАН, with a status-change row."""
    live: list[Any] = []
    for id_filter in id_filters(ctx.session, cards.c.member_id, sorted(event_of)):
        live += ctx.session.execute(
            select(cards).where(
                id_filter, cards.c.deleted.is_(False),
                cards.c.status.in_(sorted(LIVE_CARD_STATUSES)),
            ).order_by(cards.c.id).with_for_update()
        ).mappings().all()
    update_rows(ctx, "card", live, {"status": "cancelled"})
    insert_rows(ctx, "card_status_change", [
        (card_cancel_id(event_of[card["member_id"]], card["id"]), card["org_id"],
         {"card_id": card["id"], "status": "cancelled", "changed_at": ctx.now,
          "note": rules.CARD_CANCEL_NOTE})
        for card in live
    ])


@command(rules.REMOVE_MEMBER, "member", RemoveArgs)
def remove_member(ctx: Context, args: RemoveArgs) -> MutationResult:
    row = _member(ctx)
    note = _note(args.note)
    _check(rules.check_remove(
        row["status"], args.on, server_today(ctx.now), _last_event(ctx, row["id"]), args.reason,
        _codes(ctx, "ref_removal_reasons"),
    ))
    [version] = remove_rows(ctx, [row], args.on, args.reason, [_event_id(ctx, args.event_id)],
                            note=note)
    return MutationResult(
        mutation_id=ctx.mutation.mutation_id, status="applied", version=version,
        applied_fields=sorted(_REMOVED),
    )


_REMOVED = ("status", "removed_on", "removal_reason")


def remove_rows(
    ctx: Context, rows: Sequence[Any], on: date, reason: str, event_ids: Sequence[str], *,
    note: str | None = None,
) -> list[int]:
    """Remove the members ``rows`` (locked, writable by the caller, checked by
    :func:`rules.check_remove`) from the register: status, date and reason, a «removed» event
    each (``event_ids``, in the same order), live ЭПБ АННУЛИРОВАН; their new versions. The
    removal command's path, also taken by a liquidation for all its members at once."""
    changes = dict(zip(_REMOVED, ("removed", on, reason), strict=True))
    for row in rows:
        current = data_values(members, row)
        validate(ctx.session, "member", {**current, **changes}, current, row_id=row["id"],
                 scope=ctx.scope)
    versions = update_rows(ctx, "member", rows, changes)
    insert_rows(ctx, "membership_event", [
        (event_id, row["org_id"],
         {"member_id": row["id"], "kind": "removed", "event_date": on, "reason": reason,
          "from_org_id": row["org_id"], "note": note})
        for row, event_id in zip(rows, event_ids, strict=True)
    ])
    _cancel_cards(ctx, {row["id"]: event_id
                        for row, event_id in zip(rows, event_ids, strict=True)})
    return versions


@command(rules.RESTORE_MEMBER, "member", RestoreArgs)
def restore_member(ctx: Context, args: RestoreArgs) -> MutationResult:
    row = _member(ctx)
    note = _note(args.note)
    _check(rules.check_restore(
        row["status"], args.on, server_today(ctx.now), _last_event(ctx, row["id"])
    ))
    return _apply(
        ctx, row, {"status": "active", "removed_on": None, "removal_reason": None},
        _event_id(ctx, args.event_id),
        {"kind": "restored", "event_date": args.on, "to_org_id": row["org_id"], "note": note},
    )


@command(rules.CHANGE_CATEGORY, "member", CategoryArgs)
def change_category(ctx: Context, args: CategoryArgs) -> MutationResult:
    row = _member(ctx)
    _check(rules.check_category(
        row["status"], row["category"], args.new_category, args.on, server_today(ctx.now),
        _last_event(ctx, row["id"]), _codes(ctx, "ref_categories"),
    ))
    return _apply(
        ctx, row, {"category": args.new_category}, _event_id(ctx, args.event_id),
        {"kind": "category_changed", "event_date": args.on, "old_category": row["category"],
         "new_category": args.new_category},
    )

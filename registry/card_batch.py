"""ЭПБ production batches (``card-batch``) and regional marks from the command line.

``run_batch(db, day)`` — run by a scheduler on the 1st and 15th — takes every request
«submitted» with ``processing_date <= day``, gives each of its ЗАКАЗАН lines a number
(:mod:`registry.card_numbers`), moves it to ИЗГОТОВЛЕН with a status-change row, and marks the
request «processed» with the batch's id; all in one transaction, with change-log entries (the
chairs' clients pull the numbers) and audit rows. A batch is unique per date: a second run for
the same date changes nothing and answers with the existing batch (its order files are written
again, with the same numbers). ``mark_cards`` is the command line's ОТПРАВЛЕН В РЕГИОН /
ПОЛУЧЕН, through the very step of the ``card_step`` command.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import false, insert, select
from sqlalchemy.orm import Session

from registry.auth import now_utc
from registry.card_facts import cards, full_name, requests
from registry.card_numbers import next_numbers
from registry.card_orders import OrderLine, write_order_files
from registry.commands.base import Context
from registry.commands.cards import step_card
from registry.commands.writes import insert_row, update_row
from registry.db import Database
from registry.models import members
from registry.models_cards import card_batches
from registry.org_regions import OrgTree
from registry.rules import Rejected
from registry.scope import Scope, subtree
from sync.protocol import Mutation

_NS = uuid.UUID("9a7e1c44-0c5b-4f0e-a6f3-2f6d8b1e7c55")
BATCH_ACTOR = "cli:card-batch"


def system_context(session: Session, actor: str, mutation_id: str, entity: str, entity_id: str,
                   org_id: str, now: datetime) -> Context:
    """A command context for the registry's own jobs: every organisation, audited as ``actor``."""
    scope = Scope(actor, True, frozenset(), frozenset(), frozenset(), ())
    mutation = Mutation(mutation_id=mutation_id, entity=entity, entity_id=entity_id,
                        org_id=org_id, op="command")
    return Context(session, scope, actor, mutation, now)


@dataclass
class BatchResult:
    batch_id: str
    batch_date: date
    created: bool
    requests: int
    cards: int
    files: list[Path] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"batch_id": self.batch_id, "batch_date": self.batch_date.isoformat(),
                "created": self.created, "requests": self.requests, "cards": self.cards,
                "files": [str(p) for p in self.files]}


def run_batch(db: Database, day: date, out_dir: Path | None = None) -> BatchResult:
    """The batch of ``day`` (created on the first run); with ``out_dir``, its order files."""
    with db.write() as session:
        found = session.execute(
            select(card_batches).where(card_batches.c.batch_date == day)
        ).mappings().first()
        if found is not None:
            result = BatchResult(found["id"], day, False, found["requests"], found["cards"])
        else:
            result = _create(session, day, now_utc())
    if out_dir is not None:
        with db.read() as session:
            result.files = write_order_files(order_lines(session, result.batch_id), out_dir, day)
    return result


def _create(session: Session, day: date, now: datetime) -> BatchResult:
    batch_id = str(uuid.uuid5(_NS, f"batch:{day.isoformat()}"))
    queued = session.execute(
        select(requests).where(
            requests.c.state == "submitted", requests.c.deleted.is_(False),
            requests.c.processing_date <= day,
        ).order_by(requests.c.processing_date, requests.c.submitted_at, requests.c.id)
        .with_for_update()
    ).mappings().all()
    tree = OrgTree(session)
    lines = session.execute(
        select(cards, members.c.last_name, members.c.first_name, members.c.patronymic)
        .join(members, members.c.id == cards.c.member_id)
        .where(cards.c.request_id.in_([r["id"] for r in queued]) if queued else false(),
               cards.c.deleted.is_(False), cards.c.status == "ordered")
        .with_for_update(of=cards)
    ).mappings().all()
    lines = sorted(lines, key=lambda c: _line_key(tree, c))
    ctx = system_context(session, BATCH_ACTOR, batch_id, "card_request", batch_id, "-", now)
    for card, number in zip(lines, next_numbers(session, len(lines)), strict=True):
        update_row(ctx, "card", card, {"status": "produced", "number": number})
        insert_row(ctx, "card_status_change", str(uuid.uuid5(_NS, f"{batch_id}:{card['id']}")),
                   card["org_id"], {"card_id": card["id"], "status": "produced",
                                    "changed_at": now})
    for request in queued:
        update_row(ctx, "card_request", request, {"state": "processed", "batch_id": batch_id})
    session.execute(insert(card_batches).values(
        id=batch_id, batch_date=day, created_at=now, requests=len(queued), cards=len(lines),
    ))
    return BatchResult(batch_id, day, True, len(queued), len(lines))


def _line_key(tree: OrgTree, card: Any) -> tuple[str, ...]:
    org = tree.get(card["org_id"])
    region = tree.region(card["org_id"])
    return (region.code if region else "", org.code if org else "", full_name(card), card["id"])


def order_lines(session: Session, batch_id: str) -> list[OrderLine]:
    """The batch's cards as the card maker gets them, by region, organisation and name."""
    found = session.execute(
        select(cards.c.id, cards.c.org_id, cards.c.number, members.c.last_name,
               members.c.first_name, members.c.patronymic)
        .join(requests, requests.c.id == cards.c.request_id)
        .join(members, members.c.id == cards.c.member_id)
        .where(requests.c.batch_id == batch_id, cards.c.number.is_not(None),
               cards.c.deleted.is_(False))
    ).mappings().all()
    tree = OrgTree(session)
    out: list[tuple[tuple[str, ...], OrderLine]] = []
    for card in found:
        org, region = tree.get(card["org_id"]), tree.region(card["org_id"])
        line = OrderLine(
            region=region.name if region else "", organisation=org.name if org else "",
            member=full_name(card), number=card["number"],
            address=region.address if region else "",
        )
        out.append((_line_key(tree, card), line))
    return [line for _, line in sorted(out, key=lambda item: item[0])]


@dataclass
class MarkResult:
    marked: int = 0
    refused: list[str] = field(default_factory=list)


def mark_cards(
    db: Database, target: str, on: date, *, batch_date: date | None = None,
    org_id: str | None = None, actor: str = "cli",
) -> MarkResult:
    """ОТПРАВЛЕН В РЕГИОН (``shipped``, from ИЗГОТОВЛЕН) or ПОЛУЧЕН (``received``, from
    ОТПРАВЛЕН) for the cards of a batch, of an organisation's subtree, or both; each card in
    its own transaction, like a pushed ``card_step``."""
    source = {"shipped": "produced", "received": "shipped"}[target]
    with db.read() as session:
        query = select(cards.c.id).where(cards.c.status == source, cards.c.deleted.is_(False))
        if batch_date is not None:
            batch_id = session.scalar(
                select(card_batches.c.id).where(card_batches.c.batch_date == batch_date)
            )
            if batch_id is None:
                raise Rejected(f"Партия ЭПБ за {batch_date:%d.%m.%Y} не найдена")
            query = query.join(requests, requests.c.id == cards.c.request_id).where(
                requests.c.batch_id == batch_id)
        if org_id is not None:
            query = query.where(cards.c.org_id.in_(sorted(subtree(session, [org_id]))))
        card_ids = list(session.scalars(query.order_by(cards.c.id)))
    result = MarkResult()
    for card_id in card_ids:
        change_id = str(uuid.uuid4())
        try:
            with db.write() as session:
                card = session.execute(
                    select(cards).where(cards.c.id == card_id).with_for_update()
                ).mappings().one()
                ctx = system_context(session, actor, change_id, "card", card_id,
                                     card["org_id"], now_utc())
                step_card(ctx, card, target, on, change_id)
        except Rejected as exc:
            result.refused.append(f"{card_id}: {exc.reason}")
        else:
            result.marked += 1
    return result

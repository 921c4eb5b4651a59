"""The daily PROFCARDS feed: members to add (consent recorded, not revoked) and withdrawals.

State, not time windows: a member is "sent" when their latest ``profcards_sent`` line is an
«add» or an «update». The feed of a date adds every member on the register with a live consent
(signed on or before that date) who is not sent, withdraws every sent member whose consent was
revoked or deleted or who was removed from the register, and sends an «update» for a sent
member whose card number is not the one PROFCARDS last got (usually: the card was made after
the consent was sent — PROFCARDS links the bonus account to the card by its number). Nothing is sent twice and nothing is skipped,
whatever days the job missed. The lines are stored with the feed: running the same date again
gives the same content (and rewrites the same files); a date earlier than the latest feed is
refused. The PROFCARDS operator reads stored feeds through ``/api/v1/profcards``.

A new feed also stamps ``consents.profcards_sent_on`` on the live consents (signed by the feed
date) of every member PROFCARDS now holds, where it is still empty: the date of the member's
latest «add» line (this feed's date for the members it adds). The stamp goes through the
command write path (version bump, change log, audit as :data:`FEED_ACTOR`), so the chairs'
clients pull it; the client never sets it. A withdrawal leaves it (the history is in
``profcards_sent``); a stored feed run again changes nothing.
"""

from __future__ import annotations

import csv
import json
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from chairclient.db.models import CARD_PRIORITY, LIVE_CARD_STATUSES
from chairclient.private_files import atomic_private, private_dir, write_private_text
from registry.auth import now_utc
from registry.card_batch import system_context
from registry.card_facts import cards, consents, full_name
from registry.commands.writes import update_row
from registry.db import Database
from registry.models import members
from registry.models_cards import profcards_feeds, profcards_sent
from registry.org_regions import OrgTree

ADD, UPDATE, WITHDRAW = "add", "update", "withdraw"
CONSENT_REVOKED, MEMBER_REMOVED = "consent_revoked", "member_removed"
#: Line keys, in file order, with the CSV header of each.
COLUMNS = {
    "action": "Действие", "member_id": "Идентификатор", "last_name": "Фамилия",
    "first_name": "Имя", "patronymic": "Отчество", "card_number": "Номер карты",
    "email": "E-mail", "phone": "Телефон", "region": "Регион", "reason": "Причина",
}
_CHUNK = 500
#: Who the audit history names for the consent stamps of a feed.
FEED_ACTOR = "cli:profcards-feed"
_NS = uuid.UUID("5b0d7a8e-3c1f-4d0a-9e57-61f2c4a9b8d3")


class FeedRefused(Exception):
    """A feed that may not be made (a date before the latest feed)."""


@dataclass
class Feed:
    feed_date: date
    created_at: datetime
    created: bool
    lines: list[dict[str, Any]] = field(default_factory=list)
    #: Consents this run stamped with ``profcards_sent_on`` (0 for a stored feed).
    stamped: int = 0

    @property
    def added(self) -> list[dict[str, Any]]:
        return [line for line in self.lines if line["action"] == ADD]

    @property
    def updated(self) -> list[dict[str, Any]]:
        return [line for line in self.lines if line["action"] == UPDATE]

    @property
    def withdrawn(self) -> list[dict[str, Any]]:
        return [line for line in self.lines if line["action"] == WITHDRAW]


def _chunks(ids: Iterable[str]) -> Iterable[list[str]]:
    items = sorted(ids)
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def stored_feed(session: Session, day: date) -> Feed | None:
    found = session.execute(
        select(profcards_feeds).where(profcards_feeds.c.feed_date == day)
    ).mappings().first()
    if found is None:
        return None
    lines = session.scalars(
        select(profcards_sent.c.line).where(profcards_sent.c.feed_date == day)
        .order_by(profcards_sent.c.id)
    )
    return Feed(day, found["created_at"], False, list(lines))


def feed_dates(session: Session) -> list[date]:
    return list(session.scalars(select(profcards_feeds.c.feed_date)
                                .order_by(profcards_feeds.c.feed_date)))


def make_feed(db: Database, day: date) -> Feed:
    """The feed of ``day``: the stored one, or a new one recorded now."""
    with db.write() as session:
        feed = stored_feed(session, day)
        if feed is not None:
            return feed
        latest = session.scalar(select(func.max(profcards_feeds.c.feed_date)))
        if latest is not None and day < latest:
            raise FeedRefused(f"Выгрузка за {latest:%d.%m.%Y} уже сделана: более ранняя дата "
                              "невозможна")
        now = now_utc()
        lines = _new_lines(session, day)
        session.execute(insert(profcards_feeds).values(
            feed_date=day, created_at=now, added=sum(1 for x in lines if x["action"] == ADD),
            withdrawn=sum(1 for x in lines if x["action"] == WITHDRAW),
        ))
        if lines:
            session.execute(insert(profcards_sent), [
                {"feed_date": day, "member_id": line["member_id"], "kind": line["action"],
                 "line": line} for line in lines
            ])
        stamped = _stamp_consents(session, day, now)
        return Feed(day, now, True, lines, stamped)


def _stamp_consents(session: Session, day: date, now: datetime) -> int:
    """``profcards_sent_on`` on the unstamped live consents, signed by ``day``, of the members
    on the register (after this feed's lines, PROFCARDS holds every one of them): the date of
    the member's latest «add» line, or ``day`` for a consent signed after it."""
    rows = session.execute(
        select(consents).join(members, members.c.id == consents.c.member_id).where(
            consents.c.profcards_sent_on.is_(None), consents.c.deleted.is_(False),
            consents.c.revoked_on.is_(None), consents.c.signed_on <= day,
            members.c.deleted.is_(False), members.c.status == "active",
        ).order_by(consents.c.id)
    ).mappings().all()
    if not rows:
        return 0
    added_on: dict[str, date] = {}
    for part in _chunks({row["member_id"] for row in rows}):
        for member_id, latest in session.execute(
            select(profcards_sent.c.member_id, func.max(profcards_sent.c.feed_date)).where(
                profcards_sent.c.member_id.in_(part), profcards_sent.c.kind == ADD)
            .group_by(profcards_sent.c.member_id)
        ):
            added_on[member_id] = latest
    ctx = system_context(session, FEED_ACTOR, str(uuid.uuid5(_NS, day.isoformat())),
                         "consent", "-", "-", now)
    for row in rows:
        carried = added_on.get(row["member_id"], day)
        update_row(ctx, "consent", row, {
            "profcards_sent_on": carried if row["signed_on"] <= carried else day})
    return len(rows)


def _sent_now(session: Session) -> dict[str, dict[str, Any]]:
    """Members PROFCARDS holds (latest line an «add» or «update»), with that line."""
    latest = select(func.max(profcards_sent.c.id)).group_by(profcards_sent.c.member_id)
    found = session.execute(
        select(profcards_sent.c.member_id, profcards_sent.c.line).where(
            profcards_sent.c.id.in_(latest), profcards_sent.c.kind != WITHDRAW))
    return {member_id: line for member_id, line in found}


def _consented(session: Session, day: date) -> set[str]:
    """Members on the register with a live consent signed by ``day``."""
    return set(session.scalars(
        select(members.c.id).join(consents, consents.c.member_id == members.c.id).where(
            members.c.deleted.is_(False), members.c.status == "active",
            consents.c.deleted.is_(False), consents.c.revoked_on.is_(None),
            consents.c.signed_on <= day,
        ).distinct()
    ))


def _card_numbers(session: Session, ids: list[str]) -> dict[str, str]:
    best: dict[str, tuple[int, str]] = {}
    for part in _chunks(ids):
        for member_id, status, number in session.execute(
            select(cards.c.member_id, cards.c.status, cards.c.number).where(
                cards.c.member_id.in_(part), cards.c.deleted.is_(False),
                cards.c.number.is_not(None), cards.c.status.in_(sorted(LIVE_CARD_STATUSES)),
            )
        ):
            rank = CARD_PRIORITY.get(status, 9)
            if member_id not in best or rank < best[member_id][0]:
                best[member_id] = (rank, number)
    return {member_id: number for member_id, (_, number) in best.items()}


def _new_lines(session: Session, day: date) -> list[dict[str, Any]]:
    sent_lines, consented = _sent_now(session), _consented(session, day)
    sent = set(sent_lines)
    adds, withdrawals, staying = consented - sent, sent - consented, sent & consented
    numbers = _card_numbers(session, sorted(adds | staying))
    updates = {m for m in staying
               if numbers.get(m) and numbers[m] != sent_lines[m].get("card_number")}
    tree = OrgTree(session)
    lines: list[dict[str, Any]] = []
    for part in _chunks(adds | updates | withdrawals):
        for row in session.execute(select(members).where(members.c.id.in_(part))).mappings():
            region = tree.region(row["org_id"])
            action = ADD if row["id"] in adds else UPDATE if row["id"] in updates else WITHDRAW
            sending = action != WITHDRAW
            removed = row["deleted"] or row["status"] != "active"
            lines.append({
                "action": action, "member_id": row["id"],
                "last_name": row["last_name"], "first_name": row["first_name"],
                "patronymic": row["patronymic"] or "",
                "card_number": numbers.get(row["id"], "") if sending else "",
                "email": (row["email"] or "") if sending else "",
                "phone": (row["phone"] or "") if sending else "",
                "region": region.name if region else "",
                "reason": "" if sending else (MEMBER_REMOVED if removed else CONSENT_REVOKED),
            })
    lines.sort(key=lambda x: (x["action"], x["region"], full_name(x), x["member_id"]))
    return lines


def feed_paths(out_dir: Path, day: date) -> tuple[Path, Path]:
    stem = f"profcards-{day.isoformat()}"
    return out_dir / f"{stem}.csv", out_dir / f"{stem}.json"


_PHONE = re.compile(r"\+7\d{10}")


def _csv_text(value: str) -> str:
    """Text a spreadsheet will not run as a formula; a normalised phone (+7…) is left as is."""
    if _PHONE.fullmatch(value):
        return value
    return "'" + value if value.startswith(("=", "+", "-", "@", "\t", "\r")) else value


def write_feed_files(feed: Feed, out_dir: Path) -> list[Path]:
    """``profcards-YYYY-MM-DD.csv`` (UTF-8 with BOM, ``;``) and ``.json`` of the feed."""
    private_dir(out_dir, tighten=False)
    csv_path, json_path = feed_paths(out_dir, feed.feed_date)
    with atomic_private(csv_path) as part, part.open(
            "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(COLUMNS.values())
        for line in feed.lines:
            writer.writerow([_csv_text(str(line.get(key) or "")) for key in COLUMNS])
    write_private_text(json_path, json.dumps(feed_json(feed), ensure_ascii=False, indent=1))
    return [csv_path, json_path]


def feed_json(feed: Feed) -> dict[str, Any]:
    """The feed as the files and the API give it."""
    return {"feed_date": feed.feed_date.isoformat(), "added": feed.added,
            "updated": feed.updated, "withdrawn": feed.withdrawn}

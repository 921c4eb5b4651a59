"""Command line of the ЭПБ issue: card-batch, card-ship, card-receive, profcards-feed."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from registry.db import Database

COMMANDS = ("card-batch", "card-ship", "card-receive", "profcards-feed")


def day_argument(text: str) -> date:
    """A ``--date`` argument (YYYY-MM-DD) of the registry's jobs."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"дата в виде ГГГГ-ММ-ДД, а не «{text[:20]}»") from None


def add_parsers(with_db: Callable[[str, str], argparse.ArgumentParser]) -> None:
    batch = with_db("card-batch", "process the submitted ЭПБ requests of a date (1st/15th)")
    batch.add_argument("--date", type=day_argument, required=True, help="processing date YYYY-MM-DD")
    batch.add_argument("--out", type=Path, help="folder for the card maker's order files")
    batch.add_argument("--json", action="store_true", help="print the summary as JSON")
    ship = with_db("card-ship", "mark a batch's cards shipped to the region (ОТПРАВЛЕН В РЕГИОН)")
    ship.add_argument("--batch-date", type=day_argument, required=True)
    ship.add_argument("--org", help="only this organisation's subtree (id or registry code)")
    ship.add_argument("--on", type=day_argument, help="date of the mark (default: today)")
    ship.add_argument("--json", action="store_true")
    receive = with_db("card-receive", "mark an organisation's shipped cards received (ПОЛУЧЕН)")
    receive.add_argument("--org", required=True, help="organisation id or registry code")
    receive.add_argument("--batch-date", type=day_argument, help="only the cards of this batch")
    receive.add_argument("--on", type=day_argument, help="date of the mark (default: today)")
    receive.add_argument("--json", action="store_true")
    feed = with_db("profcards-feed", "write the daily PROFCARDS feed of a date")
    feed.add_argument("--date", type=day_argument, required=True, help="feed date YYYY-MM-DD")
    feed.add_argument("--out", type=Path, required=True, help="folder for the feed files")
    feed.add_argument("--json", action="store_true", help="print the summary as JSON")


def _print(args: argparse.Namespace, summary: dict[str, Any], text: str) -> None:
    if args.json:
        json.dump(summary, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(text)


def run(args: argparse.Namespace, db: Database, org_id: Callable[[str], str]) -> int:
    if args.command == "card-batch":
        from registry.card_batch import run_batch

        result = run_batch(db, args.date, args.out)
        state = "создана" if result.created else "уже была создана раньше"
        files = "".join(f"\nФайл заказа: {p}" for p in result.files)
        _print(args, result.as_json(),
               f"Партия ЭПБ за {args.date:%d.%m.%Y} {state}: заявок {result.requests}, "
               f"карт {result.cards}{files}")
        return 0
    if args.command in ("card-ship", "card-receive"):
        return _mark(args, db, org_id)
    from registry.profcards import FeedRefused, make_feed, write_feed_files

    try:
        feed = make_feed(db, args.date)
    except FeedRefused as exc:
        raise SystemExit(str(exc)) from None
    paths = write_feed_files(feed, args.out)
    summary = {"feed_date": args.date.isoformat(), "created": feed.created,
               "added": len(feed.added), "updated": len(feed.updated),
               "withdrawn": len(feed.withdrawn),
               "consents_stamped": feed.stamped, "files": [str(p) for p in paths]}
    state = "сформирована" if feed.created else "уже была сформирована, файлы записаны заново"
    _print(args, summary,
           f"Выгрузка PROFCARDS за {args.date:%d.%m.%Y} {state}: добавлено {len(feed.added)}, "
           f"обновлено номеров карт {len(feed.updated)}, отозвано {len(feed.withdrawn)}\n"
           + "\n".join(f"Файл: {p}" for p in paths))
    return 0


def _mark(args: argparse.Namespace, db: Database, org_id: Callable[[str], str]) -> int:
    from registry.auth import now_utc
    from registry.card_batch import mark_cards
    from registry.commands.writes import server_today
    from registry.rules import Rejected

    target = "shipped" if args.command == "card-ship" else "received"
    on = args.on or server_today(now_utc())
    org = org_id(args.org) if args.org else None
    try:
        result = mark_cards(db, target, on, batch_date=args.batch_date, org_id=org,
                            actor=f"cli:{args.command}")
    except Rejected as exc:
        raise SystemExit(exc.reason) from None
    label = "отправленными в регион" if target == "shipped" else "полученными"
    _print(args, {"marked": result.marked, "refused": result.refused},
           f"Отмечено {label}: {result.marked}"
           + "".join(f"\nОтказ: {reason}" for reason in result.refused))
    return 0 if not result.refused else 1

"""``python -m chairclient demo-data``: build a deterministic demo database.

Everything is fictitious: a made-up region («Энская область»), random combinations of common
names, СНИЛС/ИНН/ОГРН with valid check digits but random digits, e-mail addresses and web sites
on the reserved ``example.*`` domains. The same ``seed`` and ``members`` give byte-identical
table contents on any machine and any day (nothing reads the clock).

The database is built in a temporary file next to the target and renamed over it at the end,
so a failed build never leaves a half-written database behind.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chairclient.db.engine import open_database
from chairclient.db.row_counts import COUNT_TRIGGERS, resume_counting
from chairclient.demo.cards import CardSet, generate_cards
from chairclient.demo.common import stage_rng
from chairclient.demo.consents import generate_consents
from chairclient.demo.members import generate_members
from chairclient.demo.organisations import allocate_members, category_totals, plan_organisations
from chairclient.demo.passports import build_organisation_rows
from chairclient.demo.roles import generate_roles
from chairclient.demo.writer import create_indexes, drop_indexes, insert_rows
from chairclient.text import member_search_text
from chairclient.validation import is_member_complete


@dataclass
class DemoData:
    """Rows per table, in insertion order (parents before children)."""

    tables: dict[str, list[dict[str, Any]]]

    def count(self, table: str) -> int:
        return len(self.tables[table])


def generate(members: int, seed: int) -> DemoData:
    """All rows of a demo database of ``members`` members (no I/O)."""
    if members < 0:
        raise ValueError("members must not be negative")
    plans = plan_organisations(stage_rng(seed, "organisations"), members)
    allocate_members(plans, category_totals(members))
    batch = generate_members(stage_rng(seed, "members"), plans, category_totals(members))
    people = batch.members
    for member in people:
        member["is_complete"] = is_member_complete(member)
    roles, leadership = generate_roles(stage_rng(seed, "roles"), plans, people)
    chairs = {
        org_id: " ".join(p for p in (c["last_name"], c["first_name"], c["patronymic"]) if p)
        for org_id, lead in leadership.items()
        if (c := lead.chair) is not None
    }
    consents = generate_consents(stage_rng(seed, "consents"), people, chairs)
    cards = generate_cards(stage_rng(seed, "cards"), people)
    _fill_derived(people, cards)
    organisations = build_organisation_rows(stage_rng(seed, "passports"), plans, people,
                                            leadership)
    return DemoData({
        "organisations": organisations,
        "members": people,
        "card_requests": cards.requests,
        "cards": cards.cards,
        "card_status_changes": cards.changes,
        "consents": consents,
        "membership_events": batch.events,
        "member_roles": roles,
    })


def _fill_derived(members: list[dict[str, Any]], cards: CardSet) -> None:
    """The local columns of chairclient.services.derived, computed from the generated rows."""
    for member in members:
        status, number = cards.by_member.get(member["id"], ("not_ordered", None))
        member["has_consent"] = member["_consent_on"] is not None
        member["card_status"] = status
        member["card_number"] = number
        member["search_text"] = member_search_text(
            member["last_name"], member["first_name"], member["patronymic"], member["snils"],
            number,
        )


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def write_database(path: Path, data: DemoData) -> None:
    """Create the schema at ``path`` (a new file) and load ``data`` in one transaction."""
    open_database(path).close()  # schema and reference lists via the Alembic migrations
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=OFF")
        connection.execute("PRAGMA synchronous=OFF")
        connection.execute("PRAGMA cache_size=-65536")
        connection.execute("PRAGMA temp_store=MEMORY")
        connection.execute("BEGIN")
        indexes = drop_indexes(connection)
        for name in sorted(COUNT_TRIGGERS):  # microseconds a row: count once at the end
            connection.execute(f"DROP TRIGGER {name}")
        for table, rows in data.tables.items():
            insert_rows(connection, table, rows)
        create_indexes(connection, indexes)
        connection.execute("COMMIT")
        connection.execute("PRAGMA journal_mode=WAL")
    finally:
        connection.close()
    db = open_database(path)
    try:
        with db.transaction() as session:
            resume_counting(session)
    finally:
        db.close()


def summary(data: DemoData, path: Path) -> str:
    orgs = data.tables["organisations"]
    people = data.tables["members"]
    levels = {level: sum(o["level"] == level for o in orgs)
              for level in ("regional", "territorial", "primary")}
    removed = sum(m["status"] == "removed" for m in people)

    def n(value: int) -> str:
        return f"{value:,}".replace(",", " ")

    return (
        f"Демонстрационная база создана: {path}. Организаций: {n(len(orgs))} "
        f"(региональных {levels['regional']}, территориальных {levels['territorial']}, "
        f"первичных {n(levels['primary'])}); членов Профсоюза: {n(len(people))} "
        f"(на учёте {n(len(people) - removed)}, снято с учёта {n(removed)}); "
        f"согласий: {n(data.count('consents'))}; карт ЭПБ: {n(data.count('cards'))}; "
        f"заявок на карты: {n(data.count('card_requests'))}; "
        f"событий членства: {n(data.count('membership_events'))}; "
        f"профсоюзных должностей: {n(data.count('member_roles'))}."
    )


def build_demo_database(path: Path, members: int, seed: int) -> str:
    """Build the demo database at ``path`` (replacing any file there); returns a summary line."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = generate(members, seed)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.building")
    _remove(temporary)
    try:
        write_database(temporary, data)
        # A stale WAL of the old file must not be replayed onto the new one.
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.replace(temporary, path)
    except BaseException:
        _remove(temporary)
        raise
    return summary(data, path)

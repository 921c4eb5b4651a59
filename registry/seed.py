"""Demo data: the client's demo organisation tree and members, plus demo users of every role.

The rows come from :func:`chairclient.demo.build.build_demo_database` (a client SQLite built in a
temporary directory) and are copied into the registry with version 1 and a change-log entry each.
Demo passwords are deterministic: ``demo-<login>`` (see :func:`demo_password`).

The demo's consents come with ``profcards_sent_on`` as the client's generator sets it (sent the
day after signing, the last week's not yet); no feed history is recorded for them, so the first
``profcards-feed`` on a demo registry adds every consented member and stamps only the consents
still unstamped.
"""

from __future__ import annotations

import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.orm import Session

from chairclient.db.models import SYNCED_MODELS
from registry.auth import create_user, find_user_id, now_utc
from registry.changelog import log_change, log_new_rows
from registry.db import Database, bulk_insert
from registry.models import ENTITY_TABLES, LOCAL_ONLY_COLUMNS, organisations

#: Parents before children, so foreign keys hold while copying.
COPY_ORDER = (
    "organisation",
    "organisation_name_change",
    "member",
    "membership_event",
    "consent",
    "member_role",
    "card_request",
    "card",
    "card_status_change",
    "transfer_request",
)


#: Rows per bulk insert when copying a client database.
COPY_BATCH = 5000


@dataclass
class DemoUser:
    login: str
    password: str
    role: str
    org_id: str
    org_name: str


def demo_password(login: str) -> str:
    """The documented demo password of a demo login."""
    return f"demo-{login}"


def insert_entity(session: Session, entity: str, values: dict[str, Any], now: Any = None) -> str:
    """Insert one synced row as the server's version 1 and log it (seeding and tests)."""
    now = now or now_utc()
    table = ENTITY_TABLES[entity]
    row = {k: v for k, v in values.items() if k in table.c and k not in LOCAL_ONLY_COLUMNS}
    row.update(version=1, deleted=False, updated_at=now)
    session.execute(insert(table).values(**row))
    log_change(session, entity, row["id"], row["org_id"], 1, tombstone=False, now=now)
    return row["id"]


def insert_entities(session: Session, entity: str, rows: list[dict[str, Any]], now: Any) -> None:
    """Bulk form of :func:`insert_entity` for rows new to the registry: one bulk insert for
    the rows and one for their change-log entries (``COPY`` on PostgreSQL)."""
    if not rows:
        return
    table = ENTITY_TABLES[entity]
    keys = [k for k in rows[0] if k in table.c and k not in LOCAL_ONLY_COLUMNS]
    values = [
        {**{k: row[k] for k in keys}, "version": 1, "deleted": False, "updated_at": now}
        for row in rows
    ]
    bulk_insert(session, table, values)
    log_new_rows(session, entity, [(row["id"], row["org_id"]) for row in values], now)


def copy_client_database(db: Database, client_db: Path) -> dict[str, int]:
    """Copy every synced row of a client SQLite file into an empty registry; counts per entity.

    Rows go in batches of :data:`COPY_BATCH` with bulk inserts (100,000 members, some 660,000
    rows with their change-log entries, take well under a minute on PostgreSQL)."""
    source = create_engine(f"sqlite:///{client_db}")
    copied: dict[str, int] = {}
    now = now_utc()
    try:
        with source.connect() as src, db.write() as session:
            for entity in COPY_ORDER:
                table = SYNCED_MODELS[entity].__table__
                query = select(table).where(table.c.deleted.is_(False))
                result = src.execution_options(stream_results=True).execute(query).mappings()
                copied[entity] = 0
                if entity == "organisation":
                    batches: Any = [_parents_first([dict(r) for r in result])]
                else:
                    batches = ([dict(r) for r in part] for part in result.partitions(COPY_BATCH))
                for batch in batches:
                    insert_entities(session, entity, batch, now)
                    copied[entity] += len(batch)
    finally:
        source.dispose()
    if not db.is_sqlite:  # planner statistics and the visibility map (index-only counts)
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    return copied


def _parents_first(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    placed: set[str | None] = {None}
    ordered: list[dict[str, Any]] = []
    pending = rows
    while pending:
        later: list[dict[str, Any]] = []
        for row in pending:
            if row["parent_id"] in placed:
                ordered.append(row)
                placed.add(row["id"])
            else:
                later.append(row)
        if len(later) == len(pending):  # orphans: keep them anyway, parent_id as is
            ordered.extend(later)
            break
        pending = later
    return ordered


def build_client_demo(members: int, workdir: Path, seed: int = 1) -> Path:
    """Build the client's demo database in ``workdir`` (the same generator as the client's)."""
    from chairclient.demo.build import build_demo_database

    path = workdir / "demo-client.sqlite"
    build_demo_database(path, members=members, seed=seed)
    return path


def _orgs(session: Session) -> list[Any]:
    return list(
        session.execute(
            select(
                organisations.c.id, organisations.c.parent_id, organisations.c.level,
                organisations.c.short_name, organisations.c.code,
            )
            .where(organisations.c.deleted.is_(False))
            .order_by(organisations.c.code)
        )
    )


def pick_demo_positions(orgs: list[Any]) -> list[tuple[str, str, Any]]:
    """(login, role, org) of the demo users, chosen from the tree deterministically."""
    by_parent: dict[str | None, list[Any]] = {}
    for org in orgs:
        by_parent.setdefault(org.parent_id, []).append(org)
    top = next((o for o in orgs if o.parent_id is None), None) or orgs[0]
    regional = next((o for o in orgs if o.level == "regional"), top)
    territorials = [o for o in orgs if o.level == "territorial"]
    # Territorials with the most primaries first: the first has two demo primary chairs.
    territorials.sort(key=lambda o: -len([c for c in by_parent.get(o.id, [])
                                          if c.level == "primary"]))
    picks: list[tuple[str, str, Any]] = [("admin", "admin", top), ("region", "regional", regional)]
    for i, terr in enumerate(territorials[:2], start=1):
        picks.append((f"territory{i}", "territorial", terr))
    primaries: list[Any] = []
    if territorials:
        primaries += [c for c in by_parent.get(territorials[0].id, []) if c.level == "primary"][:2]
    if len(territorials) > 1:
        primaries += [c for c in by_parent.get(territorials[1].id, []) if c.level == "primary"][:1]
    if len(primaries) < 3:
        chosen = {p.id for p in primaries}
        primaries += [o for o in orgs if o.level == "primary" and o.id not in chosen][
            : 3 - len(primaries)
        ]
    for i, org in enumerate(primaries, start=1):
        picks.append((f"chair{i}", "primary", org))
    return picks


def seed_demo_users(db: Database) -> list[DemoUser]:
    """Create (or keep) the demo users; they need not change their password."""
    created: list[DemoUser] = []
    with db.write() as session:
        for login, role, org in pick_demo_positions(_orgs(session)):
            password = demo_password(login)
            if find_user_id(session, login) is None:
                create_user(
                    session, login, password, [(org.id, role)],
                    full_name=f"Демо: {org.short_name}", must_change_password=False,
                )
            created.append(DemoUser(login, password, role, org.id, org.short_name))
    return created


def seed_demo(db: Database, members: int = 2000) -> list[DemoUser]:
    """Fill an empty registry with the demo tree, members and users; idempotent for users."""
    with db.read() as session:
        have_orgs = session.scalar(select(organisations.c.id).limit(1)) is not None
    if not have_orgs:
        with tempfile.TemporaryDirectory(prefix="registry-demo-") as tmp:
            copy_client_database(db, build_client_demo(members, Path(tmp)))
        record_demo_batches(db)
    return seed_demo_users(db)


def record_demo_batches(db: Database) -> None:
    """The demo's processed requests came with batches: record them, so ``card-batch`` for a
    demo processing date finds its batch (one per date) instead of making a second one."""
    from registry.models_cards import card_batches

    requests, cards = ENTITY_TABLES["card_request"], ENTITY_TABLES["card"]
    with db.write() as session:
        found = session.execute(
            select(requests.c.batch_id, func.min(requests.c.processing_date),
                   func.count(func.distinct(requests.c.id)), func.count(cards.c.id))
            .outerjoin(cards, cards.c.request_id == requests.c.id)
            .where(requests.c.state == "processed", requests.c.batch_id.is_not(None))
            .group_by(requests.c.batch_id)
        ).all()
        have = set(session.scalars(select(card_batches.c.batch_date)))
        now = now_utc()
        for batch_id, day, request_count, card_count in found:
            if day is not None and day not in have:
                have.add(day)
                session.execute(insert(card_batches).values(
                    id=batch_id, batch_date=day, created_at=now, requests=request_count,
                    cards=card_count,
                ))


def users_as_json(demo_users: list[DemoUser]) -> list[dict[str, str]]:
    return [asdict(user) for user in demo_users]


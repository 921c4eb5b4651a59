"""Live rows per organisation kept on write (PostgreSQL): after every kind of write they equal a
direct count of the tables, and folding the differences changes no count."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import delete, func, select, text, update

from registry.live_counts import FOLD_FACTOR, live_counts
from registry.models import ENTITY_TABLES, members
from registry.pull import counted, counts
from registry.scope import Scope
from tests.registry.conftest import Running
from tests.registry.helpers import Api, create
from tests.registry.helpers import update as update_mutation
from tests.registry.transfer_helpers import add_belongings, add_person
from tests.registry.world import World, member_values, new_id

#: The counts are kept on write on PostgreSQL only (SQLite counts the tables).
on_postgres = pytest.mark.parametrize("registry", ["postgresql"], indirect=True)


@pytest.fixture
def postgres(registry: Running) -> Running:
    assert registry.backend == "postgresql"
    return registry


def _scope(world: World) -> Scope:
    orgs = frozenset(world.orgs.values())
    return Scope("test", False, orgs, orgs, orgs, ())


def _both(db: Any, world: World) -> tuple[dict[str, Any], dict[str, Any]]:
    with db.read() as session:
        return counts(session, _scope(world)), counted(session, _scope(world))


@on_postgres
def test_counts_follow_every_kind_of_write(postgres: Running, api: Api, world: World) -> None:
    db = postgres.db
    kept, direct = _both(db, world)
    assert kept == direct and direct[world.orgs["P1a"]]["member"] == 1
    # Rows added through the API and straight into the tables, with their belongings.
    results = api.push("chair1a", *(create("member", new_id(), world.orgs["P1a"],
                                           member_values()) for _ in range(3)))
    assert {r["status"] for r in results} == {"applied"}
    person = add_person(db, world, "P1b")
    add_belongings(db, person)
    # A row deleted through the API, one marked deleted and one taken back by SQL.
    gone = api.push("chair2", {**update_mutation("member", world.members["P2"],
                                                 world.orgs["P2"], {}, {}), "op": "delete"})
    assert gone[0]["status"] == "applied", gone
    with db.write() as session:
        session.execute(update(members).where(members.c.id == person["id"])
                        .values(deleted=True))
        session.execute(update(members).where(members.c.id == person["id"])
                        .values(deleted=False, note="снова"))
        # A row moves to another organisation, and a plain edit changes nothing.
        session.execute(update(members).where(members.c.id == world.members["P3"])
                        .values(org_id=world.orgs["P1b"]))
        session.execute(update(members).where(members.c.id == world.members["P1a"])
                        .values(phone="+79160000000"))
        consent = ENTITY_TABLES["consent"]
        session.execute(delete(consent).where(consent.c.member_id == person["id"]))
    kept, direct = _both(db, world)
    assert kept == direct
    assert direct[world.orgs["P1a"]]["member"] == 4
    assert direct[world.orgs["P1b"]]["member"] == 3
    assert "member" not in direct[world.orgs["P2"]]
    assert "consent" not in direct[world.orgs["P1b"]]


@on_postgres
def test_a_rolled_back_write_leaves_no_difference(postgres: Running, world: World) -> None:
    db = postgres.db
    before, _ = _both(db, world)
    with pytest.raises(RuntimeError), db.write() as session:
        session.execute(update(members).where(members.c.org_id == world.orgs["P1a"])
                        .values(deleted=True))
        raise RuntimeError("rolled back")
    assert _both(db, world) == (before, before)


def _pile_up_differences(db: Any, org: str) -> None:
    """Many differences for ``org`` that sum to nothing: its members deleted and back."""
    with db.write() as session:
        for _ in range(FOLD_FACTOR * 3):
            session.execute(update(members).where(members.c.org_id == org).values(deleted=True))
            session.execute(update(members).where(members.c.org_id == org).values(deleted=False))


@on_postgres
def test_many_differences_are_folded_into_one_per_entity(
    postgres: Running, world: World
) -> None:
    db = postgres.db
    org = world.orgs["P1a"]
    _pile_up_differences(db, org)

    def parts() -> int:
        with db.read() as session:
            return session.scalar(text(
                "SELECT count(*) FROM live_row_counts WHERE org_id = :org"), {"org": org})

    assert parts() > FOLD_FACTOR * 2
    with db.read() as session:
        expected = counted(session, _scope(world))[org]
        assert live_counts(session, [org])[org] == expected  # this read folds them
    assert parts() == len(expected)
    with db.read() as session:
        assert live_counts(session, [org])[org] == expected
        assert session.scalar(select(func.count()).select_from(members)
                              .where(members.c.org_id == org, members.c.deleted.is_(False))
                              ) == expected["member"]


@on_postgres
def test_the_counts_read_with_a_sync_page_are_the_same_and_fold_alike(
    postgres: Running, world: World, api: Api
) -> None:
    """The exchange reads the counts in its page's statement: equal to a direct count, and an
    organisation's piled-up differences are folded by that read too."""
    db = postgres.db
    org = world.orgs["P1a"]
    _pile_up_differences(db, org)
    with db.read() as session:
        expected = counted(session, _scope(world))[org]
        parts = session.scalar(text(
            "SELECT count(*) FROM live_row_counts WHERE org_id = :org"), {"org": org})
    assert parts > FOLD_FACTOR * 2
    _, cursors, _ = api.pull_all("chair1a")
    answer = api.exchange("chair1a", cursors=cursors)
    assert answer["page"]["more"] is False
    assert answer["counts"] == {org: expected}
    with db.read() as session:
        assert session.scalar(text(
            "SELECT count(*) FROM live_row_counts WHERE org_id = :org"), {"org": org}
        ) == len(expected)


@on_postgres
def test_reads_keep_one_plan_per_statement_and_writes_let_postgresql_choose(
    postgres: Running,
) -> None:
    """The pull's page statement was planned afresh on every sync until reads kept one plan
    (:func:`registry.db.make_engine`)."""
    with postgres.db.read() as session:
        assert session.scalar(text("SHOW plan_cache_mode")) == "force_generic_plan"
    with postgres.db.write() as session:
        assert session.scalar(text("SHOW plan_cache_mode")) == "auto"


def test_the_migration_counts_the_rows_already_there(pg_cluster: Any) -> None:
    from alembic import command
    from sqlalchemy import insert

    from registry.db import alembic_config, init_db, open_database
    from registry.models import server_counters
    from tests.registry.world import build_world

    db = open_database(pg_cluster.create_database("live_counts_migration"))
    try:
        command.upgrade(alembic_config(db.engine), "0005_consent_profcards_sent")
        with db.write() as session:
            session.execute(insert(server_counters), [
                {"key": "change_seq", "value": 0}, {"key": "tombstone_horizon", "value": 0}])
        world = build_world(db)
        add_belongings(db, add_person(db, world, "P2"))
        init_db(db)  # to head: 0006 counts what is there
        kept, direct = _both(db, world)
        assert kept == direct and direct[world.orgs["P2"]]["member"] == 2
        assert direct[world.orgs["P2"]]["consent"] == 1
    finally:
        db.close()

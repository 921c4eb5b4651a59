"""A push of several mutations: one transaction while all go through, and exactly the results of
one transaction per mutation when one is refused, repeated, or caught in a lock cycle."""

from __future__ import annotations

import threading
import time

import psycopg
import pytest
from sqlalchemy import func, select

from registry.models import applied_mutations, audit_history, change_log, members, users
from registry.push import push_in_scope
from sync.protocol import Mutation
from tests.registry.conftest import Running
from tests.registry.helpers import Api, create, update
from tests.registry.world import World, member_values, new_id


def _count(db, table, *where) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(table).where(*where))


def _row(db, member_id: str):
    with db.read() as session:
        return session.execute(select(members).where(members.c.id == member_id)).mappings().one()


def test_a_refusal_inside_a_batch_keeps_the_mutations_around_it(
    api: Api, world: World, db
) -> None:
    member_id, org = world.members["P1a"], world.orgs["P1a"]
    new_member = new_id()
    batch = [
        update("member", member_id, org, {"workplace": "Гимназия № 3"},
               {"workplace": "МБОУ СОШ № 1"}),
        create("member", new_member, org, member_values(last_name="Пакетова")),
        update("member", member_id, org, {"snils": "112-233-445 96"}, {"snils": None}),
        update("member", new_member, org, {"note": "создан и исправлен в одном пакете"},
               {"note": None}),
        update("member", member_id, org, {"phone": "+79035550011"}, {"phone": "+79161234567"}),
    ]
    results = api.push("chair1a", *batch)
    assert [r["status"] for r in results] == [
        "applied", "applied", "rejected", "applied", "applied"]
    assert results[2]["reason"] == "Поле «СНИЛС»: неверная контрольная сумма"
    assert [r["version"] for r in results] == [2, 1, None, 2, 3]
    row = _row(db, member_id)
    assert (row["workplace"], row["phone"], row["snils"], row["version"]) == (
        "Гимназия № 3", "+79035550011", None, 3)
    assert _row(db, new_member)["note"] == "создан и исправлен в одном пакете"
    for mutation, audited in zip(batch, [1, len(batch[1]["fields"]), 0, 1, 1], strict=True):
        where = audit_history.c.mutation_id == mutation["mutation_id"]
        assert _count(db, audit_history, where) == audited, mutation["fields"]
        assert _count(db, applied_mutations,
                      applied_mutations.c.mutation_id == mutation["mutation_id"]) == 1
    assert _count(db, change_log, change_log.c.entity_id == member_id) == 1
    # The client did not hear the answer and sends the batch again: nothing twice.
    again = api.push("chair1a", *batch)
    assert [r["status"] for r in again] == ["duplicate"] * len(batch)
    assert [r["original_status"] for r in again] == [r["status"] for r in results]
    assert _row(db, member_id)["version"] == 3


def test_a_mutation_twice_in_one_new_batch_is_applied_once(api: Api, world: World, db) -> None:
    member_id, org = world.members["P2"], world.orgs["P2"]
    mutation = update("member", member_id, org, {"workplace": "Лицей № 7"},
                      {"workplace": "МБОУ СОШ № 1"})
    other = update("member", member_id, org, {"note": "после повтора"}, {"note": None})
    results = api.push("chair2", mutation, mutation, other)
    assert [r["status"] for r in results] == ["applied", "duplicate", "applied"]
    assert _count(db, audit_history,
                  audit_history.c.mutation_id == mutation["mutation_id"]) == 1
    row = _row(db, member_id)
    assert (row["workplace"], row["note"], row["version"]) == ("Лицей № 7", "после повтора", 3)


def test_a_lock_cycle_with_another_writer_ends_in_every_mutation_applied_once(
    registry: Running, world: World, db
) -> None:
    """PostgreSQL ends one side of a deadlock: when that is the batch, it runs again one
    transaction per mutation instead of failing the request."""
    if registry.backend != "postgresql":
        pytest.skip("row locks and deadlock detection: PostgreSQL")
    first, second = world.members["P1a"], world.members["P1b"]
    with db.read() as session:
        user_id = session.scalar(select(users.c.id).where(users.c.login == world.logins["terr1"]))
    batch = [
        Mutation.model_validate(update("member", first, world.orgs["P1a"],
                                       {"note": "первая"}, {"note": None})),
        Mutation.model_validate(update("member", second, world.orgs["P1b"],
                                       {"note": "вторая"}, {"note": None})),
    ]
    url = db.url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(url) as other:
        other.execute("SET deadlock_timeout = '30s'")  # the batch is the one to detect it
        other.execute("SELECT 1 FROM members WHERE id = %s FOR UPDATE", [second])
        done: list = []
        pushing = threading.Thread(
            target=lambda: done.append(push_in_scope(db, user_id, batch)[0]))
        pushing.start()
        _wait_for_lock_wait(url)  # the batch holds the first row and waits for the second
        other.execute("SELECT 1 FROM members WHERE id = %s FOR UPDATE", [first])
        other.rollback()
        pushing.join(timeout=30)
    assert not pushing.is_alive()
    assert [r.status for r in done[0]] == ["applied", "applied"]
    assert (_row(db, first)["note"], _row(db, second)["note"]) == ("первая", "вторая")
    for mutation in batch:
        assert _count(db, audit_history,
                      audit_history.c.mutation_id == mutation.mutation_id) == 1


def _wait_for_lock_wait(url: str) -> None:
    deadline = time.monotonic() + 20
    with psycopg.connect(url, autocommit=True) as watcher:
        while time.monotonic() < deadline:
            waiting = watcher.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
            ).fetchone()
            if waiting and waiting[0]:
                return
            time.sleep(0.05)
    raise AssertionError("the batch never waited for the row lock")

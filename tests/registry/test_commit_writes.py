"""What a push writes at its commit (audit rows, stored results, change-log entries): on
PostgreSQL one statement (:mod:`registry.commit_pg`), elsewhere one per table; the same rows
either way, and on PostgreSQL the counters as of that commit for the pull that follows."""

from __future__ import annotations

from sqlalchemy import select

from registry.changelog import counters
from registry.models import applied_mutations, audit_history, change_log, users
from registry.push import push_in_scope
from sync.protocol import Mutation, MutationResult
from tests.registry.conftest import Running
from tests.registry.helpers import update
from tests.registry.world import World


def _user_id(db, login: str) -> str:
    with db.read() as session:
        return session.scalar(select(users.c.id).where(users.c.login == login))


def test_a_batch_commits_its_audit_results_and_log_entries_in_order(
    registry: Running, world: World, db
) -> None:
    first, second = world.members["P1a"], world.members["P1b"]
    batch = [
        Mutation.model_validate(update("member", first, world.orgs["P1a"],
                                       {"note": "сначала"}, {"note": None})),
        Mutation.model_validate(update("member", second, world.orgs["P1b"],
                                       {"workplace": "Лицей № 2"},
                                       {"workplace": "МБОУ СОШ № 1"})),
        Mutation.model_validate(update("member", first, world.orgs["P1a"],
                                       {"note": "потом"}, {"note": "сначала"})),
    ]
    with db.read() as session:
        before, _ = counters(session)
    outcome = push_in_scope(db, _user_id(db, world.logins["terr1"]), batch)
    assert [r.status for r in outcome.results] == ["applied"] * 3

    with db.read() as session:
        high_water, horizon = counters(session)
        log = {row.entity_id: row for row in session.execute(
            select(change_log).where(change_log.c.entity_id.in_([first, second])))}
        audit = session.execute(
            select(audit_history.c.mutation_id, audit_history.c.field,
                   audit_history.c.old_value, audit_history.c.new_value)
            .where(audit_history.c.mutation_id.in_([m.mutation_id for m in batch]))
            .order_by(audit_history.c.id)).all()
        stored = dict(session.execute(
            select(applied_mutations.c.mutation_id, applied_mutations.c.result)
            .where(applied_mutations.c.mutation_id.in_([m.mutation_id for m in batch]))).all())

    # One entry per row, numbered in the order last logged: the member edited twice comes last,
    # with its second version.
    assert log[second].seq < log[first].seq == high_water
    assert (log[first].version, log[second].version) == (3, 2)
    assert not log[first].tombstone
    assert [(m, f, old, new) for m, f, old, new in audit] == [
        (batch[0].mutation_id, "note", None, "сначала"),
        (batch[1].mutation_id, "workplace", "МБОУ СОШ № 1", "Лицей № 2"),
        (batch[2].mutation_id, "note", "сначала", "потом"),
    ]
    assert {k: MutationResult.model_validate(v) for k, v in stored.items()} == {
        m.mutation_id: r for m, r in zip(batch, outcome.results, strict=True)}
    if registry.backend == "postgresql":
        # Two rows logged: two numbers taken, and the push knows the counters it left.
        assert high_water == before + 2
        assert outcome.counters == (high_water, horizon)
    else:
        assert outcome.counters is None


def test_a_push_that_logs_nothing_reports_no_counters(world: World, db) -> None:
    member = world.members["P2"]
    same = Mutation.model_validate(update("member", member, world.orgs["P2"],
                                          {"workplace": "МБОУ СОШ № 1"},
                                          {"workplace": "МБОУ СОШ № 1"}))
    outcome = push_in_scope(db, _user_id(db, world.logins["chair2"]), [same])
    assert [r.status for r in outcome.results] == ["applied"]
    assert outcome.results[0].applied_fields == []
    assert outcome.counters is None
    with db.read() as session:
        found = session.scalar(select(applied_mutations.c.status).where(
            applied_mutations.c.mutation_id == same.mutation_id))
    assert found == "applied"

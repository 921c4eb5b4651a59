"""The live-row counts the triggers keep (client migration 0005) always equal counting the rows:
whatever inserts, upserts, edits, org moves, deletes and purges happen, in any order."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, text, update

from chairclient.db.engine import open_database
from chairclient.db.row_counts import (
    COUNT_TRIGGERS,
    UNSYNCED,
    count_all,
    counting,
    kept_counts,
    recount,
    resume_counting,
    suspend_counting,
    trigger_statements,
)
from sync.rows import purge_org, table
from sync.upsert import upsert

FIXTURES = Path(__file__).parent.parent / "fixtures"
ORGS = ("org-a", "org-b", "org-c")
IDS = tuple(f"row-{n}" for n in range(6))
ENTITIES = ("member", "card_request")
_databases = itertools.count()


def counted(session) -> dict[str, dict[str, int]]:
    """The truth: every synced table's live rows counted one by one."""
    from chairclient.db.models import SYNCED_MODELS

    found: dict[str, dict[str, int]] = {}
    for entity, model in SYNCED_MODELS.items():
        for org_id, live in session.execute(text(
            f"SELECT org_id, count(*) FROM {model.__table__.name} "
            f"WHERE NOT ({UNSYNCED}) GROUP BY org_id"
        )):
            found.setdefault(org_id, {})[entity] = live
    return found


operation = st.one_of(
    st.tuples(st.just("upsert"), st.sampled_from(ENTITIES), st.sampled_from(IDS),
              st.sampled_from(ORGS), st.integers(0, 3), st.booleans()),
    st.tuples(st.just("update"), st.sampled_from(ENTITIES), st.sampled_from(IDS),
              st.sampled_from((*ORGS, None)), st.sampled_from((None, 0, 1, 5)),
              st.sampled_from((None, False, True))),
    st.tuples(st.just("delete"), st.sampled_from(ENTITIES), st.sampled_from(IDS)),
    st.tuples(st.just("purge"), st.sampled_from(ORGS), st.booleans()),
    st.tuples(st.sampled_from(["suspend", "resume"])),
)


def _run(session, op: tuple) -> None:
    kind = op[0]
    if kind == "upsert":
        _, entity, row_id, org_id, version, deleted = op
        upsert(session, entity, [{"id": row_id, "org_id": org_id, "version": version,
                                  "deleted": deleted}])
    elif kind == "update":
        _, entity, row_id, org_id, version, deleted = op
        values = {k: v for k, v in (("org_id", org_id), ("version", version),
                                    ("deleted", deleted)) if v is not None}
        if values:
            t = table(entity)
            session.execute(update(t).where(t.c.id == row_id).values(**values))
    elif kind == "delete":
        t = table(op[1])
        session.execute(delete(t).where(t.c.id == op[2]))
    elif kind == "purge":
        purge_org(session, op[1], keep_local=op[2])
    elif kind == "suspend":
        suspend_counting(session)
    else:
        resume_counting(session)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(batches=st.lists(st.lists(operation, max_size=8), min_size=1, max_size=5))
def test_kept_counts_equal_counting_the_rows(tmp_path_factory, batches) -> None:
    db = open_database(tmp_path_factory.mktemp("counts") / f"c{next(_databases)}.sqlite")
    try:
        for batch in batches:  # each batch one transaction, as the app's writes are
            with db.transaction() as session:
                for op in batch:
                    _run(session, op)
            with db.transaction() as session:
                if counting(session):
                    assert kept_counts(session) == counted(session) == count_all(session)
                else:  # not trusted while suspended
                    assert kept_counts(session) is None
        with db.transaction() as session:
            resume_counting(session)
            assert kept_counts(session) == counted(session)
            for org_id in ORGS:  # a recount agrees and changes nothing
                assert recount(session, org_id) == counted(session).get(org_id, {})
            assert kept_counts(session) == counted(session)
    finally:
        db.close()


def test_a_rolled_back_write_leaves_the_counts_as_they_were(tmp_path: Path) -> None:
    db = open_database(tmp_path / "c.sqlite")
    with db.transaction() as session:
        upsert(session, "member", [{"id": "m1", "org_id": "org-a", "version": 1,
                                    "deleted": False}])
    try:
        with db.transaction() as session:
            _run(session, ("update", "member", "m1", "org-b", None, None))
            raise RuntimeError("the save failed")
    except RuntimeError:
        pass
    with db.transaction() as session:
        assert kept_counts(session) == {"org-a": {"member": 1}} == counted(session)
    db.close()


def test_every_synced_table_has_its_count_triggers(tmp_path: Path) -> None:
    """A migration that rebuilds a synced table drops its triggers: it must create them again
    (and until then the sync does not trust the kept counts)."""
    db = open_database(tmp_path / "c.sqlite")
    with db.transaction() as session:
        assert kept_counts(session) == {}
        session.execute(text("DROP TRIGGER members_count_update"))
        assert kept_counts(session) is None
    db.close()
    fresh = open_database(tmp_path / "fresh.sqlite")
    with fresh.engine.connect() as c:
        made = dict(c.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all())
    fresh.close()
    # The migration's triggers are the ones the sync puts back after a long pull.
    assert {n: made.get(n) for n in COUNT_TRIGGERS} == trigger_statements()
    assert len(COUNT_TRIGGERS) == 30  # three per synced table


def test_a_released_database_gets_its_counts_on_migration(tmp_path: Path) -> None:
    """Migration 0005 counts the rows a database already holds."""
    fixture = FIXTURES / "schema_0004.sqlite"
    path = tmp_path / fixture.name
    path.write_bytes(fixture.read_bytes())
    db = open_database(path)
    with db.transaction() as session:
        kept = kept_counts(session)
        assert kept and kept == counted(session)
    db.close()

"""First download, subtree scope, count check and re-download, scope revoked."""

from __future__ import annotations

import gc

import pytest
from sqlalchemy import delete, insert, select, text, update

from chairclient.db import pull_indexes
from chairclient.db.engine import open_database
from chairclient.db.models import Member, Organisation, SyncedRowCount
from chairclient.db.row_counts import count_all, kept_counts, recount
from chairclient.services.derived import refresh_members
from registry.auth import find_user_id
from registry.models import user_positions
from sync import state
from sync.rows import page_transaction
from tests.sync.helpers import local_member_ids, server_member_ids, server_scope


def test_first_sync_of_a_primary_chair_downloads_exactly_its_org(make_side, server) -> None:
    chair = make_side("chair1")
    report = chair.sync()
    expected = server_member_ids(server.db, {chair.org_id})
    assert expected and local_member_ids(chair.db) == expected
    assert report.pulled > 0 and report.orgs_added == [chair.org_id]
    assert report.orgs_redownloaded == [] and report.server_time is not None
    with chair.db.transaction() as session:
        assert set(session.scalars(select(Organisation.id))) == {chair.org_id}
        member = session.scalars(select(Member).limit(1)).one()
        assert member.search_text  # derived columns computed
        assert state.last_sync(session) == report.server_time.isoformat()
        assert set(state.cursors(session)) == {chair.org_id}
    again = chair.sync()
    assert again.pulled == 0 and again.pushed == 0


def test_territorial_chair_gets_the_whole_subtree(make_side, server) -> None:
    terr = make_side("territory1")
    terr.sync()
    scope = server_scope(server.db, "territory1")
    assert len(scope) > 1
    assert local_member_ids(terr.db) == server_member_ids(server.db, scope)
    with terr.db.transaction() as session:
        assert set(session.scalars(select(Organisation.id))) == scope


def test_small_pages_give_the_same_result(make_side, server) -> None:
    terr = make_side("territory1")
    terr.engine.page_limit = 37
    report = terr.sync()
    scope = server_scope(server.db, "territory1")
    assert local_member_ids(terr.db) == server_member_ids(server.db, scope)
    # The long pull counted the rows once at its end: the kept counts are right.
    assert report.orgs_redownloaded == []
    with terr.db.transaction() as session:
        assert kept_counts(session) == count_all(session) != {}


def _first_download_failing_on_third_page(make_side):
    """A territorial chair's first download in small pages, whose connection dies at the
    third page; the side it was made for."""
    fresh = make_side("territory1", "fresh")
    fresh.engine.page_limit = 37
    pages: list[int] = []

    def fail_on_third_page(phase: str, done: int) -> None:
        if phase == "pull":
            pages.append(done)
            if len(pages) == 3:
                raise OSError("связь прервалась")

    fresh.engine.on_progress = fail_on_third_page
    with pytest.raises(OSError):
        fresh.sync()
    return fresh


def test_a_long_pull_pauses_the_garbage_collector_and_gives_it_back(make_side, server) -> None:
    terr = make_side("territory1")
    terr.engine.page_limit = 37
    during: list[bool] = []

    def look(phase: str, done: int) -> None:
        if phase == "pull":
            during.append(gc.isenabled())

    terr.engine.on_progress = look
    assert gc.isenabled()
    try:
        terr.sync()
        after = gc.isenabled()
        # A pull that fails midway gives it back too.
        _first_download_failing_on_third_page(make_side)
        after_failure = gc.isenabled()
    finally:
        gc.enable()  # for the tests after this one, whatever happened here
    assert len(during) > 2 and not any(during)  # paused before the first of many pages
    assert after and after_failure


def test_count_mismatch_redownloads_silently(make_side, server) -> None:
    chair = make_side("chair1")
    chair.sync()
    before = local_member_ids(chair.db)
    with page_transaction(chair.db) as session:  # lose rows behind the sync's back
        session.execute(delete(Member).where(Member.id.in_(sorted(before)[:3])))
    report = chair.sync()
    assert report.orgs_redownloaded == [chair.org_id]
    assert local_member_ids(chair.db) == before


def test_a_wrong_kept_count_is_recounted_not_redownloaded(make_side, server) -> None:
    """The kept counts are only a shortcut: where one disagrees with the registry, the rows
    are counted; they are all there, so nothing is downloaded again and the count is fixed."""
    chair = make_side("chair1")
    chair.sync()
    with page_transaction(chair.db) as session:
        session.execute(update(SyncedRowCount).where(SyncedRowCount.org_id == chair.org_id,
                                                     SyncedRowCount.entity == "member")
                        .values(live=SyncedRowCount.live + 5))
    report = chair.sync()
    assert report.orgs_redownloaded == [] and report.pulled == 0
    with chair.db.transaction() as session:
        kept = kept_counts(session)
        assert kept is not None and kept[chair.org_id] == recount(session, chair.org_id)
        assert kept[chair.org_id]["member"] == len(local_member_ids(chair.db))


def test_without_the_count_triggers_every_org_is_counted_from_its_rows(make_side,
                                                                       server) -> None:
    terr = make_side("territory1")
    terr.sync()
    with page_transaction(terr.db) as session:
        session.execute(text("DROP TRIGGER members_count_delete"))
        lost = session.scalars(select(Member.id).limit(2)).all()
        session.execute(delete(Member).where(Member.id.in_(lost)))
    report = terr.sync()
    assert report.orgs_redownloaded
    assert local_member_ids(terr.db) == server_member_ids(server.db, server_scope(
        server.db, "territory1"))


def test_org_removed_from_scope_is_purged(make_side, server) -> None:
    chair = make_side("chair1")
    chair.sync()
    other = server.users["chair3"].org_id
    with server.db.write() as session:
        user_id = find_user_id(session, "chair1")
        session.execute(delete(user_positions).where(user_positions.c.user_id == user_id))
        session.execute(insert(user_positions).values(user_id=user_id, org_id=other,
                                                      role="primary"))
    report = chair.sync()
    assert report.orgs_revoked == [chair.org_id] and report.orgs_added == [other]
    assert local_member_ids(chair.db, {chair.org_id}) == set()
    assert local_member_ids(chair.db) == server_member_ids(server.db, {other})
    with chair.db.transaction() as session:
        assert set(state.cursors(session)) == {other}


def _missing_indexes(db) -> list[str]:
    with db.engine.connect() as connection:
        return pull_indexes.missing(connection)


def test_a_long_pull_writes_without_the_secondary_indexes_and_builds_them_after(
    make_side, server
) -> None:
    terr = make_side("territory1")
    terr.engine.page_limit = 37
    during: list[list[str]] = []

    def look(phase: str, done: int) -> None:
        if phase == "pull":
            during.append(_missing_indexes(terr.db))

    terr.engine.on_progress = look
    terr.sync()
    assert len(during) > 3
    assert during[0] == []  # the first page may purge by organisation: with its indexes
    assert during[1] == sorted(pull_indexes.index_statements())
    assert _missing_indexes(terr.db) == []
    with terr.db.transaction() as session:
        assert kept_counts(session) == count_all(session) != {}
        plan = " ".join(str(row) for row in session.execute(text(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM card_status_changes WHERE org_id = 'x'")))
    assert "ix_card_status_changes_org_id" in plan

    # A long pull into a store that holds rows already (a re-download) keeps them.
    with terr.db.transaction() as session:
        org_id, _ = session.execute(text(
            "SELECT org_id, count(*) AS n FROM members GROUP BY org_id ORDER BY n DESC")).first()
        gone = session.scalars(select(Member.id).where(Member.org_id == org_id).limit(3)).all()
    with page_transaction(terr.db) as session:
        session.execute(delete(Member).where(Member.id.in_(gone)))
    during.clear()
    report = terr.sync()
    assert report.orgs_redownloaded == [org_id]
    assert len(during) > 3 and not any(during)

    # A pull that fails midway builds them too; one killed midway leaves that to the next open.
    fresh = _first_download_failing_on_third_page(make_side)
    assert _missing_indexes(fresh.db) == []
    with fresh.db.engine.begin() as connection:
        pull_indexes.suspend(connection)
    assert _missing_indexes(fresh.db) != []
    reopened = open_database(fresh.db.path)
    try:
        assert _missing_indexes(reopened) == []
    finally:
        reopened.close()


def _derived(db) -> dict[str, tuple]:
    with db.transaction() as session:
        return {row[0]: tuple(row[1:]) for row in session.execute(select(
            Member.id, Member.has_consent, Member.card_status, Member.card_number,
            Member.search_text, Member.is_complete))}


def _recomputed(db) -> dict[str, tuple]:
    """Every member's derived columns computed afresh from its row, consents and cards."""
    with page_transaction(db) as session:
        refresh_members(session, session.scalars(select(Member.id)).all())
        found = {row[0]: tuple(row[1:]) for row in session.execute(select(
            Member.id, Member.has_consent, Member.card_status, Member.card_number,
            Member.search_text, Member.is_complete))}
        session.rollback()
    return found


def test_a_first_download_leaves_consent_and_card_columns_to_its_end(make_side, server
                                                                     ) -> None:
    terr = make_side("territory1")
    terr.engine.page_limit = 37
    terr.sync()
    stored = _derived(terr.db)
    assert stored == _recomputed(terr.db)
    assert {values[0] for values in stored.values()} == {True, False}  # consents came
    assert len({values[1] for values in stored.values()}) > 1  # and cards

    # Killed midway, its members' columns are left undone: the next open does them.
    with page_transaction(terr.db) as session:
        session.execute(update(Member).values(has_consent=False, card_status="not_ordered",
                                              card_number=None))
        pull_indexes.suspend(session.connection())
    assert _derived(terr.db) != stored
    terr.db.close()
    reopened = open_database(terr.db.path)
    try:
        assert _derived(reopened) == stored and _missing_indexes(reopened) == []
    finally:
        reopened.close()

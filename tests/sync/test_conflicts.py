"""Resolving conflicts per field and discarding rejected changes (sync/conflicts.py, no Qt)."""

from __future__ import annotations

from sync import conflicts
from tests.sync.helpers import any_member, local_member, outbox, server_member
from tests.sync.test_edits import edit


def _conflict(make_side, fields_mine: dict, fields_theirs: dict):
    chair, terr = make_side("chair1"), make_side("territory1")
    chair.sync()
    terr.sync()
    member_id = any_member(chair.db, chair.org_id)
    edit(chair, member_id, **fields_mine)
    edit(terr, member_id, **fields_theirs)
    terr.sync()
    assert chair.sync().conflicts == 1
    return chair, terr, member_id


def test_conflicts_are_listed_per_field(make_side, server) -> None:
    chair, _terr, member_id = _conflict(
        make_side, {"note": "моё", "workplace": "Школа № 1"},
        {"note": "их", "workplace": "Школа № 2"})
    with chair.db.transaction() as session:
        [found] = conflicts.list_conflicts(session)
        assert conflicts.counts(session) == conflicts.Counts(0, 1, 0)
    assert found.entity_id == member_id and found.title
    assert {f.field: (f.mine, f.server) for f in found.fields} == {
        "note": ("моё", "их"), "workplace": ("Школа № 1", "Школа № 2")}


def test_mine_and_server_choices_apply_on_the_next_sync(make_side, server) -> None:
    chair, terr, member_id = _conflict(
        make_side, {"note": "моё", "workplace": "Школа № 1"},
        {"note": "их", "workplace": "Школа № 2"})
    [entry] = outbox(chair.db, "conflict")
    with chair.db.transaction() as session:
        assert conflicts.resolve(session, entry.seq, "note", "mine") is False
    assert local_member(chair.db, member_id).note == "моё"
    assert len(outbox(chair.db, "conflict")) == 1  # the workplace is still undecided
    with chair.db.transaction() as session:
        assert conflicts.resolve(session, entry.seq, "workplace", "server") is True
    assert outbox(chair.db, "conflict") == []
    report = chair.sync()
    assert (report.applied, report.conflicts) == (1, 0)
    row = server_member(server.db, member_id)
    assert (row["note"], row["workplace"]) == ("моё", "Школа № 2")
    terr.sync()
    assert local_member(terr.db, member_id).note == "моё"


def test_a_rejected_change_is_listed_with_its_reason_and_can_be_discarded(
        make_side, server) -> None:
    chair = make_side("chair1")
    chair.sync()
    member_id = any_member(chair.db, chair.org_id)
    from chairclient.db.models import OutboxEntry

    edit(chair, member_id, note="x")
    with chair.db.transaction() as session:  # turned into a change the server must refuse
        pending = session.query(OutboxEntry).one()
        pending.fields = {"no_such_field": 1}
        pending.base = {"no_such_field": None}
    report = chair.sync()
    assert report.rejected == 1
    with chair.db.transaction() as session:
        [rejected] = conflicts.list_rejected(session)
        assert rejected.reason
        conflicts.discard_rejected(session, rejected.seq)
    assert outbox(chair.db) == []

"""A pulled page never loses pending local fields; repeated offline edits do not self-conflict."""

from __future__ import annotations

import json

from sync import state
from sync.pull import pull_all
from tests.sync.helpers import any_member, local_member, outbox, server_member
from tests.sync.test_edits import edit


def test_pull_keeps_pending_fields_and_takes_the_others(make_side, server) -> None:
    chair, terr = make_side("chair1"), make_side("territory1")
    chair.sync()
    terr.sync()
    member_id = any_member(chair.db, chair.org_id)
    edit(chair, member_id, note="моё")
    edit(terr, member_id, note="их", workplace="Лицей № 2")
    terr.sync()
    pull_all(chair.db, lambda cursors: chair.client.pull(cursors))  # pull only, no push
    member = local_member(chair.db, member_id)
    assert (member.note, member.workplace) == ("моё", "Лицей № 2")
    with chair.db.transaction() as session:
        assert state.shadow(session, "member", member_id) == {"note": "их"}
    report = chair.sync()
    assert report.conflicts == 1
    assert local_member(chair.db, member_id).note == "их"
    [entry] = outbox(chair.db, "conflict")
    assert json.loads(entry.error)["conflicts"]["note"] == {
        "base": None, "mine": "моё", "server": "их"
    }
    with chair.db.transaction() as session:
        assert state.shadow(session, "member", member_id) == {}


def test_repeated_offline_edits_of_one_field_apply_in_order(make_side, server) -> None:
    chair = make_side("chair1")
    chair.sync()
    member_id = any_member(chair.db, chair.org_id)
    for text in ("первое", "второе", "третье"):
        edit(chair, member_id, note=text)
    report = chair.sync()
    assert (report.applied, report.conflicts) == (3, 0)
    assert server_member(server.db, member_id)["note"] == "третье"
    assert local_member(chair.db, member_id).note == "третье"


def test_new_member_created_offline_is_pushed(make_side, server) -> None:
    from chairclient.services.members import save_member

    chair, terr = make_side("chair1"), make_side("territory1")
    chair.sync()
    with chair.db.transaction() as session:
        saved = save_member(session, chair.org_id, {
            "last_name": "Новикова", "first_name": "Ольга", "phone": "+79161234567",
        })
    report = chair.sync()
    assert report.rejected == 0, report.rejected_reasons
    assert server_member(server.db, saved.member_id)["last_name"] == "Новикова"
    assert report.orgs_redownloaded == []
    terr.sync()
    assert local_member(terr.db, saved.member_id).last_name == "Новикова"

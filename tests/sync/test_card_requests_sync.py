"""Card requests over real HTTP against the registry (issue 6, client half).

Chair A fills the draft offline and submits; the sync pushes ONE ``submit_card_request`` and
the registry's rows agree with the client's optimistic ones (same status-change ids). A submit
the registry refuses is rolled back on the client; a lost card is re-issued in one step.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from chairclient.db.models import Card, CardRequest, CardStatusChange
from chairclient.services.card_requests import add_all_eligible, draft_request_id, remove_from_draft
from chairclient.services.card_rules import next_processing_date, submit_change_id
from chairclient.services.card_steps import mark_broken
from chairclient.services.card_submit import submit_request
from registry.commands import COMMANDS
from tests.sync.helpers import outbox, server_rows

pytestmark = pytest.mark.skipif(
    "submit_card_request" not in COMMANDS or "card_step" not in COMMANDS,
    reason="the registry half of issue 6 (card commands) has not landed yet")


def test_submit_offline_then_sync(make_side, server) -> None:
    chair = make_side("chair1")
    chair.sync()
    with chair.db.transaction() as session:  # offline: everything waits in the outbox
        added = add_all_eligible(session, chair.org_id)
    assert len(added.done) >= 2
    with chair.db.transaction() as session:
        remove_from_draft(session, added.done[:1])
    with chair.db.session() as session:
        draft = draft_request_id(session, chair.org_id)
        lines = set(session.scalars(select(Card.member_id).where(
            Card.request_id == draft, Card.deleted.is_(False))))
    assert draft is not None and set(added.done[1:]) <= lines and added.done[0] not in lines
    with chair.db.transaction() as session:
        submitted = submit_request(session, draft)

    report = chair.sync()
    assert report.rejected == 0, report.rejected_reasons
    assert outbox(chair.db) == []
    [request] = server_rows(server.db, "card_request", id=draft)
    assert request["state"] == "submitted"
    assert request["processing_date"] == next_processing_date(date.today())
    cards = server_rows(server.db, "card", request_id=draft)
    assert {c["member_id"] for c in cards} == lines
    assert {c["status"] for c in cards} == {"ordered"}
    changes = server_rows(server.db, "card_status_change", status="ordered",
                      card_id=[c["id"] for c in cards])
    assert {c["id"] for c in changes} == {submit_change_id(draft, c["id"]) for c in cards}
    with chair.db.session() as session:  # the client holds the registry's rows, once each
        assert session.get(CardRequest, draft).version > 0
        local = session.scalars(select(CardStatusChange).where(
            CardStatusChange.card_id.in_([c["id"] for c in cards]),
            CardStatusChange.status == "ordered")).all()
        assert len(local) == len(cards) and all(c.version > 0 for c in local)
    assert submitted.processing_date == request["processing_date"]


def test_a_refused_submit_is_rolled_back(make_side, server) -> None:
    first = make_side("chair1", "first")
    first.sync()
    with first.db.transaction() as session:
        add_all_eligible(session, first.org_id)
    first.sync()
    second = make_side("chair1", "second")
    second.sync()
    with second.db.session() as session:
        draft = draft_request_id(session, second.org_id)
    assert draft is not None
    with second.db.transaction() as session:
        submit_request(session, draft)
    assert second.sync().rejected == 0
    with first.db.transaction() as session:  # the same draft, submitted elsewhere meanwhile
        submit_request(session, draft)
    report = first.sync()
    assert report.rejected == 1 and "уже отправлена" in " ".join(report.rejected_reasons)
    with first.db.session() as session:
        assert session.get(CardRequest, draft).state == "submitted"  # the registry's state
        ids = [c.id for c in session.scalars(select(Card).where(Card.request_id == draft))]
        changes = session.scalars(select(CardStatusChange).where(
            CardStatusChange.card_id.in_(ids), CardStatusChange.status == "ordered")).all()
        assert len(changes) == len(ids)  # never twice


def test_lost_card_reissue_reaches_the_registry(make_side, server) -> None:
    chair = make_side("chair1")
    chair.sync()
    with chair.db.session() as session:
        issued = session.scalars(select(Card.member_id).where(
            Card.org_id == chair.org_id, Card.status == "issued",
            Card.deleted.is_(False)).order_by(Card.member_id).limit(2)).all()
    assert issued
    with chair.db.transaction() as session:
        result = mark_broken(session, issued, "lost", date.today())
    assert result.done == list(issued)
    report = chair.sync()
    assert report.rejected == 0, report.rejected_reasons
    lost = server_rows(server.db, "card", member_id=list(issued), status="lost")
    new = server_rows(server.db, "card", member_id=list(issued), status="in_request")
    reissued = {c["member_id"] for c in new}
    assert {c["member_id"] for c in lost} == set(issued)
    assert reissued == set(issued) - {s.member_id for s in result.skipped}
    assert {c["replaces_id"] for c in new} <= {c["id"] for c in lost}

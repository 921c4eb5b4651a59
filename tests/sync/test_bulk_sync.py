"""Bulk actions reach the registry over real HTTP; an undone one never does."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select

from chairclient.db.engine import Database as LocalDatabase
from chairclient.db.models import Card, Member
from chairclient.services import bulk
from chairclient.services.card_requests import add_to_draft
from chairclient.services.undo import SENT, last_step, undo_last_step
from registry.db import Database
from registry.models import ENTITY_TABLES
from tests.sync.helpers import outbox, server_rows


def _members(db: LocalDatabase, org_id: str, **where: Any) -> list[str]:
    with db.session() as session:
        query = select(Member.id).where(Member.org_id == org_id, Member.deleted.is_(False),
                                        Member.status == "active")
        for name, value in where.items():
            query = query.where(getattr(Member, name) == value)
        return list(session.scalars(query.order_by(Member.id)))


def _with_card(db: LocalDatabase, org_id: str, status: str) -> list[str]:
    with db.session() as session:
        return list(session.scalars(
            select(Card.member_id).where(Card.org_id == org_id, Card.status == status,
                                         Card.deleted.is_(False)).order_by(Card.member_id)))


def _server_count(db: Database, entity: str) -> int:
    table = ENTITY_TABLES[entity]
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(table)) or 0


def test_bulk_actions_reach_the_registry(make_side, server) -> None:
    chair = make_side("chair1")
    chair.sync()
    without_consent = _members(chair.db, chair.org_id, has_consent=False)
    received = _with_card(chair.db, chair.org_id, "received")
    working = _members(chair.db, chair.org_id, category="working")[:3]
    assert without_consent and working
    today = date.today()
    with chair.db.transaction() as session:
        consent = bulk.mark_consent(session, without_consent, today)
    with chair.db.transaction() as session:
        request = add_to_draft(session, _members(chair.db, chair.org_id))
    with chair.db.transaction() as session:
        issued = bulk.mark_cards(session, received, "issued", today)
    with chair.db.transaction() as session:
        category = bulk.change_category(session, working, "unemployed", today)
    queued = len(outbox(chair.db))
    assert consent.done and request.done and category.done == working

    report = chair.sync()
    assert (report.pushed, report.applied, report.rejected) == (queued, queued, 0), \
        report.rejected_reasons
    assert outbox(chair.db) == [] and report.orgs_redownloaded == []  # counts agree
    with chair.db.session() as session:
        info = last_step(session)
    assert info is not None and info.blocked == SENT  # synced: no longer undoable

    consents = server_rows(server.db, "consent", member_id=consent.done, revoked_on=None)
    assert {c["member_id"] for c in consents} == set(consent.done)
    assert {c["signed_on"] for c in consents} == {today}
    lines = server_rows(server.db, "card", member_id=request.done, status="in_request")
    assert {c["member_id"] for c in lines} == set(request.done)
    [draft] = server_rows(server.db, "card_request", id=list({c["request_id"] for c in lines}))
    assert draft["state"] == "draft" and draft["org_id"] == chair.org_id
    for card in server_rows(server.db, "card", member_id=issued.done, status="issued"):
        assert card["issued_on"] == today
    assert len(server_rows(server.db, "card", member_id=issued.done, status="issued")) == len(
        issued.done)
    assert {m["category"] for m in server_rows(server.db, "member", id=working)} == {
        "unemployed"}
    events = server_rows(server.db, "membership_event", member_id=working,
                          kind="category_changed", new_category="unemployed")
    assert len(events) == len(working)


def test_an_undone_bulk_action_never_reaches_the_registry(make_side, server) -> None:
    chair = make_side("chair1")
    chair.sync()
    before = {e: _server_count(server.db, e) for e in ENTITY_TABLES}
    everyone = _members(chair.db, chair.org_id)
    with chair.db.transaction() as session:
        result = bulk.mark_consent(session, everyone, date.today())
    with chair.db.transaction() as session:
        category = bulk.change_category(session, everyone[:2], "unemployed", date.today())
    assert result.done and category.done
    for step in (category.step_id, result.step_id):
        with chair.db.transaction() as session:
            undo_last_step(session, step)
    assert outbox(chair.db) == []

    report = chair.sync()
    assert report.pushed == 0
    assert {e: _server_count(server.db, e) for e in ENTITY_TABLES} == before
    assert server_rows(server.db, "consent", member_id=result.done, revoked_on=None) == []
    assert "unemployed" not in {m["category"] for m in server_rows(server.db, "member",
                                                                    id=category.done)}
    with chair.db.session() as session:
        assert last_step(session) is None

"""A member moves between two chairs end to end: found online, accepted offline, synced; both
chairs (and the sender's territorial chair) converge with the registry."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from chairclient.db.engine import Database as LocalDatabase
from chairclient.db.models import Card, Consent, Member, MembershipEvent
from chairclient.services.lifecycle import accept_transfer, transfer_out
from tests.sync.conftest import BACKENDS
from tests.sync.helpers import local_member_ids, outbox, server_member


def member_with_snils(db: LocalDatabase, org_id: str) -> tuple[str, str]:
    """An active member of ``org_id`` with a СНИЛС, one with a consent when there is one."""
    with db.transaction() as session:
        query = select(Member.id, Member.snils).where(
            Member.org_id == org_id, Member.deleted.is_(False), Member.status == "active",
            Member.snils.is_not(None),
        ).order_by(Member.id)
        found = session.execute(query.where(Member.id.in_(
            select(Consent.member_id).where(Consent.revoked_on.is_(None))
        )).limit(1)).first() or session.execute(query.limit(1)).first()
        assert found is not None
        return found[0], found[1]


def owned(db: LocalDatabase, member_id: str) -> dict[str, set[str]]:
    """Live rows of the member per entity (events, consents, cards), with their org ids."""
    with db.transaction() as session:
        return {
            model.__tablename__: {
                f"{row.id}@{row.org_id}" for row in session.scalars(
                    select(model).where(model.member_id == member_id, model.deleted.is_(False)))
            }
            for model in (MembershipEvent, Consent, Card)
        }


def events(db: LocalDatabase, member_id: str) -> list[tuple[str, str, bool]]:
    with db.transaction() as session:
        return sorted((e.kind, e.org_id, e.deleted) for e in session.scalars(
            select(MembershipEvent).where(MembershipEvent.member_id == member_id)))


@pytest.mark.parametrize("server", BACKENDS, indirect=True)
def test_a_member_moves_between_two_chairs(make_side, server) -> None:
    sender, receiver, terr = make_side("chair1"), make_side("chair3"), make_side("territory1")
    for side in (sender, receiver, terr):
        side.sync()
    member_id, snils = member_with_snils(sender.db, sender.org_id)
    before = owned(sender.db, member_id)
    assert member_id not in local_member_ids(receiver.db)
    [match] = receiver.client.find_member(snils=snils)
    assert (match.handle, match.org_id, match.in_scope, match.transferable) == (
        member_id, sender.org_id, False, True)
    with receiver.db.transaction() as session:  # offline from here: only queued
        queued = accept_transfer(session, receiver.org_id, match.handle, date.today())
    assert member_id not in local_member_ids(receiver.db)

    report = receiver.sync()
    assert (report.applied, report.rejected) == (1, 0), report.rejected_reasons
    assert outbox(receiver.db) == [] and report.orgs_redownloaded == []
    assert server_member(server.db, member_id)["org_id"] == receiver.org_id
    arrived = owned(receiver.db, member_id)
    # The same rows, now in the receiver's organisation, plus its «transferred_in».
    moved = {k: {r.replace(sender.org_id, receiver.org_id) for r in v} for k, v in before.items()}
    assert arrived["consents"] == moved["consents"] and arrived["cards"] == moved["cards"]
    assert moved["membership_events"] | {f"{queued.event_id}@{receiver.org_id}"} == \
        arrived["membership_events"]
    member = session_member(receiver.db, member_id)
    assert (member.org_id, member.status, member.registration_method) == (
        receiver.org_id, "active", "transfer")

    for side in (sender, terr):
        report = side.sync()
        assert report.orgs_redownloaded == [], side.login  # counts agree with the registry
        assert member_id not in local_member_ids(side.db)
    kept = [e for e in events(sender.db, member_id) if not e[2]]
    assert kept == [("transferred_out", sender.org_id, False)]
    assert events(terr.db, member_id) == events(sender.db, member_id)


@pytest.mark.parametrize("server", BACKENDS, indirect=True)
def test_transfer_out_then_accepted_elsewhere(make_side, server) -> None:
    sender, receiver = make_side("chair1"), make_side("chair3")
    sender.sync()
    receiver.sync()
    member_id, snils = member_with_snils(sender.db, sender.org_id)
    with sender.db.transaction() as session:
        out = transfer_out(session, member_id, date.today(), destination="МБОУ СОШ № 7")
    assert sender.sync().applied == 1
    assert server_member(server.db, member_id)["removal_reason"] == "transfer"
    [match] = receiver.client.find_member(snils=snils)
    assert match.transferable
    with receiver.db.transaction() as session:
        accept_transfer(session, receiver.org_id, match.handle, date.today())
    assert receiver.sync().applied == 1
    assert sender.sync().orgs_redownloaded == []
    assert member_id not in local_member_ids(sender.db)
    with sender.db.transaction() as session:
        record = session.get(MembershipEvent, out.event_id)
        assert (record.deleted, record.note) == (False, "Куда: МБОУ СОШ № 7")
    member = session_member(receiver.db, member_id)
    assert (member.status, member.removal_reason) == ("active", None)


def session_member(db: LocalDatabase, member_id: str) -> Member:
    with db.transaction() as session:
        member = session.get(Member, member_id)
        assert member is not None and not member.deleted
        session.expunge(member)
        return member

"""A member moves between two chairs end to end: found online, accepted offline, synced; both
chairs (and the sender's territorial chair) converge with the registry."""

from __future__ import annotations

from datetime import date

import httpx
import pytest
from sqlalchemy import select

from chairclient.db.engine import Database as LocalDatabase
from chairclient.db.models import Card, Consent, Member, MembershipEvent, TransferRequest
from chairclient.domain.transfers import sender_copy_id
from chairclient.services.lifecycle import accept_transfer, transfer_out
from chairclient.services.transfer_requests import (
    RequestRefused,
    decide_transfer,
    request_transfer,
)
from tests.sync.conftest import BACKENDS
from tests.sync.helpers import local_member_ids, server_member


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


class CountingTransport(httpx.HTTPTransport):
    """Counts the sync requests a client sends (exchanges, pushes, pulls)."""

    def __init__(self) -> None:
        super().__init__()
        self.syncs = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if "/sync/" in request.url.path and not request.url.path.endswith("/meta"):
            self.syncs += 1
        return super().handle_request(request)


def requests_of(db: LocalDatabase) -> dict[str, tuple[str, str, str | None]]:
    with db.transaction() as session:
        return {r.id: (r.side, r.state, r.member_id) for r in session.scalars(
            select(TransferRequest).where(TransferRequest.deleted.is_(False)))}


@pytest.mark.parametrize("server", BACKENDS, indirect=True)
def test_a_member_moves_between_two_chairs(make_side, server) -> None:
    counter = CountingTransport()
    sender = make_side("chair1", transport=counter)
    receiver, terr = make_side("chair3"), make_side("territory1")
    for side in (sender, receiver, terr):
        side.sync()
    member_id, snils = member_with_snils(sender.db, sender.org_id)
    before = owned(sender.db, member_id)
    assert member_id not in local_member_ids(receiver.db)
    [match] = receiver.client.find_member(snils=snils)
    assert (match.org_id, match.in_scope, match.transferable, match.requestable) == (
        sender.org_id, False, False, True)
    assert match.handle != member_id
    with receiver.db.transaction() as session:  # offline from here: only queued
        asked = request_transfer(
            session, receiver.org_id, match.handle, date.today(), other_org_id=match.org_id,
            other_org_name=match.org_name, other_org_code=match.org_code,
            person_label="по СНИЛС", comment="Переходит к нам")
    assert member_id not in local_member_ids(receiver.db)
    report = receiver.sync()
    assert (report.applied, report.rejected) == (1, 0), report.rejected_reasons
    assert member_id not in local_member_ids(receiver.db)  # nothing until the sender agrees
    assert requests_of(receiver.db) == {asked.copy_id: ("receiver", "pending", None)}

    sender.sync()
    copy_id = sender_copy_id(asked.copy_id)
    assert requests_of(sender.db) == {copy_id: ("sender", "pending", member_id)}
    terr.sync()  # the superior sees the sender's copy too
    assert requests_of(terr.db)[copy_id] == ("sender", "pending", member_id)
    with sender.db.transaction() as session:
        decide_transfer(session, copy_id, True, "Согласовано")
    counter.syncs = 0
    report = sender.sync()
    assert (report.applied, report.rejected) == (1, 0), report.rejected_reasons
    assert counter.syncs == 1  # the acceptance and its outcome travel in one exchange
    assert member_id not in local_member_ids(sender.db)
    assert server_member(server.db, member_id)["org_id"] == receiver.org_id

    assert receiver.sync().orgs_redownloaded == []
    arrived = owned(receiver.db, member_id)
    # The same rows, now in the receiver's organisation, plus its «transferred_in».
    moved = {k: {r.replace(sender.org_id, receiver.org_id) for r in v} for k, v in before.items()}
    assert arrived["consents"] == moved["consents"] and arrived["cards"] == moved["cards"]
    assert len(arrived["membership_events"]) == len(moved["membership_events"]) + 1
    member = session_member(receiver.db, member_id)
    assert (member.org_id, member.status, member.registration_method) == (
        receiver.org_id, "active", "transfer")
    assert requests_of(receiver.db) == {asked.copy_id: ("receiver", "accepted", member_id)}
    assert ("transferred_in", receiver.org_id, False) in events(receiver.db, member_id)

    for side in (sender, terr):
        report = side.sync()
        assert report.orgs_redownloaded == [], side.login  # counts agree with the registry
        assert member_id not in local_member_ids(side.db)
    kept = [e for e in events(sender.db, member_id) if not e[2]]
    assert kept == [("transferred_out", sender.org_id, False)]
    assert events(terr.db, member_id) == events(sender.db, member_id)
    assert requests_of(sender.db)[copy_id][1] == "accepted"


@pytest.mark.parametrize("server", BACKENDS, indirect=True)
def test_a_declined_request_and_a_refused_one(make_side, server) -> None:
    sender, receiver = make_side("chair1"), make_side("chair3")
    sender.sync()
    receiver.sync()
    member_id, snils = member_with_snils(sender.db, sender.org_id)
    [match] = receiver.client.find_member(snils=snils)
    with receiver.db.transaction() as session:
        asked = request_transfer(session, receiver.org_id, match.handle, date.today(),
                                 other_org_id=match.org_id, other_org_name=match.org_name,
                                 other_org_code=match.org_code)
        forged = request_transfer(session, receiver.org_id, member_id, date.today(),
                                  other_org_id=match.org_id, other_org_name="", other_org_code="")
    report = receiver.sync()
    assert (report.applied, report.rejected) == (1, 1)
    assert set(requests_of(receiver.db)) == {asked.copy_id}  # the refused copy is dropped
    assert forged.copy_id not in requests_of(receiver.db)
    sender.sync()
    with sender.db.transaction() as session:
        with pytest.raises(RequestRefused):
            decide_transfer(session, sender_copy_id(asked.copy_id), False, "")
        decide_transfer(session, sender_copy_id(asked.copy_id), False, "Не увольняется")
    assert sender.sync().applied == 1
    receiver.sync()
    assert requests_of(receiver.db)[asked.copy_id] == ("receiver", "declined", None)
    assert member_id in local_member_ids(sender.db)
    assert member_id not in local_member_ids(receiver.db)


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

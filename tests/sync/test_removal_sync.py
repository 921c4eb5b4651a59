"""A removal made in the app reaches the registry in one exchange, cancels the live card there,
and the next PROFCARDS feed withdraws the member; a restoration brings them back."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from chairclient.db.models import LIVE_CARD_STATUSES, Card, Consent, Member
from chairclient.services import bulk_lifecycle
from registry.profcards import MEMBER_REMOVED, make_feed
from tests.sync.conftest import BACKENDS
from tests.sync.helpers import local_member, outbox, server_member
from tests.sync.test_round_trips import Recorder


def _consented_with_card(side) -> str:
    """A member on the register with a live consent and, if there is one, a live card."""
    with side.db.transaction() as session:
        query = select(Member.id).where(
            Member.org_id == side.org_id, Member.status == "active", Member.deleted.is_(False),
            Member.id.in_(select(Consent.member_id).where(Consent.revoked_on.is_(None),
                                                          Consent.deleted.is_(False)))
        ).order_by(Member.id)
        with_card = session.scalar(query.where(Member.id.in_(select(Card.member_id).where(
            Card.status.in_(sorted(LIVE_CARD_STATUSES))))).limit(1))
        found = with_card or session.scalar(query.limit(1))
        assert found is not None
        return found


@pytest.mark.parametrize("server", BACKENDS, indirect=True)
def test_removal_syncs_in_one_exchange_and_profcards_withdraws(make_side, server) -> None:
    recorder = Recorder()
    chair, terr = make_side("chair1", transport=recorder), make_side("territory1")
    chair.sync()
    terr.sync()
    member_id = _consented_with_card(chair)
    today = date.today()
    make_feed(server.db, today)  # PROFCARDS holds every consented member now
    with chair.db.transaction() as session:
        result = bulk_lifecycle.remove_members(session, [member_id], "voluntary", today,
                                               note="заявление")
    assert result.done == [member_id]
    recorder.sent.clear()
    report = chair.sync()
    assert [path for path, _ in recorder.sent] == ["/sync/exchange"]
    assert (report.applied, report.rejected, report.orgs_redownloaded) == (1, 0, [])
    assert outbox(chair.db) == []
    server_row = server_member(server.db, member_id)
    assert (server_row["status"], server_row["removal_reason"]) == ("removed", "voluntary")
    terr.sync()
    seen = local_member(terr.db, member_id)
    assert (seen.status, seen.removed_on) == ("removed", today)
    with terr.db.transaction() as session:
        assert all(c.status not in LIVE_CARD_STATUSES for c in session.scalars(
            select(Card).where(Card.member_id == member_id)))
    withdrawn = make_feed(server.db, today + timedelta(days=1)).withdrawn
    assert (member_id, MEMBER_REMOVED) in {(x["member_id"], x["reason"]) for x in withdrawn}
    line = next(x for x in withdrawn if x["member_id"] == member_id)
    assert line["email"] == line["phone"] == ""  # a withdrawal carries no contacts

    with chair.db.transaction() as session:
        bulk_lifecycle.restore_members(session, [member_id], today)
    recorder.sent.clear()
    assert chair.sync().applied == 1
    assert [path for path, _ in recorder.sent] == ["/sync/exchange"]
    assert server_member(server.db, member_id)["status"] == "active"
    added = make_feed(server.db, today + timedelta(days=2)).added
    assert member_id in {x["member_id"] for x in added}


@pytest.mark.parametrize("server", BACKENDS, indirect=True)
def test_an_office_reaches_the_registry_and_the_territorial_chair(make_side, server) -> None:
    from chairclient.db.models import MemberRole
    from chairclient.services import roles
    from registry.models import ENTITY_TABLES

    chair, terr = make_side("chair1"), make_side("territory1")
    chair.sync()
    with chair.db.transaction() as session:
        free = session.scalar(select(Member.id).where(
            Member.org_id == chair.org_id, Member.status == "active",
            Member.id.not_in(select(MemberRole.member_id))).order_by(Member.id))
        result = roles.appoint(session, [free], "group_organiser", date.today(),
                               body_name="начальная школа")
    assert result.done == [free]
    report = chair.sync()
    assert (report.applied, report.rejected) == (1, 0), report.rejected_reasons
    offices = ENTITY_TABLES["member_role"]
    with server.db.read() as session:
        row = session.execute(select(offices).where(offices.c.member_id == free)).mappings().one()
    assert (row["role"], row["body"], row["body_name"]) == ("group_organiser", "group",
                                                            "начальная школа")
    terr.sync()
    with terr.db.transaction() as session:
        pulled = session.scalars(select(MemberRole).where(MemberRole.member_id == free)).one()
        assert (pulled.body, pulled.since) == ("group", date.today())

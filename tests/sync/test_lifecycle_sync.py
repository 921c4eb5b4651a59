"""Lifecycle commands made offline reach the registry and the other chairs; refusals roll back."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from chairclient.db.engine import Database as LocalDatabase
from chairclient.db.models import LIVE_CARD_STATUSES, Card, Member, MembershipEvent
from chairclient.services.lifecycle import remove_member
from tests.sync.conftest import BACKENDS
from tests.sync.helpers import local_member, outbox, server_member


def active_member(db: LocalDatabase, org_id: str) -> str:
    """An active member of ``org_id``, one with a live card when there is one."""
    with db.transaction() as session:
        query = select(Member.id).where(
            Member.org_id == org_id, Member.deleted.is_(False), Member.status == "active"
        ).order_by(Member.id)
        with_card = session.scalar(query.where(Member.id.in_(
            select(Card.member_id).where(Card.status.in_(sorted(LIVE_CARD_STATUSES)))
        )).limit(1))
        found = with_card or session.scalar(query.limit(1))
        assert found is not None
        return found


def history(db: LocalDatabase, member_id: str) -> list[tuple[str, str, str | None, int]]:
    with db.transaction() as session:
        return [
            (e.id, e.kind, e.reason, e.version)
            for e in session.scalars(
                select(MembershipEvent).where(MembershipEvent.member_id == member_id)
                .order_by(MembershipEvent.event_date, MembershipEvent.id)
            )
        ]


def cards(db: LocalDatabase, member_id: str) -> dict[str, str]:
    with db.transaction() as session:
        return {c.id: c.status for c in session.scalars(
            select(Card).where(Card.member_id == member_id, Card.deleted.is_(False)))}


@pytest.mark.parametrize("server", BACKENDS, indirect=True)
def test_offline_removal_reaches_the_territorial_chair(make_side, server) -> None:
    chair, terr = make_side("chair1"), make_side("territory1")
    chair.sync()
    terr.sync()
    member_id = active_member(chair.db, chair.org_id)
    live = {k for k, v in cards(chair.db, member_id).items() if v in LIVE_CARD_STATUSES}
    with chair.db.transaction() as session:
        done = remove_member(session, member_id, date.today(), "voluntary")
    report = chair.sync()
    assert (report.applied, report.rejected) == (1, 0), report.rejected_reasons
    assert outbox(chair.db) == []
    assert server_member(server.db, member_id)["status"] == "removed"
    assert report.orgs_redownloaded == []
    terr.sync()
    for side in (chair, terr):
        member = local_member(side.db, member_id)
        assert (member.status, member.removed_on, member.removal_reason) == (
            "removed", date.today(), "voluntary")
        events = history(side.db, member_id)
        assert (done.event_id, "removed", "voluntary", 1) in events
        assert all(cards(side.db, member_id)[card] == "cancelled" for card in live)
    assert history(chair.db, member_id) == history(terr.db, member_id)


def test_a_refused_removal_is_rolled_back_to_the_server_state(make_side, server) -> None:
    chair, terr = make_side("chair1"), make_side("territory1")
    chair.sync()
    terr.sync()
    member_id = active_member(chair.db, chair.org_id)
    with chair.db.transaction() as session:
        mine = remove_member(session, member_id, date.today(), "voluntary")
    with terr.db.transaction() as session:
        theirs = remove_member(session, member_id, date.today(), "dismissal")
    assert terr.sync().applied == 1
    # A pull while the command is pending keeps the optimistic change.
    from sync.pull import pull_all

    pull_all(chair.db, lambda cursors: chair.client.pull(cursors))
    assert local_member(chair.db, member_id).removal_reason == "voluntary"
    report = chair.sync()
    assert report.rejected == 1 and "уже снят" in report.rejected_reasons[0]
    [entry] = outbox(chair.db, "rejected")
    assert entry.op == "command"
    member = local_member(chair.db, member_id)
    assert (member.status, member.removal_reason) == ("removed", "dismissal")
    ids = [e[0] for e in history(chair.db, member_id)]
    assert theirs.event_id in ids and mine.event_id not in ids
    assert history(chair.db, member_id) == history(terr.db, member_id)
    assert cards(chair.db, member_id) == cards(terr.db, member_id)

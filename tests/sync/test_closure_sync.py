"""An organisation closes end to end: the territorial chair queues a merger or a liquidation in
the app, the sync carries it, and every client converges with the registry: the receiving
chair gets the members with what they own, the closed organisation's chair loses it, the
superior and the administrator keep it (closed), and 5-СП counts nobody twice."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from chairclient.db.engine import Database as LocalDatabase
from chairclient.db.models import Card, Consent, Member, MembershipEvent, Organisation
from chairclient.domain import closure
from chairclient.services.card_requests import remove_from_draft
from chairclient.services.closure import ClosureRefused, close_organisation, reopen_organisation
from reports.stats.definition import load_definition
from reports.stats.sp5 import compute_5sp
from tests.sync.conftest import BACKENDS
from tests.sync.helpers import local_member_ids, outbox, server_member_ids

TODAY = date.today()
#: The report «as of tomorrow»: the closure (today) has happened by its beginning.
CUTOFF = TODAY + timedelta(days=1)


def _positions(side) -> list[tuple[str, str]]:
    """The positions the registry sent the side's user at sign-in (as the app holds them)."""
    return [(p.org_id, p.role) for p in side.client.positions]


def _on_register(db: LocalDatabase, org_id: str) -> set[str]:
    with db.transaction() as session:
        return set(session.scalars(select(Member.id).where(
            Member.org_id == org_id, Member.status == "active", Member.deleted.is_(False))))


def _org(db: LocalDatabase, org_id: str) -> Organisation | None:
    with db.transaction() as session:
        org = session.get(Organisation, org_id)
        if org is not None:
            session.expunge(org)
        return org


def _sp5(db: LocalDatabase, root_id: str) -> tuple[dict, dict]:
    """(the subtree's totals, per organisation) of 5-СП as of :data:`CUTOFF`, «end» columns."""
    with db.transaction() as session:
        result = compute_5sp(session, root_id, CUTOFF, load_definition())
    total = {key: cols.get("end") for key, cols in result.total.items()}
    per_org = {org_id: {key: cols.get("end") for key, cols in values.items()}
               for org_id, values in result.per_org.items()}
    return total, per_org


def _owned(db: LocalDatabase, member_ids: set[str]) -> dict[str, set[tuple[str, str]]]:
    with db.transaction() as session:
        return {model.__tablename__: {(row.id, row.org_id) for row in session.scalars(
            select(model).where(model.member_id.in_(member_ids), model.deleted.is_(False)))}
            for model in (Consent, Card)}


@pytest.mark.parametrize("server", BACKENDS, indirect=True)
def test_a_merger_reaches_every_client(make_side, server) -> None:
    terr, receiver, closing = make_side("territory1"), make_side("chair1"), make_side("chair2")
    admin = make_side("admin")
    for side in (terr, receiver, closing, admin):
        side.sync()
    p1, p2, t1 = receiver.org_id, closing.org_id, terr.org_id
    moving, staying = _on_register(terr.db, p2), _on_register(terr.db, p1)
    assert moving
    total_before, per_org_before = _sp5(terr.db, t1)
    with terr.db.transaction() as session:
        drafted = list(session.scalars(select(Card.member_id).where(
            Card.org_id == p2, Card.status == "in_request", Card.deleted.is_(False))))
    if drafted:  # the draft request goes first: the superior empties it, in the same sync
        with terr.db.transaction() as session, pytest.raises(ClosureRefused, match="черновике"):
            close_organisation(session, p2, closure.MERGER, TODAY, merged_into_id=p1,
                               positions=_positions(terr))
        with terr.db.transaction() as session:
            remove_from_draft(session, drafted)
    owned_before = _owned(terr.db, moving)
    assert owned_before["consents"] and owned_before["cards"]
    with terr.db.transaction() as session:
        queued = close_organisation(session, p2, closure.MERGER, TODAY, merged_into_id=p1,
                                    note="Решение конференции", positions=_positions(terr))
    assert queued.affected == len(moving)
    report = terr.sync()
    assert report.rejected == 0 and report.applied >= 1, report.rejected_reasons
    assert outbox(terr.db) == [] and report.orgs_redownloaded == []
    # The superior: the organisation closed, its members where the merger put them.
    org = _org(terr.db, p2)
    assert (org.closed_on, org.closure_kind, org.merged_into_id) == (TODAY, "merger", p1)
    assert _on_register(terr.db, p1) == moving | staying and not _on_register(terr.db, p2)
    owned_after = _owned(terr.db, moving)
    assert {i for i, _ in owned_after["consents"]} == {i for i, _ in owned_before["consents"]}
    assert {o for _, o in owned_after["consents"] | owned_after["cards"]} <= {p1}
    with terr.db.transaction() as session:
        outs = set(session.scalars(select(MembershipEvent.member_id).where(
            MembershipEvent.org_id == p2, MembershipEvent.kind == "transferred_out",
            MembershipEvent.deleted.is_(False))))
    assert moving <= outs  # (besides transfers out before the merger)
    # 5-СП: everyone once, the merged members counted in the receiver, no admissions.
    total, per_org = _sp5(terr.db, t1)
    for key in ("all_members", "employees_admitted", "left_voluntary", "removed_other"):
        assert total[key] == total_before[key], key
    assert per_org[p1]["all_members"] == (per_org_before[p1]["all_members"]
                                          + per_org_before[p2]["all_members"])
    assert per_org[p2]["all_members"] == 0 and per_org[p2]["employees"] is None
    # The receiving chair gets the members; the closed organisation's chair loses it.
    assert receiver.sync().orgs_redownloaded == []
    assert _on_register(receiver.db, p1) == moving | staying
    assert {i for i, _ in _owned(receiver.db, moving)["cards"]} == {
        i for i, _ in owned_before["cards"]}
    revoked = closing.sync()
    assert p2 in revoked.orgs_revoked and local_member_ids(closing.db) == set()
    assert _org(closing.db, p2) is None
    # The administrator sees the closed organisation and the merged members.
    assert admin.sync().orgs_redownloaded == []
    assert _org(admin.db, p2).closed_on == TODAY
    assert local_member_ids(admin.db, {p1, p2}) == server_member_ids(server.db, {p1, p2})


@pytest.mark.parametrize("server", BACKENDS, indirect=True)
def test_a_liquidation_and_the_reopening(make_side, server) -> None:
    terr, closing, admin = make_side("territory1"), make_side("chair2"), make_side("admin")
    for side in (terr, closing, admin):
        side.sync()
    p2, t1 = closing.org_id, terr.org_id
    leaving = _on_register(terr.db, p2)
    total_before, _ = _sp5(terr.db, t1)
    with terr.db.transaction() as session:
        close_organisation(session, p2, closure.LIQUIDATION, TODAY, positions=_positions(terr))
    assert terr.sync().rejected == 0
    with terr.db.transaction() as session:
        removed = {m.id: m for m in session.scalars(select(Member).where(
            Member.id.in_(leaving)))}
        assert {(m.status, m.removal_reason, m.removed_on) for m in removed.values()} == {
            ("removed", "liquidation", TODAY)}
        live_cards = session.scalars(select(Card.status).where(
            Card.member_id.in_(leaving), Card.deleted.is_(False))).all()
    assert "issued" not in live_cards and "received" not in live_cards
    total, _ = _sp5(terr.db, t1)
    assert total["all_members"] == total_before["all_members"] - len(leaving)
    assert total["removed_other"] == total_before["removed_other"] + len(leaving)
    assert total["left_voluntary"] == total_before["left_voluntary"]
    assert p2 in closing.sync().orgs_revoked
    # Only the administrator reopens; its chair gets the organisation back, members removed.
    with terr.db.transaction() as session, pytest.raises(ValueError, match="администратор"):
        reopen_organisation(session, p2, positions=_positions(terr))
    admin.sync()
    with admin.db.transaction() as session:
        reopen_organisation(session, p2, note="Закрыта по ошибке", positions=_positions(admin))
    assert admin.sync().rejected == 0
    back = closing.sync()
    assert p2 in back.orgs_added
    assert _org(closing.db, p2).closed_on is None
    assert _on_register(closing.db, p2) == set() and local_member_ids(closing.db) >= leaving

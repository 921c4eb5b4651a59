"""«Не передано в PROFCARDS» over real HTTP: the registry's feed stamps the consents it carries
(``consents.profcards_sent_on``), the chair's client pulls the stamp and the dashboard's
condition stops counting the member; a client may not set the stamp itself."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from chairclient.db.models import Consent, Member, new_id
from chairclient.queries.conditions import consent_not_sent
from chairclient.services import outbox as outbox_service
from chairclient.services.derived import refresh_consent_flags
from chairclient.services.members import set_consent
from registry.commands.guard import PROFCARDS_BY_FEED
from registry.models import ENTITY_TABLES, audit_history
from tests.sync.conftest import Server, Side
from tests.sync.helpers import run_registry

#: Independent of the condition's SQL: on the register, a live consent, none of them stamped.
NOT_SENT_SQL = (
    "SELECT m.id FROM members m WHERE m.org_id = :org AND m.deleted = 0 "
    "AND m.status = 'active' AND EXISTS (SELECT 1 FROM consents c WHERE c.member_id = m.id "
    "AND c.deleted = 0 AND c.revoked_on IS NULL) AND NOT EXISTS (SELECT 1 FROM consents c "
    "WHERE c.member_id = m.id AND c.deleted = 0 AND c.revoked_on IS NULL "
    "AND c.profcards_sent_on IS NOT NULL)"
)


def _not_sent(side: Side) -> set[str]:
    """The dashboard condition's members of the chair's organisation, checked against SQL."""
    with side.db.session() as session:
        counted = set(session.scalars(select(Member.id).where(
            Member.org_id == side.org_id, Member.deleted.is_(False), Member.status == "active",
            consent_not_sent())))
        independent = set(session.scalars(text(NOT_SENT_SQL), {"org": side.org_id}))
    assert counted == independent
    return counted


def _server_consent(server: Server, consent_id: str) -> Any:
    consents = ENTITY_TABLES["consent"]
    with server.db.read() as session:
        return session.execute(select(consents).where(consents.c.id == consent_id)).mappings().one()


def _live_consent(side: Side, member_id: str) -> Consent:
    with side.db.session() as session:
        return session.scalars(select(Consent).where(
            Consent.member_id == member_id, Consent.deleted.is_(False),
            Consent.revoked_on.is_(None))).one()


def test_feed_stamps_consents_and_the_tile_follows(make_side, server: Server,
                                                  tmp_path: Path) -> None:
    chair = make_side("chair1")
    chair.sync()
    today = date.today()
    with chair.db.session() as session:
        member_id, other_id = session.scalars(select(Member.id).where(
            Member.org_id == chair.org_id, Member.status == "active",
            Member.deleted.is_(False), Member.has_consent.is_(False))
            .order_by(Member.id).limit(2)).all()

    # The chair records a consent and syncs: acknowledged, but not sent to PROFCARDS yet.
    with chair.db.transaction() as session:
        assert set_consent(session, member_id, True, signed_on=today)
    assert chair.sync().rejected == 0
    consent = _live_consent(chair, member_id)
    assert consent.version > 0 and consent.profcards_sent_on is None
    assert member_id in _not_sent(chair)

    # The daily feed for today adds the member and stamps the consent (logged and audited).
    summary = run_registry(server.db, "profcards-feed", "--date", today.isoformat(),
                        "--out", str(tmp_path / "feed"))
    assert summary["consents_stamped"] >= 1
    stamped = _server_consent(server, consent.id)
    assert stamped["profcards_sent_on"] == today
    assert stamped["version"] == consent.version + 1
    with server.db.read() as session:
        audit = session.execute(select(audit_history).where(
            audit_history.c.entity_id == consent.id,
            audit_history.c.field == "profcards_sent_on")).mappings().one()
    assert audit["user_id"] == "cli:profcards-feed" and audit["new_value"] == today.isoformat()

    # The chair pulls the stamp: the member is no longer counted, nor is anyone of the
    # organisation (the feed carried every consent signed by today).
    chair.sync()
    assert _live_consent(chair, member_id).profcards_sent_on == today
    assert _not_sent(chair) == set()

    # The same date again changes nothing.
    again = run_registry(server.db, "profcards-feed", "--date", today.isoformat(),
                      "--out", str(tmp_path / "feed"))
    assert again["created"] is False and again["consents_stamped"] == 0
    assert _server_consent(server, consent.id)["version"] == stamped["version"]

    # A plain update or create carrying the stamp is refused with the reason.
    with chair.db.transaction() as session:
        row = session.get(Consent, consent.id)
        outbox_service.record(session, row, "update", {"profcards_sent_on": "2020-01-01"},
                              {"profcards_sent_on": today.isoformat()}, new_id())
        fake = Consent(id=new_id(), org_id=chair.org_id, member_id=other_id, signed_on=today,
                       template_version=row.template_version)
        session.add(fake)
        session.flush()
        outbox_service.record(session, fake, "create", {
            "member_id": other_id, "signed_on": today, "template_version": fake.template_version,
            "profcards_sent_on": today}, {}, new_id())
    report = chair.sync()
    assert report.rejected == 2
    assert report.rejected_reasons == [PROFCARDS_BY_FEED, PROFCARDS_BY_FEED]
    assert _server_consent(server, consent.id)["profcards_sent_on"] == today
    with chair.db.transaction() as session:  # drop the refused entries and the fake row
        session.execute(text("DELETE FROM outbox WHERE state = 'rejected'"))
        session.delete(session.get(Consent, fake.id))
        session.flush()
        refresh_consent_flags(session, [other_id])

    # Revoked and recorded again on the client: both go through; the revoked consent keeps its
    # stamp, the new one waits for the next feed.
    with chair.db.transaction() as session:
        assert set_consent(session, member_id, False)
    with chair.db.transaction() as session:
        assert set_consent(session, member_id, True, signed_on=today)
    report = chair.sync()
    assert report.rejected == 0, report.rejected_reasons
    revoked = _server_consent(server, consent.id)
    assert revoked["revoked_on"] is not None and revoked["profcards_sent_on"] == today
    assert _live_consent(chair, member_id).profcards_sent_on is None
    assert member_id in _not_sent(chair)

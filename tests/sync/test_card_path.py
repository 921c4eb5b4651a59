"""The whole ЭПБ path end to end (issue 6), over real HTTP and the registry's real commands.

Chair A fills the draft offline with everyone eligible, syncs, submits; ``python -m registry
card-batch`` runs for the processing date (twice: one batch); the regional user marks the
cards shipped and received from their client; chair A pulls them, marks them issued and prints
the hand-over sheet; the PROFCARDS feed for that day holds exactly the consented members, and
the next day's feed only the consent recorded in between.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from chairclient.db.models import Card, Member, Organisation
from chairclient.services.bulk import mark_consent
from chairclient.services.card_requests import add_all_eligible, draft_request_id
from chairclient.services.card_rules import next_processing_date
from chairclient.services.card_steps import mark_cards
from chairclient.services.card_submit import submit_request
from registry.models import ENTITY_TABLES
from tests.sync.conftest import BACKENDS, Server
from tests.sync.helpers import ROOT, run_registry


def _consented_on_server(server: Server, day: date) -> set[str]:
    """An independent count: members on the register with an unrevoked consent by ``day``."""
    members, consents = ENTITY_TABLES["member"], ENTITY_TABLES["consent"]
    with server.db.read() as session:
        return set(session.scalars(
            select(members.c.id).join(consents, consents.c.member_id == members.c.id).where(
                members.c.deleted.is_(False), members.c.status == "active",
                consents.c.deleted.is_(False), consents.c.revoked_on.is_(None),
                consents.c.signed_on <= day)))


def _batches(server: Server) -> int:
    from registry.models_cards import card_batches

    with server.db.read() as session:
        return session.scalar(select(func.count()).select_from(card_batches))


def _feed(server: Server, day: date, out: Path) -> dict[str, Any]:
    """``profcards-feed`` for ``day``; the feed as written to its JSON file."""
    summary = run_registry(server.db, "profcards-feed", "--date", day.isoformat(),
                           "--out", str(out))
    [written] = [p for p in summary["files"] if p.endswith(".json")]
    return json.loads(Path(written).read_text(encoding="utf-8"))


def _feed_ids(feed: dict[str, Any]) -> set[str]:
    return {line["member_id"] for line in feed["added"]}


@pytest.mark.parametrize("server", BACKENDS, indirect=True)
def test_request_batch_ship_receive_issue_and_feed(make_side, server: Server,
                                                   tmp_path: Path) -> None:
    chair, region = make_side("chair1"), make_side("region")
    chair.sync()
    region.sync()

    # Chair A, offline: everyone eligible into the draft (next to the lines already in it),
    # then sync and submit.
    with chair.db.transaction() as session:
        added = add_all_eligible(session, chair.org_id)
        draft = draft_request_id(session, chair.org_id)
        in_draft = sorted(session.scalars(select(Card.member_id).where(
            Card.request_id == draft, Card.deleted.is_(False))))
    assert added.done and draft is not None and set(added.done) <= set(in_draft)
    assert chair.sync().rejected == 0
    with chair.db.transaction() as session:
        submit_request(session, draft)
    report = chair.sync()
    assert report.rejected == 0, report.rejected_reasons
    processing = next_processing_date(date.today())

    # The scheduler's batch for the processing date, run twice: one batch.
    batches_before = _batches(server)
    first = run_registry(server.db, "card-batch", "--date", processing.isoformat(),
                      "--out", str(tmp_path / "orders"))
    again = run_registry(server.db, "card-batch", "--date", processing.isoformat(),
                      "--out", str(tmp_path / "orders"))
    assert _batches(server) == batches_before + 1
    assert first["batch_id"] == again["batch_id"]
    cards = ENTITY_TABLES["card"]
    with server.db.read() as session:
        produced = {row.member_id: row.number for row in session.execute(
            select(cards.c.member_id, cards.c.number).where(cards.c.request_id == draft))}
    assert set(produced) == set(in_draft)
    assert all(n is not None and len(n) == 16 and n.isdigit() for n in produced.values())

    # The regional user: shipped to the region, then received by the organisation.
    region.sync()
    for step in ("shipped", "received"):
        with region.db.transaction() as session:
            marked = mark_cards(session, in_draft, step, date.today())
        assert sorted(marked.done) == in_draft, marked.skipped
        assert region.sync().rejected == 0

    # Chair A: the received cards arrive with their numbers; issued; the hand-over sheet.
    chair.sync()
    with chair.db.session() as session:
        local = {c.member_id: (c.status, c.number) for c in session.scalars(
            select(Card).where(Card.request_id == draft, Card.deleted.is_(False)))}
        code = session.scalar(select(Organisation.code).where(Organisation.id == chair.org_id))
        listed = {m.id: (m.card_status, m.card_number) for m in session.scalars(
            select(Member).where(Member.id.in_(in_draft)))}
    assert local == {m: ("received", produced[m]) for m in in_draft}
    assert listed == local  # the member list's card columns follow the pulled cards
    sheet = tmp_path / "ведомость.pdf"
    printed = subprocess.run(
        [sys.executable, "-m", "chairclient", "print", "handover", "--db", str(chair.db.path),
         "--org", code, "--received", "--out", str(sheet)],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)
    assert printed.returncode == 0, printed.stderr[-2000:]
    text = subprocess.run(["pdftotext", "-layout", str(sheet), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert all(number in text for number in produced.values())
    with chair.db.transaction() as session:
        issued = mark_cards(session, in_draft, "issued", date.today())
    assert sorted(issued.done) == in_draft
    assert chair.sync().rejected == 0
    with server.db.read() as session:
        statuses = set(session.scalars(select(cards.c.status).where(cards.c.request_id == draft)))
    assert statuses == {"issued"}

    # PROFCARDS: today's feed holds exactly the consented members; tomorrow's only the new one.
    today = date.today()
    feed = _feed(server, today, tmp_path / "feed")
    assert _feed_ids(feed) == _consented_on_server(server, today)
    assert {line["card_number"] for line in feed["added"]} >= set(produced.values())
    with chair.db.session() as session:
        without = session.scalars(select(Member.id).where(
            Member.org_id == chair.org_id, Member.status == "active",
            Member.has_consent.is_(False), Member.deleted.is_(False)).limit(1)).all()
    assert without, "the demo organisation has members without consent"
    with chair.db.transaction() as session:
        assert mark_consent(session, without, today).done == without
    assert chair.sync().rejected == 0
    tomorrow = today + timedelta(days=1)
    next_feed = _feed(server, tomorrow, tmp_path / "feed")
    assert _feed_ids(next_feed) == set(without)
    repeated = _feed(server, tomorrow, tmp_path / "feed")
    assert _feed_ids(repeated) == set(without)  # idempotent per date


def test_a_card_number_made_after_the_consent_was_sent_goes_as_an_update(
        make_side, server: Server, tmp_path: Path) -> None:
    chair = make_side("chair1")
    chair.sync()
    today = date.today()
    first = _feed(server, today, tmp_path / "feed")
    with chair.db.transaction() as session:
        added = add_all_eligible(session, chair.org_id)  # consented, no live card: no number
        draft = draft_request_id(session, chair.org_id)
    assert added.done and draft is not None
    assert {m: "" for m in added.done}.items() <= {
        line["member_id"]: line["card_number"] for line in first["added"]}.items()
    assert chair.sync().rejected == 0
    with chair.db.transaction() as session:
        submit_request(session, draft)
    assert chair.sync().rejected == 0
    batch = run_registry(server.db, "card-batch", "--date",
                         next_processing_date(today).isoformat())
    cards, requests = ENTITY_TABLES["card"], ENTITY_TABLES["card_request"]
    with server.db.read() as session:  # the batch numbered other organisations' cards too
        made = {member_id: number for member_id, number in session.execute(
            select(cards.c.member_id, cards.c.number).join(
                requests, requests.c.id == cards.c.request_id).where(
                requests.c.batch_id == batch["batch_id"], cards.c.status == "produced"))}
    sent_without = {line["member_id"] for line in first["added"] if not line["card_number"]}
    assert set(added.done) <= set(made) and set(added.done) <= sent_without

    following = _feed(server, today + timedelta(days=1), tmp_path / "feed")
    updated = {line["member_id"]: line["card_number"] for line in following["updated"]}
    # Every member PROFCARDS got without a number, now numbered: once, with that number.
    assert updated == {m: n for m, n in made.items() if m in sent_without}
    assert following["added"] == [] and following["withdrawn"] == []
    again = _feed(server, today + timedelta(days=2), tmp_path / "feed")
    assert again["updated"] == []  # sent once

"""Card requests on a real SQLite file: eligibility, the draft, submitting (optimistic writes and
ONE outbox command), refusals naming the members, and the workspace read."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from chairclient.db.models import Card, CardRequest, CardStatusChange, Member
from chairclient.queries.card_requests import card_workspace
from chairclient.services.card_requests import (
    NOT_IN_DRAFT,
    add_all_eligible,
    add_to_draft,
    draft_request_id,
    eligibility,
    remove_from_draft,
)
from chairclient.services.card_rules import SUBMIT_REQUEST, submit_change_id
from chairclient.services.card_submit import SubmitRefused, submit_request
from chairclient.services.undo import undo_last_step
from tests.core.bulk_world import TODAY, World, build, outbox, snapshot, steps

NOW = datetime(2025, 3, 1, 9, 30)


@pytest.fixture
def world(db) -> World:
    return build(db)


def _draft(db, world: World) -> str:
    with db.transaction() as s:
        add_to_draft(s, world.ids("ready", "ready2"))
    with db.session() as s:
        draft = draft_request_id(s, world.org)
    assert draft is not None
    return draft


def test_eligibility_gives_the_reason_of_each_member(db, world: World) -> None:
    with db.session() as s:
        found = eligibility(s, world.org)
    assert set(found.eligible) == set(world.ids("ready", "ready2"))
    reasons = {i.member_id: i.reason for i in found.ineligible}
    assert reasons == {
        world.members["no_consent"]: "нет согласия на обработку персональных данных",
        world.members["incomplete"]: "карточка заполнена не полностью",
        world.members["removed"]: "снят с учёта",
        world.members["shipped"]: "уже есть ЭПБ в статусе «ОТПРАВЛЕН В РЕГИОН»",
        world.members["shipped2"]: "уже есть ЭПБ в статусе «ОТПРАВЛЕН В РЕГИОН»",
        world.members["received"]: "уже есть ЭПБ в статусе «ПОЛУЧЕН»",
        world.members["ordered"]: "уже есть ЭПБ в статусе «ЗАКАЗАН»",
        world.members["issued"]: "уже есть ЭПБ в статусе «ВЫДАН»",
    }
    order = [i.reason for i in found.ineligible]  # what the chair can fix comes first
    assert order[0] == "карточка заполнена не полностью" and order[-1] == "снят с учёта"
    assert all(i.name.startswith("Петрова-") for i in found.ineligible)


def test_add_all_eligible_then_nobody_twice(db, world: World) -> None:
    with db.transaction() as s:
        result = add_all_eligible(s, world.org)
    assert set(result.done) == set(world.ids("ready", "ready2")) and result.skipped == []
    with db.transaction() as s:
        again = add_all_eligible(s, world.org)
    assert again.done == [] and again.step_id is None
    with db.session() as s:
        assert eligibility(s, world.org).eligible == []


def test_remove_a_line_is_a_tombstone_and_undoable(db, world: World) -> None:
    _draft(db, world)
    before = snapshot(db)
    with db.transaction() as s:
        result = remove_from_draft(s, world.ids("ready", "issued"))
    assert result.done == world.ids("ready")
    assert {x.member_id: x.reason for x in result.skipped} == {
        world.members["issued"]: NOT_IN_DRAFT}
    with db.session() as s:
        card = s.scalars(select(Card).where(Card.member_id == world.members["ready"])).one()
        assert card.deleted and s.get(Member, world.members["ready"]).card_status == "not_ordered"
        assert eligibility(s, world.org).eligible == world.ids("ready")
    last = outbox(db)[-1]
    assert (last.op, last.entity, last.entity_id, last.fields) == ("delete", "card", card.id, {})
    with db.transaction() as s:
        undo_last_step(s, result.step_id)
    assert snapshot(db) == before


def test_submit_writes_optimistically_and_queues_one_command(db, world: World) -> None:
    draft = _draft(db, world)
    queued = len(outbox(db))
    with db.transaction() as s:
        done = submit_request(s, draft, today=TODAY, now=NOW)
    assert done.processing_date == date(2025, 3, 15) and done.lines == 2
    with db.session() as s:
        request = s.get(CardRequest, draft)
        assert (request.state, request.submitted_at, request.processing_date) == (
            "submitted", NOW, date(2025, 3, 15))
        for member_id in world.ids("ready", "ready2"):
            card = s.scalars(select(Card).where(Card.member_id == member_id)).one()
            assert card.status == "ordered"
            assert s.get(Member, member_id).card_status == "ordered"
            change = s.get(CardStatusChange, submit_change_id(draft, card.id))
            assert (change.status, change.changed_at) == ("ordered", NOW)
        assert draft_request_id(s, world.org) is None  # the next add starts a new draft
    entries = outbox(db)[queued:]
    assert len(entries) == 1
    [entry] = entries
    assert (entry.op, entry.entity, entry.entity_id, entry.fields) == (
        "command", "card_request", draft, {"command": SUBMIT_REQUEST})
    assert entry.mutation_id == done.mutation_id
    assert {r["entity"] for r in entry.base["rows"]} == {"card_request", "card"}
    assert entry.base["rows"][0]["old"] == {"state": "draft", "submitted_at": None,
                                            "processing_date": None}
    assert len(entry.base["created"]) == 2

    # a second submit of the same request is refused
    with db.transaction() as s, pytest.raises(SubmitRefused, match="уже отправлена"):
        submit_request(s, draft, today=TODAY)


def test_submit_is_undoable_until_sent(db, world: World) -> None:
    draft = _draft(db, world)
    before = snapshot(db)
    with db.transaction() as s:
        done = submit_request(s, draft, today=date(2025, 3, 15), now=NOW)
    assert done.processing_date == date(2025, 4, 1)  # on the 15th: the next batch
    with db.transaction() as s:
        undo_last_step(s, done.step_id)
    assert snapshot(db) == before


def test_submit_refusals_name_the_members(db, world: World) -> None:
    draft = _draft(db, world)
    with db.transaction() as s:
        s.get(Member, world.members["ready2"]).has_consent = False  # consent revoked since
    before = snapshot(db)
    with db.transaction() as s, pytest.raises(SubmitRefused) as refused:
        submit_request(s, draft, today=TODAY)
    text = str(refused.value)
    assert "нет согласия на обработку персональных данных" in text
    with db.session() as s:
        member = s.get(Member, world.members["ready2"])
        assert f"{member.last_name} {member.first_name}" in text
    assert snapshot(db) == before

    with db.transaction() as s:
        remove_from_draft(s, world.ids("ready", "ready2"))
    with db.transaction() as s, pytest.raises(SubmitRefused, match="нет ни одного"):
        submit_request(s, draft, today=TODAY)


def test_workspace_shows_draft_past_requests_history_and_received(db, world: World) -> None:
    draft = _draft(db, world)
    with db.session() as s:
        ws = card_workspace(s, world.org, today=TODAY, regional=True)
    assert ws.draft_id == draft and ws.draft_members == set(world.ids("ready", "ready2"))
    assert (ws.next_processing, ws.expected_arrival) == (date(2025, 3, 15), date(2025, 3, 29))
    [past] = ws.requests
    assert past.state == "processed" and not past.waiting_sync
    statuses = {line.member_id: line.status for line in past.lines}
    assert statuses[world.members["issued"]] == "issued"
    assert all(line.history and line.number for line in past.lines)
    assert [line.member_id for line in ws.received] == world.ids("received")
    assert {line.status for line in ws.regional} <= {"produced", "shipped"}
    assert {line.member_id for line in ws.regional} == set(world.ids("shipped", "shipped2"))

    with db.transaction() as s:
        submit_request(s, draft, today=TODAY)
    with db.session() as s:
        ws = card_workspace(s, world.org, today=TODAY)
    assert ws.draft == [] and not ws.may_ship  # only primary organisations in this database
    waiting = [r for r in ws.requests if r.id == draft]
    assert waiting and waiting[0].waiting_sync and waiting[0].lines[0].history[-1][0] == "ordered"
    assert steps(db)  # submitted: still undoable until the sync sends it

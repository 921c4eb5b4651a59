"""Offline edits pushed, merged per field, conflicts kept, rejections kept, retries idempotent."""

from __future__ import annotations

import json

import httpx
import pytest
from sqlalchemy import func, select

from chairclient.db.models import Member, new_id
from chairclient.services import outbox as outbox_service
from chairclient.services.members import save_member
from registry.models import audit_history
from sync.protocol import Mutation
from tests.sync.conftest import BACKENDS
from tests.sync.helpers import any_member, is_push, local_member, outbox, server_member


def edit(side, member_id: str, **values) -> None:
    with side.db.transaction() as session:
        member = session.get(Member, member_id)
        save_member(session, member.org_id, values, member_id)


def test_offline_edit_reaches_the_territorial_chair(make_side, server) -> None:
    chair, terr = make_side("chair1"), make_side("territory1")
    chair.sync()
    terr.sync()
    member_id = any_member(chair.db, chair.org_id)
    edit(chair, member_id, note="Переведён на полставки")
    report = chair.sync()
    assert (report.pushed, report.applied) == (1, 1)
    assert outbox(chair.db) == []
    assert local_member(chair.db, member_id).version == server_member(server.db, member_id)[
        "version"
    ]
    terr.sync()
    assert local_member(terr.db, member_id).note == "Переведён на полставки"


@pytest.mark.parametrize("server", BACKENDS, indirect=True)
def test_two_chairs_merge_fields_and_keep_a_conflict(make_side, server) -> None:
    chair, terr = make_side("chair1"), make_side("territory1")
    chair.sync()
    terr.sync()
    member_id = any_member(chair.db, chair.org_id)
    edit(chair, member_id, phone="+79161112233", workplace="Школа № 5")
    edit(terr, member_id, phone="+79034445566", email="ivanova@example.ru")
    assert chair.sync().applied == 1
    report = terr.sync()
    assert report.conflicts == 1
    chair.sync()
    for side in (chair, terr):
        member = local_member(side.db, member_id)
        assert (member.phone, member.workplace, member.email) == (
            "+79161112233", "Школа № 5", "ivanova@example.ru"
        )
    row = server_member(server.db, member_id)
    assert (row["phone"], row["email"]) == ("+79161112233", "ivanova@example.ru")
    [entry] = outbox(terr.db, "conflict")
    details = json.loads(entry.error)
    assert details["conflicts"]["phone"]["mine"] == "+79034445566"
    assert details["conflicts"]["phone"]["server"] == "+79161112233"
    assert details["applied_fields"] == ["email"]
    assert entry.fields["phone"] == "+79034445566"  # mine is kept until a person decides
    assert outbox(chair.db) == []


@pytest.mark.parametrize("server", BACKENDS, indirect=True)
def test_a_repeated_push_applies_nothing_twice(make_side, server) -> None:
    chair = make_side("chair1")
    chair.sync()
    member_id = any_member(chair.db, chair.org_id)
    version = server_member(server.db, member_id)["version"]
    mutation = Mutation(
        mutation_id=new_id(), entity="member", entity_id=member_id, org_id=chair.org_id,
        op="update", fields={"note": "один раз"}, base={"note": None}, base_version=version,
    )
    first = chair.client.push([mutation]).results[0]
    second = chair.client.push([mutation]).results[0]
    assert first.status == "applied"
    assert (second.status, second.original_status, second.version) == (
        "duplicate", "applied", first.version
    )
    assert server_member(server.db, member_id)["version"] == version + 1
    with server.db.read() as session:
        audits = session.scalar(
            select(func.count()).select_from(audit_history)
            .where(audit_history.c.mutation_id == mutation.mutation_id)
        )
    assert audits == 1


class LoseFirstPushAnswer(httpx.HTTPTransport):
    """The server applies the first push, then the connection dies before the answer."""

    def __init__(self) -> None:
        super().__init__()
        self.lost = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if is_push(request) and not self.lost:
            self.lost += 1
            response.read()
            raise httpx.ReadError("connection reset", request=request)
        return response


@pytest.mark.parametrize("server", BACKENDS, indirect=True)
def test_a_lost_push_answer_is_retried_without_doubling(make_side, server) -> None:
    transport = LoseFirstPushAnswer()
    chair = make_side("chair1", transport=transport, backoff=0.01)
    chair.sync()
    member_id = any_member(chair.db, chair.org_id)
    version = server_member(server.db, member_id)["version"]
    edit(chair, member_id, note="после обрыва")
    report = chair.sync()
    assert transport.lost == 1 and report.applied == 1
    assert outbox(chair.db) == []
    assert server_member(server.db, member_id)["version"] == version + 1
    assert local_member(chair.db, member_id).version == version + 1


def test_a_rejected_change_stays_visible_and_does_not_block(make_side, server) -> None:
    chair = make_side("chair1")
    chair.sync()
    member_id = any_member(chair.db, chair.org_id)
    before = server_member(server.db, member_id)["email"]
    with chair.db.transaction() as session:  # a value the server's validation refuses
        member = session.get(Member, member_id)
        member.email = "не-почта"
        outbox_service.record(session, member, "update", {"email": "не-почта"},
                              {"email": before}, new_id())
    with chair.db.transaction() as session:
        other = session.scalar(
            select(Member.id).where(Member.org_id == chair.org_id, Member.id != member_id)
            .limit(1)
        )
    edit(chair, other, note="это изменение пройдёт")
    report = chair.sync()
    assert (report.rejected, report.applied) == (1, 1)
    [entry] = outbox(chair.db)
    assert entry.state == "rejected" and entry.fields == {"email": "не-почта"}
    assert any("а" <= ch <= "я" for ch in entry.error.lower())  # a Russian reason
    assert report.rejected_reasons == [entry.error]
    member = local_member(chair.db, member_id)
    assert member.email == before  # the row shows the server's value again
    assert local_member(chair.db, other).note == "это изменение пройдёт"
    assert server_member(server.db, other)["note"] == "это изменение пройдёт"
    assert chair.sync().pushed == 0  # not retried

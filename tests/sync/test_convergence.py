"""Random interleavings of offline edits, removals and restorations, closures of
organisations, syncs and network faults for two clients converge."""

from __future__ import annotations

import contextlib
import itertools
import json
from datetime import date

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from chairclient.db.models import Member, MembershipEvent, TransferRequest
from chairclient.services import bulk_lifecycle
from chairclient.services.transfer_requests import decide_transfer, request_transfer
from registry.models import ENTITY_TABLES
from sync.client import Offline
from tests.sync.closure_steps import close_a_sibling, held, held_on_server
from tests.sync.helpers import is_push, outbox, server_member, server_rows
from tests.sync.test_edits import edit

FIELDS = ("note", "workplace")
#: Lifecycle commands; the registry may refuse one the other client's made moot (removed
#: twice, restored twice): the refusal is kept visible and the local rows go back.
LIFECYCLE = ("remove", "restore")
MOOT = ("уже снят", "только снятого")
STATUS = ("status", "removed_on", "removal_reason")
VALUES = ("А", "Б", "В")
_run = itertools.count()


class FaultyTransport(httpx.HTTPTransport):
    """``mode``: None; "lose" drops the next push answer after the server applied it;
    "down" refuses every connection."""

    def __init__(self) -> None:
        super().__init__()
        self.mode: str | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.mode == "down":
            raise httpx.ConnectError("refused", request=request)
        response = super().handle_request(request)
        if self.mode == "lose" and is_push(request):
            self.mode = None
            response.read()
            raise httpx.ReadError("reset", request=request)
        return response


step = st.tuples(
    st.integers(0, 1),
    st.sampled_from(["edit", "edit", "sync", "lose", "down", "remove", "restore", "close"]),
    st.integers(0, 2),
    st.sampled_from(FIELDS),
    st.sampled_from(VALUES),
)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=st.lists(step, min_size=1, max_size=12))
def test_two_clients_converge(make_side, server, steps) -> None:
    n = next(_run)
    transports = [FaultyTransport(), FaultyTransport()]
    sides = [
        make_side(login, name=f"{login}-{n}", transport=t, retries=1, backoff=0)
        for login, t in zip(("chair1", "territory1"), transports, strict=True)
    ]
    for side in sides:
        side.sync()
    with sides[0].db.transaction() as session:
        members = list(session.scalars(
            select(Member.id).where(Member.org_id == sides[0].org_id).order_by(Member.id).limit(3)
        ))
    written: dict[tuple[str, str], set[object]] = {}
    for who, action, m, field, value in steps:
        side, transport = sides[who], transports[who]
        if action in LIFECYCLE:
            with side.db.transaction() as session:
                if action == "remove":
                    bulk_lifecycle.remove_members(session, [members[m]], "voluntary", date.today())
                else:
                    bulk_lifecycle.restore_members(session, [members[m]], date.today())
            continue
        if action == "close":  # the territorial chair closes another primary organisation
            close_a_sibling(sides[1], keep=sides[0].org_id, merge=value != VALUES[0])
            continue
        if action == "edit":
            text = f"{value}{who}"
            edit(side, members[m], **{field: text})
            written.setdefault((members[m], field), set()).add(text)
            continue
        transport.mode = None if action == "sync" else action
        with contextlib.suppress(Offline):
            side.sync()
        transport.mode = None
    for side in (*sides, sides[0]):
        side.sync()
    for member_id, field in itertools.product(members, FIELDS):
        on_server = server_member(server.db, member_id)[field]
        for side in sides:
            with side.db.transaction() as session:
                assert getattr(session.get(Member, member_id), field) == on_server
        # Nothing lost: every value written is on the server or kept in a conflict entry
        # (or was replaced by a later edit on the same client).
        kept = {on_server}
        for side in sides:
            for entry in outbox(side.db, "conflict"):
                if entry.entity_id == member_id and field in entry.fields:
                    kept.add(entry.fields[field])
                    assert field in json.loads(entry.error)["conflicts"]
        assert written.get((member_id, field), set()) & kept or not written.get(
            (member_id, field)
        )
    events = ENTITY_TABLES["membership_event"]
    for member_id in members:
        row = server_member(server.db, member_id)
        with server.db.read() as session:
            history = set(session.execute(select(events.c.id, events.c.kind).where(
                events.c.member_id == member_id, events.c.deleted.is_(False))).all())
        for side in sides:
            with side.db.transaction() as session:
                local = session.get(Member, member_id)
                assert tuple(getattr(local, k) for k in STATUS) == tuple(row[k] for k in STATUS)
                assert set(session.execute(select(MembershipEvent.id, MembershipEvent.kind).where(
                    MembershipEvent.member_id == member_id,
                    MembershipEvent.deleted.is_(False))).all()) == history
    for side in sides:
        assert outbox(side.db, "pending") == []
        for entry in outbox(side.db, "rejected"):  # only a command the other made moot
            assert entry.op == "command" and any(m in (entry.error or "") for m in MOOT)
        assert held(side) == held_on_server(server, side.login)


#: Reasons a transfer step may be refused when two sides acted offline on one request or
#: member (the second decision, an edit of a member who has left): the loser is undone locally.
_RACE_REASONS = ("уже рассмотрен", "Запись не найдена", "уже не состоит", "ждёт решения")

transfer_step = st.tuples(
    st.integers(0, 2),
    st.sampled_from(["request", "request", "accept", "decline", "edit", "sync", "sync",
                     "lose", "down"]),
    st.integers(0, 2),
)


def _local_requests(client, **where) -> list[TransferRequest]:
    with client.db.transaction() as session:
        query = select(TransferRequest).where(TransferRequest.deleted.is_(False))
        for name, value in where.items():
            query = query.where(getattr(TransferRequest, name) == value)
        found = list(session.scalars(query))
        session.expunge_all()
        return found


def _request(receiver, member_id: str, snils: str) -> None:
    if any(r.state in ("pending", "accepted") and r.person_label == member_id
           for r in _local_requests(receiver)):
        return
    try:
        matches = receiver.client.find_member(snils=snils)
    except Offline:
        return
    match = next((m for m in matches if m.requestable), None)
    if match is None:
        return
    with receiver.db.transaction() as session:
        request_transfer(session, receiver.org_id, match.handle, date.today(),
                         other_org_id=match.org_id, other_org_name=match.org_name,
                         other_org_code=match.org_code, person_label=member_id)


def _decide(side, member_id: str, accept: bool) -> None:
    for copy in _local_requests(side, member_id=member_id, side="sender", state="pending"):
        with side.db.transaction() as session:
            decide_transfer(session, copy.id, accept, None if accept else "Нет")
        return


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=st.lists(transfer_step, min_size=1, max_size=14))
def test_transfers_converge_across_three_clients(make_side, server, steps) -> None:
    """The receiving chair asks for the sender's members, the sending chair and its
    territorial chair decide offline (sometimes both), edits go on, pushes get lost: in the
    end every client agrees with the registry on where each member is and on each request."""
    n = next(_run)
    transports = [FaultyTransport() for _ in range(3)]
    sides = [
        make_side(login, name=f"{login}-t{n}", transport=t, retries=1, backoff=0)
        for login, t in zip(("chair1", "territory1", "chair3"), transports, strict=True)
    ]
    for side in sides:
        side.sync()
    sender, receiver = sides[0], sides[2]
    with sender.db.transaction() as session:
        people = list(session.execute(
            select(Member.id, Member.snils).where(
                Member.org_id == sender.org_id, Member.status == "active",
                Member.snils.is_not(None)).order_by(Member.id).limit(3)))
    for who, action, m in steps:
        side, transport = sides[who], transports[who]
        member_id, snils = people[m]
        if action == "request":
            _request(receiver, member_id, snils)
        elif action in ("accept", "decline"):
            _decide(sides[min(who, 1)], member_id, action == "accept")
        elif action == "edit" and who < 2:
            with side.db.transaction() as session:
                here = session.get(Member, member_id)
                if here is None or here.deleted:
                    continue
            edit(side, member_id, note=f"Правка {who}")
        else:
            transport.mode = None if action in ("sync", "edit") else action
            with contextlib.suppress(Offline):
                side.sync()
            transport.mode = None
    for side in (*sides, *sides):
        side.sync()
    for member_id, _snils in people:
        on_server = server_member(server.db, member_id)
        assert on_server["org_id"] in (sender.org_id, receiver.org_id)
        for side in sides:
            with side.db.transaction() as session:
                here = session.get(Member, member_id)
                visible = on_server["org_id"] == receiver.org_id if side is receiver \
                    else on_server["org_id"] == sender.org_id
                assert (here is not None and not here.deleted) == visible, side.login
                if visible:
                    assert (here.org_id, here.note) == (on_server["org_id"], on_server["note"])
    for side in sides:
        orgs = [receiver.org_id] if side is receiver else [sender.org_id]
        registry = {r["id"]: (r["state"], r["member_id"])
                    for r in server_rows(server.db, "transfer_request", org_id=orgs)}
        local = {r.id: (r.state, r.member_id) for r in _local_requests(side)}
        assert local == registry, side.login
        assert outbox(side.db, "pending") == []
        for entry in outbox(side.db, "rejected"):
            assert any(reason in (entry.error or "") for reason in _RACE_REASONS), entry.error

"""Random interleavings of offline edits, syncs and network faults for two clients converge."""

from __future__ import annotations

import contextlib
import itertools
import json

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from chairclient.db.models import Member
from sync.client import Offline
from tests.sync.helpers import is_push, outbox, server_member
from tests.sync.test_edits import edit

FIELDS = ("note", "workplace")
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
    st.sampled_from(["edit", "edit", "sync", "lose", "down"]),
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
    for side in sides:
        assert outbox(side.db, "pending") == [] and outbox(side.db, "rejected") == []

"""A sync costs as few round trips as the outbox allows: a usual one is a single exchange."""

from __future__ import annotations

import json

import httpx

from chairclient.services.members import save_member
from tests.sync.helpers import any_member, local_member, outbox, server_member
from tests.sync.test_edits import edit


class Recorder(httpx.HTTPTransport):
    """Passes every request on and notes its path and body."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[tuple[str, dict]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content) if request.content else {}
        self.sent.append((request.url.path.removeprefix("/api/v1"), body))
        return super().handle_request(request)


def test_a_usual_sync_is_one_request(make_side, server) -> None:
    recorder = Recorder()
    chair, other = make_side("chair1", transport=recorder), make_side("chair1", name="other")
    chair.sync()
    other.sync()
    mine, theirs = any_member(chair.db, chair.org_id), any_member(other.db, other.org_id, 1)
    edit(chair, mine, note="моя правка")
    edit(other, theirs, note="правка с другого компьютера")
    other.sync()
    recorder.sent.clear()
    report = chair.sync()
    assert [path for path, _ in recorder.sent] == ["/sync/exchange"]
    body = recorder.sent[0][1]
    assert len(body["mutations"]) == 1 and body["cursors"]
    assert (report.applied, report.orgs_redownloaded) == (1, [])
    assert local_member(chair.db, theirs).note == "правка с другого компьютера"
    assert server_member(server.db, mine)["note"] == "моя правка"


def test_a_long_outbox_goes_in_batches_and_only_the_last_asks_for_news(
    make_side, server
) -> None:
    from sync.push import BATCH

    recorder = Recorder()
    chair = make_side("chair1", transport=recorder)
    chair.sync()
    edits = BATCH + 7
    with chair.db.transaction() as session:  # new cards: each its own outbox entry
        for n in range(edits):
            letters = "".join("абвгдежзик"[int(d)] for d in str(n))
            save_member(session, chair.org_id, {"last_name": f"Пакетова-{letters}",
                                                "first_name": "Ольга"})
    pending = len(outbox(chair.db, "pending"))  # a new card is a few entries (its events)
    full, rest = divmod(pending, BATCH)
    assert full >= 2 and rest
    recorder.sent.clear()
    report = chair.sync()
    bodies = [body for path, body in recorder.sent if path == "/sync/exchange"]
    assert [len(b["mutations"]) for b in bodies] == [BATCH] * full + [rest]
    assert [b["cursors"] is not None for b in bodies] == [False] * full + [True]
    assert [path for path, _ in recorder.sent] == ["/sync/exchange"] * (full + 1)
    assert report.applied == pending and outbox(chair.db) == []
    assert report.orgs_redownloaded == []


def test_a_first_download_announces_its_total(make_side, server) -> None:
    seen: list[tuple[str, int]] = []
    chair = make_side("territory1")
    chair.engine.on_progress = lambda phase, done: seen.append((phase, done))
    report = chair.sync()
    totals = [done for phase, done in seen if phase == "total"]
    counts = chair.client.meta().counts
    assert totals == [sum(sum(per.values()) for per in counts.values())]
    assert report.pulled >= totals[0] > 0
    assert seen[-1] == ("pull", report.pulled)

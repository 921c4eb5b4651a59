"""The client's page models read exactly the JSON the server's protocol models describe."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from sync.pages import ExchangeAnswer, PulledPage, PulledRun, read_answer, read_page
from sync.protocol import ExchangeResponse, PullResponse
from sync.protocol_runs import ChangeRun, changes_of

ORG, MEMBER = "o", "m"


def test_same_fields_as_the_protocol() -> None:
    assert set(PulledRun.__annotations__) == set(ChangeRun.model_fields)
    assert set(PulledPage.model_fields) == set(PullResponse.model_fields)
    assert set(ExchangeAnswer.model_fields) == set(ExchangeResponse.model_fields)


def test_the_documented_example_reads_the_same() -> None:
    example = ExchangeResponse.model_config["json_schema_extra"]["examples"][0]
    raw = json.dumps(example)
    server = ExchangeResponse.model_validate_json(raw)
    client = ExchangeAnswer.model_validate_json(raw)
    assert client.page is not None and server.page is not None
    assert changes_of(client.page.runs) == changes_of(server.page.runs)
    assert [c["deleted"] for c in changes_of(client.page.runs)] == [False, True]
    assert client.page.size == 2
    assert client.page.cursors == server.page.cursors
    assert client.server_time == server.server_time
    read = read_answer(raw.encode())
    assert read == client and read.page is not None and read.page.runs == client.page.runs
    page = json.dumps(example["page"]).encode()
    assert read_page(page) == PulledPage.model_validate_json(page) == client.page


def _page(*runs: dict) -> str:
    return json.dumps({"runs": list(runs), "cursors": {ORG: 1},
                       "server_time": "2025-03-01T09:00:02Z"})


LIVE = ["id", "org_id", "version", "last_name"]


@pytest.mark.parametrize("run", [
    {"entity": "member", "columns": LIVE, "rows": [[MEMBER, ORG, 1]]},  # a value short
    {"entity": "member", "columns": LIVE, "rows": [[MEMBER, ORG, 1, "Иванова", "лишнее"]]},
    {"entity": "member", "columns": LIVE, "rows": [[7, ORG, 1, "Иванова"]]},  # id not text
    {"entity": "member", "columns": LIVE, "rows": [[MEMBER, None, 1, "Иванова"]]},
    {"entity": "member", "columns": LIVE, "rows": [[MEMBER, ORG, "первая", "Иванова"]]},
    {"entity": "member", "columns": LIVE, "rows": [[MEMBER, ORG, True, "Иванова"]]},
    {"entity": "member", "columns": ["org_id", "id", "version"], "rows": [[ORG, MEMBER, 1]]},
    {"entity": "member", "columns": LIVE, "rows": [{"id": MEMBER}]},  # an object, not a row
    {"columns": LIVE, "rows": [[MEMBER, ORG, 1, "Иванова"]]},  # no entity
    {"entity": "member", "deleted": "нет", "columns": LIVE, "rows": []},
    {"entity": "member", "columns": [*LIVE[:3], 4], "rows": [[MEMBER, ORG, 1, "Иванова"]]},
    {"entity": "member", "columns": LIVE, "rows": "[[]]"},
    "run",
])
def test_a_malformed_run_refuses_the_whole_page(run: dict) -> None:
    good = {"entity": "member", "columns": LIVE, "rows": [[MEMBER, ORG, 1, "Иванова"]]}
    assert read_page(_page(good).encode()) == PulledPage.model_validate_json(_page(good))
    with pytest.raises(ValidationError):
        PulledPage.model_validate_json(_page(good, run))
    with pytest.raises(ValueError):
        read_page(_page(good, run).encode())
    answer = '{"page": %s, "server_time": "2025-03-01T09:00:02Z"}'
    read_answer((answer % _page(good)).encode())
    with pytest.raises(ValueError):
        read_answer((answer % _page(good, run)).encode())


@pytest.mark.parametrize("raw", [
    b"", b"{", b"[]", b'{"page": {"cursors": {}, "server_time": "2025-03-01T09:00:02Z"},'
                       b' "server_time": "2025-03-01T09:00:02Z"}',  # a page without runs
    b'{"page": {"runs": {}, "cursors": {}, "server_time": "2025-03-01T09:00:02Z"},'
    b' "server_time": "2025-03-01T09:00:02Z"}',
])
def test_a_malformed_answer_is_refused(raw: bytes) -> None:
    with pytest.raises(ValueError):
        read_answer(raw)

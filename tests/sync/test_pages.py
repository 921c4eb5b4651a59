"""The client's page models read exactly the JSON the server's protocol models describe."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from sync.pages import ExchangeAnswer, PulledChange, PulledPage
from sync.protocol import Change, ExchangeResponse, PullResponse


def test_same_fields_as_the_protocol() -> None:
    assert set(PulledChange.__annotations__) == set(Change.model_fields)
    assert set(PulledPage.model_fields) == set(PullResponse.model_fields)
    assert set(ExchangeAnswer.model_fields) == set(ExchangeResponse.model_fields)


def test_the_documented_example_reads_the_same() -> None:
    example = ExchangeResponse.model_config["json_schema_extra"]["examples"][0]
    raw = json.dumps(example)
    server = ExchangeResponse.model_validate_json(raw)
    client = ExchangeAnswer.model_validate_json(raw)
    assert client.page is not None and server.page is not None
    assert client.page.changes == [c.model_dump() for c in server.page.changes]
    assert client.page.cursors == server.page.cursors
    assert client.server_time == server.server_time


@pytest.mark.parametrize("change", [
    {"entity": "member", "org_id": "o", "seq": 1, "version": 1},  # no id
    {"entity": "member", "id": "m", "org_id": "o", "seq": 1, "version": "первая"},
    {"entity": "member", "id": "m", "org_id": "o", "seq": 1, "version": 1, "row": []},
])
def test_a_malformed_change_refuses_the_whole_page(change: dict) -> None:
    page = {"changes": [change], "cursors": {"o": 1}, "server_time": "2025-03-01T09:00:02Z"}
    with pytest.raises(ValidationError):
        PulledPage.model_validate_json(json.dumps(page))

"""The page PostgreSQL renders as JSON (``registry.pull_pg``) equals the one built in Python."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from pydantic_core import to_json

from registry.auth import find_user_id
from registry.db import Database
from registry.pull import pull_json, pull_page
from registry.scope import compute_scope
from sync.protocol import PullRequest
from sync.protocol_runs import changes_of
from tests.registry.helpers import Api, create, delete, update
from tests.registry.world import World, member_values, new_id


def _same_value(a: Any, b: Any) -> bool:
    """Equal, or the same moment written with fewer digits of the second's fraction."""
    if a == b:
        return True
    try:
        return datetime.fromisoformat(a) == datetime.fromisoformat(b)
    except (TypeError, ValueError):
        return False


def _pages(db: Database, login: str, cursors: dict[str, int], limit: int):
    with db.read() as session:
        scope = compute_scope(session, find_user_id(session, login))
        request = PullRequest(cursors=cursors, limit=limit)
        rendered = json.loads(pull_json(session, scope, request))
        built = json.loads(to_json(pull_page(session, scope, request)))
    return rendered, built


def _shape(run: dict) -> tuple:
    """A run but its values: entity, kind, columns and how many rows."""
    return run["entity"], run["deleted"], run["columns"], len(run["rows"])


def test_rendered_and_built_pages_agree(api: Api, world: World, db: Database) -> None:
    org, other = world.orgs["P1a"], world.orgs["P1b"]
    ids = [new_id() for _ in range(5)]
    api.push("chair1a", *(create("member", i, org, member_values()) for i in ids))
    api.push("chair1a", update("member", ids[0], org, {"phone": "+79037778899"},
                               {"phone": "+79161234567"}))
    api.push("chair1a", delete("member", ids[1], org))
    api.push("terr1", update("organisation", other, other, {"short_name": "ППО «Ёлочка»\n"},
                             {"short_name": "Орг P1b"}))
    login = world.logins["terr1"]
    cursors: dict[str, int] = {}
    seen = 0
    while True:
        rendered, built = _pages(db, login, cursors, limit=4)
        assert rendered["server_time"].endswith("Z")
        for key in ("cursors", "added", "revoked", "reset_required", "more"):
            assert rendered[key] == built[key], key
        assert [_shape(run) for run in rendered["runs"]] == [_shape(run) for run in built["runs"]]
        for mine, theirs in zip(changes_of(rendered["runs"]), changes_of(built["runs"]),
                                strict=True):
            row, expected = mine.pop("row"), theirs.pop("row")
            assert mine == theirs
            assert (row is None) == (expected is None)
            if row is not None:
                assert row.keys() == expected.keys()
                assert all(_same_value(row[k], expected[k]) for k in row), (row, expected)
        seen += len(changes_of(rendered["runs"]))
        cursors = rendered["cursors"]
        if not rendered["more"]:
            break
    assert seen >= 8


def test_values_bound_in_the_text_give_the_same_runs(api: Api, world: World, db: Database
                                                      ) -> None:
    """A range that could hold more than a page is read with its values bound into the
    statement text, a shorter one with a prepared statement: both read the same entries."""
    if db.engine.dialect.name != "postgresql":
        return  # the rendering statement is PostgreSQL's
    from registry.changelog import counters
    from registry.pull_pg import changes_after

    org = world.orgs["P1a"]
    api.push("chair1a", *(create("member", new_id(), org, member_values()) for _ in range(3)),
             delete("member", world.members["P1a"], org))
    with db.read() as session:
        hwm, _ = counters(session)
        orgs = sorted(compute_scope(session, find_user_id(session, world.logins["terr1"]))
                      .org_ids)
        whole = changes_after(session, orgs, 0, hwm, hwm)  # fits in a page: prepared
        short = changes_after(session, orgs, 0, hwm, whole.count - 1)  # more: bound in text
    assert not whole.more and short.more and short.count == whole.count - 1
    every = changes_of(json.loads(b"[" + whole.items[0] + b"]"))
    first = changes_of(json.loads(b"[" + short.items[0] + b"]"))
    assert first == every[:-1] and len(every) >= 5
    assert any(change["deleted"] for change in every)

"""Bad input on every endpoint that takes a body: malformed JSON, wrong types, unknown fields,
bodies over the limit (declared or chunked), text no database can store, SQL-looking strings.

Every answer is a clear 4xx with a Russian ``detail``; a refused request changes nothing in the
database (compared table by table, row by row); accepted SQL-looking text is stored verbatim.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import String, Text, select

from registry.body import MAX_BODY_BYTES
from registry.db import Database
from registry.models import (
    LOCAL_ONLY_COLUMNS,
    SYSTEM_COLUMNS,
    applied_mutations,
    members,
    server_metadata,
)
from registry.wire import wire_value
from tests.registry.helpers import Api, create, update
from tests.registry.world import World, member_values, new_id

CYRILLIC = re.compile("[А-Яа-яЁё]")
#: Every endpoint with a body, and whether it needs the access token.
BODY_ENDPOINTS = [
    ("/api/v1/auth/login", False),
    ("/api/v1/auth/refresh", False),
    ("/api/v1/auth/logout", False),
    ("/api/v1/auth/change-password", True),
    ("/api/v1/sync/pull", True),
    ("/api/v1/sync/push", True),
    ("/api/v1/members/lookup", True),
]
SQL_LIKE = ["'); DROP TABLE members;--", "' OR '1'='1'; DELETE FROM users; --"]
#: Member columns that hold text and travel in a push.
TEXT_FIELDS = [
    c.key for c in members.columns
    if isinstance(c.type, String | Text) and c.key not in SYSTEM_COLUMNS | LOCAL_ONLY_COLUMNS
]


Dump = dict[str, dict[str, str]]


def dump(db: Database) -> Dump:
    """Every row of every registry table, by primary key (the record of refused mutations
    aside: a refusal is remembered so that a retry gets the same answer)."""
    tables: Dump = {}
    with db.read() as session:
        for table in server_metadata.sorted_tables:
            query = select(table)
            if table is applied_mutations:
                query = query.where(applied_mutations.c.status != "rejected")
            keys = [c.key for c in table.primary_key.columns]
            tables[table.name] = {
                repr([row[k] for k in keys]): repr(tuple(row.values()))
                for row in session.execute(query).mappings()
            }
    return tables


def changed_tables(before: Dump, after: Dump) -> set[str]:
    return {name for name in before if before[name] != after[name]}


def changed_rows(before: Dump, after: Dump, table: str) -> set[str]:
    old, new = before[table], after[table]
    return {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}


def assert_clear_refusal(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert isinstance(body["detail"], str) and CYRILLIC.search(body["detail"]), body
    return body


@pytest.fixture
def post(api: Api) -> Iterator[Any]:
    """``post(path, content=…, json=…)`` with the access token where the endpoint needs it."""
    token = api.headers("chair1a")

    def send(path: str, **kwargs: Any) -> httpx.Response:
        needs_token = dict(BODY_ENDPOINTS)[path]
        headers = {**(token if needs_token else {}), **kwargs.pop("headers", {})}
        return api.http.post(path, headers=headers, **kwargs)

    yield send


def _raw(text: str | bytes) -> dict[str, Any]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return {"content": data, "headers": {"Content-Type": "application/json"}}


MALFORMED = {
    "not JSON": _raw("{not json"),
    "empty": _raw(b""),
    "not UTF-8": _raw(b'{"login": "\xff\xfe"}'),
    "nested too deep": _raw("[" * 20000 + "]" * 20000),
    "an array": _raw("[]"),
    "null": _raw("null"),
    "a number": _raw("42"),
    "plain text": {"content": b"login=a&password=b", "headers": {"Content-Type": "text/plain"}},
}


@pytest.mark.parametrize("path", [path for path, _ in BODY_ENDPOINTS])
def test_malformed_bodies_are_422_in_russian(post, db: Database, path: str) -> None:
    before = dump(db)
    for name, request in MALFORMED.items():
        body = assert_clear_refusal(post(path, **request), 422)
        assert body["detail"].startswith("Неверный формат запроса"), (name, body)
        assert body["errors"], name
    assert not changed_tables(before, dump(db))


WRONG = [
    ("/api/v1/auth/login", {"login": 5, "password": "x"}, "поле «login»: ожидается строка"),
    ("/api/v1/auth/login", {"login": "a"}, "поле «password»: обязательное поле не указано"),
    ("/api/v1/auth/login", {"login": "a", "password": "b", "remember": True},
     "неизвестное поле «remember»"),
    ("/api/v1/auth/refresh", {"refresh_token": ["r1.x"]}, "поле «refresh_token»"),
    ("/api/v1/auth/logout", {"refresh_token": "r1.x", "all": True}, "неизвестное поле «all»"),
    ("/api/v1/auth/change-password", {"old_password": "x", "new_password": 12345678},
     "поле «new_password»: ожидается строка"),
    ("/api/v1/sync/pull", {"limit": True}, "поле «limit»: ожидается целое число"),
    ("/api/v1/sync/pull", {"limit": "10"}, "поле «limit»: ожидается целое число"),
    ("/api/v1/sync/pull", {"limit": 0}, "поле «limit»: не меньше 1"),
    ("/api/v1/sync/pull", {"cursors": {"x": 1.5}}, "поле «cursors.x»: ожидается целое число"),
    ("/api/v1/sync/pull", {"cursors": [1]}, "поле «cursors»: ожидается объект"),
    ("/api/v1/sync/pull", {"cursor": {}}, "неизвестное поле «cursor»"),
    ("/api/v1/sync/pull", {"cursors": {"x" * 37: 0}}, "(ключ)»: не длиннее 36 символов"),
    ("/api/v1/sync/push", {"mutations": "x"}, "поле «mutations»: ожидается список"),
    ("/api/v1/sync/push", {"mutations": [], "extra": 1}, "неизвестное поле «extra»"),
    ("/api/v1/members/lookup", {"queries": [{"snils": 1}]}, "поле «queries[0].snils»"),
]


@pytest.mark.parametrize(
    ("path", "body", "says"), WRONG, ids=[f"{w[0].rsplit('/', 1)[1]}-{n}" for n, w in enumerate(WRONG)]
)
def test_wrong_types_and_unknown_fields_name_the_field(
    post, db: Database, path: str, body: dict[str, Any], says: str
) -> None:
    before = dump(db)
    answer = assert_clear_refusal(post(path, json=body), 422)
    assert says in answer["detail"], answer
    assert not changed_tables(before, dump(db))


def test_mutation_fields_are_checked_one_by_one(post, world: World, db: Database) -> None:
    """A wrong op, base_version or an unknown key inside a mutation names that mutation."""
    good = update("member", world.members["P1a"], world.orgs["P1a"], {"note": "x"}, {})
    deep: list[Any] = []
    for _ in range(500):
        deep = [deep]
    before = dump(db)
    for change, says in [
        ({"op": "rename"}, "поле «mutations[1].op»: допустимые значения: 'create'"),
        ({"base_version": -1}, "поле «mutations[1].base_version»: не меньше 0"),
        ({"base_version": True}, "поле «mutations[1].base_version»: ожидается целое число"),
        ({"comment": "?"}, "неизвестное поле «mutations[1].comment»"),
        ({"fields": ["note"]}, "поле «mutations[1].fields»: ожидается объект"),
        # PostgreSQL refuses NaN in JSON, and nothing reads 1e400 back: both were 500s.
        ({"base": {"note": float("nan")}}, "поле «mutations[1].base»: NaN и Infinity — не числа"),
        ({"fields": {"note": float("-inf")}}, "поле «mutations[1].fields»: NaN и Infinity"),
        # Nested too deep for the answer to be written back: was a 500.
        ({"base": {"note": deep}}, "поле «mutations[1].base»: вложенность списков и объектов"),
    ]:
        bad = {**good, "mutation_id": new_id(), **change}
        raw = _raw(json.dumps({"mutations": [good, bad]}))  # NaN as JavaScript would send it
        answer = assert_clear_refusal(post("/api/v1/sync/push", **raw), 422)
        assert says in answer["detail"], answer
    assert not changed_tables(before, dump(db))  # not even the good mutation next to it


def test_bodies_over_the_limit_are_413_with_or_without_content_length(
    post, world: World, db: Database
) -> None:
    before = dump(db)
    big = b'{"mutations": [' + b" " * (MAX_BODY_BYTES + 10) + b"]}"
    declared = post("/api/v1/sync/push", **_raw(big))
    assert "Слишком большой запрос" in assert_clear_refusal(declared, 413)["detail"]

    def chunks(data: bytes, size: int = 64 * 1024) -> Iterator[bytes]:
        for start in range(0, len(data), size):
            yield data[start:start + size]

    for path, _ in BODY_ENDPOINTS:
        chunked = post(path, content=chunks(big), headers={"Content-Type": "application/json"})
        assert "content-length" not in chunked.request.headers
        assert chunked.request.headers["transfer-encoding"] == "chunked"
        assert "Слишком большой запрос" in assert_clear_refusal(chunked, 413)["detail"]
    assert not changed_tables(before, dump(db))

    # A chunked body within the limit reaches the application whole.
    mutation = update("member", world.members["P1a"], world.orgs["P1a"],
                      {"note": "чанками"}, {"note": None})
    payload = json.dumps({"mutations": [mutation]}, ensure_ascii=False).encode("utf-8")
    small = post("/api/v1/sync/push", content=chunks(payload, 7),
                 headers={"Content-Type": "application/json"})
    assert small.status_code == 200, small.text
    assert small.json()["results"][0]["status"] == "applied"


@pytest.mark.parametrize(
    ("path", "body", "where"),
    [
        ("/api/v1/auth/login", {"login": "chair\x00", "password": "x"}, "поле «login»"),
        ("/api/v1/auth/login", {"login": "\ud800", "password": "x"}, "поле «login»"),
        ("/api/v1/auth/refresh", {"refresh_token": "r1.\x00"}, "поле «refresh_token»"),
        ("/api/v1/sync/pull", {"cursors": {"\x00": 0}}, "поле «cursors»"),
        ("/api/v1/sync/push", {"mutations": [{"mutation_id": "a\x00"}]},
         "поле «mutations[0].mutation_id»"),
        ("/api/v1/sync/push", {"mutations": [{"fields": {"note": ["\udfff"]}}]},
         "поле «mutations[0].fields.note[0]»"),
        ("/api/v1/members/lookup", {"queries": [{"last_name": "\x00"}]},
         "поле «queries[0].last_name»"),
    ],
    ids=["login-nul", "login-surrogate", "refresh-nul", "pull-key-nul", "push-id-nul",
         "push-field-surrogate", "lookup-nul"],
)
def test_text_no_database_can_store_is_refused(
    post, db: Database, path: str, body: dict[str, Any], where: str
) -> None:
    """NUL (PostgreSQL cannot store it) and half a surrogate pair: 422, never a 500."""
    before = dump(db)
    answer = assert_clear_refusal(post(path, **_raw(json.dumps(body))), 422)
    assert answer["detail"].startswith(f"Неверный формат запроса: {where}: недопустимый символ")
    assert not changed_tables(before, dump(db))


def test_escaped_backslashes_and_emoji_are_ordinary_text(api: Api, world: World, db) -> None:
    member_id, org = world.members["P1a"], world.orgs["P1a"]
    text = "\\u0000 и \\ud800 — просто текст 😀"
    mutation = update("member", member_id, org, {"note": text}, {"note": _value(db, member_id,
                                                                               "note")})
    raw = json.dumps({"mutations": [mutation]}).encode("ascii")  # 😀 as a surrogate pair escape
    answer = api.http.post("/api/v1/sync/push", content=raw, headers={
        **api.headers("chair1a"), "Content-Type": "application/json"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["results"][0]["status"] == "applied"
    assert _value(db, member_id, "note") == text


def _value(db: Database, member_id: str, field: str) -> Any:
    with db.read() as session:
        return wire_value(session.scalar(select(members.c[field]).where(members.c.id == member_id)))


def test_sql_like_text_in_every_member_field(api: Api, world: World, db: Database) -> None:
    """Each text field of a member pushed with SQL-looking text: stored exactly as sent, or
    refused with a Russian reason and nothing at all changed."""
    member_id, org = world.members["P1a"], world.orgs["P1a"]
    api.headers("chair1a")  # log in first: the session's refresh token is not part of the test
    stored: dict[str, str] = {}
    refused: dict[str, str] = {}
    for field in TEXT_FIELDS:
        for text in SQL_LIKE:
            before = dump(db)
            mutation = update("member", member_id, org, {field: text},
                              {field: _value(db, member_id, field)})
            result = api.push("chair1a", mutation)[0]
            after = dump(db)
            if result["status"] == "applied":
                assert _value(db, member_id, field) == text
                assert changed_tables(before, after) <= {
                    "members", "change_log", "audit_history", "applied_mutations",
                    "server_counters"}  # the change sequence
                assert changed_rows(before, after, "members") == {repr([member_id])}
                stored[field] = text
            else:
                assert result["status"] == "rejected", result
                assert CYRILLIC.search(result["reason"]), result
                assert not changed_tables(before, after), (field, result)
                refused[field] = result["reason"]
    assert {"note", "workplace", "address"} <= set(stored), refused  # free text is text
    changes, _, _ = api.pull_all("chair1a")
    row = next(c["row"] for c in changes if c["id"] == member_id)
    assert {field: row[field] for field in stored} == stored


def test_sql_like_ids_and_logins_change_nothing(api: Api, world: World, db: Database) -> None:
    api.headers("chair1a")
    before = dump(db)
    for text in SQL_LIKE:
        answer = api.http.post("/api/v1/auth/login", json={"login": text, "password": text})
        assert_clear_refusal(answer, 401)
        mutations = [
            update("member", text[:36], world.orgs["P1a"], {"note": "x"}, {}),
            create("member", new_id(), text[:36], member_values()),
            {**update("member", world.members["P1a"], world.orgs["P1a"], {"note": "x"}, {}),
             "entity": text[:40]},
            update("member", world.members["P1a"], world.orgs["P1a"], {text[:40]: "x"}, {}),
        ]
        results = api.push("chair1a", *mutations)
        assert [r["status"] for r in results] == ["rejected"] * len(mutations), results
        assert all(CYRILLIC.search(r["reason"]) for r in results), results
    # Only the wrong-password counters moved: each SQL-like login counted as the text it is.
    after = dump(db)
    assert changed_tables(before, after) <= {"sign_in_failures", "sign_in_rate"}
    counted = {ast.literal_eval(key)[1] for key in changed_rows(before, after, "sign_in_failures")}
    assert {text.strip().casefold() for text in SQL_LIKE} <= counted | {""}


def test_framework_errors_are_russian(anon: Api) -> None:
    assert_clear_refusal(anon.http.get("/api/v1/no-such-thing"), 404)
    assert_clear_refusal(anon.http.get("/api/v1/sync/push"), 405)

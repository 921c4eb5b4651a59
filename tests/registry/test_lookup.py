"""``POST /api/v1/members/lookup``: the whole registry searched, the minimum answered, audited,
rate-limited; bad input is a clear Russian 4xx."""

from __future__ import annotations

from sqlalchemy import func, select

from registry import lookup as lookup_module
from registry.auth import create_user, find_user_id
from registry.models import lookup_handles, member_lookups
from tests.registry.helpers import Api
from tests.registry.transfer_helpers import add_person, lookup
from tests.registry.world import PASSWORD, World

MATCH_KEYS = {"handle", "org_id", "org_name", "org_code", "matched_by", "in_scope",
              "transferable", "requestable"}


def test_finds_a_member_anywhere_and_answers_only_where(api: Api, world: World, db) -> None:
    person = add_person(db, world, "P1a")
    gone = add_person(db, world, "P2", status="removed", removed_on="2024-01-10",
                      removal_reason="voluntary")
    by_name = {"last_name": person["last_name"].upper().replace("Е", "Ё"),
               "first_name": "анна", "birth_date": person["birth_date"]}
    answer = lookup(api, "chair3", {"snils": person["snils"].replace("-", "").replace(" ", "")},
                    by_name, {"snils": gone["snils"]},
                    {"last_name": "Несуществующая", "first_name": "Анна",
                     "birth_date": "1901-01-01"})
    assert answer.status_code == 200, answer.text
    [snils], [name], [removed], nobody = (r["matches"] for r in answer.json()["results"])
    assert set(snils) == MATCH_KEYS and "Иванова" not in answer.text
    handle = snils.pop("handle")
    assert snils == {"org_id": world.orgs["P1a"], "org_name": "Орг P1a",
                     "org_code": f"P1a-{world.suffix}", "matched_by": "snils",
                     "in_scope": False, "transferable": False, "requestable": True}
    # The handle is opaque: not the row id, nor anything of it; each answer has a new one.
    assert person["id"] not in answer.text and len(handle) == 24
    assert name.pop("handle") != handle
    assert name == {**snils, "matched_by": "name_birth_date"}
    assert (removed["org_id"], removed["transferable"], removed["requestable"]) == (
        world.orgs["P2"], False, False)
    assert nobody == []
    # Within the caller's own scope the match says so.
    [own] = lookup(api, "terr1", {"snils": person["snils"]}).json()["results"]
    assert own["matches"][0]["in_scope"] is True and own["matches"][0]["transferable"] is True
    assert own["matches"][0]["requestable"] is False
    with db.read() as session:
        user_id = find_user_id(session, world.logins["chair3"])
        audited = session.execute(
            select(member_lookups.c.kind, member_lookups.c.member_id, member_lookups.c.org_id)
            .where(member_lookups.c.user_id == user_id).order_by(member_lookups.c.id)
        ).all()
    assert [tuple(a) for a in audited] == [
        ("snils", person["id"], world.orgs["P1a"]),
        ("name_birth_date", person["id"], world.orgs["P1a"]),
        ("snils", gone["id"], world.orgs["P2"]),
        ("name_birth_date", None, None),
    ]


def test_bad_queries_are_russian_4xx(api: Api, anon: Api) -> None:
    def status(*queries: dict, body: dict | None = None) -> tuple[int, str]:
        response = api.http.post("/api/v1/members/lookup",
                                 json=body if body is not None else {"queries": list(queries)},
                                 headers=api.headers("chair1a"))
        return response.status_code, response.json()["detail"]

    assert status({"snils": "112-233-445 96"}) == (
        400, "Запрос № 1: неверная контрольная сумма СНИЛС")
    code, detail = status({"snils": "112-233-445 95"}, {"snils": "12345"})
    assert code == 400 and detail.startswith("Запрос № 2: СНИЛС должен содержать 11 цифр")
    assert status({"last_name": "Иванова", "first_name": "Анна"}) == (
        400, "Запрос № 1: укажите СНИЛС или фамилию, имя и дату рождения")
    assert status({}) == (400, "Запрос № 1: укажите СНИЛС или фамилию, имя и дату рождения")
    for body in ({"queries": []}, {"queries": [{"snils": "1", "extra": 1}]},
                 {"queries": [{"last_name": "А", "first_name": "Б", "birth_date": "вчера"}]},
                 {"queries": [{"snils": "112-233-445 95"}] * 501}, {}):
        code, detail = status(body=body)
        assert code == 422 and detail.startswith("Неверный формат запроса"), (body, detail)
    response = anon.http.post("/api/v1/members/lookup", json={"queries": [{"snils": "1"}]})
    assert response.status_code == 401 and response.json()["detail"]


def test_only_chairs_and_staff_of_the_tree_may_search(api: Api, world: World, db) -> None:
    person = add_person(db, world, "P1a")
    with db.write() as session:
        create_user(session, f"pc-{world.suffix}", PASSWORD, [(world.orgs["C"], "profcards")],
                    must_change_password=False)
    refused = lookup(api, f"pc-{world.suffix}", {"snils": person["snils"]})
    assert refused.status_code == 403, refused.text
    assert "председателям" in refused.json()["detail"] and person["id"] not in refused.text
    with db.read() as session:
        user_id = find_user_id(session, f"pc-{world.suffix}")
        assert session.scalar(select(func.count()).select_from(lookup_handles).where(
            lookup_handles.c.user_id == user_id)) == 0
    assert lookup(api, "admin", {"snils": person["snils"]}).status_code == 200


def test_lookups_are_limited_per_day_too(api: Api, world: World, db, monkeypatch) -> None:
    person = add_person(db, world, "P2")
    monkeypatch.setattr(lookup_module, "LOOKUPS_PER_DAY", 2)
    query = {"snils": person["snils"]}
    assert lookup(api, "chair3", query, query).status_code == 200
    refused = lookup(api, "chair3", query)
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "86400"
    assert "в сутки" in refused.json()["detail"]


def test_lookups_are_rate_limited_per_user(api: Api, world: World, db, monkeypatch) -> None:
    person = add_person(db, world, "P2")
    monkeypatch.setattr(lookup_module, "LOOKUPS_PER_HOUR", 3)
    query = {"snils": person["snils"]}
    assert lookup(api, "chair1b", query, query).status_code == 200
    refused = lookup(api, "chair1b", query, query)
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "3600"
    assert refused.json()["detail"].startswith("Слишком много запросов поиска")
    assert lookup(api, "chair1b", query).status_code == 200  # exactly up to the allowance
    assert lookup(api, "chair1b", query).status_code == 429
    assert lookup(api, "chair2", query).status_code == 200  # another user has their own


def test_openapi_documents_the_lookup(anon: Api) -> None:
    schema = anon.http.get("/openapi.json").json()
    operation = schema["paths"]["/api/v1/members/lookup"]["post"]
    assert {"200", "400", "401", "422", "429"} <= set(operation["responses"])
    components = schema["components"]["schemas"]
    for name in ("LookupRequest", "LookupResponse"):
        assert components[name].get("examples"), name
    assert "transfer_in" in operation["description"]

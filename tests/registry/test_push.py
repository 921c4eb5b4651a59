"""Push: idempotency, per-field merge with conflict records, validation, audit history."""

from __future__ import annotations

from sqlalchemy import func, select

from registry.models import applied_mutations, audit_history, change_log, conflicts, members
from tests.registry.helpers import Api, create, delete, update
from tests.registry.world import World, member_values, new_id


def _member(db, member_id: str):
    with db.read() as session:
        return session.execute(select(members).where(members.c.id == member_id)).mappings().one()


def _count(db, table, *where) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(table).where(*where))


def test_the_same_mutation_twice_is_applied_once(api: Api, world: World, db) -> None:
    member_id = world.members["P1a"]
    mutation = update("member", member_id, world.orgs["P1a"], {"workplace": "Гимназия № 2"},
                      {"workplace": "МБОУ СОШ № 1"})
    first = api.push("chair1a", mutation)[0]
    assert first["status"] == "applied" and first["version"] == 2
    # The client never read the answer and retries: same mutation_id, in a new request.
    second = api.push("chair1a", mutation)[0]
    assert second["status"] == "duplicate"
    assert second["original_status"] == "applied" and second["version"] == 2
    row = _member(db, member_id)
    assert row["version"] == 2 and row["workplace"] == "Гимназия № 2"
    assert _count(db, audit_history, audit_history.c.mutation_id == mutation["mutation_id"]) == 1
    assert _count(db, change_log, change_log.c.entity_id == member_id) == 1
    # Even inside one batch the repeat is a duplicate.
    again = api.push("chair1a", mutation, mutation)
    assert [r["status"] for r in again] == ["duplicate", "duplicate"]
    assert _member(db, member_id)["version"] == 2


def test_someone_elses_mutation_id_reveals_nothing(api: Api, world: World, db) -> None:
    mutation = update("member", world.members["P1a"], world.orgs["P1a"],
                      {"workplace": "Лицей"}, {"workplace": "МБОУ СОШ № 1"})
    assert api.push("chair1a", mutation)[0]["status"] == "applied"
    other = api.push("chair3", mutation)[0]
    assert other["status"] == "rejected" and other["version"] is None


def test_rejected_mutation_stays_rejected_on_retry(api: Api, world: World, db) -> None:
    mutation = update("member", world.members["P1a"], world.orgs["P1a"],
                      {"snils": "112-233-445 96"}, {"snils": None})
    first = api.push("chair1a", mutation)[0]
    assert first["status"] == "rejected"
    assert first["reason"] == "Поле «СНИЛС»: неверная контрольная сумма"
    retry = api.push("chair1a", mutation)[0]
    assert retry["status"] == "duplicate" and retry["original_status"] == "rejected"
    assert retry["reason"] == first["reason"]
    assert _member(db, world.members["P1a"])["snils"] is None


def test_two_chairs_merge_different_fields_and_conflict_on_the_same(
    api: Api, world: World, db
) -> None:
    """A primary and a territorial chair edit the same member offline from version 1."""
    member_id, org = world.members["P1a"], world.orgs["P1a"]
    chair = update("member", member_id, org, {"phone": "+79031112233", "workplace": "Школа А"},
                   {"phone": "+79161234567", "workplace": "МБОУ СОШ № 1"})
    territory = update("member", member_id, org, {"email": "anna@example.ru",
                                                   "workplace": "Школа Б"},
                       {"email": None, "workplace": "МБОУ СОШ № 1"})
    first = api.push("chair1a", chair)[0]
    assert first["status"] == "applied" and first["applied_fields"] == ["phone", "workplace"]
    second = api.push("terr1", territory)[0]
    assert second["status"] == "conflict"
    assert second["applied_fields"] == ["email"]
    assert second["version"] == 3
    assert second["conflicts"] == {
        "workplace": {"base": "МБОУ СОШ № 1", "mine": "Школа Б", "server": "Школа А"}
    }
    row = _member(db, member_id)
    assert (row["phone"], row["email"], row["workplace"]) == (
        "+79031112233", "anna@example.ru", "Школа А"
    )
    # Nothing is lost: the losing value is kept in the conflict record.
    with db.read() as session:
        kept = session.execute(
            select(conflicts).where(conflicts.c.mutation_id == territory["mutation_id"])
        ).mappings().one()
    assert (kept["field"], kept["mine_value"], kept["server_value"]) == (
        "workplace", "Школа Б", "Школа А"
    )
    # Both sides converge on pull.
    changes, _, _ = api.pull_all("chair1a")
    pulled = next(c for c in changes if c["id"] == member_id)
    assert pulled["version"] == 3 and pulled["row"]["email"] == "anna@example.ru"


def test_the_same_value_on_both_sides_is_no_conflict(api: Api, world: World) -> None:
    member_id, org = world.members["P2"], world.orgs["P2"]
    a = update("member", member_id, org, {"workplace": "Школа В"}, {"workplace": "МБОУ СОШ № 1"})
    b = update("member", member_id, org, {"workplace": "Школа В"}, {"workplace": "МБОУ СОШ № 1"})
    assert api.push("chair2", a)[0]["status"] == "applied"
    result = api.push("terr2", b)[0]
    assert result["status"] == "applied" and result["applied_fields"] == []


def test_without_base_values_the_base_version_decides(api: Api, world: World) -> None:
    member_id, org = world.members["P1b"], world.orgs["P1b"]
    ok = api.push("chair1b", update("member", member_id, org, {"workplace": "X"}, {}, 1))[0]
    assert ok["status"] == "applied"
    stale = api.push("chair1b", update("member", member_id, org, {"workplace": "Y"}, {}, 1))[0]
    assert stale["status"] == "conflict"


def test_validation_rejects_with_a_russian_reason_and_changes_nothing(
    api: Api, world: World, db
) -> None:
    member_id, org = world.members["P1b"], world.orgs["P1b"]
    before = _member(db, member_id)
    results = api.push(
        "chair1b",
        update("member", member_id, org, {"birth_date": "2099-01-01"}, {"birth_date": "1985-04-12"}),
        update("member", member_id, org, {"last_name": "Smith1"}, {"last_name": "Иванова"}),
        update("member", member_id, org, {"birth_date": "12.04.1985"}, {"birth_date": "1985-04-12"}),
        update("member", member_id, org, {"study_course": "три"}, {"study_course": None}),
        update("member", member_id, org, {"is_complete": True}, {}),
        update("member", member_id, org, {"version": 99}, {}),
        update("member", member_id, org, {"no_such_field": 1}, {}),
        update("member", member_id, org, {"workplace": "x" * 501}, {"workplace": None}),
        create("member", new_id(), org, member_values(sex="X")),
    )
    assert [r["status"] for r in results] == ["rejected"] * len(results)
    for result in results:
        assert any("а" <= ch <= "я" for ch in result["reason"].lower()), result
    assert "Дата рождения" in results[0]["reason"]
    assert "Фамилия" in results[1]["reason"]
    assert _member(db, member_id) == before


def test_duplicate_snils_in_scope_is_rejected(api: Api, world: World) -> None:
    org = world.orgs["P1a"]
    first = api.push("chair1a", create("member", new_id(), org,
                                       member_values(snils="112-233-445 95")))[0]
    assert first["status"] == "applied", first
    again = api.push("chair1a", create("member", new_id(), org,
                                       member_values(snils="112-233-445 95")))[0]
    assert again["status"] == "rejected" and "СНИЛС" in again["reason"]


def test_create_update_delete_with_audit(api: Api, world: World, db) -> None:
    org = world.orgs["P2"]
    member_id = new_id()
    created = api.push("chair2", create("member", member_id, org, member_values()))[0]
    assert created["status"] == "applied" and created["version"] == 1
    event = api.push("chair2", create("membership_event", new_id(), org, {
        "member_id": member_id, "kind": "joined", "event_date": "2015-09-01"}))[0]
    assert event["status"] == "applied", event
    edit = api.push("chair2", update("member", member_id, org, {"phone": "+79035556677"},
                                     {"phone": "+79161234567"}))[0]
    assert edit["version"] == 2
    gone = api.push("chair2", delete("member", member_id, org, 2))[0]
    assert gone["status"] == "applied" and gone["version"] == 3
    late = api.push("chair2", update("member", member_id, org, {"phone": "+79030000000"},
                                     {"phone": "+79035556677"}, 3))[0]
    assert late["status"] == "rejected"
    with db.read() as session:
        audit = session.execute(
            select(audit_history.c.op, audit_history.c.field, audit_history.c.old_value,
                   audit_history.c.new_value, audit_history.c.user_id)
            .where(audit_history.c.entity_id == member_id)
            .order_by(audit_history.c.id)
        ).all()
        stored = session.scalar(select(func.count()).select_from(applied_mutations).where(
            applied_mutations.c.entity_id == member_id))
    ops = [(op, field) for op, field, *_ in audit]
    assert ("update", "phone") in ops and ops[-1] == ("delete", "deleted")
    assert ("create", "last_name") in ops
    phone = next(a for a in audit if a[0] == "update")
    assert (phone[2], phone[3]) == ("+79161234567", "+79035556677")
    assert stored == 4
    changes, _, _ = api.pull_all("chair2")
    tomb = next(c for c in changes if c["id"] == member_id)
    assert tomb["deleted"] is True and tomb["row"] is None and tomb["version"] == 3


def test_bad_bodies_are_clear_4xx(api: Api, world: World) -> None:
    headers = api.headers("chair1a")
    post = api.http.post
    assert post("/api/v1/sync/push", content=b"{not json", headers={
        **headers, "Content-Type": "application/json"}).status_code == 422
    assert post("/api/v1/sync/push", json={"mutations": "x"}, headers=headers).status_code == 422
    assert post("/api/v1/sync/push", json={"mutations": [], "extra": 1},
                headers=headers).status_code == 422
    huge = b'{"mutations": [' + b" " * (6 * 1024 * 1024) + b"]}"
    assert post("/api/v1/sync/push", content=huge, headers={
        **headers, "Content-Type": "application/json"}).status_code == 413
    odd = update("member", world.members["P1a"], world.orgs["P1a"],
                 {"phone": {"$ne": 1}, "sex": ["M"]}, {})
    result = api.push("chair1a", odd)[0]
    assert result["status"] == "rejected"
    unknown = api.push("chair1a", {**odd, "mutation_id": new_id(), "entity": "users"})[0]
    assert unknown["status"] == "rejected"


def test_concurrent_retries_of_one_mutation_apply_it_once(api: Api, world: World, db) -> None:
    """The same mutation sent on several connections at once (a client retrying eagerly)."""
    from concurrent.futures import ThreadPoolExecutor

    member_id, org = world.members["P2"], world.orgs["P2"]
    mutation = update("member", member_id, org, {"academic_degree": "к.п.н."},
                      {"academic_degree": None})
    edits = [update("member", member_id, org, {"note": f"n{i}"}, {}, 1) for i in range(4)]
    headers = api.headers("chair2")

    def send(body: dict) -> str:
        response = api.http.post("/api/v1/sync/push", json={"mutations": [body]},
                                 headers=headers)
        assert response.status_code == 200, response.text
        return response.json()["results"][0]["status"]

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(send, [mutation] * 6 + edits))
    assert sorted(statuses[:6]) == ["applied"] + ["duplicate"] * 5
    row = _member(db, member_id)
    assert row["academic_degree"] == "к.п.н."
    # One version per mutation that changed something: the degree, and note edits applied.
    assert row["version"] == 2 + statuses[6:].count("applied"), statuses
    assert _count(db, audit_history, audit_history.c.mutation_id == mutation["mutation_id"]) == 1

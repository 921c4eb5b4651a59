"""The daily PROFCARDS feed: exactly the consented members, never twice, withdrawals, the same
content for the same date, and the read-only API of the PROFCARDS operator's account."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from registry.auth import create_user
from registry.cli import main
from registry.seed import insert_entity
from sync.protocol_runs import changes_of
from tests.registry.card_helpers import add_member, consents, fresh_registry, give_consent
from tests.registry.conftest import BACKENDS, Running
from tests.registry.helpers import Api
from tests.registry.world import PASSWORD, World, build_world, new_id, password_hash

DAY1, DAY2, DAY3 = date(2026, 12, 4), date(2026, 12, 5), date(2026, 12, 6)


@pytest.fixture(scope="module", params=BACKENDS)
def own(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
        ) -> Iterator[Running]:
    yield from fresh_registry(request, tmp_path_factory)


def _feed(own: Running, day: date, out: Path) -> dict:
    assert main(["profcards-feed", "--db", own.db.url, "--date", day.isoformat(),
                 "--out", str(out)]) == 0
    return json.loads((out / f"profcards-{day.isoformat()}.json").read_text(encoding="utf-8"))


def _ids(lines: list[dict]) -> set[str]:
    return {line["member_id"] for line in lines}


def test_feed_and_the_operator_api(own: Running, tmp_path: Path) -> None:
    world: World = build_world(own.db)
    unconsented = set(world.members.values())
    with_card = add_member(own.db, world, "P1a", last_name="Карпова", email="karpova@example.ru")
    with own.db.write() as session:
        insert_entity(session, "card", {
            "id": new_id(), "org_id": world.orgs["P1a"], "member_id": with_card,
            "status": "issued", "number": "9643000000000012", "issued_on": DAY1})
    plain = add_member(own.db, world, "P3", last_name="Лебедева")
    later = add_member(own.db, world, "P2", consent=False)
    give_consent(own.db, later, world.orgs["P2"], signed_on=DAY2)
    out = tmp_path / "feed"
    first = _feed(own, DAY1, out)
    assert _ids(first["added"]) == {with_card, plain} and first["withdrawn"] == []
    assert not _ids(first["added"]) & unconsented
    line = next(x for x in first["added"] if x["member_id"] == with_card)
    assert (line["last_name"], line["card_number"], line["email"], line["phone"],
            line["region"]) == ("Карпова", "9643000000000012", "karpova@example.ru",
                                "+79161234567", "Орг R")
    assert next(x for x in first["added"] if x["member_id"] == plain)["region"] == "Орг R2"
    with (out / f"profcards-{DAY1.isoformat()}.csv").open(encoding="utf-8-sig",
                                                         newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][:3] == ["Действие", "Идентификатор", "Фамилия"]
    assert {r[1] for r in rows[1:]} == {with_card, plain}
    # the next day: only the consent signed that day, nobody again
    second = _feed(own, DAY2, out)
    assert _ids(second["added"]) == {later} and second["withdrawn"] == []
    # a revoked consent and a removed member are withdrawn
    with own.db.write() as session:
        session.execute(consents.update().where(consents.c.member_id == with_card)
                        .values(revoked_on=DAY3))
        from registry.models import members

        session.execute(members.update().where(members.c.id == plain)
                        .values(status="removed", removed_on=DAY3, removal_reason="voluntary"))
    third = _feed(own, DAY3, out)
    assert third["added"] == []
    assert {(x["member_id"], x["reason"]) for x in third["withdrawn"]} == {
        (with_card, "consent_revoked"), (plain, "member_removed")}
    # the same date again: the same content; an earlier date: refused
    csv_before = (out / f"profcards-{DAY1.isoformat()}.csv").read_bytes()
    assert _feed(own, DAY1, out) == first
    assert (out / f"profcards-{DAY1.isoformat()}.csv").read_bytes() == csv_before
    with pytest.raises(SystemExit, match="раньше|ранняя"):
        main(["profcards-feed", "--db", own.db.url, "--date", "2026-12-01", "--out", str(out)])
    # the operator's account reads the same feeds; nobody else does
    assert main(["create-user", "--db", own.db.url, "--login", f"pc-cli-{world.suffix}",
                 "--org", world.orgs["C"], "--role", "profcards",
                 "--password", "profcards-pass-1"]) == 0
    with own.db.write() as session:
        create_user(session, f"pc-{world.suffix}", PASSWORD, [(world.orgs["C"], "profcards")],
                    must_change_password=False, password_hash=password_hash())
    api = Api(own.base_url, world)
    try:
        operator = api.headers(f"pc-{world.suffix}")
        got = api.http.get(f"/api/v1/profcards/feed/{DAY1.isoformat()}", headers=operator)
        assert got.status_code == 200, got.text
        assert got.json() == first
        listed = api.http.get("/api/v1/profcards/feeds", headers=operator)
        assert listed.json() == {"dates": [d.isoformat() for d in (DAY1, DAY2, DAY3)]}
        missing = api.http.get("/api/v1/profcards/feed/2027-01-01", headers=operator)
        assert missing.status_code == 404 and "не сформирована" in missing.json()["detail"]
        bad = api.http.get("/api/v1/profcards/feed/2026-13-45", headers=operator)
        assert bad.status_code == 422
        for login in ("admin", "region", "chair1a"):
            refused = api.http.get(f"/api/v1/profcards/feed/{DAY1.isoformat()}",
                                   headers=api.headers(login))
            assert refused.status_code == 403 and "PROFCARDS" in refused.json()["detail"]
            assert api.http.get("/api/v1/profcards/feeds",
                                headers=api.headers(login)).status_code == 403
        assert api.http.get("/api/v1/profcards/feeds").status_code == 401
        # the operator has no sync scope
        assert api.meta(f"pc-{world.suffix}")["user"]["positions"] == []
        assert changes_of(api.pull(f"pc-{world.suffix}", {world.orgs["P1a"]: 0})["runs"]) == []
    finally:
        api.close()

"""``pd-erasure``: 30 days after the last consent is revoked, exactly the listed fields go, from
the member row and from every copy the registry keeps; nothing else; a second run changes
nothing. On SQLite and PostgreSQL (a registry of its own: the job sweeps the whole database)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from registry.cli import main
from registry.models import ENTITY_TABLES, applied_mutations, audit_history, members
from registry.models_cards import profcards_sent
from registry.pd_erasure import REDACTED
from registry.profcards import make_feed
from tests.registry.card_helpers import add_member, fresh_registry, give_consent
from tests.registry.conftest import BACKENDS, Running
from tests.registry.helpers import Api, update
from tests.registry.world import World, build_world

consents = ENTITY_TABLES["consent"]
SNILS = "112-233-445 95"
CONTACTS = {"phone": "+79161234567", "email": "anna@example.ru", "address": "г. Энск, ул. Мира, 1"}


def contacts(who: str) -> dict[str, str]:
    """Contacts of one test member (its own e-mail, so a value found belongs to it alone)."""
    return {**CONTACTS, "email": f"{who}@example.ru"}
#: The fields the job must never touch.
KEPT = ("last_name", "first_name", "patronymic", "birth_date", "sex", "category", "workplace",
        "member_since", "registered_on", "status", "removal_reason", "dues_form")


@pytest.fixture(scope="module", params=BACKENDS)
def own(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
        ) -> Iterator[Running]:
    yield from fresh_registry(request, tmp_path_factory)


def _member(db, member_id: str) -> dict[str, Any]:
    with db.read() as session:
        return dict(session.execute(select(members).where(members.c.id == member_id))
                    .mappings().one())


def _revoke(db, member_id: str, on: date) -> None:
    with db.write() as session:
        session.execute(consents.update().where(consents.c.member_id == member_id,
                                                consents.c.revoked_on.is_(None))
                        .values(revoked_on=on))


def _run(own: Running, day: str) -> dict[str, Any]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["pd-erasure", "--db", own.db.url, "--date", day, "--json"]) == 0
    return json.loads(out.getvalue())


def _values_anywhere(db, text: str) -> list[str]:
    """Where the registry still keeps ``text`` (audit history, stored results, feed lines)."""
    found = []
    with db.read() as session:
        for old, new in session.execute(select(audit_history.c.old_value,
                                               audit_history.c.new_value)):
            if text in json.dumps([old, new], ensure_ascii=False):
                found.append("audit_history")
        for (result,) in session.execute(select(applied_mutations.c.result)):
            if text in json.dumps(result, ensure_ascii=False):
                found.append("applied_mutations")
        for (line,) in session.execute(select(profcards_sent.c.line)):
            if text in json.dumps(line, ensure_ascii=False):
                found.append("profcards_sent")
    return found


def test_erasure_removes_exactly_the_listed_fields_and_is_idempotent(own: Running) -> None:
    world: World = build_world(own.db)
    db = own.db
    active = add_member(db, world, "P1a", last_name="Отозвавшая", snils=SNILS,
                        **contacts("active"))
    removed = add_member(db, world, "P1a", last_name="Снятая", snils="145-425-721 58",
                         status="removed", removed_on="2025-05-01", removal_reason="voluntary",
                         **contacts("removed"))
    again = add_member(db, world, "P1a", last_name="Передумавшая", **contacts("again"))
    recent = add_member(db, world, "P1a", last_name="Недавняя", **contacts("recent"))
    never = add_member(db, world, "P1a", last_name="Безсогласия", consent=False,
                       **contacts("never"))
    # a chair's edit (audited with old → new values) and a feed line carrying the contacts
    api = Api(own.base_url, world)
    try:
        [edit] = api.push("chair1a", update("member", active, world.orgs["P1a"],
                                            {"phone": "+79031112233"},
                                            {"phone": CONTACTS["phone"]}))
        assert edit["status"] == "applied", edit
    finally:
        api.close()
    make_feed(db, date(2025, 12, 1))
    _revoke(db, active, date(2026, 1, 10))
    _revoke(db, removed, date(2025, 6, 1))
    _revoke(db, again, date(2025, 6, 1))
    give_consent(db, again, world.orgs["P1a"], signed_on=date(2025, 7, 1))
    _revoke(db, recent, date(2026, 1, 20))
    before = {m: _member(db, m) for m in (active, removed, again, recent, never)}

    assert _run(own, "2026-02-08") == {"date": "2026-02-08", "members": 1, "fields": 4}
    assert _member(db, removed)["snils"] is None  # not on the register: the СНИЛС goes too
    report = _run(own, "2026-02-09")  # 30 days after the revocation of 10.01.2026
    assert (report["members"], report["fields"]) == (1, 3)
    after = _member(db, active)
    assert {k: after[k] for k in ("phone", "email", "address")} == dict.fromkeys(CONTACTS)
    assert after["snils"] == SNILS  # on the register: kept for one membership per person
    assert after["version"] == before[active]["version"] + 1
    assert {k: after[k] for k in KEPT} == {k: before[active][k] for k in KEPT}
    gone = _member(db, removed)
    assert {k: gone[k] for k in (*CONTACTS, "snils")} == dict.fromkeys((*CONTACTS, "snils"))
    assert {k: gone[k] for k in KEPT} == {k: before[removed][k] for k in KEPT}
    for untouched in (again, recent, never):  # a live consent, too recent, never consented
        assert _member(db, untouched) == before[untouched]
    # no copy of the erased values is left: audit rows, push results, PROFCARDS lines
    for value in ("+79031112233", "active@example.ru", "removed@example.ru", "145-425-721 58"):
        assert _values_anywhere(db, value) == [], value
    with db.read() as session:
        erase_rows = session.execute(select(
            audit_history.c.entity_id, audit_history.c.field, audit_history.c.old_value,
            audit_history.c.new_value, audit_history.c.user_id)
            .where(audit_history.c.op == "erase")).all()
        phone_audit = session.execute(select(
            audit_history.c.op, audit_history.c.old_value, audit_history.c.new_value).where(
            audit_history.c.entity_id == active, audit_history.c.field == "phone")).all()
        kept_line = session.scalar(select(profcards_sent.c.line).where(
            profcards_sent.c.member_id == again))
    assert sorted((m, f) for m, f, *_ in erase_rows) == sorted(
        [(active, f) for f in ("address", "email", "phone")]
        + [(removed, f) for f in ("address", "email", "phone", "snils")])
    assert all(old is None and new is None and who == "cli:pd-erasure"
               for _m, _f, old, new, who in erase_rows)
    # the chair's edit stays audited (who, when, which field), its values blanked
    assert ("update", REDACTED, REDACTED) in [tuple(r) for r in phone_audit]
    assert kept_line["email"] == "again@example.ru"  # a member who consents again keeps them

    # idempotent: nothing left to erase, nothing written
    with db.read() as session:
        audit_count = session.scalar(select(func.count()).select_from(audit_history))
    versions = {m: _member(db, m)["version"] for m in before}
    assert _run(own, "2026-02-09") == {"date": "2026-02-09", "members": 0, "fields": 0}
    assert _run(own, "2026-02-10") == {"date": "2026-02-10", "members": 0, "fields": 0}
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(audit_history)) == audit_count
    assert {m: _member(db, m)["version"] for m in before} == versions
    # the recent revocation's day comes
    assert _run(own, "2026-02-19")["members"] == 1
    assert _member(db, recent)["phone"] is None


def test_bad_date_is_refused(own: Running) -> None:
    with pytest.raises(SystemExit):
        main(["pd-erasure", "--db", own.db.url, "--date", "09.02.2026"])

"""Consent records on the registry: the shared rules refuse future dates, unknown form
versions, a revocation before the signing or in the future, un-revoking, and a second live
consent of one member — on SQLite and PostgreSQL, through pushed creates and updates."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from chairclient.domain.consent_rules import CURRENT_TEMPLATE_VERSION
from registry.models import ENTITY_TABLES
from tests.registry.card_helpers import add_member, give_consent
from tests.registry.helpers import Api, create, update
from tests.registry.world import World, new_id

consents = ENTITY_TABLES["consent"]
TOMORROW = (date.today() + timedelta(days=2)).isoformat()  # beyond any time zone's today


def _consent(member_id: str, **over: Any) -> dict[str, Any]:
    return {"member_id": member_id, "signed_on": "2025-10-01",
            "template_version": CURRENT_TEMPLATE_VERSION, **over}


def _rows(db, member_id: str) -> list[dict[str, Any]]:
    with db.read() as session:
        return [dict(r) for r in session.execute(
            select(consents).where(consents.c.member_id == member_id)
            .order_by(consents.c.signed_on)).mappings()]


def test_refused_consent_creates_write_nothing(api: Api, world: World, db) -> None:
    org = world.orgs["P1a"]
    member = add_member(db, world, "P1a", consent=False)
    results = api.push(
        "chair1a",
        create("consent", new_id(), org, _consent(member, signed_on=TOMORROW)),
        create("consent", new_id(), org, _consent(member, template_version="2031-01")),
        create("consent", new_id(), org, _consent(member, template_version="")),
        create("consent", new_id(), org, _consent(member, revoked_on="2025-09-01")),
        create("consent", new_id(), org, _consent(member, revoked_on=TOMORROW)),
    )
    reasons = [r["reason"] for r in results]
    assert all(r["status"] == "rejected" for r in results), results
    assert "в будущем" in reasons[0]
    assert "Неизвестная версия формы согласия «2031-01»" in reasons[1]
    assert "Неизвестная версия" in reasons[2]
    assert "раньше даты его подписания (01.10.2025)" in reasons[3]
    assert "отзыва согласия не может быть в будущем" in reasons[4]
    assert _rows(db, member) == []


def test_one_live_consent_per_member(api: Api, world: World, db) -> None:
    org = world.orgs["P1a"]
    member = add_member(db, world, "P1a", consent=False)
    first, second = new_id(), new_id()
    [ok] = api.push("chair1a", create("consent", first, org, _consent(member)))
    assert ok["status"] == "applied", ok
    # a second live consent, alone and in a batch with the first already there
    [twice] = api.push("chair1a", create("consent", second, org,
                                         _consent(member, signed_on="2025-11-01")))
    assert twice["status"] == "rejected" and "уже есть действующее согласие" in twice["reason"]
    # an old, revoked consent recorded next to it is fine (history)
    [old] = api.push("chair1a", create("consent", new_id(), org, _consent(
        member, signed_on="2024-01-10", template_version="2025-09", revoked_on="2024-06-01")))
    assert old["status"] == "applied", old
    # revoke the first (a chosen date), then a new consent is accepted
    results = api.push(
        "chair1a",
        update("consent", first, org, {"revoked_on": "2025-09-30"}, {"revoked_on": None}),
        update("consent", first, org, {"revoked_on": TOMORROW}, {"revoked_on": None}),
        update("consent", first, org, {"revoked_on": "2025-12-01"}, {"revoked_on": None}),
        create("consent", second, org, _consent(member, signed_on="2025-12-02")),
    )
    assert [r["status"] for r in results] == ["rejected", "rejected", "applied", "applied"]
    assert "раньше даты его подписания" in results[0]["reason"]
    assert "в будущем" in results[1]["reason"]
    # a revoked consent is never made live again (and would be a second live one)
    [back] = api.push("chair1a", update("consent", first, org, {"revoked_on": None},
                                        {"revoked_on": "2025-12-01"}, base_version=2))
    assert back["status"] == "rejected" and "не восстанавливается" in back["reason"]
    rows = _rows(db, member)
    assert [(r["signed_on"].isoformat(), r["revoked_on"]) for r in rows] == [
        ("2024-01-10", date(2024, 6, 1)), ("2025-10-01", date(2025, 12, 1)),
        ("2025-12-02", None)]


def test_an_old_form_version_does_not_block_an_unrelated_edit(
        api: Api, world: World, db) -> None:
    org = world.orgs["P1b"]
    member = add_member(db, world, "P1b", consent=False)
    consent_id = give_consent(db, member, org)  # form 2025-09, still known
    with db.write() as session:  # a record of a form version this registry does not know
        session.execute(consents.update().where(consents.c.id == consent_id)
                        .values(template_version="1999-01"))
    [edit] = api.push("chair1b", update("consent", consent_id, org,
                                        {"recorded_by": "Иванова А. С."}, {"recorded_by": None}))
    assert edit["status"] == "applied", edit
    [revoked] = api.push("chair1b", update("consent", consent_id, org,
                                           {"revoked_on": "2025-05-01"}, {"revoked_on": None},
                                           base_version=2))
    assert revoked["status"] == "applied", revoked

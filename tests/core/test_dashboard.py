"""The completeness dashboard: counts against independent SQL and Python, lists against counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from chairclient.db.engine import Database, open_database
from chairclient.db.models import Consent, Member, Organisation
from chairclient.demo.build import build_demo_database
from chairclient.queries.conditions import REQUIRED_FIELDS, all_condition_keys, condition_clause
from chairclient.queries.dashboard import (
    AGE_GROUPS,
    CARD_TILE_STATUSES,
    UNKNOWN,
    compute_dashboard,
    tiles,
)
from chairclient.queries.members import MemberFilter, count_members, member_ids
from chairclient.queries.organisations import subtree_ids
from chairclient.services.derived import member_values, refresh_members
from chairclient.services.members import save_member, set_consent
from chairclient.validation import missing_member_fields
from chairclient.validation.rules import age_on
from tests.core.factories import add_org
from tests.core.factories import member_values as valid_values

TODAY = date(2026, 3, 14)


@dataclass(frozen=True)
class World:
    db: Database
    region: str
    territorial: str
    primary: str  # has the edge cases below
    edge: dict[str, str]  # name → member id


def _edge_cases(db: Database, primary: str) -> dict[str, str]:
    """Members the demo data may not have: blank-but-not-empty fields, unknown category,
    consents recorded here (not yet acknowledged by the registry), acknowledged but not sent
    to PROFCARDS, sent (``profcards_sent_on``), sent then revoked and recorded again,
    birthdays on the edges."""
    cases = {
        "blank_workplace": valid_values(),
        # No category: the card is checked as a working member's.
        "no_category": valid_values(category=None, workplace=None, position_code=None),
        "student_no_course": valid_values(category="student", study_level="vo",
                                          study_course=None, position_code=None),
        "pensioner_no_work": valid_values(category="pensioner", workplace=None,
                                          position_code=None),
        "born_in_march": valid_values(birth_date=date(1990, 3, 31)),
        "born_in_april": valid_values(birth_date=date(1990, 4, 1)),
        "no_birth_date": valid_values(birth_date=None, sex=None),
        "new_consent": valid_values(),
        "revoked_consent": valid_values(),
        "acknowledged_consent": valid_values(),
        "sent_consent": valid_values(),
        "sent_then_recorded_again": valid_values(),
    }
    ids = {}
    with db.transaction() as s:
        for name, values in cases.items():
            ids[name] = save_member(s, primary, values, today=TODAY).member_id
        for name in ("new_consent", "revoked_consent", "acknowledged_consent", "sent_consent",
                     "sent_then_recorded_again"):
            set_consent(s, ids[name], True, signed_on=TODAY)
        set_consent(s, ids["revoked_consent"], False)
        s.execute(update(Consent).where(Consent.member_id.in_(
            [ids["acknowledged_consent"], ids["sent_consent"], ids["sent_then_recorded_again"]]))
            .values(version=1))
        # As the registry's PROFCARDS feed stamps them (a pull brings the stamp).
        s.execute(update(Consent).where(Consent.member_id.in_(
            [ids["sent_consent"], ids["sent_then_recorded_again"]]))
            .values(profcards_sent_on=TODAY))
        set_consent(s, ids["sent_then_recorded_again"], False)
        set_consent(s, ids["sent_then_recorded_again"], True, signed_on=TODAY)
        # Spaces only: the service would have cleaned them; a pulled row may carry them.
        s.execute(update(Member).where(Member.id == ids["blank_workplace"])
                  .values(workplace="  \t"))
        refresh_members(s, [ids["blank_workplace"]])
    return ids


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    path: Path = tmp_path_factory.mktemp("dashboard") / "demo.sqlite"
    build_demo_database(path, members=2500, seed=7)
    db = open_database(path)
    with db.session() as s:
        region = s.scalar(select(Organisation.id).where(Organisation.level == "regional"))
        territorial = s.scalar(text(
            "SELECT o.id FROM organisations o WHERE o.level = 'territorial' "
            "AND EXISTS (SELECT 1 FROM organisations c WHERE c.parent_id = o.id) "
            "ORDER BY o.code LIMIT 1"))
        primary = s.scalar(text(
            "SELECT o.id FROM organisations o JOIN members m ON m.org_id = o.id "
            "WHERE o.parent_id = :t GROUP BY o.id ORDER BY count(*) DESC LIMIT 1"),
            {"t": territorial})
    edge = _edge_cases(db, primary)
    yield World(db, region, territorial, primary, edge)
    db.close()


def scopes(world: World) -> dict[str, str]:
    return {"region": world.region, "territorial": world.territorial, "primary": world.primary}


# -- every count is the length of its list ------------------------------------------------------


@pytest.mark.parametrize("level", ["region", "territorial", "primary"])
def test_every_tile_count_is_the_length_of_its_list(world: World, level: str) -> None:
    org_id = scopes(world)[level]
    with world.db.session() as s:
        dashboard = compute_dashboard(s, org_id, today=TODAY)
        assert set(dashboard.counts) == {t.key for t in tiles(TODAY)}
        for key, count in dashboard.counts.items():
            flt = dashboard.member_filter(key)
            assert count_members(s, flt) == count, key
            assert len(member_ids(s, flt)) == count, key
    assert dashboard.counts["on_register"] > 0


# -- counts against independent SQL and Python --------------------------------------------------


def _active(s, org_ids: list[str]) -> list[Member]:
    return list(s.scalars(select(Member).where(
        Member.org_id.in_(org_ids), Member.deleted.is_(False), Member.status == "active")))


def _sql(s, query: str, org_ids: list[str]) -> int:
    marks = ", ".join(f":o{i}" for i in range(len(org_ids)))
    sql = (f"SELECT count(*) FROM members m WHERE m.deleted = 0 AND m.status = 'active' "
           f"AND m.org_id IN ({marks}) AND ({query})")
    return s.scalar(text(sql), {f"o{i}": o for i, o in enumerate(org_ids)})


INDEPENDENT_SQL = {
    "on_register": "1",
    "incomplete": "m.is_complete = 0",
    "no_consent": "NOT EXISTS (SELECT 1 FROM consents c WHERE c.member_id = m.id "
                  "AND c.deleted = 0 AND c.revoked_on IS NULL)",
    "consent_not_sent": "EXISTS (SELECT 1 FROM consents c WHERE c.member_id = m.id "
                        "AND c.deleted = 0 AND c.revoked_on IS NULL) AND NOT EXISTS "
                        "(SELECT 1 FROM consents c WHERE c.member_id = m.id AND c.deleted = 0 "
                        "AND c.revoked_on IS NULL AND c.profcards_sent_on IS NOT NULL)",
    "ready_for_card": "m.is_complete = 1 AND EXISTS (SELECT 1 FROM consents c WHERE "
                      "c.member_id = m.id AND c.deleted = 0 AND c.revoked_on IS NULL) AND NOT "
                      "EXISTS (SELECT 1 FROM cards k WHERE k.member_id = m.id AND k.deleted = 0 "
                      "AND k.status IN ('in_request', 'ordered', 'produced', 'shipped', "
                      "'received', 'issued'))",
    "birthdays": "strftime('%m', m.birth_date) = '03'",
    **{f"card:{status}": f"m.card_status = '{status}'" for status in CARD_TILE_STATUSES},
}


@pytest.mark.parametrize("level", ["region", "territorial", "primary"])
def test_counts_agree_with_independent_sql(world: World, level: str) -> None:
    org_id = scopes(world)[level]
    with world.db.session() as s:
        org_ids = subtree_ids(s, org_id)
        counts = compute_dashboard(s, org_id, today=TODAY).counts
        for key, query in INDEPENDENT_SQL.items():
            assert counts[key] == _sql(s, query, org_ids), key
    assert counts["consent_not_sent"] >= 3  # the consents recorded in the fixture
    if level == "region":  # the demo's last week of consents is not sent yet, the rest is
        assert 3 < counts["consent_not_sent"] < counts["on_register"] - counts["no_consent"]


@pytest.mark.parametrize("level", ["region", "primary"])
def test_missing_fields_and_structure_agree_with_the_validation_rules(world: World,
                                                                       level: str) -> None:
    org_id = scopes(world)[level]
    with world.db.session() as s:
        dashboard = compute_dashboard(s, org_id, today=TODAY)
        members = _active(s, subtree_ids(s, org_id))
        missing: Counter[str] = Counter()
        for member in members:
            missing.update(missing_member_fields(member_values(member)))
    for field in REQUIRED_FIELDS:
        assert dashboard.counts[f"missing:{field}"] == missing[field], field
    assert dashboard.counts["incomplete"] == sum(not m.is_complete for m in members)

    structure = dashboard.structure
    known = {"working", "student", "pensioner", "unemployed"}
    assert structure.by_category == {
        **{c: sum(m.category == c for m in members) for c in known},
        UNKNOWN: sum(m.category not in known for m in members)}
    assert structure.by_sex == {"F": sum(m.sex == "F" for m in members),
                                "M": sum(m.sex == "M" for m in members),
                                UNKNOWN: sum(m.sex not in ("F", "M") for m in members)}
    ages: Counter[str] = Counter()
    for member in members:
        if member.birth_date is None:
            ages[UNKNOWN] += 1
            continue
        age = age_on(member.birth_date, TODAY)
        ages[next(k for k, oldest in AGE_GROUPS if oldest is None or age <= oldest)] += 1
    assert structure.by_age == {**{k: ages[k] for k, _ in AGE_GROUPS}, UNKNOWN: ages[UNKNOWN]}
    assert sum(structure.by_age.values()) == dashboard.counts["on_register"] == len(members)


def test_edge_cases_land_where_expected(world: World) -> None:
    edge = world.edge

    def listed(key: str) -> set[str]:
        with world.db.session() as s:
            dashboard = compute_dashboard(s, world.primary, today=TODAY)
            return set(member_ids(s, dashboard.member_filter(key)))

    assert edge["blank_workplace"] in listed("missing:workplace")
    assert edge["no_category"] in listed("missing:category") & listed("missing:workplace") \
        & listed("missing:position")
    assert edge["student_no_course"] in listed("missing:study_course")
    assert edge["student_no_course"] not in listed("missing:position")
    assert edge["pensioner_no_work"] not in listed("incomplete")
    assert {edge["no_birth_date"]} <= listed("missing:birth_date") & listed("missing:sex")
    not_sent = listed("consent_not_sent")
    assert edge["new_consent"] in not_sent
    assert edge["revoked_consent"] not in not_sent | listed("ready_for_card")
    assert edge["revoked_consent"] in listed("no_consent")
    # Acknowledged by the registry is not sent: only the feed's stamp counts.
    assert edge["acknowledged_consent"] in not_sent
    assert edge["sent_consent"] not in not_sent
    # The stamped consent was revoked: the live one, recorded again, waits for a feed.
    assert edge["sent_then_recorded_again"] in not_sent
    assert {edge["new_consent"], edge["acknowledged_consent"]} <= listed("ready_for_card")
    march = listed("birthdays")
    assert edge["born_in_march"] in march and edge["born_in_april"] not in march


def test_age_group_boundary_is_the_birthday(db: Database) -> None:
    org = add_org(db, code="03-001")
    with db.transaction() as s:
        save_member(s, org, valid_values(birth_date=date(1990, 3, 14)), today=TODAY)
        save_member(s, org, valid_values(birth_date=date(1960, 3, 15)), today=TODAY)

    def ages(day: date) -> dict[str, int]:
        with db.session() as s:
            by_age = compute_dashboard(s, org, today=day).structure.by_age
        return {k: n for k, n in by_age.items() if n}

    assert ages(date(2026, 3, 13)) == {"upto_35": 1, "56_65": 1}
    assert ages(TODAY) == {"36_45": 1, "56_65": 1}  # 36 today
    assert ages(date(2026, 3, 15)) == {"36_45": 1, "over_65": 1}  # 66 the next day


def test_subordinate_rows_sum_to_the_totals(world: World) -> None:
    with world.db.session() as s:
        region = compute_dashboard(s, world.region, today=TODAY)
        rows = region.subordinates
        assert rows and {r.org_id for r in rows} == set(s.scalars(
            select(Organisation.id).where(Organisation.parent_id == world.region)))
        for key, total in region.counts.items():
            assert sum(r.counts[key] for r in rows) == total, key
        for row in rows:
            assert sorted(row.org_ids) == sorted(subtree_ids(s, row.org_id))
            own = compute_dashboard(s, row.org_id, today=TODAY)
            assert own.counts == row.counts
            flt = region.member_filter("no_consent", row.org_ids)
            assert count_members(s, flt) == row.counts["no_consent"]
        leaf = compute_dashboard(s, world.primary, today=TODAY)
        assert leaf.subordinates == []


def test_own_members_of_a_parent_get_a_row_of_their_own(world: World) -> None:
    with world.db.transaction() as s:
        saved = save_member(s, world.territorial, valid_values(), today=TODAY)
    try:
        with world.db.session() as s:
            dashboard = compute_dashboard(s, world.territorial, today=TODAY)
        own = [r for r in dashboard.subordinates if r.own_only]
        assert [(r.org_id, r.org_ids, r.counts["on_register"]) for r in own] == [
            (world.territorial, (world.territorial,), 1)]
        assert dashboard.subordinates[-1].own_only  # listed after the subordinates
        assert sum(r.counts["on_register"] for r in dashboard.subordinates) == \
            dashboard.counts["on_register"]
    finally:
        with world.db.transaction() as s:
            s.execute(update(Member).where(Member.id == saved.member_id).values(deleted=True))


def test_condition_keys() -> None:
    for key in all_condition_keys():
        condition_clause(key)
    for bad in ("missing:note", "birthdays:13", "ready_for_card:1", "nonsense", ""):
        with pytest.raises(ValueError):
            condition_clause(bad)
    assert MemberFilter(org_ids=()).condition is None

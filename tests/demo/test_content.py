"""What the demo database contains: a realistic, consistent, complete-enough picture."""

from __future__ import annotations

import json
import random
import re
import sqlite3
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from chairclient.db.engine import open_database
from chairclient.db.models import CARD_STATUSES, LIVE_CARD_STATUSES, Member, Organisation
from chairclient.db.reference_data import EMPLOYER_TYPES
from chairclient.demo.common import TODAY
from chairclient.demo.organisations import PILOT_COUNTS, primary_count
from chairclient.services.derived import member_values, refresh_members
from chairclient.services.organisations import passport_values
from chairclient.validation import (
    is_valid_inn,
    is_valid_kpp,
    is_valid_ogrn,
    is_valid_snils,
    validate_member,
    validate_passport,
)

from .conftest import MEMBERS

# Cyrillic text as people write it: letters, digits, spaces and the usual punctuation.
CYRILLIC_TEXT = re.compile(r"[А-Яа-яЁё0-9 .,«»„“№()\-/'’:;]+")
LATIN = re.compile(r"[A-Za-z]")


def _age(birth: str) -> int:
    born = date.fromisoformat(birth)
    return TODAY.year - born.year - ((TODAY.month, TODAY.day) < (born.month, born.day))


def _rows(con: sqlite3.Connection, sql: str, *args: object) -> list[sqlite3.Row]:
    return con.execute(sql, args).fetchall()


# ---------------------------------------------------------------------------- organisations


def test_tree_shape(con: sqlite3.Connection) -> None:
    orgs = _rows(con, "SELECT * FROM organisations")
    levels = Counter(o["level"] for o in orgs)
    assert levels["regional"] == 1
    assert 4 <= levels["territorial"] <= 6
    # ≈ N/60; a small database gets a few more to show every type and kind.
    assert primary_count(MEMBERS) <= levels["primary"] <= primary_count(MEMBERS) + 3
    ids = {o["id"] for o in orgs}
    assert all(o["org_id"] == o["id"] for o in orgs)
    assert all(o["parent_id"] in ids for o in orgs if o["level"] != "regional")
    codes = [o["code"] for o in orgs]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"\d{2}-\d{2}-\d{4}", c) for c in codes)


def test_every_employer_type_and_kind(con: sqlite3.Connection) -> None:
    primaries = _rows(con, "SELECT * FROM organisations WHERE level = 'primary'")
    assert {p["employer_type"] for p in primaries} == {code for code, _ in EMPLOYER_TYPES}
    assert {p["kind"] for p in primaries} == {"workers", "students", "combined"}


def test_primary_with_territorial_rights_has_children(con: sqlite3.Connection) -> None:
    rights = _rows(con, "SELECT id FROM organisations WHERE has_territorial_rights = 1")
    assert len(rights) == 1
    children = _rows(con, "SELECT level FROM organisations WHERE parent_id = ?", rights[0]["id"])
    assert len(children) >= 2
    assert {c["level"] for c in children} == {"primary"}


def test_passports_valid_and_mostly_complete(demo_db: Path) -> None:
    db = open_database(demo_db)
    try:
        with db.session() as session:
            orgs = session.scalars(select(Organisation)).all()
            incomplete = 0
            for org in orgs:
                result = validate_passport(passport_values(org), today=TODAY)
                assert result.ok, (org.code, result.errors)
                if org.level == "primary":
                    incomplete += not result.complete
    finally:
        db.close()
    assert 2 <= incomplete <= max(2, 0.1 * len(orgs))


def test_identifiers_of_organisations(con: sqlite3.Connection) -> None:
    orgs = _rows(con, "SELECT * FROM organisations")
    inns = [o["employer_inn"] for o in orgs if o["employer_inn"]]
    inns += [o["inn"] for o in orgs if o["inn"]]
    assert inns and all(is_valid_inn(i) for i in inns)
    assert len(set(inns)) == len(inns)
    ogrns = [o[c] for o in orgs for c in ("ogrn", "employer_ogrn") if o[c]]
    assert ogrns and all(is_valid_ogrn(x) for x in ogrns)
    kpps = [o[c] for o in orgs for c in ("kpp", "employer_kpp") if o[c]]
    assert kpps and all(is_valid_kpp(x) for x in kpps)


def test_staff_numbers_cover_members(con: sqlite3.Connection) -> None:
    counts = {
        (r["org_id"], r["category"]): r["n"]
        for r in _rows(con, "SELECT org_id, category, count(*) AS n FROM members "
                            "WHERE status = 'active' GROUP BY org_id, category")
    }
    for org in _rows(con, "SELECT * FROM organisations WHERE level = 'primary'"):
        if org["employees_total"] is not None:
            assert org["employees_total"] >= counts.get((org["id"], "working"), 0)
            for part in ("employees_women", "employees_youth", "employees_pedagogical"):
                assert 0 <= org[part] <= org["employees_total"]
        if org["students_total"] is not None:
            assert org["students_total"] >= counts.get((org["id"], "student"), 0)


def test_personal_data_operator_on_the_region(con: sqlite3.Connection) -> None:
    region = _rows(con, "SELECT * FROM organisations WHERE level = 'regional'")[0]
    assert region["pd_operator_name"] and region["pd_operator_address"]
    processors = json.loads(region["pd_processors"])
    # the region's own processor; ФИНФОРТ and Интернет Медиа are union-wide (union.toml)
    assert len(processors) == 1
    assert all(p["name"] and p["address"] for p in processors)
    assert not any("ФИНФОРТ" in p["name"] or "Интернет Медиа" in p["name"] for p in processors)


# ---------------------------------------------------------------------------- members


def test_category_proportions(con: sqlite3.Connection) -> None:
    counts = Counter(r["category"] for r in _rows(con, "SELECT category FROM members"))
    total = sum(counts.values())
    assert total == MEMBERS
    pilot = sum(PILOT_COUNTS.values())
    for category, pilot_count in PILOT_COUNTS.items():
        assert counts[category] / total == pytest.approx(pilot_count / pilot * 0.99, abs=0.01)
    assert counts["unemployed"] / total == pytest.approx(0.01, abs=0.005)


def test_students_only_where_students_are(con: sqlite3.Connection) -> None:
    rows = _rows(con, "SELECT m.category, m.study_level, m.study_course, o.kind, "
                      "o.employer_type FROM members m JOIN organisations o ON o.id = m.org_id")
    for row in rows:
        if row["category"] == "student":
            assert row["kind"] in ("students", "combined")
        else:
            assert row["kind"] in ("workers", "combined")
            assert row["study_level"] is None and row["study_course"] is None


def test_ages_plausible(con: sqlite3.Connection) -> None:
    ranges = {"student": (17, 25), "working": (20, 67), "pensioner": (55, 85),
              "unemployed": (20, 67)}
    for row in _rows(con, "SELECT category, birth_date FROM members WHERE birth_date IS NOT NULL"):
        low, high = ranges[row["category"]]
        assert low <= _age(row["birth_date"]) <= high, dict(row)


def test_snils_valid_unique_and_common(con: sqlite3.Connection) -> None:
    values = [r[0] for r in _rows(con, "SELECT snils FROM members")]
    present = [v for v in values if v]
    assert all(re.fullmatch(r"\d{3}-\d{3}-\d{3} \d{2}", v) for v in present)
    assert all(is_valid_snils(v) for v in present)
    assert len(set(present)) == len(present)
    assert len(present) / len(values) == pytest.approx(0.8, abs=0.04)


def test_names_gender_consistent(con: sqlite3.Connection) -> None:
    rows = _rows(con, "SELECT last_name, patronymic, sex FROM members WHERE sex IS NOT NULL")
    assert {r["sex"] for r in rows} == {"F", "M"}
    for row in rows:
        patronymic, last = row["patronymic"], row["last_name"]
        if row["sex"] == "F":
            assert patronymic is None or patronymic.endswith("на"), dict(row)
            assert not last.endswith(("ов", "ев", "ёв", "ин", "ский")), dict(row)
        else:
            assert patronymic is None or patronymic.endswith("ич"), dict(row)
            assert not last.endswith(("ова", "ева", "ина", "ская")), dict(row)


def test_text_is_cyrillic(con: sqlite3.Connection) -> None:
    member_columns = ("last_name", "first_name", "patronymic", "workplace", "position_text",
                      "staff_category", "academic_degree", "address")
    for row in _rows(con, f"SELECT {', '.join(member_columns)} FROM members"):
        for column in member_columns:
            value = row[column]
            if value is not None:
                assert CYRILLIC_TEXT.fullmatch(value), (column, value)
                assert not LATIN.search(value), (column, value)
    org_columns = ("full_name", "short_name", "employer_full_name", "employer_head_name",
                   "chair_name", "deputy_name", "address", "employer_address")
    for row in _rows(con, f"SELECT {', '.join(org_columns)} FROM organisations"):
        for column in org_columns:
            value = row[column]
            if value is not None:
                assert CYRILLIC_TEXT.fullmatch(value), (column, value)
    for (note,) in _rows(con, "SELECT note FROM card_status_changes WHERE note IS NOT NULL"):
        assert not LATIN.search(note)


def test_contacts_well_formed(con: sqlite3.Connection) -> None:
    rows = _rows(con, "SELECT phone, email FROM members")
    phones = [r["phone"] for r in rows if r["phone"]]
    emails = [r["email"] for r in rows if r["email"]]
    assert len(phones) > 0.8 * len(rows) and len(emails) > 0.5 * len(rows)
    assert all(re.fullmatch(r"\+79\d{9}", p) for p in phones)
    assert all(re.fullmatch(r"[a-z0-9._\-]+@example\.(com|org|net)", e) for e in emails)


def test_cards_pass_validation(demo_db: Path) -> None:
    db = open_database(demo_db)
    try:
        with db.session() as session:
            members = session.scalars(select(Member)).all()
            for member in members:
                result = validate_member(member_values(member), today=TODAY)
                assert result.ok, (member.id, result.errors)
                assert not result.warnings, (member.id, result.warnings)
                assert result.complete == member.is_complete
    finally:
        db.close()


def test_shares_of_incomplete_and_consent(con: sqlite3.Connection) -> None:
    rows = _rows(con, "SELECT is_complete, has_consent FROM members")
    incomplete = sum(not r["is_complete"] for r in rows) / len(rows)
    without_consent = sum(not r["has_consent"] for r in rows) / len(rows)
    assert incomplete == pytest.approx(0.07, abs=0.025)
    assert without_consent == pytest.approx(0.25, abs=0.05)
    revoked = _rows(con, "SELECT count(*) FROM consents WHERE revoked_on IS NOT NULL")[0][0]
    assert revoked > 0
    versions = {r[0] for r in _rows(con, "SELECT DISTINCT template_version FROM consents")}
    assert versions == {"2025-09"}


def test_derived_columns_match_recomputation(demo_db: Path) -> None:
    db = open_database(demo_db)
    try:
        with db.session() as session:
            ids = sorted(session.scalars(select(Member.id)))
            sample = random.Random(5).sample(ids, 400)
            columns = ("search_text", "is_complete", "has_consent", "card_status", "card_number")
            members = session.scalars(select(Member).where(Member.id.in_(sample))).all()
            stored = {m.id: tuple(getattr(m, c) for c in columns) for m in members}
            refresh_members(session, sample)
            session.flush()
            for member in members:
                assert tuple(getattr(member, c) for c in columns) == stored[member.id]
            session.rollback()
    finally:
        db.close()


# ---------------------------------------------------------------------------- history, roles


def test_membership_history(con: sqlite3.Connection) -> None:
    events: dict[str, list[sqlite3.Row]] = {}
    for event in _rows(con, "SELECT * FROM membership_events"):
        events.setdefault(event["member_id"], []).append(event)
    members = _rows(con, "SELECT * FROM members")
    kinds = Counter(e["kind"] for rows in events.values() for e in rows)
    assert {"joined", "transferred_in", "transferred_out", "category_changed", "removed",
            "restored"} <= set(kinds)
    removed = 0
    for member in members:
        own = events[member["id"]]
        assert {e["kind"] for e in own} & {"joined", "transferred_in"}
        assert all(e["org_id"] == member["org_id"] for e in own)
        if member["status"] == "removed":
            removed += 1
            assert member["removed_on"] and member["removal_reason"]
            last = max(own, key=lambda e: e["event_date"])
            assert last["kind"] == "removed" and last["reason"] == member["removal_reason"]
            assert last["event_date"] == member["removed_on"]
        else:
            assert member["removed_on"] is None and member["removal_reason"] is None
    assert removed / len(members) == pytest.approx(0.05, abs=0.02)


def test_roles(con: sqlite3.Connection) -> None:
    roles = _rows(con, "SELECT r.role, r.org_id, m.last_name, m.first_name, m.patronymic, "
                       "m.status FROM member_roles r JOIN members m ON m.id = r.member_id")
    assert {r["role"] for r in roles} >= {"chair", "committee_member", "revision_member",
                                           "group_organiser", "safety_rep"}
    assert all(r["status"] == "active" for r in roles)
    chairs = Counter(r["org_id"] for r in roles if r["role"] == "chair")
    primaries = _rows(con, "SELECT id, chair_name FROM organisations WHERE level = 'primary'")
    assert all(chairs[p["id"]] == 1 for p in primaries)
    names = {r["org_id"]: " ".join(x for x in (r["last_name"], r["first_name"], r["patronymic"])
                                   if x)
             for r in roles if r["role"] == "chair"}
    assert all(p["chair_name"] == names[p["id"]] for p in primaries)


# ---------------------------------------------------------------------------- cards


def test_every_card_status_present(con: sqlite3.Connection) -> None:
    card_statuses = {r[0] for r in _rows(con, "SELECT DISTINCT status FROM cards")}
    member_statuses = {r[0] for r in _rows(con, "SELECT DISTINCT card_status FROM members")}
    assert card_statuses | member_statuses == set(CARD_STATUSES)
    assert "not_ordered" in member_statuses


def test_cards_consistent(con: sqlite3.Connection) -> None:
    members = {m["id"]: m for m in _rows(con, "SELECT * FROM members")}
    cards = _rows(con, "SELECT * FROM cards")
    numbers = [c["number"] for c in cards if c["number"]]
    assert len(set(numbers)) == len(numbers)
    assert all(re.fullmatch(r"\d{16}", n) for n in numbers)
    history: dict[str, list[sqlite3.Row]] = {}
    for change in _rows(con, "SELECT * FROM card_status_changes ORDER BY changed_at"):
        history.setdefault(change["card_id"], []).append(change)
    requests = {r["id"]: r for r in _rows(con, "SELECT * FROM card_requests")}
    for card in cards:
        member = members[card["member_id"]]
        steps = [c["status"] for c in history[card["id"]]]
        assert steps[-1] == card["status"]
        assert steps[0] == "in_request"
        assert (card["number"] is not None) == ("produced" in steps)
        assert (card["issued_on"] is not None) == ("issued" in steps)
        if card["status"] in LIVE_CARD_STATUSES:
            assert member["status"] == "active" and member["is_complete"]
            assert member["has_consent"]
        if card["status"] == "cancelled":
            assert member["status"] == "removed"
        request = requests[card["request_id"]]
        assert request["org_id"] == card["org_id"] == member["org_id"]
        if request["state"] == "draft":
            assert card["status"] == "in_request"
        if card["replaces_id"]:
            replaced = next(c for c in cards if c["id"] == card["replaces_id"])
            assert replaced["status"] in ("lost", "damaged")
    live_per_member = Counter(c["member_id"] for c in cards
                              if c["status"] in LIVE_CARD_STATUSES)
    assert max(live_per_member.values()) == 1
    assert any(c["replaces_id"] for c in cards)


def test_foreign_keys_hold(con: sqlite3.Connection) -> None:
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_live_row_counts_are_kept_and_right(demo_db: Path) -> None:
    """The load runs without the count triggers; they are back afterwards, with every count."""
    from chairclient.db.row_counts import count_all, kept_counts

    db = open_database(demo_db)
    try:
        with db.transaction() as session:
            kept = kept_counts(session)
            assert kept is not None and kept == count_all(session)
            assert sum(per.get("member", 0) for per in kept.values()) > 0
    finally:
        db.close()

"""Duplicates within the file and against the database, with each decision."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from chairclient.db.models import Member
from chairclient.importing import Decision, build_preview, find_duplicates, load_table, run_import
from chairclient.importing.columns import FULL_NAME
from chairclient.services.members import save_member
from tests.core.factories import member_values
from tests.importing.helpers import write_xlsx

MAPPING = {0: FULL_NAME, 1: "birth_date", 2: "snils", 3: "phone"}


def make_preview(tmp_path: Path):
    path = write_xlsx(tmp_path / "d.xlsx", [
        ["ФИО", "Дата рождения", "СНИЛС", "Телефон"],
        ["Иванова Мария Петровна", "14.03.1985", "", "89120000001"],    # same as DB by name
        ["Кузнецов Олег", "01.01.1980", "112-233-445 95", ""],          # same as DB by СНИЛС
        ["Орлова Анна", "02.02.1992", "", ""],                           # new
        ["ОРЛОВА  анна", "02.02.1992", "", "89120000002"],               # repeats row 4
    ])
    return build_preview(load_table(path), MAPPING)


@pytest.fixture
def existing(db, org_id) -> dict[str, str]:
    with db.transaction() as s:
        a = save_member(s, org_id, member_values(last_name="Иванова", first_name="Мария",
                                                 birth_date=date(1985, 3, 14))).member_id
        b = save_member(s, org_id, member_values(last_name="Кузнецова", first_name="Ольга",
                                                 snils="11223344595")).member_id
    return {"ivanova": a, "snils": b}


def test_found_in_database_and_in_file(tmp_path: Path, db, existing) -> None:
    preview = make_preview(tmp_path)
    with db.session() as s:
        found = {d.row: d for d in find_duplicates(preview, s)}
    assert set(found) == {2, 3, 5}
    assert found[2].existing.id == existing["ivanova"] and "дата рождения" in found[2].reason
    assert found[3].existing.id == existing["snils"] and found[3].reason == "совпадает СНИЛС"
    assert found[5].other_row == 4 and not found[5].in_database
    assert found[5].text() == "Строка 5: повторяет строку 4 — совпадают фамилия, имя и дата рождения"


def test_default_is_skip(tmp_path: Path, db, org_id, existing) -> None:
    preview = make_preview(tmp_path)
    with db.session() as s:
        duplicates = find_duplicates(preview, s)
    report = run_import(db, org_id, preview, duplicates)
    assert report.counts == {"imported": 1, "updated": 0, "skipped": 3, "refused": 0}
    with db.session() as s:
        assert s.scalar(select(Member.phone).where(Member.id == existing["ivanova"])) is None


def test_update_existing_and_file_duplicates(tmp_path: Path, db, org_id, existing) -> None:
    preview = make_preview(tmp_path)
    with db.session() as s:
        duplicates = find_duplicates(preview, s)
    decisions = {d.row: Decision.UPDATE for d in duplicates}
    report = run_import(db, org_id, preview, duplicates, decisions)
    assert report.counts == {"imported": 1, "updated": 3, "skipped": 0, "refused": 0}
    with db.session() as s:
        ivanova = s.get(Member, existing["ivanova"])
        orlova = s.scalars(select(Member).where(Member.last_name == "Орлова")).all()
        kuz = s.get(Member, existing["snils"])
    assert ivanova.phone == "+79120000001" and ivanova.category == "working"  # kept
    assert len(orlova) == 1 and orlova[0].phone == "+79120000002"
    assert (kuz.last_name, kuz.first_name) == ("Кузнецов", "Олег")


def test_create_anyway(tmp_path: Path, db, org_id, existing) -> None:
    preview = make_preview(tmp_path)
    with db.session() as s:
        duplicates = find_duplicates(preview, s)
    decisions = {d.row: Decision.CREATE for d in duplicates}
    report = run_import(db, org_id, preview, duplicates, decisions)
    # The СНИЛС duplicate cannot be created: СНИЛС is unique in the database.
    assert report.counts == {"imported": 3, "updated": 0, "skipped": 0, "refused": 1}
    assert "СНИЛС" in report.by_outcome("refused")[0].reason
    with db.session() as s:
        assert len(s.scalars(select(Member).where(Member.last_name == "Орлова")).all()) == 2
        assert len(s.scalars(select(Member).where(Member.last_name == "Иванова")).all()) == 2

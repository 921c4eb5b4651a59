"""Duplicates against the registry (through an injected lookup) and updates within one import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from chairclient.db.models import Member
from chairclient.importing import (
    Decision,
    OrgHint,
    PersonKey,
    build_preview,
    check_registry,
    find_duplicates,
    load_table,
    person_keys,
    run_import,
)
from chairclient.importing.columns import FULL_NAME
from chairclient.services.members import save_member
from tests.core.factories import member_values
from tests.importing.helpers import write_xlsx

MAPPING = {0: FULL_NAME, 1: "birth_date", 2: "snils", 3: "phone"}


def preview_of(tmp_path: Path, rows: list[list[object]]):
    path = write_xlsx(tmp_path / "r.xlsx", [["ФИО", "Дата рождения", "СНИЛС", "Телефон"], *rows])
    return build_preview(load_table(path), MAPPING)


class Registry:
    """A stand-in registry answering from a fixed table of people (the real one is HTTP)."""

    def __init__(self, known: dict[str, OrgHint]) -> None:
        self.known = known
        self.asked: list[list[PersonKey]] = []

    def __call__(self, keys: list[PersonKey]) -> dict[int, OrgHint]:
        self.asked.append(keys)
        found = {}
        for key in keys:
            hint = self.known.get(key.snils or "") or self.known.get(key.last_name)
            if hint is not None:
                found[key.row] = hint
        found[999] = OrgHint("never asked about")  # ignored: not a row that was asked
        return found


def test_rows_already_duplicated_locally_are_not_sent(tmp_path: Path, db, org_id) -> None:
    with db.transaction() as s:
        save_member(s, org_id, member_values(last_name="Орлова", first_name="Анна",
                                             birth_date=date(1992, 2, 2)))
    preview = preview_of(tmp_path, [
        ["Орлова Анна", "02.02.1992", "", ""],                 # in the local database
        ["Кузнецов Олег", "01.01.1980", "112-233-445 95", ""],  # in the registry by СНИЛС
        ["Петров Иван", "", "", ""],                             # nothing to ask by
        ["Сидорова Ольга", "03.03.1993", "", ""],                # asked, not found
    ])
    with db.session() as s:
        local = find_duplicates(preview, s)
    assert [d.row for d in local] == [2]
    assert [k.row for k in person_keys(preview)] == [2, 3, 5]
    registry = Registry({"112-233-445 95": OrgHint("ППО школы № 7", "П-7", by_snils=True)})
    seen: list[tuple[int, int]] = []
    found = check_registry(registry, preview, local, batch=1, progress=lambda *a: seen.append(a))
    assert [[k.row for k in batch] for batch in registry.asked] == [[3], [5]]
    assert seen == [(1, 2), (2, 2)]
    assert registry.asked[0][0] == PersonKey(3, "Кузнецов", "Олег", date(1980, 1, 1),
                                             "112-233-445 95")
    assert len(found) == 1 and found[0].row == 3 and found[0].in_registry
    assert not found[0].can_update and found[0].reason == "совпадает СНИЛС"
    assert "«ППО школы № 7 (П-7)» по данным реестра" in found[0].text()


def test_registry_duplicates_are_skipped_or_created(tmp_path: Path, db, org_id) -> None:
    preview = preview_of(tmp_path, [
        ["Кузнецов Олег", "01.01.1980", "112-233-445 95", ""],
        ["Сидорова Ольга", "03.03.1993", "", ""],
        ["Белова Вера", "04.04.1994", "", ""],
    ])
    hint = OrgHint("ППО школы № 7")
    found = check_registry(Registry({"Кузнецов": hint, "Сидорова": hint, "Белова": hint}),
                           preview)
    decisions = {2: Decision.SKIP, 3: Decision.CREATE, 4: Decision.UPDATE}
    report = run_import(db, org_id, preview, found, decisions)
    assert report.counts == {"imported": 1, "updated": 0, "skipped": 2, "refused": 0}
    assert "перевод" in next(r for r in report.rows if r.row == 4).reason
    with db.session() as s:
        assert list(s.scalars(select(Member.last_name))) == ["Сидорова"]


def test_a_lookup_failure_reaches_the_caller(tmp_path: Path) -> None:
    preview = preview_of(tmp_path, [["Кузнецов Олег", "01.01.1980", "", ""]])

    def offline(_keys: list[PersonKey]) -> dict[int, OrgHint]:
        raise ConnectionError("no route to host")

    with pytest.raises(ConnectionError):
        check_registry(offline, preview)


def test_an_updated_card_follows_the_rows_that_repeat_it(tmp_path: Path, db, org_id) -> None:
    """Row 3 updates a card and gives it a СНИЛС; row 4 repeats row 3 by that СНИЛС only:
    «update» edits the same card, «create anyway» is refused — the СНИЛС is now taken."""
    with db.transaction() as s:
        existing = save_member(s, org_id, member_values(
            last_name="Кузнецов", first_name="Олег", birth_date=date(1980, 1, 1))).member_id
    rows = [
        ["Новикова Нина", "05.05.1995", "", ""],
        ["Кузнецов Олег", "01.01.1980", "112-233-445 95", ""],
        ["Кузнецов Олег", "02.01.1980", "112-233-445 95", "89120000003"],
    ]
    preview = preview_of(tmp_path, rows)
    with db.session() as s:
        duplicates = find_duplicates(preview, s)
    assert {d.row: (d.existing is not None, d.other_row) for d in duplicates} == {
        3: (True, None), 4: (False, 3)}
    updated = run_import(db, org_id, preview, duplicates, {3: Decision.UPDATE, 4: Decision.UPDATE},
                         dry_run=True)
    assert updated.counts == {"imported": 1, "updated": 2, "skipped": 0, "refused": 0}
    assert {r.member_id for r in updated.rows if r.outcome == "updated"} == {existing}

    report = run_import(db, org_id, preview, duplicates, {3: Decision.UPDATE, 4: Decision.CREATE})
    assert report.counts == {"imported": 1, "updated": 1, "skipped": 0, "refused": 1}
    assert "СНИЛС" in report.by_outcome("refused")[0].reason
    with db.session() as s:
        assert s.scalar(select(Member.snils).where(Member.id == existing)) == "112-233-445 95"
        assert len(s.scalars(select(Member.id).where(Member.snils.is_not(None))).all()) == 1

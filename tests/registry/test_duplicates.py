"""``python -m registry duplicates``: the cards on the register twice in an organisation's
subtree, as a workbook staff can work from (read back here), and nothing outside it."""

from __future__ import annotations

import stat
from pathlib import Path

from openpyxl import load_workbook

from registry.cli import main
from tests.registry.transfer_helpers import add_person, fresh_snils
from tests.registry.world import World


def test_the_duplicates_of_a_subtree_and_only_them(db, world: World, tmp_path: Path,
                                                   capsys) -> None:
    # Registered twice before the registry refused it: the same СНИЛС in two schools of T1.
    twice = fresh_snils()
    first = add_person(db, world, "P1a", snils=twice)
    second = add_person(db, world, "P1b", snils=twice, last_name=first["last_name"])
    # No СНИЛС: the same names and birth date (letter case and ё do not matter).
    named = add_person(db, world, "P1a", snils=None, last_name="Фёдорова" + world.suffix)
    add_person(db, world, "P1b", snils=None, last_name="федорова" + world.suffix)
    # Not duplicates: a removed card, a namesake born another day, and T3's own pair.
    add_person(db, world, "P1b", snils=None, last_name=named["last_name"],
               birth_date="1990-01-01")
    add_person(db, world, "P1a", snils=twice, status="removed", removed_on="2024-01-01",
               removal_reason="voluntary")
    elsewhere = fresh_snils()
    add_person(db, world, "P3", snils=elsewhere)
    add_person(db, world, "P3", snils=elsewhere)
    out = tmp_path / "dup" / "t1.xlsx"
    assert main(["duplicates", "--db", db.url, "--org", f"T1-{world.suffix}",
                 "--out", str(out)]) == 0
    # The world's two «Иванова Анна Петровна» born the same day, without a СНИЛС, count too.
    assert "Групп возможных дубликатов: 3, карточек: 6" in capsys.readouterr().out
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("Группа", "Совпадение", "СНИЛС (последние цифры)", "Фамилия")
    by_snils = [r for r in rows[1:] if r[1] == "СНИЛС"]
    assert sorted(r[8] for r in by_snils) == [f"P1a-{world.suffix}", f"P1b-{world.suffix}"]
    assert {r[2] for r in by_snils} == {"***-***-" + twice[-6:]}
    assert all(twice not in str(cell) for row in rows for cell in row)  # never whole
    assert {r[3] for r in by_snils} == {first["last_name"], second["last_name"]}
    assert by_snils[0][6] == "12.04.1985" and by_snils[0][9] == "на учёте"
    named_rows = [r for r in rows[1:]
                  if r[1] == "ФИО и дата рождения" and r[3].endswith(world.suffix)]
    assert len(named_rows) == 2 and len({r[0] for r in named_rows}) == 1
    # The regional staff above both territories see T3's pair too; a school sees its own only.
    main(["duplicates", "--db", db.url, "--org", f"R2-{world.suffix}", "--out", str(out)])
    assert "Групп возможных дубликатов: 1, карточек: 2" in capsys.readouterr().out

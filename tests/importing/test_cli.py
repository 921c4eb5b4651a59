"""The command line, run as a separate process on real files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from chairclient.db.engine import open_database
from chairclient.importing import write_template
from tests.importing.helpers import ORG_CODE, VALID, add_org, counts, fill_template, write_xlsx

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m chairclient import-members`` when the command is wired, else our module."""
    from chairclient import cli

    entry = ["-m", "chairclient", "import-members"] if "import-members" in cli.COMMANDS else [
        "-m", "chairclient.importing"]
    return subprocess.run([sys.executable, *entry, *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "local.sqlite"
    db = open_database(path)
    add_org(db)
    db.close()
    return path


def member_file(tmp_path: Path) -> Path:
    return fill_template(write_template(tmp_path / "t.xlsx"), [
        VALID,
        {**VALID, "Фамилия": "Петрова", "СНИЛС": "", "Дата рождения": "01.01.1990"},
        {**VALID, "Фамилия": "Сидорова", "СНИЛС": "112-233-445 96"},
    ])


def test_import_prints_counts_and_saves_report(tmp_path: Path, database: Path) -> None:
    path = member_file(tmp_path)
    dry = run("--db", str(database), "--org", ORG_CODE, str(path), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Проверка без записи: было бы загружено строк: 2" in dry.stdout
    db = open_database(database)
    assert counts(db)[0] == 0
    db.close()

    report = tmp_path / "отчёт.xlsx"
    done = run("--db", str(database), "--org", ORG_CODE, str(path), "--report", str(report))
    assert done.returncode == 0, done.stderr
    assert "загружено строк: 2" in done.stdout and "Отклонено строк: 1" in done.stdout
    assert "Строка 4: отклонена, неверно заполнено: «СНИЛС»" in done.stdout
    assert "Сидорова" not in done.stdout + done.stderr  # no personal data on the console
    rows = list(load_workbook(report)["Строки"].iter_rows(values_only=True))
    assert rows[1][:3] == (2, "Иванова Мария Петровна", "Загружена")
    assert rows[3][2] == "Отклонена" and "контрольная сумма" in rows[3][3]

    again = run("--db", str(database), "--org", ORG_CODE, str(path))
    assert again.returncode == 1  # all duplicates (skipped) or refused: nothing imported
    assert "Пропущено строк (дубликаты): 2" in again.stdout
    updated = run("--db", str(database), "--org", ORG_CODE, str(path), "--on-duplicate", "update")
    assert updated.returncode == 0 and "обновлено карточек: 2" in updated.stdout


def test_refusals_exit_non_zero(tmp_path: Path, database: Path) -> None:
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"%PDF-1.7")
    result = run("--db", str(database), "--org", ORG_CODE, str(bad))
    assert result.returncode == 2 and "не является электронной таблицей" in result.stderr
    no_org = run("--db", str(database), "--org", "НЕТ", str(member_file(tmp_path)))
    assert no_org.returncode == 2 and "не найдена" in no_org.stderr
    header_only = write_xlsx(tmp_path / "h.xlsx", [["Фамилия", "Имя", "Дата рождения"]])
    empty = run("--db", str(database), "--org", ORG_CODE, str(header_only))
    assert empty.returncode == 1 and "загружено строк: 0" in empty.stdout

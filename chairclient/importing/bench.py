"""Benchmark: preview and import of a 10,000-row HR spreadsheet (targets: < 5 s and < 10 s)."""

from __future__ import annotations

import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from chairclient.db.engine import open_database
from chairclient.db.models import Organisation
from chairclient.importing import (
    build_preview,
    find_duplicates,
    guess_mapping,
    load_table,
    run_import,
)
from chairclient.validation import snils_control

HEADERS = ["№", "ФИО", "Дата рождения", "Пол", "СНИЛС", "Должность", "Место работы",
           "Образование", "Телефон", "E-mail", "Категория", "Дата вступления"]
_LAST = ["Иванов", "Петров", "Сидоров", "Кузнецов", "Смирнов", "Попов", "Лебедев", "Козлов"]
_FIRST = ["Алексей", "Сергей", "Дмитрий", "Андрей", "Михаил", "Иван", "Павел", "Олег"]
_MIDDLE = ["Петрович", "Иванович", "Сергеевич", "Андреевич", "Олегович"]
_POSITIONS = ["Учитель", "учитель начальных классов", "Воспитатель", "Завхоз", "Педагог-психолог"]


def _snils(n: int) -> str:
    body = f"{100_000_000 + n * 7:09d}"
    return f"{body[:3]}-{body[3:6]}-{body[6:]} {snils_control(body)}"


def make_rows(count: int) -> list[list[Any]]:
    """``count`` fictitious, distinct, valid members in an HR-style layout."""
    rows = []
    for i in range(count):
        born = date(1960, 1, 1) + timedelta(days=(i * 37) % 15000)
        name = f"{_LAST[i % 8]} {_FIRST[(i // 8) % 8]} {_MIDDLE[(i // 64) % 5]}"
        rows.append([
            i + 1, name, born if i % 2 else f"{born:%d.%m.%Y}", "м", _snils(i),
            _POSITIONS[i % 5], "МБОУ СОШ № 1", "Высшее", f"8 (912) {i % 1000:03d}-{i % 100:02d}-11",
            f"user{i}@example.ru", "Работающий", "01.09.2015",
        ])
    return rows


def write_file(path: Path, count: int) -> Path:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Сотрудники")
    sheet.append(["Список сотрудников МБОУ СОШ № 1"])
    sheet.append(HEADERS)
    for row in make_rows(count):
        sheet.append(row)
    book.save(path)
    return path


def bench_import(tmp_dir: Path | str, rows: int = 10_000) -> dict[str, float]:
    """Seconds for reading+preview+duplicates and for the import of ``rows`` rows."""
    tmp = Path(tmp_dir)
    tmp.mkdir(parents=True, exist_ok=True)
    path = write_file(tmp / "bench-import.xlsx", rows)
    db = open_database(tmp / f"bench-import-{uuid.uuid4().hex[:8]}.sqlite")
    try:
        org_id = str(uuid.uuid4())
        with db.transaction() as session:
            session.add(Organisation(id=org_id, org_id=org_id, code="BENCH", level="primary",
                                     full_name="ППО", short_name="ППО"))
        started = time.perf_counter()
        table = load_table(path)
        preview = build_preview(table, guess_mapping(table.headers))
        with db.session() as session:
            duplicates = find_duplicates(preview, session)
        preview_s = time.perf_counter() - started
        started = time.perf_counter()
        report = run_import(db, org_id, preview, duplicates)
        import_s = time.perf_counter() - started
    finally:
        db.close()
    return {
        "rows": float(rows),
        "preview_s": round(preview_s, 2),
        "import_s": round(import_s, 2),
        "imported": float(report.counts["imported"]),
    }


if __name__ == "__main__":
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(bench_import(tmp, int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))

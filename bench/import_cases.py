"""Registration from a spreadsheet (issue 4): 10,000 rows of a school's HR sheet.

The sheet is built from demo people of another seed, written the way HR departments write
them: ФИО in one column, dates as text, as real dates and as Excel serials, СНИЛС with and
without dashes, phones in every common format, names from the reference lists. The preview is
what the wizard does before showing the table (open, header row, mapping, every cell checked,
duplicates within the file and against the 100,000-member database); the import is
:func:`run_import` of every importable row into one organisation of a copy of that database.
"""

from __future__ import annotations

import random
import time
from datetime import date
from pathlib import Path
from typing import Any

from bench.results import Result
from chairclient.db.engine import copy_database

ROWS = 10_000
HEADERS = ("№", "ФИО", "Дата рождения", "Пол", "СНИЛС", "Должность", "Категория",
           "Член профсоюза с", "Дата постановки на учёт", "Способ постановки на учёт",
           "Место работы", "Образование", "Форма уплаты взносов", "Телефон", "E-mail")


def _names(session: Any, model: Any) -> dict[str, str]:
    from sqlalchemy import select

    return dict(session.execute(select(model.code, model.name)).all())


def _date_cell(rng: random.Random, value: date | None) -> Any:
    if value is None:
        return None
    style = rng.random()
    if style < 0.4:
        return value  # a real Excel date
    if style < 0.7:
        return value.strftime("%d.%m.%Y")  # typed as text
    return (value - date(1899, 12, 30)).days  # an Excel serial shown as a number


def _phone_cell(rng: random.Random, phone: str | None) -> str | None:
    if not phone:
        return None
    d = phone[-10:]
    return rng.choice((
        phone, f"8{d}", f"8 ({d[:3]}) {d[3:6]}-{d[6:8]}-{d[8:]}", f"+7 {d[:3]} {d[3:6]} {d[6:]}",
    ))


def write_hr_sheet(path: Path, db_path: Path, rows: int = ROWS) -> Path:
    """A school's HR spreadsheet of ``rows`` people (write-only, like a big export)."""
    from openpyxl import Workbook

    from chairclient.db.engine import open_database
    from chairclient.db.models_ref import (
        RefCategory,
        RefDuesForm,
        RefEducationLevel,
        RefPosition,
        RefRegistrationMethod,
    )
    from chairclient.demo.build import generate

    db = open_database(db_path)
    try:
        with db.session() as session:
            refs = {model: _names(session, model) for model in (
                RefCategory, RefDuesForm, RefEducationLevel, RefPosition, RefRegistrationMethod)}
    finally:
        db.close()
    people = generate(rows, seed=20261204).tables["members"][:rows]
    rng = random.Random(4)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Сотрудники")
    sheet.append(["Список работников МБОУ СОШ № 5 на 01.12.2026"])
    sheet.append([])
    sheet.append(list(HEADERS))
    for number, p in enumerate(people, 1):
        name = " ".join(x for x in (p["last_name"], p["first_name"], p["patronymic"]) if x)
        snils = p["snils"]
        if snils and rng.random() < 0.3:
            snils = snils.replace("-", "").replace(" ", "")
        sheet.append([
            number, f"  {name} " if rng.random() < 0.05 else name,
            _date_cell(rng, p["birth_date"]), "ж" if p["sex"] == "F" else "м", snils,
            refs[RefPosition].get(p["position_code"] or "", p["position_text"]),
            refs[RefCategory].get(p["category"] or ""),
            _date_cell(rng, p["member_since"]), _date_cell(rng, p["registered_on"]),
            refs[RefRegistrationMethod].get(p["registration_method"] or ""),
            p["workplace"], refs[RefEducationLevel].get(p["education_level"] or ""),
            refs[RefDuesForm].get(p["dues_form"] or ""), _phone_cell(rng, p["phone"]),
            p["email"],
        ])
    book.save(path)
    return path


def _preview(sheet: Path, db: Any) -> tuple[Any, list[Any]]:
    from chairclient.importing import (
        build_preview,
        find_duplicates,
        guess_mapping,
        load_table,
        open_spreadsheet,
    )

    table = load_table(open_spreadsheet(sheet))
    preview = build_preview(table, guess_mapping(table.headers))
    with db.session() as session:
        duplicates = find_duplicates(preview, session)
    return preview, duplicates


def imports(db_path: Path, scratch: Path, repeats: int = 3) -> list[Result]:
    from sqlalchemy import func, select

    from chairclient.db.engine import open_database
    from chairclient.db.models import Member
    from chairclient.importing import run_import

    sheet = write_hr_sheet(scratch / "hr-10000.xlsx", db_path)
    previews, runs = [], []
    detail: dict[str, Any] = {}
    for attempt in range(repeats):
        copy = scratch / f"import-{attempt}.sqlite"
        copy_database(db_path, copy)
        db = open_database(copy)
        try:
            started = time.perf_counter()
            preview, duplicates = _preview(sheet, db)
            previews.append(time.perf_counter() - started)
            with db.session() as session:
                org_id = session.scalar(select(Member.org_id).group_by(Member.org_id)
                                        .order_by(func.count().desc()).limit(1))
            started = time.perf_counter()
            report = run_import(db, org_id, preview, duplicates)
            runs.append(time.perf_counter() - started)
            detail = {"rows": len(preview.rows), "duplicates": len(duplicates),
                      "outcomes": report.counts}
        finally:
            db.close()
            copy.unlink(missing_ok=True)
    return [
        Result(f"import: preview of {ROWS:,} HR rows".replace(",", " "), min(previews), "s",
               floor=5.0, target=3.0, detail={**detail, "runs_s": previews}),
        Result(f"import: {ROWS:,} rows into the 100 000-member database".replace(",", " "),
               min(runs), "s", floor=10.0, target=5.0, detail={"runs_s": runs}),
    ]

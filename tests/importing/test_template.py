"""The template: its sheets and drop-downs, and a full round trip through the import."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from chairclient.db.models import Member
from chairclient.importing import (
    build_preview,
    find_duplicates,
    guess_mapping,
    load_table,
    run_import,
    write_template,
)
from chairclient.importing.template import DATA_SHEET, HELP_SHEET, LISTS_SHEET, TEMPLATE_COLUMNS
from tests.importing.helpers import VALID, fill_template


def test_template_has_columns_lists_and_instructions(tmp_path: Path) -> None:
    path = write_template(tmp_path / "шаблон.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == [DATA_SHEET, LISTS_SHEET, HELP_SHEET]
    assert book[LISTS_SHEET].sheet_state == "hidden"
    headers = [c.value for c in book[DATA_SHEET][1]]
    assert headers[:3] == ["Фамилия *", "Имя *", "Отчество"]
    assert len(headers) == len(TEMPLATE_COLUMNS)
    validations = book[DATA_SHEET].data_validations.dataValidation
    lists = {str(v.sqref).split(":")[0][:-1]: v.formula1 for v in validations}
    column = {h.rstrip(" *"): chr(ord("A") + i) for i, h in enumerate(headers)}
    for header in ("Пол", "Категория", "Должность", "Образование", "Форма уплаты взносов",
                   "Способ постановки на учёт"):
        assert LISTS_SHEET in lists[column[header]]
    listed = {c.value for row in book[LISTS_SHEET].iter_rows() for c in row}
    assert {"Мужской", "Учитель", "Наличная", "Неработающий пенсионер"} <= listed
    assert "шаблон" in book[HELP_SHEET]["A1"].value.lower()


def test_template_examples_pass_the_preview(tmp_path: Path) -> None:
    table = load_table(write_template(tmp_path / "t.xlsx"))
    preview = build_preview(table, guess_mapping(table.headers))
    assert len(preview.rows) == 2
    assert all(not row.problems for row in preview.rows), [p.text() for p in preview.problems()]


def test_round_trip_template_to_database(tmp_path: Path, db, org_id) -> None:
    path = fill_template(write_template(tmp_path / "t.xlsx"), [
        VALID,
        {**VALID, "Фамилия": "петров", "Имя": "  Пётр ", "Отчество": "", "Пол": "Мужской",
         "СНИЛС": "", "Дата рождения": "1990-05-06", "Должность": "Завхоз",
         "Образование": "Среднее профессиональное", "Телефон": "+7(912)111-22-33"},
    ])
    table = load_table(path)
    preview = build_preview(table, guess_mapping(table.headers))
    with db.session() as session:
        assert find_duplicates(preview, session) == []
    report = run_import(db, org_id, preview)
    assert report.counts["imported"] == 2
    with db.session() as session:
        members = {m.last_name: m for m in session.scalars(select(Member))}
    ivanova, petrov = members["Иванова"], members["Петров"]
    assert ivanova.sex == "F" and ivanova.position_code == "teacher"
    assert ivanova.dues_form == "cashless" and ivanova.phone == "+79123456789"
    assert ivanova.is_complete and ivanova.org_id == org_id
    assert petrov.first_name == "Пётр" and petrov.position_code is None
    assert petrov.position_text == "Завхоз" and petrov.education_level == "spo_specialist"
    warnings = [p.message for p in preview.rows[1].problems]
    assert any("не найдена в справочнике" in m for m in warnings)

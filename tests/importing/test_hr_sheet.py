"""A messy HR spreadsheet: title rows, merged two-level header, ФИО in one column, formulas…"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from chairclient.db.models import Member
from chairclient.importing import build_preview, guess_mapping, load_table, run_import
from chairclient.importing.columns import FULL_NAME
from tests.importing.helpers import set_cached_values, write_xlsx


def hr_file(tmp_path: Path) -> Path:
    rows = [
        ["Список работников МБОУ «СОШ № 5» на 01.09.2024"],
        [],
        ["№ п/п", "  Ф.И.О. работника ", "Дата рождения", "Пол (м/ж)", "СНИЛС", "Должность",
         "Контакты", None, "Примечание"],
        [None, None, None, None, None, None, "Тел.", "E-mail", None],
        [1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, "иванова  мария петровна", "14.03.1985", "ж", "112 233 445 95", "учитель",
         "8 (912) 345-67-89", "Ivanova@Mail.RU", ""],
        [2, "Семёнов Алексей Ильич", datetime(1990, 5, 6), "М", 11223344595, "Старший  воспитатель",
         "+7 912 111 22 33", None, None],
        [],
        [3, "Ёжикова Анна", 31120, "жен", None, "Завхоз", 9121112233, None, None],
        [4, "Петров Пётр Петрович", "=DATE(1985,3,14)", "м", None, "Учитель", "89121234567"],
        [5, "Сидоров", "31.02.1980", "x", "112-233-445 96", "Учитель", "12345", None, None],
        [None, None, None, None, None, None, None, None, "итого: 5"],
    ]
    path = write_xlsx(tmp_path / "hr.xlsx", rows, merges=("A3:A4", "B3:B4", "C3:C4", "D3:D4",
                                                          "E3:E4", "F3:F4", "G3:H3", "I3:I4"))
    set_cached_values(path, {"C10": "31120"})
    return path


def test_header_mapping_and_rows(tmp_path: Path) -> None:
    table = load_table(hr_file(tmp_path))
    assert table.header_row == 4  # the sub-header row; merged labels come from the row above
    mapping = guess_mapping(table.headers)
    assert mapping == {1: FULL_NAME, 2: "birth_date", 3: "sex", 4: "snils", 5: "position",
                       6: "phone", 7: "email"}
    assert [n for n, _ in table.rows] == [6, 7, 9, 10, 11, 12]  # numbering row 5 dropped


def test_preview_cleans_and_reports_every_cell(tmp_path: Path) -> None:
    table = load_table(hr_file(tmp_path))
    preview = build_preview(table, guess_mapping(table.headers), today=date(2025, 1, 1))
    rows = {r.row: r for r in preview.rows}
    assert 12 not in rows  # only an unmapped «итого» cell: not a member

    ivanova = rows[6].values
    assert (ivanova["last_name"], ivanova["first_name"], ivanova["patronymic"]) == (
        "Иванова", "Мария", "Петровна")
    assert ivanova["birth_date"] == date(1985, 3, 14)
    assert ivanova["sex"] == "F" and ivanova["snils"] == "112-233-445 95"
    assert ivanova["position_code"] == "teacher" and ivanova["phone"] == "+79123456789"
    assert ivanova["email"] == "Ivanova@mail.ru"
    assert not rows[6].refused and "category" in rows[6].missing

    semenov = rows[7].values
    assert semenov["last_name"] == "Семёнов" and semenov["birth_date"] == date(1990, 5, 6)
    assert semenov["snils"] == "112-233-445 95" and semenov["position_code"] == "senior_educator"

    yozhikova = rows[9]
    assert yozhikova.values["birth_date"] == date(1985, 3, 14)  # Excel serial
    assert "patronymic" not in yozhikova.values and yozhikova.values["phone"] == "+79121112233"
    assert yozhikova.values["position_text"] == "Завхоз"
    assert any(p.field == "position" and p.severity == "warning" for p in yozhikova.problems)

    assert rows[10].values["birth_date"] == date(1985, 3, 14)  # formula's cached value

    bad = rows[11]
    assert bad.refused
    errors = {p.field: p.message for p in bad.errors}
    assert set(errors) >= {"full_name", "birth_date", "sex", "phone"}
    assert "31.02.1980" in errors["birth_date"]
    assert bad.errors[0].text().startswith("Строка 11, «ФИО»:")
    snils = build_preview(table, {1: FULL_NAME, 4: "snils"}).rows
    assert next(r for r in snils if r.row == 11).errors[-1].message == "Неверная контрольная сумма"


def test_hr_import_saves_good_rows_and_refuses_bad(tmp_path: Path, db, org_id) -> None:
    table = load_table(hr_file(tmp_path))
    preview = build_preview(table, guess_mapping(table.headers))
    report = run_import(db, org_id, preview)
    # Семёнов has Иванова's СНИЛС: refused by the database check (СНИЛС is unique).
    assert report.counts == {"imported": 3, "updated": 0, "skipped": 0, "refused": 2}
    assert report.incomplete == 3
    with db.session() as session:
        names = sorted(session.scalars(select(Member.last_name)))
        member = session.scalar(select(Member).where(Member.last_name == "Иванова"))
    assert names == ["Ёжикова", "Иванова", "Петров"]
    assert member.is_complete is False and "иванова мария петровна" in member.search_text

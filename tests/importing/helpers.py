"""Builders of real spreadsheet files and a real local database for the import tests."""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from chairclient.db.engine import Database
from chairclient.db.models import Member, MembershipEvent, Organisation, OutboxEntry, new_id

ORG_CODE = "ППО-1"


def add_org(db: Database, code: str = ORG_CODE) -> str:
    org_id = new_id()
    with db.transaction() as s:
        s.add(Organisation(id=org_id, org_id=org_id, code=code, level="primary",
                           full_name="ППО МБОУ СОШ № 1", short_name="ППО СОШ № 1",
                           kind="workers", employer_type="school"))
    return org_id


def counts(db: Database) -> tuple[int, int, int]:
    """(members, membership events, outbox entries) in the database."""
    from sqlalchemy import func, select

    with db.session() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(model))
            for model in (Member, MembershipEvent, OutboxEntry)
        )


def write_xlsx(path: Path, rows: list[list[Any]], merges: tuple[str, ...] = (),
               title: str = "Лист1") -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def set_cached_values(path: Path, values: dict[str, str]) -> None:
    """Give formula cells a cached value, as Excel would have saved them."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    name = "xl/worksheets/sheet1.xml"
    xml = parts[name].decode("utf-8")
    for ref, value in values.items():
        xml = re.sub(rf'(<c r="{ref}"[^>]*>\s*<f>[^<]*</f>)\s*<v\s*/>', rf"\g<1><v>{value}</v>", xml)
    parts[name] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)


def write_csv(path: Path, rows: list[list[Any]], encoding: str = "cp1251",
              delimiter: str = ";") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def fill_template(path: Path, rows: list[dict[str, str]]) -> Path:
    """Replace the template's example rows with ``rows`` ({header without «*»: value})."""
    book = load_workbook(path)
    sheet = book.worksheets[0]
    headers = [str(c.value).rstrip(" *") for c in sheet[1]]
    sheet.delete_rows(2, sheet.max_row)
    for number, values in enumerate(rows, start=2):
        for header, value in values.items():
            sheet.cell(number, headers.index(header) + 1, value)
    book.save(path)
    return path


VALID = {
    "Фамилия": "Иванова", "Имя": "Мария", "Отчество": "Петровна", "Дата рождения": "14.03.1985",
    "Пол": "Женский", "СНИЛС": "112-233-445 95", "Категория": "Работающий",
    "Член профсоюза с": "01.09.2010", "Дата постановки на учёт": "01.09.2015",
    "Способ постановки на учёт": "Заявление о вступлении", "Место работы (учёбы)": "МБОУ СОШ № 1",
    "Должность": "Учитель", "Образование": "Высшее — бакалавриат",
    "Форма уплаты взносов": "Безналичная через бухгалтерию", "Телефон": "8 912 345 67 89",
}

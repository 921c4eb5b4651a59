"""The duplicates report for staff: cards on the register in an organisation's subtree that are
one person (``python -m registry duplicates --db URL --org CODE --out FILE.xlsx``).

The registry refuses a second card on the register with the same СНИЛС from now on; cards
registered twice before (or registered without a СНИЛС) are found here and cleared by the
chairs: one card stays, the others are removed as «ошибочная запись/дубликат» or transferred.
What one person is: :mod:`chairclient.domain.duplicates` (the app's list uses the same rule).

Only the subtree of the organisation asked for is searched. The workbook lists what staff need
to find the cards in their chairs' lists — ФИО, birth date, organisation (name and code) and
status — and the СНИЛС only by its last digits (enough to tell two cards apart, not to copy
the number). It holds personal data: it is written readable by its owner only (0600).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import select

from chairclient.domain.duplicates import DuplicateGroup, group_duplicates, mask_snils
from chairclient.private_files import atomic_private
from registry.db import Database
from registry.models import members, organisations
from registry.scope import subtree

HEADERS = ("Группа", "Совпадение", "СНИЛС (последние цифры)", "Фамилия", "Имя", "Отчество",
           "Дата рождения", "Организация", "Код организации", "Статус")
_BY = {"snils": "СНИЛС", "name_birth_date": "ФИО и дата рождения"}
_CHUNK = 500


def find_duplicates(db: Database, org_id: str) -> list[DuplicateGroup]:
    """Duplicate groups among the cards on the register in ``org_id``'s subtree."""
    with db.read() as session:
        orgs = sorted(subtree(session, [org_id]))
        names = {}
        rows: list[dict[str, Any]] = []
        for start in range(0, len(orgs), _CHUNK):
            part = orgs[start:start + _CHUNK]
            for org in session.execute(select(organisations.c.id, organisations.c.short_name,
                                              organisations.c.full_name, organisations.c.code)
                                       .where(organisations.c.id.in_(part))):
                names[org.id] = (org.short_name or org.full_name or "", org.code)
            rows += [dict(row) for row in session.execute(
                select(members.c.id, members.c.org_id, members.c.last_name,
                       members.c.first_name, members.c.patronymic, members.c.birth_date,
                       members.c.snils, members.c.status)
                .where(members.c.org_id.in_(part), members.c.deleted.is_(False),
                       members.c.status == "active")
                .order_by(members.c.last_name, members.c.id)).mappings()]
    for row in rows:
        row["org_name"], row["org_code"] = names.get(row["org_id"], ("", ""))
    return group_duplicates(rows)


def write_workbook(groups: list[DuplicateGroup], path: Path) -> int:
    """The groups as one sheet, one row per card; returns the number of rows."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Дубликаты"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    count = 0
    for number, group in enumerate(groups, 1):
        for row in group.rows:
            born = row["birth_date"]
            sheet.append([
                number, _BY[group.by], mask_snils(row["snils"]), row["last_name"],
                row["first_name"], row["patronymic"] or "",
                born.strftime("%d.%m.%Y") if isinstance(born, date) else "",
                row["org_name"], row["org_code"],
                "на учёте" if row["status"] == "active" else "снят с учёта",
            ])
            count += 1
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDEFGHIJ", (8, 20, 16, 18, 14, 18, 14, 40, 16, 12),
                             strict=True):
        sheet.column_dimensions[column].width = width
    with atomic_private(path) as part:  # owner-only before anything is written into it
        book.save(part)
    return count

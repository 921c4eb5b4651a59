"""The members selected in the list, to Excel (the list's usual columns; no Qt)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.models import Member
from reports.excel.list_columns import DEFAULT_COLUMNS, MEMBER_COLUMNS, joined
from reports.excel.saving import save_workbook
from reports.excel.styles import (
    BOLD,
    BORDER,
    DATE_FORMAT,
    HEADER_FILL,
    SMALL,
    TITLE,
    WRAP,
    guard_text,
    setup_print,
)
from reports.ru import ru_date

TITLE_TEXT = "Выбранные члены Профсоюза"
_HEADER_ROW = 4
_CHUNK = 500


def selection_rows(session: Session, member_ids: Sequence[str],
                   columns: Sequence[str] = DEFAULT_COLUMNS) -> list[list[object]]:
    """The chosen members' values for ``columns``, sorted by name."""
    chosen = [MEMBER_COLUMNS[key] for key in columns]
    order = (Member.last_name, Member.first_name, Member.patronymic, Member.id)
    rows: list[tuple] = []
    ids = list(member_ids)
    for start in range(0, len(ids), _CHUNK):
        query = joined(select(*(c.expr for c in chosen), *order).select_from(Member)).where(
            Member.deleted.is_(False), Member.id.in_(ids[start:start + _CHUNK]))
        rows += session.execute(query).all()
    rows.sort(key=lambda row: tuple(v or "" for v in row[len(chosen):]))
    return [[c.convert(v) if c.convert else v for c, v in zip(chosen, row, strict=False)]
            for row in rows]


def write_selection(session: Session, member_ids: Sequence[str], target: Path | str, *,
                    org_name: str = "", today: date | None = None) -> int:
    """Save the chosen members to ``target`` (.xlsx); returns the number of rows."""
    columns = [MEMBER_COLUMNS[key] for key in DEFAULT_COLUMNS]
    rows = selection_rows(session, member_ids)
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Список"
    ws["A1"] = TITLE_TEXT
    ws["A1"].font = TITLE
    guard_text(ws["A2"], f"{org_name}; сформирован {ru_date(today or date.today())}")
    ws["A2"].font = SMALL
    for index, column in enumerate(columns, 1):
        cell = ws.cell(_HEADER_ROW, index, column.header)
        cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEADER_FILL, BORDER, WRAP
        ws.column_dimensions[get_column_letter(index)].width = column.width
    for offset, values in enumerate(rows, 1):
        for index, (column, value) in enumerate(zip(columns, values, strict=False), 1):
            cell = guard_text(ws.cell(_HEADER_ROW + offset, index), value)
            if column.kind == "date" and value is not None:
                cell.number_format = DATE_FORMAT
    ws.cell(_HEADER_ROW + len(rows) + 1, 1, f"Всего: {len(rows)}").font = BOLD
    ws.freeze_panes = f"A{_HEADER_ROW + 1}"
    setup_print(ws, landscape=True, title_rows=f"{_HEADER_ROW}:{_HEADER_ROW}",
                footer=TITLE_TEXT)
    workbook.properties.title = TITLE_TEXT
    workbook.properties.creator = "Рабочее место председателя"
    save_workbook(workbook, target)
    return len(rows)

"""«Форма 5-СП» to Excel: the form, a sheet per subordinate organisation, a native chart.

Counted values are numbers; derived rows (totals, coverage %) are Excel formulas over them, so
a chair who corrects a number by hand sees the derived rows follow.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy.orm import Session

from reports.excel.saving import save_workbook
from reports.excel.styles import (
    BOLD,
    BORDER,
    CENTER,
    FONT,
    HEADER_FILL,
    SECTION_FILL,
    SMALL,
    TITLE,
    WRAP,
    guard_text,
    setup_print,
)
from reports.ru import ru_date
from reports.stats.definition import COLUMNS, ReportDef, RowDef, load_definition
from reports.stats.plausibility import plausibility_warnings
from reports.stats.sp5 import RowValues, Sp5Result, compute_5sp

__all__ = ["build_5sp_workbook", "plausibility_warnings", "write_5sp"]

NOT_APPLICABLE = "х"
ONE_DAY = timedelta(days=1)
FORM_SHEET = "Форма 5-СП"
BY_ORG_SHEET = "По организациям"
CHART_SHEET = "Диаграмма"
_REF = re.compile(r"\{(\w+)\}")
_VALUE_COLUMNS = {"start": 3, "end": 4, "women": 5}  # C, D, E
VERTICAL = Alignment(text_rotation=90, horizontal="center", vertical="bottom", wrap_text=True)


def _formula(row: RowDef, cell_of: dict[str, str]) -> str:
    return "=" + _REF.sub(lambda m: cell_of[m.group(1)], row.formula or "")


def _header(ws: Worksheet, result: Sp5Result) -> int:
    definition = result.definition
    root = result.root
    lines = [
        (definition.title, TITLE),
        (root.name, BOLD),
        (f"Код организации в реестре: {root.code}. По состоянию на {ru_date(result.cutoff)}; "
         f"отчётный год: {ru_date(result.year_start)} – {ru_date(result.cutoff - ONE_DAY)}. "
         f"Первичных профсоюзных организаций в отчёте: {result.primary_count}.", FONT),
    ]
    for n, (text, font) in enumerate(lines, 1):
        cell = guard_text(ws.cell(n, 1), text)
        cell.font = font
        cell.alignment = WRAP
        ws.merge_cells(start_row=n, start_column=1, end_row=n, end_column=5)
    ws.row_dimensions[2].height = 28
    ws.row_dimensions[3].height = 28
    head = 5
    labels = ["№ строки", "Показатель", *(definition.column_labels[c] for c in COLUMNS)]
    for col, label in enumerate(labels, 1):
        cell = ws.cell(head, col, label)
        cell.font, cell.alignment, cell.border, cell.fill = BOLD, CENTER, BORDER, HEADER_FILL
        number = ws.cell(head + 1, col, ["А", "Б", "1", "2", "3"][col - 1])
        number.font, number.alignment, number.border = SMALL, CENTER, BORDER
    ws.row_dimensions[head].height = 42
    return head + 2


def _form_sheet(ws: Worksheet, result: Sp5Result) -> dict[str, int]:
    """The form itself; returns row key → worksheet row."""
    definition = result.definition
    row_no = _header(ws, result)
    where: dict[str, int] = {}
    for section in definition.sections:
        cell = ws.cell(row_no, 1, section.title)
        cell.font, cell.fill = BOLD, SECTION_FILL
        ws.merge_cells(start_row=row_no, start_column=1, end_row=row_no, end_column=5)
        for col in range(1, 6):
            ws.cell(row_no, col).border = BORDER
        row_no += 1
        for row in section.rows:
            where[row.key] = row_no
            _form_row(ws, row_no, row, result.total.get(row.key, {}), where)
            row_no += 1
    _footer(ws, row_no + 1, result)
    ws.column_dimensions["A"].width = 9
    ws.column_dimensions["B"].width = 58
    for letter in "CDE":
        ws.column_dimensions[letter].width = 16
    ws.freeze_panes = "C7"
    setup_print(ws, title_rows="5:6", footer=f"{result.root.code} · 5-СП на "
                f"{ru_date(result.cutoff)}")
    return where


def _form_row(ws: Worksheet, row_no: int, row: RowDef, values: dict, where: dict[str, int]
              ) -> None:
    code = ws.cell(row_no, 1, row.code)
    label = ws.cell(row_no, 2, row.label)
    code.alignment = CENTER
    label.alignment = Alignment(wrap_text=True, vertical="center", indent=row.indent * 2)
    for cell in (code, label):
        cell.font = BOLD if row.bold else FONT
        cell.border = BORDER
    for col, index in _VALUE_COLUMNS.items():
        cell = ws.cell(row_no, index)
        cell.border = BORDER
        cell.font = BOLD if row.bold else FONT
        cell.alignment = CENTER
        if col not in row.columns:
            cell.value = NOT_APPLICABLE
            continue
        if row.source == "formula":
            letter = get_column_letter(index)
            cell.value = _formula(row, {k: f"{letter}{r}" for k, r in where.items()})
        else:
            cell.value = values.get(col)
        cell.number_format = row.number_format


def _footer(ws: Worksheet, row_no: int, result: Sp5Result) -> None:
    lines = [
        f"Сформировано: {datetime.now().strftime('%d.%m.%Y %H:%M')} по данным учётных карточек "
        "и паспортов организаций («Рабочее место председателя»). «х» — графа не заполняется.",
        "Председатель ______________________ / ______________________ /",
    ]
    for offset, text in enumerate(lines):
        cell = guard_text(ws.cell(row_no + 2 * offset, 1), text)
        cell.font = SMALL if offset == 0 else FONT
        ws.merge_cells(start_row=row_no + 2 * offset, start_column=1,
                       end_row=row_no + 2 * offset, end_column=5)


def _by_org_sheet(ws: Worksheet, result: Sp5Result) -> None:
    """One row per subordinate organisation (its whole subtree), values at the cut-off."""
    definition = result.definition
    rows = [r for r in definition.rows if "end" in r.columns]
    headers = ["Код", "Организация", *(f"{r.code}. {r.short}" for r in rows)]
    for col, text in enumerate(headers, 1):
        cell = ws.cell(1, col, text)
        cell.font, cell.border, cell.fill = BOLD, BORDER, HEADER_FILL
        cell.alignment = CENTER if col < 3 else VERTICAL
    ws.row_dimensions[1].height = 150
    column_of = {r.key: get_column_letter(i) for i, r in enumerate(rows, 3)}
    entries = [(org, values) for org, values in result.breakdown
               if org.id != result.root.id or _has_data(values)]
    for n, (org, values) in enumerate(entries, 2):
        name = org.short_name if org.id != result.root.id else (
            f"{org.short_name} (на учёте непосредственно)")
        _by_org_row(ws, n, [org.code, name], rows, values, column_of)
    total_row = len(entries) + 2
    _by_org_total(ws, total_row, rows, column_of)
    ws.column_dimensions["A"].width = 13
    ws.column_dimensions["B"].width = 42
    for letter in column_of.values():
        ws.column_dimensions[letter].width = 8
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{total_row - 1}"
    setup_print(ws, landscape=True, title_rows="1:1",
                footer=f"{result.root.code} · 5-СП по организациям на {ru_date(result.cutoff)}")


def _has_data(values: RowValues) -> bool:
    return any(v for cols in values.values() for v in cols.values())


def _by_org_row(ws: Worksheet, n: int, head: list[str], rows: list[RowDef],
                values: RowValues, column_of: dict[str, str]) -> None:
    for col, text in enumerate(head, 1):
        guard_text(ws.cell(n, col), text).border = BORDER
        ws.cell(n, col).font = FONT
    for i, row in enumerate(rows, 3):
        cell = ws.cell(n, i)
        if row.source == "formula":
            cell.value = _formula(row, {k: f"{c}{n}" for k, c in column_of.items()})
        else:
            cell.value = values.get(row.key, {}).get("end")
        cell.number_format = row.number_format
        cell.border, cell.font = BORDER, FONT


def _by_org_total(ws: Worksheet, n: int, rows: list[RowDef], column_of: dict[str, str]
                  ) -> None:
    ws.cell(n, 2, "Итого").font = BOLD
    for col in (1, 2):
        ws.cell(n, col).border = BORDER
    for i, row in enumerate(rows, 3):
        letter = column_of[row.key]
        cell = ws.cell(n, i)
        if row.source == "formula":
            cell.value = _formula(row, {k: f"{c}{n}" for k, c in column_of.items()})
        else:
            cell.value = f"=SUM({letter}2:{letter}{n - 1})"
        cell.number_format = row.number_format
        cell.border, cell.font = BORDER, BOLD


def _chart_sheet(ws: Worksheet, result: Sp5Result) -> None:
    """The chart's data (numbers, not formulas: every viewer draws them) and the bar chart."""
    definition = result.definition
    labels = [definition.column_labels[c] for c in definition.chart_columns]
    ws.append(["Категория", *labels])
    for cell in ws[1]:
        cell.font, cell.alignment, cell.border, cell.fill = BOLD, CENTER, BORDER, HEADER_FILL
    for key, label in zip(definition.chart_rows, definition.chart_labels, strict=True):
        values = result.total.get(key, {})
        ws.append([label, *(values.get(c) or 0 for c in definition.chart_columns)])
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            cell.border, cell.font = BORDER, FONT
    ws.column_dimensions["A"].width = 34
    for i in range(len(labels)):
        ws.column_dimensions[get_column_letter(i + 2)].width = 22
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = definition.chart_title
    chart.y_axis.title = "Человек"
    chart.height, chart.width = 10, 20
    chart.legend.position = "b"
    last = len(definition.chart_rows) + 1
    data = Reference(ws, min_col=2, max_col=len(labels) + 1, min_row=1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    ws.add_chart(chart, f"A{last + 3}")
    setup_print(ws, landscape=True)


def build_5sp_workbook(result: Sp5Result) -> Workbook:
    """The workbook of a computed report (form, per-organisation sheet if any, chart)."""
    workbook = Workbook()
    form = workbook.active
    form.title = FORM_SHEET
    _form_sheet(form, result)
    if len(result.orgs) > 1:
        _by_org_sheet(workbook.create_sheet(BY_ORG_SHEET), result)
    _chart_sheet(workbook.create_sheet(CHART_SHEET), result)
    workbook.calculation.fullCalcOnLoad = True
    workbook.properties.title = f"Форма 5-СП — {result.root.short_name}"
    workbook.properties.creator = "Рабочее место председателя"
    return workbook


def write_5sp(session: Session, org_id: str, cutoff: date, target: Path | str,
              definition: ReportDef | None = None) -> Sp5Result:
    """Compute the report for ``org_id``'s subtree as of ``cutoff`` and save it to ``target``."""
    result = compute_5sp(session, org_id, cutoff, definition or load_definition())
    save_workbook(build_5sp_workbook(result), target)
    return result


"""Saving an import report as .xlsx: a summary sheet and one row per file row."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from chairclient.importing.outcome import OUTCOME_LABELS, ImportReport
from chairclient.importing.preview import label
from chairclient.private_files import atomic_private


def save_report(report: ImportReport, path: Path | str, source_name: str = "") -> Path:
    """Write ``report`` to ``path`` (.xlsx) and return the path."""
    path = Path(path)
    book = Workbook()
    summary = book.active
    summary.title = "Итоги"
    summary.append(["Отчёт о загрузке членов Профсоюза из таблицы"])
    summary["A1"].font = Font(bold=True, size=12)
    if source_name:
        summary.append(["Файл", source_name])
    if report.dry_run:
        summary.append(["Режим", "проверка без записи в базу"])
    for key, count in report.counts.items():
        summary.append([OUTCOME_LABELS[key], count])
    summary.append(["Из них неполных карточек", report.incomplete])
    summary.column_dimensions["A"].width = 32

    rows = book.create_sheet("Строки")
    rows.append(["Строка файла", "ФИО", "Результат", "Причина", "Не заполнено"])
    for cell in rows[1]:
        cell.font = Font(bold=True)
    for item in report.rows:
        missing = ", ".join(label(f) for f in item.incomplete)
        rows.append([item.row, item.name, OUTCOME_LABELS[item.outcome], item.reason, missing])
    for column, width in zip("ABCDE", (12, 36, 14, 80, 40), strict=True):
        rows.column_dimensions[column].width = width
    rows.freeze_panes = "A2"
    with atomic_private(path) as part:  # names and reasons: personal data, 0600
        book.save(part)
    return path

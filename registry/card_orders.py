"""The card maker's order file of a batch: ``.xlsx`` and ``.csv`` with the same rows.

Columns: region, organisation, member (ФИО), card number, delivery address of the regional
organisation (cards travel to the region, which hands them on). Every value is text — card
numbers keep their 16 digits — and text a spreadsheet would take for a formula (``=``, ``+``,
``-``, ``@`` first) is stored as text with Excel's quote prefix (.xlsx) or a leading apostrophe
(.csv). The CSV is UTF-8 with a BOM and ``;`` separators, as Russian Excel opens it.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import astuple, dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from chairclient.private_files import atomic_private, private_dir

HEADER = ("Регион", "Организация", "Член Профсоюза (ФИО)", "Номер карты", "Адрес доставки")
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class OrderLine:
    region: str
    organisation: str
    member: str
    number: str
    address: str


def _clean(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", value)[:32_767]


def _risky(value: str) -> bool:
    return value.startswith(FORMULA_TRIGGERS)


def order_paths(out_dir: Path, day: date) -> tuple[Path, Path]:
    stem = f"card-order-{day.isoformat()}"
    return out_dir / f"{stem}.xlsx", out_dir / f"{stem}.csv"


def write_order_files(lines: Sequence[OrderLine], out_dir: Path, day: date) -> list[Path]:
    """Write (or rewrite) both files of the batch of ``day``; their paths."""
    private_dir(out_dir, tighten=False)
    xlsx, csv_path = order_paths(out_dir, day)
    with atomic_private(xlsx) as part:  # personal data: 0600 from the first byte
        _write_xlsx(lines, part, day)
    with atomic_private(csv_path) as part:
        _write_csv(lines, part)
    return [xlsx, csv_path]


def _write_xlsx(lines: Sequence[OrderLine], path: Path, day: date) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(f"Заказ {day:%d.%m.%Y}")
    for letter, width in zip("ABCDE", (28, 40, 40, 20, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    bold = Font(bold=True)
    header = []
    for title in HEADER:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for line in lines:
        row = []
        for value in astuple(line):
            text = _clean(str(value))
            cell = WriteOnlyCell(sheet, value=text)
            cell.data_type = "s"  # never a formula, never a number
            if _risky(text):
                cell.quotePrefix = True
            row.append(cell)
        sheet.append(row)
    book.save(path)  # the caller's 0600 part


def _write_csv(lines: Sequence[OrderLine], path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # a 0600 part
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        for line in lines:
            writer.writerow(
                [("'" + v) if _risky(v) else v for v in (str(x) for x in astuple(line))]
            )

"""Shared Excel look and safety: fonts, borders, print setup, text that is never a formula."""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

FONT_NAME = "Arial"
DATE_FORMAT = "DD.MM.YYYY"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
SECTION_FILL = PatternFill("solid", fgColor="F2F2F2")
FONT = Font(name=FONT_NAME, size=10)
BOLD = Font(name=FONT_NAME, size=10, bold=True)
TITLE = Font(name=FONT_NAME, size=13, bold=True)
SMALL = Font(name=FONT_NAME, size=9, italic=True, color="555555")
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
MAX_CELL_TEXT = 32_767

#: A leading character that makes Excel or LibreOffice read typed text as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@")


def clean_text(value: str) -> str:
    """Text safe for a cell: XML-illegal control characters removed, length within Excel's."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_CELL_TEXT]


def is_risky(value: Any) -> bool:
    """User text that a spreadsheet would take for a formula (CSV/formula injection)."""
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def guard_text(cell: Cell, value: Any) -> Cell:
    """Put ``value`` in ``cell``; user text is always stored as text, never as a formula.

    openpyxl turns any string starting with «=» into a formula; such text is forced back to a
    string cell, and every risky text gets Excel's quote prefix so editing it keeps it text.
    """
    if isinstance(value, str):
        value = clean_text(value)
    cell.value = value
    if is_risky(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def setup_print(ws: Any, *, landscape: bool = False, title_rows: str | None = None,
                footer: str = "") -> None:
    """A4, fit to one page wide, page numbers in the footer, optional repeated header rows."""
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.center.text = "Страница &P из &N"
    ws.oddFooter.center.size = 8
    if footer:
        ws.oddFooter.left.text = footer.replace("&", "&&")
        ws.oddFooter.left.size = 8

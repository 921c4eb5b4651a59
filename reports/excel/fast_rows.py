"""Streaming a big list's data rows straight into the worksheet XML.

openpyxl spends ~20 µs per cell; a 100,000-member list has about a million cells. The list
is therefore laid out by openpyxl (write-only workbook: styles, widths, print setup, header,
filter) with one *marker row* whose cells carry the styles the data need; the saved package is
then copied entry by entry, the marker row replaced by the data rows, encoded here exactly as
openpyxl encodes them (inline strings, date serials with the date style, text that looks like
a formula with the quote-prefix style).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

from reports.excel.styles import BOLD, DATE_FORMAT, FORMULA_TRIGGERS, clean_text

MARKER = "\u2063chairclient-data-rows\u2063"
_SHEET = "xl/worksheets/sheet1.xml"
_WORKBOOK = "xl/workbook.xml"
_LETTERS = [get_column_letter(i) for i in range(1, 257)]
_MARKER_ROW = re.compile(r'<row r="(\d+)"[^>]*>((?:(?!</row>).)*?' + MARKER + r".*?)</row>", re.S)
_CELL_STYLE = re.compile(r'<c r="[A-Z]+\d+"(?: s="(\d+)")?')
_FLUSH = 500


@dataclass(frozen=True)
class Styles:
    """Style ids (``s=``) openpyxl gave the marker cells: date, quoted text, bold."""

    date: str
    quoted: str
    bold: str


def marker_cells(ws: Any) -> list[WriteOnlyCell]:
    """The marker row: its cells register the styles the data rows use."""
    text = WriteOnlyCell(ws, value=MARKER)
    day = WriteOnlyCell(ws, value=date(2000, 1, 1))
    day.number_format = DATE_FORMAT
    quoted = WriteOnlyCell(ws, value="'")
    quoted.quotePrefix = True
    bold = WriteOnlyCell(ws, value="b")
    bold.font = BOLD
    return [text, day, quoted, bold]


def _styles(row_xml: str) -> Styles:
    ids = [m.group(1) or "0" for m in _CELL_STYLE.finditer(row_xml)]
    if len(ids) < 4:
        raise RuntimeError("Не найдена служебная строка списка")
    return Styles(date=ids[1], quoted=ids[2], bold=ids[3])


def encode_row(number: int, values: Sequence[Any], styles: Styles) -> str:
    """One ``<row>`` of cells as openpyxl writes them; None is an empty cell."""
    parts = [f'<row r="{number}">']
    for letter, value in zip(_LETTERS, values, strict=False):
        if value is None:
            continue
        ref = f"{letter}{number}"
        if isinstance(value, str):
            text = clean_text(value)
            if not text:
                continue
            style = f' s="{styles.quoted}"' if text.startswith(FORMULA_TRIGGERS) else ""
            space = ' xml:space="preserve"' if text != text.strip() else ""
            parts.append(f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{escape(text)}</t>'
                         "</is></c>")
        elif isinstance(value, bool):
            parts.append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
        elif isinstance(value, date | datetime):
            parts.append(f'<c r="{ref}" s="{styles.date}" t="n"><v>{to_excel(value)}</v></c>')
        elif isinstance(value, int | float):
            parts.append(f'<c r="{ref}" t="n"><v>{value}</v></c>')
        else:
            parts.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(clean_text(str(value)))}'
                         "</t></is></c>")
    parts.append("</row>")
    return "".join(parts)


def bold_row(number: int, text: str, styles: Styles) -> str:
    return (f'<row r="{number}"><c r="A{number}" s="{styles.bold}" t="inlineStr"><is><t>'
            f"{escape(clean_text(text))}</t></is></c></row>")


def splice_rows(scaffold: Path, target: Path, rows: Iterable[Sequence[Any]],
                trailer: Callable[[int], str], last_column: str) -> int:
    """Copy ``scaffold`` to ``target`` with the marker row replaced by ``rows``; returns the
    number of data rows. ``trailer(count)`` is the text of a bold line after the data."""
    with zipfile.ZipFile(scaffold) as source, zipfile.ZipFile(
            target, "w", compression=zipfile.ZIP_DEFLATED) as out:
        sheet = source.read(_SHEET).decode("utf-8")
        match = _MARKER_ROW.search(sheet)
        if match is None:
            raise RuntimeError("Не найдена служебная строка списка")
        first = int(match.group(1))
        styles = _styles(match.group(2))
        count = 0
        info = zipfile.ZipInfo(_SHEET, date_time=source.getinfo(_SHEET).date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        with out.open(info, "w", force_zip64=True) as fh:  # a member of the zip being written to its part
            fh.write(sheet[: match.start()].encode("utf-8"))
            chunk: list[str] = []
            for count, values in enumerate(rows, 1):
                chunk.append(encode_row(first + count - 1, values, styles))
                if len(chunk) >= _FLUSH:
                    fh.write("".join(chunk).encode("utf-8"))
                    chunk.clear()
            last = first + max(count, 1) - 1
            chunk.append(bold_row(last + 2, trailer(count), styles))
            fh.write("".join(chunk).encode("utf-8"))
            tail = sheet[match.end():]
            tail = re.sub(r'(<autoFilter ref="[A-Z]+\d+:)[A-Z]+\d+', rf"\g<1>{last_column}{last}",
                          tail)
            fh.write(tail.encode("utf-8"))
        for item in source.infolist():
            if item.filename == _SHEET:
                continue
            data = source.read(item.filename)
            if item.filename == _WORKBOOK:
                data = re.sub(rb"(_xlnm\._FilterDatabase[^>]*>[^<]*:\$[A-Z]+\$)\d+",
                              rb"\g<1>" + str(last).encode(), data)
            out.writestr(item, data)
    return count

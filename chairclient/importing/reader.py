"""Reading spreadsheets (.xlsx, .xls, .csv) into plain rows of cell values.

The kind of file is told by its content (its first bytes), whatever its name. Every refusal
is an :class:`ImportRefused` with a Russian message fit for the user; a file beyond the limits
of :mod:`chairclient.importing.limits` is refused before it is parsed.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chairclient.importing import limits
from chairclient.importing.errors import ImportRefused
from chairclient.importing.limits import MAX_CELL_CHARS, MAX_DATA_ROWS, too_many_rows

__all__ = ["MAX_DATA_ROWS", "HEADER_SCAN_ROWS", "SheetRows", "open_spreadsheet",
           "too_many_rows"]
#: The header row is looked for within this many non-empty rows at the top of a sheet.
HEADER_SCAN_ROWS = 20

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_MARKS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
#: First bytes of files people mistake for spreadsheets (pictures, PDFs, archives, documents).
_OTHER_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"\x1f\x8b", b"Rar!",
                b"7z\xbc\xaf", b"{\\rtf", b"MZ")
_OPENDOCUMENT = b"application/vnd.oasis.opendocument.spreadsheet"

NOT_A_SPREADSHEET = (
    "Файл не является электронной таблицей. Поддерживаются файлы Excel (.xlsx, .xls) и CSV; "
    "сохраните таблицу в одном из этих форматов."
)
ENCRYPTED = (
    "Файл защищён паролем. Откройте его в Excel, снимите пароль (Файл → Сведения → Защита "
    "книги) и сохраните без пароля."
)
EMPTY_FILE = "Файл пуст: в нём нет ни одной заполненной строки."


OPENDOCUMENT = (
    "Это таблица OpenDocument (.ods). Откройте её в LibreOffice или Excel и сохраните как "
    "книгу Excel (.xlsx)."
)


Row = tuple[int, list[Any]]


@dataclass
class SheetRows:
    """The non-empty rows of one sheet: (row number as in the file, cell values)."""

    name: str
    rows: list[Row] = field(default_factory=list)


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _collect(name: str, rows: Iterable[Iterable[Any]], max_rows: int) -> SheetRows:
    """Keep non-empty rows (trailing blanks trimmed); refuse early when there are too many."""
    sheet = SheetRows(name)
    limit = max_rows + HEADER_SCAN_ROWS
    for number, row in enumerate(rows, start=1):
        values = list(row)
        while values and _is_blank(values[-1]):
            values.pop()
        if not values or all(_is_blank(v) for v in values):
            continue
        if any(isinstance(v, str) and len(v) > MAX_CELL_CHARS for v in values):
            raise ImportRefused(limits.cell_too_long(number))
        sheet.rows.append((number, values))
        if len(sheet.rows) > limit:
            raise ImportRefused(too_many_rows(max_rows))
    return sheet


class Spreadsheet:
    """An opened file: its sheet names and a way to read one sheet."""

    kind = ""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def sheet_names(self) -> list[str]:
        raise NotImplementedError

    def read(self, sheet: str | None = None, *, max_rows: int = MAX_DATA_ROWS) -> SheetRows:
        """The rows of ``sheet`` (the first sheet when None)."""
        name = self._sheet_name(sheet)
        return _collect(name, self._rows(name), max_rows)

    def close(self) -> None:
        """Release the file (a read-only workbook keeps it open, and locked on Windows)."""

    def __enter__(self) -> Spreadsheet:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _sheet_name(self, sheet: str | None) -> str:
        names = self.sheet_names
        if sheet is None:
            return names[0]
        if sheet not in names:
            shown = ", ".join(f"«{n}»" for n in names)
            raise ImportRefused(f"В файле нет листа «{sheet}». Листы в файле: {shown}.")
        return sheet

    def _rows(self, name: str) -> Iterator[Iterable[Any]]:
        raise NotImplementedError


class XlsxSpreadsheet(Spreadsheet):
    """.xlsx/.xlsm through openpyxl, read-only; formulas give their cached values."""

    kind = "xlsx"

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        import openpyxl

        # A file object, not the path: openpyxl would refuse a workbook by its name (a
        # «.csv» that is really a workbook); the content has told the kind already.
        self._handle = path.open("rb")
        try:
            self._book = openpyxl.load_workbook(self._handle, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on a broken file
            self._handle.close()
            raise ImportRefused(NOT_A_SPREADSHEET) from exc

    @property
    def sheet_names(self) -> list[str]:
        return list(self._book.sheetnames)

    def close(self) -> None:
        self._book.close()
        self._handle.close()

    def _rows(self, name: str) -> Iterator[Iterable[Any]]:
        sheet = self._book[name]
        sheet.reset_dimensions()  # some writers record a wrong size; read every cell
        yield from sheet.iter_rows(min_row=1, values_only=True)


class XlsSpreadsheet(Spreadsheet):
    """Old Excel .xls through xlrd; date cells become datetimes."""

    kind = "xls"

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        try:
            import xlrd
        except ImportError as exc:
            raise ImportRefused(
                "Файлы .xls в этой установке не поддерживаются; сохраните таблицу как .xlsx."
            ) from exc
        self._xlrd = xlrd
        try:
            self._book = xlrd.open_workbook(str(path), on_demand=True)
        except xlrd.XLRDError as exc:
            if "encrypt" in str(exc).lower():
                raise ImportRefused(ENCRYPTED) from exc
            raise ImportRefused(NOT_A_SPREADSHEET) from exc
        except Exception as exc:
            raise ImportRefused(NOT_A_SPREADSHEET) from exc

    @property
    def sheet_names(self) -> list[str]:
        return list(self._book.sheet_names())

    def close(self) -> None:
        self._book.release_resources()

    def _rows(self, name: str) -> Iterator[Iterable[Any]]:
        xlrd = self._xlrd
        sheet = self._book.sheet_by_name(name)
        for index in range(sheet.nrows):
            row = []
            for cell in sheet.row(index):
                if cell.ctype == xlrd.XL_CELL_DATE:
                    row.append(xlrd.xldate.xldate_as_datetime(cell.value, self._book.datemode))
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    row.append(None)
                else:
                    row.append(cell.value)
            yield row


class CsvSpreadsheet(Spreadsheet):
    """Text with separators; UTF-8 (with or without BOM) or Windows-1251; delimiter sniffed."""

    kind = "csv"

    def __init__(self, path: Path, data: bytes) -> None:
        super().__init__(path)
        self.text = decode_text(data)
        self.delimiter = sniff_delimiter(self.text)

    @property
    def sheet_names(self) -> list[str]:
        return [self.path.stem]

    def _rows(self, name: str) -> Iterator[Iterable[Any]]:
        yield from csv.reader(io.StringIO(self.text, newline=""), delimiter=self.delimiter)


def decode_text(data: bytes) -> str:
    """UTF-8 (BOM dropped) when it decodes, else Windows-1251; binary data is refused."""
    if b"\x00" in data[:65536]:
        raise ImportRefused(NOT_A_SPREADSHEET)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1251")
    except UnicodeDecodeError as exc:
        raise ImportRefused(NOT_A_SPREADSHEET) from exc


def sniff_delimiter(text: str) -> str:
    """The separator of a CSV text: the one of ``; , tab |`` found most evenly in the first lines."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    best, best_score = ";", 0.0
    for delimiter in (";", ",", "\t", "|"):
        counts = [line.count(delimiter) for line in lines]
        if not counts or max(counts) == 0:
            continue
        common = max(set(counts), key=counts.count)
        score = counts.count(common) * common
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _unreadable(exc: OSError) -> ImportRefused:
    return ImportRefused(f"Не удалось прочитать файл: {exc.strerror or exc}")


def open_spreadsheet(path: Path | str) -> Spreadsheet:
    """Open ``path`` as a spreadsheet, telling the format by its first bytes; refuse a file
    beyond the limits (:mod:`~chairclient.importing.limits`) before parsing it."""
    path = Path(path)
    try:
        size = path.stat().st_size
        limits.check_file_size(size)  # before a byte is read: a 300 MB file is never read
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError as exc:
        raise _unreadable(exc) from exc
    if head.startswith(_ZIP_MAGIC):
        return _open_workbook(path, size)
    if head.startswith(_OTHER_MAGIC):
        raise ImportRefused(NOT_A_SPREADSHEET)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(exc) from exc
    if not data.strip():
        raise ImportRefused(EMPTY_FILE)
    if data.startswith(_OLE_MAGIC):
        if any(mark in data for mark in _ENCRYPTED_MARKS):
            raise ImportRefused(ENCRYPTED)
        return XlsSpreadsheet(path)
    start = data[:512].lstrip().lower()
    if start.startswith((b"<html", b"<!doctype", b"<?xml")):
        raise ImportRefused(NOT_A_SPREADSHEET)
    limits.check_text_rows(data)
    return CsvSpreadsheet(path, data)


def _open_workbook(path: Path, size: int) -> Spreadsheet:
    """A zip: an Excel workbook within the limits, else a clear refusal."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names:
                if "mimetype" in names and archive.read("mimetype")[:80] == _OPENDOCUMENT:
                    raise ImportRefused(OPENDOCUMENT)
                raise ImportRefused(NOT_A_SPREADSHEET)
            limits.check_workbook(archive, size)
    except (zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
        raise ImportRefused(NOT_A_SPREADSHEET) from exc
    except OSError as exc:
        raise _unreadable(exc) from exc
    return XlsxSpreadsheet(path)

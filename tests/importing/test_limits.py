"""Spreadsheet limits: each refused with a clear Russian message before the file is parsed
(the memory of a refused zip bomb is measured in ``bench/import_limits.py``)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from chairclient.importing import limits, reader
from chairclient.importing.errors import ImportRefused
from chairclient.importing.reader import open_spreadsheet


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _refused(path: Path) -> str:
    with pytest.raises(ImportRefused) as refused:
        open_spreadsheet(path).read()
    return str(refused.value)


def _never_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any parser fail loudly: a refusal must come before one is started."""
    def boom(*_a, **_k):
        raise AssertionError("the file was parsed")

    monkeypatch.setattr(reader.XlsxSpreadsheet, "__init__", boom)
    monkeypatch.setattr(reader.CsvSpreadsheet, "__init__", boom)
    monkeypatch.setattr(reader.XlsSpreadsheet, "__init__", boom)


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch) -> None:
    path = tmp_path / "big.csv"
    with path.open("wb") as handle:  # sparse: the size is there without writing 51 MB
        handle.truncate(limits.MAX_FILE_BYTES + 1)
    _never_parsed(monkeypatch)
    monkeypatch.setattr(Path, "read_bytes", lambda _self: pytest.fail("read whole"))
    assert "слишком большой" in _refused(path)


def test_a_zip_bomb_is_refused_by_its_unpacked_size(tmp_path, monkeypatch) -> None:
    path = tmp_path / "bomb.xlsx"
    _workbook(path, [["ФИО"], ["Иванов Иван"]])
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 4096)
    _never_parsed(monkeypatch)
    assert "после распаковки занимает больше" in _refused(path)


def test_a_suspicious_compression_ratio_is_refused(tmp_path, monkeypatch) -> None:
    path = tmp_path / "ratio.xlsx"
    _workbook(path, [["ФИО"], ["Иванов Иван"]])
    monkeypatch.setattr(limits, "RATIO_FROM_BYTES", 0)
    monkeypatch.setattr(limits, "MAX_RATIO", 1)
    _never_parsed(monkeypatch)
    assert "сжат подозрительно сильно" in _refused(path)


def test_a_too_long_cell_is_refused_before_parsing(tmp_path, monkeypatch) -> None:
    path = tmp_path / "cell.xlsx"
    book = Workbook()
    book.active.append(["ФИО"])
    book.active.append(["Иванов Иван"])
    book.save(path)
    # openpyxl itself refuses to write a cell over 32,767 characters: put one in by hand.
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(
        "</sheetData>", '<row r="3"><c r="A3" t="inlineStr"><is><t>'
        + "Я" * (limits.MAX_CELL_CHARS * 2 + 1) + "</t></is></c></row></sheetData>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    _never_parsed(monkeypatch)
    assert "длиннее 32 767 знаков" in _refused(path)


def test_a_long_cell_within_the_scan_is_caught_while_reading(tmp_path) -> None:
    path = tmp_path / "cell.csv"
    path.write_text("ФИО;Адрес\nИванов Иван;" + "д" * (limits.MAX_CELL_CHARS + 1) + "\n",
                    encoding="utf-8")
    assert "В строке 2 есть ячейка длиннее" in _refused(path)


def test_too_many_csv_lines_are_refused_before_parsing(tmp_path, monkeypatch) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes(b"a;b\n" * (limits.MAX_DATA_ROWS + 1002))
    _never_parsed(monkeypatch)
    assert "больше 100 000 строк" in _refused(path)


def test_too_many_sheet_rows_are_refused_before_parsing(tmp_path, monkeypatch) -> None:
    path = tmp_path / "rows.xlsx"
    _workbook(path, [[f"Фамилия {i}", i] for i in range(60)])
    monkeypatch.setattr(limits, "MAX_DATA_ROWS", 10)
    monkeypatch.setattr(limits, "check_text_rows", lambda _data: None)
    _never_parsed(monkeypatch)
    # (the slack of 1000 rows for headers and blank rows stays: 60 rows pass, 1100 do not)
    monkeypatch.setattr(limits, "MAX_DATA_ROWS", -1000 + 10)
    assert "строк данных" in _refused(path)


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("members.xlsx", b"%PDF-1.7\n...", reader.NOT_A_SPREADSHEET),
    ("members.csv", b"\x89PNG\r\n\x1a\n\x00\x00", reader.NOT_A_SPREADSHEET),
    ("members.xls", b"MZ\x90\x00\x03", reader.NOT_A_SPREADSHEET),
    ("members.xlsx", b"<html><body>...</body></html>", reader.NOT_A_SPREADSHEET),
])
def test_the_kind_is_told_by_content_for_every_extension(tmp_path, name, content,
                                                         expected) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert _refused(path) == expected


def test_a_workbook_named_csv_and_a_csv_named_xlsx_are_read_as_what_they_are(tmp_path) -> None:
    xlsx = _workbook(tmp_path / "really-a-workbook.csv", [["ФИО"], ["Иванов Иван"]])
    with open_spreadsheet(xlsx) as sheet:
        assert sheet.kind == "xlsx" and sheet.read().rows[1][1] == ["Иванов Иван"]
    text = tmp_path / "really-text.xlsx"
    text.write_text("ФИО;СНИЛС\nИванов Иван;112-233-445 95\n", encoding="utf-8")
    with open_spreadsheet(text) as sheet:
        assert sheet.kind == "csv" and sheet.read().rows[1][1][0] == "Иванов Иван"


def test_an_opendocument_spreadsheet_is_told_apart(tmp_path) -> None:
    path = tmp_path / "list.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<x/>")
    assert _refused(path) == reader.OPENDOCUMENT

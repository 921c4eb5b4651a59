"""Reading files: formats, encodings, sheets, and every refusal with its Russian message."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from chairclient.importing import ImportRefused, load_table, open_spreadsheet
from chairclient.importing.reader import sniff_delimiter
from tests.importing.helpers import write_csv, write_xlsx

HEADER = ["Фамилия", "Имя", "Дата рождения"]


def test_cp1251_csv_with_semicolons(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "список.csv", [HEADER, ["Семёнова", "Алёна", "01.02.1990"]])
    book = open_spreadsheet(path)
    assert book.kind == "csv" and book.delimiter == ";"
    table = load_table(book)
    assert table.rows == [(2, ["Семёнова", "Алёна", "01.02.1990"])]


def test_utf8_bom_csv_with_commas(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", [HEADER, ["Ёлкина", "Анна", "01.02.1990"]],
                     encoding="utf-8-sig", delimiter=",")
    table = load_table(path)
    assert table.headers == HEADER and table.rows[0][1][0] == "Ёлкина"


def test_sniff_delimiter_prefers_consistent_separator() -> None:
    assert sniff_delimiter("a\tb\tc\n1\t2,5\t3\n") == "\t"


def test_sheet_choice_and_header_row_override(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Пусто"
    other = book.create_sheet("Сотрудники")
    other.append(["Заголовок отчёта"])
    other.append(HEADER)
    other.append(["Иванов", "Иван", "01.01.1980"])
    book.save(tmp_path / "b.xlsx")
    spreadsheet = open_spreadsheet(tmp_path / "b.xlsx")
    assert spreadsheet.kind == "xlsx"
    assert spreadsheet.sheet_names == ["Пусто", "Сотрудники"]
    assert load_table(spreadsheet, "Сотрудники").header_row == 2
    assert load_table(spreadsheet, "Сотрудники", header_row=2).rows[0][0] == 3
    with pytest.raises(ImportRefused, match="нет листа «Нет»"):
        load_table(spreadsheet, "Нет")
    with pytest.raises(ImportRefused, match="Лист пуст"):
        load_table(spreadsheet, "Пусто")
    spreadsheet.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.4 binary", "не является электронной таблицей"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "не является электронной таблицей"),
        (b"", "Файл пуст"),
        (b"  \r\n \n", "Файл пуст"),
    ],
)
def test_refuses_bad_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "members.xlsx"
    path.write_bytes(content)
    with pytest.raises(ImportRefused, match=message):
        load_table(path)


def test_refuses_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "doc.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(ImportRefused, match="не является электронной таблицей"):
        open_spreadsheet(path)


def test_refuses_an_encrypted_workbook(tmp_path: Path) -> None:
    # An encrypted .xlsx is an OLE compound file holding an «EncryptedPackage» stream.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    body = "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50
    body += "EncryptedPackage".encode("utf-16-le") + b"\x00" * 1000
    path = tmp_path / "secret.xlsx"
    path.write_bytes(header + body)
    with pytest.raises(ImportRefused, match="защищён паролем"):
        open_spreadsheet(path)


def test_refuses_a_broken_xls(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(ImportRefused, match="не является электронной таблицей"):
        open_spreadsheet(path)


def test_refuses_a_sheet_without_recognisable_header(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", [["Товар", "Цена"], ["Мел", 10], ["Доска", 5000]])
    with pytest.raises(ImportRefused, match="Не найдена строка заголовков"):
        load_table(path)


def test_refuses_too_many_rows(tmp_path: Path) -> None:
    rows = [HEADER] + [["Иванов", "Иван", "01.01.1980"]] * 6
    path = write_xlsx(tmp_path / "big.xlsx", rows)
    assert len(load_table(path, max_rows=6).rows) == 6
    with pytest.raises(ImportRefused, match="больше 5 строк"):
        load_table(path, max_rows=5)
    long_rows = [HEADER] + [["Иванов", "Иван", "01.01.1980"]] * 40
    path = write_csv(tmp_path / "big.csv", long_rows)
    with pytest.raises(ImportRefused, match="Разделите таблицу"):
        load_table(path, max_rows=5)  # stopped while reading, before the header is sought

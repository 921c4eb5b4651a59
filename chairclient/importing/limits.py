"""Limits of a spreadsheet accepted for import, checked before the file is parsed.

A member import reads files a chair got from somebody else (an HR department's export, a
mail attachment). A file that would take the app's memory or minutes is refused with a
Russian message before a parser sees it:

==========================  =============================================================
file size                   at most 50 МБ (:data:`MAX_FILE_BYTES`), for every format
.xlsx unpacked size         at most 300 МБ in all (:data:`MAX_UNPACKED_BYTES`), read from the
                            archive's directory; Python's ``zipfile`` never unpacks more than
                            a member declares, so a lying directory only truncates
.xlsx compression ratio     at most 100 : 1 once more than 10 МБ are unpacked
                            (:data:`MAX_RATIO`; real workbooks pack 5–20 : 1)
rows                        at most 100 000 data rows (:data:`MAX_DATA_ROWS`): counted in the
                            CSV's lines and the sheets' ``<row`` elements before parsing, and
                            again, exactly, while the rows are read
a cell's text               at most 32 767 characters, Excel's own limit
                            (:data:`MAX_CELL_CHARS`): the workbook's XML is scanned in 1 МБ
                            chunks for a text longer than that, and every value read is checked
==========================  =============================================================

The scan of a workbook's XML holds one chunk at a time: a refused zip bomb (a 1 МБ file
holding a 1 ГБ cell) never costs more memory than that (``bench/import_limits.py``).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable

from chairclient.importing.errors import ImportRefused

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_RATIO = 100
RATIO_FROM_BYTES = 10 * 1024 * 1024
MAX_DATA_ROWS = 100_000
MAX_CELL_CHARS = 32_767
#: A cell's text in the XML: up to 4 bytes a character in UTF-8 (an escape like ``&amp;`` is
#: 5 bytes for 1 character, so a text this long in bytes is surely too long in characters
#: only when it is plain; the exact check on every value read catches the rest).
_MAX_TEXT_BYTES = MAX_CELL_CHARS * 4
_CHUNK = 1024 * 1024
_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} МБ"


def too_big(size: int) -> str:
    return (f"Файл слишком большой ({_mb(size)}); загрузить можно файл не больше "
            f"{_mb(MAX_FILE_BYTES)}. Разделите таблицу на несколько файлов.")


def too_many_rows(limit: int = MAX_DATA_ROWS) -> str:
    """The refusal of a file with more than ``limit`` data rows."""
    return (
        f"В файле больше {limit:,} строк данных — это больше, чем можно загрузить за один раз. "
        "Разделите таблицу на несколько файлов."
    ).replace(",", " ")


def cell_too_long(row: int | None = None) -> str:
    where = f"В строке {row} есть ячейка" if row is not None else "В файле есть ячейка"
    return (f"{where} длиннее {MAX_CELL_CHARS:,} знаков — такой текст не может быть данными "
            "члена профсоюза. Проверьте файл.").replace(",", " ")


UNPACKED_TOO_BIG = (
    "Файл Excel после распаковки занимает больше {limit} — это больше, чем бывает у таблицы "
    "членов профсоюза. Проверьте файл или разделите таблицу на несколько файлов."
)
SUSPICIOUS_RATIO = (
    "Файл Excel сжат подозрительно сильно (в {ratio} раз): так бывает у испорченных или "
    "намеренно вредных файлов. Откройте его в Excel и сохраните заново."
)


def check_file_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise ImportRefused(too_big(size))


def check_text_rows(data: bytes) -> None:
    """A CSV's lines, counted before it is decoded or split."""
    if data.count(b"\n") > MAX_DATA_ROWS + 1000:  # header rows and blank lines: some slack
        raise ImportRefused(too_many_rows())


def check_workbook(archive: zipfile.ZipFile, packed_size: int) -> None:
    """Sizes from the archive's directory, then one streaming pass over its XML."""
    members = archive.infolist()
    unpacked = sum(info.file_size for info in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportRefused(UNPACKED_TOO_BIG.format(limit=_mb(MAX_UNPACKED_BYTES)))
    if unpacked > RATIO_FROM_BYTES and unpacked > MAX_RATIO * max(packed_size, 1):
        raise ImportRefused(SUSPICIOUS_RATIO.format(ratio=unpacked // max(packed_size, 1)))
    for info in members:
        name = info.filename
        if not name.endswith(".xml"):
            continue
        rows, longest = _scan(_chunks(archive, info))
        if longest > _MAX_TEXT_BYTES:
            raise ImportRefused(cell_too_long())
        if name.startswith("xl/worksheets/") and rows > MAX_DATA_ROWS + 1000:
            raise ImportRefused(too_many_rows())


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterable[bytes]:
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                yield chunk
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:  # a broken member
        from chairclient.importing.reader import NOT_A_SPREADSHEET

        raise ImportRefused(NOT_A_SPREADSHEET) from exc


def _scan(chunks: Iterable[bytes]) -> tuple[int, int]:
    """``<row`` elements and the longest run of bytes without ``<`` (a text node), over
    chunks that may split either."""
    rows = run = longest = 0
    tail = b""
    for chunk in chunks:
        joined = tail + chunk
        # A tag split over the chunks' boundary ends in this chunk; one wholly in the
        # previous chunk's tail was counted then.
        rows += sum(1 for match in _ROW_TAG.finditer(joined) if match.end() > len(tail))
        tail = joined[-8:]
        start = chunk.find(b"<")
        if start < 0:
            run += len(chunk)
        else:
            longest = max(longest, run + start)
            end = chunk.rfind(b"<")
            run = len(chunk) - end - 1
            if end > start:
                longest = max(longest, _longest_inner(chunk, start, end))
        longest = max(longest, run)
    return rows, longest


def _longest_inner(chunk: bytes, start: int, end: int) -> int:
    """The longest run without ``<`` between two ``<`` of one chunk (in C, not per byte)."""
    return max(map(len, chunk[start + 1:end].split(b"<")), default=0)

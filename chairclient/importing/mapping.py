"""Header row and column mapping: which column holds which card field.

A mapping is ``{column index: field}`` (0-based columns). A layout fingerprint (the normalised
header tuple) lets a mapping chosen once be remembered for files of the same layout.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chairclient.importing.columns import COLUMNS, COLUMNS_BY_FIELD, FULL_NAME, fold_header
from chairclient.importing.errors import ImportRefused
from chairclient.importing.reader import HEADER_SCAN_ROWS, MAX_DATA_ROWS, SheetRows, too_many_rows
from chairclient.private_files import write_private_text

Mapping = dict[int, str]

#: A header row needs at least this many recognised columns.
MIN_RECOGNISED = 2
NO_HEADER = (
    "Не найдена строка заголовков: в первых {n} строках нет узнаваемых названий столбцов "
    "(например «Фамилия», «Имя», «Дата рождения» или «ФИО»). Укажите строку заголовков вручную "
    "или воспользуйтесь шаблоном."
)

_SYNONYMS: list[tuple[str, tuple[str, ...]]] = [
    (column.field, tuple(fold_header(s) for s in (column.header, *column.synonyms)))
    for column in COLUMNS
]


def match_header(text: Any) -> tuple[str, int] | None:
    """(field, score) for a header cell: an exact synonym scores highest, then the longest one
    whose words all occur in the header; None when nothing matches."""
    folded = fold_header(text)
    if not folded:
        return None
    words = set(folded.split(" "))
    best: tuple[str, int] | None = None
    for field_name, synonyms in _SYNONYMS:
        for synonym in synonyms:
            if folded == synonym:
                score = 1000 + len(synonym)
            elif set(synonym.split(" ")) <= words:
                score = len(synonym)
            else:
                continue
            if best is None or score > best[1]:
                best = (field_name, score)
    return best


def guess_mapping(headers: list[str]) -> Mapping:
    """The best guess of ``{column: field}``; each field goes to its best-matching column."""
    candidates = []
    for index, header in enumerate(headers):
        hit = match_header(header)
        if hit:
            candidates.append((hit[1], -index, index, hit[0]))
    mapping: Mapping = {}
    taken: set[str] = set()
    for _, _, index, field_name in sorted(candidates, reverse=True):
        if field_name not in taken:
            mapping[index] = field_name
            taken.add(field_name)
    return dict(sorted(mapping.items()))


def mapping_problems(mapping: Mapping) -> list[str]:
    """Why a mapping cannot be used (Russian), empty when it can."""
    problems = []
    fields = list(mapping.values())
    for name in sorted({f for f in fields if fields.count(f) > 1}):
        shown = COLUMNS_BY_FIELD[name].header if name in COLUMNS_BY_FIELD else name
        problems.append(f"Поле «{shown}» выбрано для нескольких столбцов")
    has_names = FULL_NAME in fields or ("last_name" in fields and "first_name" in fields)
    if not has_names:
        problems.append("Не выбран столбец с фамилией и именем (или с ФИО целиком)")
    return problems


def layout_fingerprint(headers: list[str]) -> str:
    """A short stable id of a header layout (folded headers, order kept)."""
    folded = "\x1f".join(fold_header(h) for h in headers)
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


@dataclass
class Table:
    """A sheet split into its header and data rows (row numbers as in the file)."""

    sheet: str
    header_row: int
    headers: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        return layout_fingerprint(self.headers)


def _labels(rows: list[tuple[int, list[Any]]], position: int) -> list[str]:
    """Header labels of row ``position``; an empty cell takes the cell above (merged cells)."""
    _, values = rows[position]
    above = rows[position - 1][1] if position > 0 else []
    labels = []
    for index, value in enumerate(values):
        if (value is None or str(value).strip() == "") and index < len(above):
            value = above[index]
        labels.append("" if value is None else " ".join(str(value).split()))
    return labels


def header_score(labels: list[str]) -> int:
    """How many distinct card fields the labels name."""
    return len({hit[0] for label in labels if (hit := match_header(label))})


def detect_header_row(sheet: SheetRows) -> int:
    """The file row number of the header: most recognised names within the first rows."""
    best_row, best_score = 0, 0
    for position in range(min(HEADER_SCAN_ROWS, len(sheet.rows))):
        score = header_score(_labels(sheet.rows, position))
        if score > best_score:
            best_row, best_score = sheet.rows[position][0], score
    if best_score < MIN_RECOGNISED:
        raise ImportRefused(NO_HEADER.format(n=HEADER_SCAN_ROWS))
    return best_row


def _is_numbering_row(values: list[Any]) -> bool:
    """A row «1, 2, 3 …» under the header (column numbers, common in Russian forms)."""
    cells = [str(v).strip() for v in values if v is not None and str(v).strip()]
    if len(cells) < 3:
        return False
    try:
        numbers = [float(c) for c in cells]
    except ValueError:
        return False
    return numbers == [float(i) for i in range(int(numbers[0]), int(numbers[0]) + len(numbers))]


def build_table(
    sheet: SheetRows, header_row: int | None = None, *, max_rows: int = MAX_DATA_ROWS
) -> Table:
    """Split ``sheet`` at ``header_row`` (detected when None); refuse too many data rows."""
    if not sheet.rows:
        raise ImportRefused("Лист пуст: в нём нет ни одной заполненной строки.")
    if header_row is None:
        header_row = detect_header_row(sheet)
    positions = [i for i, (number, _) in enumerate(sheet.rows) if number == header_row]
    if not positions:
        raise ImportRefused(f"Строка {header_row} пуста или отсутствует — это не строка заголовков.")
    position = positions[0]
    headers = _labels(sheet.rows, position)
    data = sheet.rows[position + 1 :]
    if data and _is_numbering_row(data[0][1]):
        data = data[1:]
    if len(data) > max_rows:
        raise ImportRefused(too_many_rows(max_rows))
    width = max([len(headers), *(len(v) for _, v in data)])
    headers += [""] * (width - len(headers))
    return Table(sheet.name, header_row, headers, data)


class MappingStore:
    """Mappings remembered per layout fingerprint, in one small JSON file."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    def _load(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, fingerprint: str) -> Mapping | None:
        """The mapping remembered for this layout, or None."""
        stored = self._load().get(fingerprint)
        if not isinstance(stored, dict):
            return None
        return {int(k): str(v) for k, v in stored.items()}

    def put(self, fingerprint: str, mapping: Mapping) -> None:
        """Remember ``mapping`` for this layout (written atomically)."""
        data = self._load()
        data[fingerprint] = {str(k): v for k, v in sorted(mapping.items())}
        write_private_text(self.path, json.dumps(data, ensure_ascii=False, indent=1))

    def mapping_for(self, table: Table) -> Mapping:
        """The remembered mapping for the table's layout, else the guessed one."""
        return self.get(table.fingerprint) or guess_mapping(table.headers)

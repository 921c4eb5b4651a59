"""What the import wizard knows so far, and the slow steps it runs in the background (no Qt).

The file is read once per sheet (the rows are kept, the file is closed at once: an open
workbook would stay locked on Windows); the header row, the mapping, the preview, the
duplicates and the decisions are kept here as the chair goes through the pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from chairclient.importing import (
    Decision,
    Duplicate,
    ImportRefused,
    ImportReport,
    Preview,
    RegistryLookup,
    SheetRows,
    Table,
    detect_header_row,
    open_spreadsheet,
)
from chairclient.importing.clean import TARGET
from chairclient.importing.columns import FULL_NAME
from chairclient.importing.mapping import Mapping
from chairclient.importing.reader import EMPTY_FILE
from chairclient.importing.reference import TEMPLATE_LISTS
from ui.i18n.formats import format_date, format_phone

SHEET_EMPTY = "Лист пуст: в нём нет ни одной заполненной строки."

#: Card fields a full-name column stands for; card fields a column's value goes to.
_NAME_PARTS = ("last_name", "first_name", "patronymic")
_SOURCE_OF = {target: source for source, target in TARGET.items()} | {"position_text": "position"}
#: Reference-list fields: code → the name shown.
_LIST_NAMES = {name: lookup.names for name, lookup in TEMPLATE_LISTS.items()}

# The registry check: not asked (no lookup or offline), running, done, failed.
REGISTRY_UNAVAILABLE, REGISTRY_CHECKING, REGISTRY_DONE = "unavailable", "checking", "done"


@dataclass
class Loaded:
    """A file read for the wizard: its sheets and the rows of the sheet shown."""

    path: Path
    sheet_names: list[str]
    sheet: SheetRows
    #: The detected header row, None when no row looks like a header (``header_error`` says so).
    header_row: int | None
    header_error: str = ""


def read_sheet(path: Path, sheet: str | None = None) -> Loaded:
    """Read ``sheet`` of ``path`` — or, when None, the first sheet with a recognisable header
    (else the first non-empty one). Raises :class:`ImportRefused` with the engine's message."""
    with open_spreadsheet(path) as book:
        names = book.sheet_names
        fallback: Loaded | None = None
        for name in [sheet] if sheet is not None else names:
            rows = book.read(name)
            if not rows.rows:
                if sheet is not None:
                    return Loaded(path, names, rows, None, SHEET_EMPTY)
                continue
            try:
                return Loaded(path, names, rows, detect_header_row(rows))
            except ImportRefused as exc:
                fallback = fallback or Loaded(path, names, rows, None, str(exc))
    if fallback is None:
        raise ImportRefused(EMPTY_FILE)
    return fallback


def loaded_text(field: str, values: dict[str, Any]) -> str:
    """How the value of column ``field`` goes to the card: dates dd.mm.yyyy, names from the
    reference lists, the phone as +7 …; empty when nothing goes to the card."""
    if field == FULL_NAME:
        return " ".join(str(v) for part in _NAME_PARTS if (v := values.get(part)))
    if field == "position":
        code = values.get("position_code")
        return _LIST_NAMES["position"].get(code, code) if code else values.get(
            "position_text") or ""
    value = values.get(field)
    if value is None or value == "":
        return ""
    if field in _LIST_NAMES:
        return _LIST_NAMES[field].get(value, str(value))
    if isinstance(value, date):
        return format_date(value)
    if field == "phone":
        return format_phone(value)
    return str(value)


def problem_columns(mapping: Mapping) -> dict[str, int]:
    """Which file column shows the problems of each card field (``{field: column}``)."""
    columns = {name: index for index, name in mapping.items()}
    if FULL_NAME in columns:
        for part in _NAME_PARTS:
            columns.setdefault(part, columns[FULL_NAME])
    for target, source in _SOURCE_OF.items():
        if source in columns:
            columns.setdefault(target, columns[source])
    return columns


@dataclass
class ImportState:
    """Everything chosen and computed so far; the pages read and fill it in order."""

    org_id: str
    org_name: str
    registry_lookup: RegistryLookup | None = None
    loaded: Loaded | None = None
    table: Table | None = None
    mapping: Mapping = field(default_factory=dict)
    mapping_table: Table | None = None  # the table :attr:`mapping` was chosen for
    mapping_remembered: bool = False
    preview: Preview | None = None
    duplicates: list[Duplicate] = field(default_factory=list)  # file and local database
    registry_duplicates: list[Duplicate] = field(default_factory=list)
    registry_status: str = REGISTRY_UNAVAILABLE
    decisions: dict[int, Decision] = field(default_factory=dict)
    report: ImportReport | None = None

    def set_loaded(self, loaded: Loaded | None) -> None:
        """Another file or sheet: the header row, mapping and all after them start again."""
        self.loaded = loaded
        self.set_table(None)

    def set_table(self, table: Table | None) -> None:
        if table is self.table:
            return
        self.table = table
        self.mapping = {}
        self.mapping_table = None
        self.reset_from_table()

    def set_mapping(self, mapping: Mapping) -> None:
        """The mapping the chair chose for :attr:`table`; the preview is redone if it changed."""
        if mapping != self.mapping or self.mapping_table is not self.table:
            self.reset_from_table()
        self.mapping = dict(mapping)
        self.mapping_table = self.table

    def reset_from_table(self) -> None:
        """Everything computed from the table and the mapping is computed again."""
        self.preview = None
        self.duplicates = []
        self.registry_duplicates = []
        self.registry_status = REGISTRY_UNAVAILABLE
        self.decisions = {}
        self.report = None

    @property
    def all_duplicates(self) -> list[Duplicate]:
        return sorted([*self.duplicates, *self.registry_duplicates], key=lambda d: d.row)

    def decision(self, row: int) -> Decision:
        return self.decisions.get(row, Decision.SKIP)

    def plan(self) -> dict[str, int]:
        """What «Загрузить» will do, as :func:`run_import` does it: rows to create, cards to
        update, rows skipped, rows refused. (A row the database refuses only while importing —
        «create anyway» with a СНИЛС already taken — shows up in the result.)"""
        counts = {"create": 0, "update": 0, "skip": 0, "refused": 0}
        if self.preview is None:
            return counts
        by_row = {d.row: d for d in self.all_duplicates}
        saved: set[int] = set()  # rows whose card exists once they are processed
        for row in self.preview.rows:
            duplicate = by_row.get(row.row)
            decision = self.decision(row.row) if duplicate else Decision.CREATE
            if row.refused:
                counts["refused"] += 1
                continue
            if duplicate and decision is Decision.UPDATE:
                if not duplicate.can_update:
                    decision = Decision.SKIP
                elif duplicate.existing is None and duplicate.other_row not in saved:
                    decision = Decision.CREATE  # the earlier row made no card to update
            if decision is Decision.SKIP:
                counts["skip"] += 1
                continue
            counts["update" if decision is Decision.UPDATE else "create"] += 1
            saved.add(row.row)
        return counts

"""Registration of members from a spreadsheet (no Qt): the engine behind the wizard and the CLI.

Steps, each usable from a UI (the slow ones take ``progress(done, total)``)::

    book = open_spreadsheet(path)                      # .xlsx / .xls / .csv, or ImportRefused
    table = load_table(book, sheet=None, header_row=None)
    mapping = store.mapping_for(table)                 # remembered per layout, else guessed
    preview = build_preview(table, mapping)            # every cell's problem per row
    duplicates = find_duplicates(preview, session)     # within the file and against the DB
    duplicates += check_registry(lookup, preview, duplicates)   # optional, when online
    report = run_import(db, org_id, preview, duplicates, decisions, progress=..., cancel=...)
    save_report(report, "отчёт.xlsx")
"""

from __future__ import annotations

from pathlib import Path

from chairclient.importing.columns import COLUMNS, FULL_NAME, Column
from chairclient.importing.duplicates import Decision, Duplicate, ExistingMember, find_duplicates
from chairclient.importing.errors import ImportCancelled, ImportRefused
from chairclient.importing.lookup import (
    OrgHint,
    PersonKey,
    RegistryLookup,
    check_registry,
    person_keys,
)
from chairclient.importing.mapping import (
    MappingStore,
    Table,
    build_table,
    detect_header_row,
    guess_mapping,
    layout_fingerprint,
    mapping_problems,
)
from chairclient.importing.outcome import ImportReport, RowOutcome
from chairclient.importing.preview import Preview, PreviewRow, Problem, build_preview
from chairclient.importing.reader import MAX_DATA_ROWS, SheetRows, Spreadsheet, open_spreadsheet
from chairclient.importing.report import save_report
from chairclient.importing.run import run_import
from chairclient.importing.template import write_template


def load_table(
    source: Spreadsheet | Path | str,
    sheet: str | None = None,
    header_row: int | None = None,
    *,
    max_rows: int = MAX_DATA_ROWS,
) -> Table:
    """Open (if needed) and read one sheet, split at its header row (detected when None)."""
    if isinstance(source, Spreadsheet):
        return build_table(source.read(sheet, max_rows=max_rows), header_row, max_rows=max_rows)
    with open_spreadsheet(source) as book:
        rows = book.read(sheet, max_rows=max_rows)
    return build_table(rows, header_row, max_rows=max_rows)


__all__ = [
    "COLUMNS",
    "FULL_NAME",
    "MAX_DATA_ROWS",
    "Column",
    "Decision",
    "Duplicate",
    "ExistingMember",
    "ImportCancelled",
    "ImportRefused",
    "ImportReport",
    "MappingStore",
    "OrgHint",
    "PersonKey",
    "Preview",
    "PreviewRow",
    "Problem",
    "RegistryLookup",
    "RowOutcome",
    "SheetRows",
    "Spreadsheet",
    "Table",
    "build_preview",
    "build_table",
    "check_registry",
    "detect_header_row",
    "find_duplicates",
    "guess_mapping",
    "layout_fingerprint",
    "load_table",
    "mapping_problems",
    "open_spreadsheet",
    "person_keys",
    "run_import",
    "save_report",
    "write_template",
]

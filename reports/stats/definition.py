"""The row definitions of «форма 5-СП» (``resources/reports/5sp.json``), loaded and checked."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reports.resources import resource

COLUMNS = ("start", "end", "women")
SOURCES = frozenset({"passport", "members", "admitted", "restored", "removed", "roles",
                     "formula"})
WHERE_KEYS = frozenset(
    {"category", "youth", "pedagogical", "report_group", "role_group", "chair_released"}
)
PASSPORT_FIELDS = frozenset({
    "employees_total", "employees_women", "employees_youth", "employees_pedagogical",
    "students_total",
})
_REF = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class RowDef:
    code: str
    key: str
    label: str
    short: str
    source: str
    where: dict[str, Any] = field(default_factory=dict)
    columns: tuple[str, ...] = COLUMNS
    field: str | None = None
    women_field: str | None = None
    formula: str | None = None
    indent: int = 0
    bold: bool = False
    number_format: str = "0"

    def refs(self) -> list[str]:
        """Row keys a formula row refers to."""
        return _REF.findall(self.formula or "")


@dataclass(frozen=True)
class SectionDef:
    title: str
    rows: tuple[RowDef, ...]


@dataclass(frozen=True)
class ReportDef:
    title: str
    youth_max_age: int
    admitted_event_kinds: tuple[str, ...]
    column_labels: dict[str, str]
    sections: tuple[SectionDef, ...]
    chart_title: str
    chart_rows: tuple[str, ...]
    chart_labels: tuple[str, ...]
    chart_columns: tuple[str, ...]

    @property
    def rows(self) -> list[RowDef]:
        return [row for section in self.sections for row in section.rows]

    def row(self, key: str) -> RowDef:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)


class DefinitionError(ValueError):
    """The definition file is wrong; the message names the row and the problem (in Russian)."""


def _row(data: dict[str, Any]) -> RowDef:
    key = data.get("key", "?")
    known = set(RowDef.__dataclass_fields__)
    unknown = set(data) - known
    if unknown:
        raise DefinitionError(f"Строка {key}: неизвестные поля {sorted(unknown)}")
    row = RowDef(**{**data, "columns": tuple(data.get("columns", COLUMNS))})
    if row.source not in SOURCES:
        raise DefinitionError(f"Строка {key}: неизвестный источник «{row.source}»")
    if set(row.columns) - set(COLUMNS):
        raise DefinitionError(f"Строка {key}: неизвестные графы {row.columns}")
    if set(row.where) - WHERE_KEYS:
        raise DefinitionError(f"Строка {key}: неизвестные условия {sorted(row.where)}")
    if row.source == "passport" and (row.field not in PASSPORT_FIELDS or (
            row.women_field and row.women_field not in PASSPORT_FIELDS)):
        raise DefinitionError(f"Строка {key}: неизвестное поле паспорта")
    if row.source == "formula" and not row.formula:
        raise DefinitionError(f"Строка {key}: не задана формула")
    return row


def parse_definition(data: dict[str, Any]) -> ReportDef:
    sections = tuple(
        SectionDef(s["title"], tuple(_row(r) for r in s["rows"])) for s in data["sections"]
    )
    chart = data.get("chart", {})
    report = ReportDef(
        title=data["title"],
        youth_max_age=int(data.get("youth_max_age", 35)),
        admitted_event_kinds=tuple(data.get("admitted_event_kinds", ("joined",))),
        column_labels=dict(data["columns"]),
        sections=sections,
        chart_title=chart.get("title", ""),
        chart_rows=tuple(r["key"] for r in chart.get("rows", ())),
        chart_labels=tuple(r.get("label", r["key"]) for r in chart.get("rows", ())),
        chart_columns=tuple(chart.get("columns", ("start", "end"))),
    )
    keys = [r.key for r in report.rows]
    if len(keys) != len(set(keys)):
        raise DefinitionError("Ключи строк повторяются")
    seen: dict[str, RowDef] = {}
    for row in report.rows:
        for ref in row.refs():
            if ref not in seen:
                raise DefinitionError(
                    f"Строка {row.key}: формула ссылается на «{ref}», которой нет выше")
            if set(row.columns) - set(seen[ref].columns):
                raise DefinitionError(
                    f"Строка {row.key}: у строки «{ref}» нет граф {sorted(row.columns)}")
        seen[row.key] = row
    for key in report.chart_rows:
        if key not in seen:
            raise DefinitionError(f"Диаграмма: нет строки «{key}»")
    return report


def load_definition(path: Path | None = None) -> ReportDef:
    """The bundled definition (or the file at ``path``)."""
    path = path or resource("reports", "5sp.json")
    with open(path, encoding="utf-8") as fh:
        return parse_definition(json.load(fh))

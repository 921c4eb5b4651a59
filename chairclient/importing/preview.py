"""Preview: every data row cleaned and checked, with each cell's problem, before anything is saved."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from chairclient.db.reference_data import UNION_ROLES as ROLE_LIST
from chairclient.domain import role_rules
from chairclient.importing.clean import clean_cells, is_blank
from chairclient.importing.columns import COLUMNS_BY_FIELD, UNION_ROLE_SINCE, UNION_ROLES
from chairclient.importing.errors import ImportRefused
from chairclient.importing.mapping import Mapping as ColumnMapping
from chairclient.importing.mapping import Table, mapping_problems
from chairclient.validation import field_label, validate_member

ERROR, WARNING, MISSING = "error", "warning", "missing"
MISSING_MESSAGE = "Обязательное поле не заполнено — карточка будет неполной"
NO_NAME_MESSAGE = "Не указано — без фамилии и имени строку загрузить нельзя"


def label(field_name: str) -> str:
    """Russian name of a card field or an import column."""
    column = COLUMNS_BY_FIELD.get(field_name)
    return column.header if column else field_label(field_name)


@dataclass(frozen=True)
class Problem:
    """One cell's problem: ``row`` is the row number as in the file."""

    row: int
    field: str
    message: str
    severity: str  # ERROR refuses the row; WARNING and MISSING do not

    def text(self) -> str:
        return f"Строка {self.row}, «{label(self.field)}»: {self.message}"


@dataclass
class PreviewRow:
    """One data row: the card values it would save and its problems."""

    row: int
    values: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        """True when a value is wrong: the row cannot be imported."""
        return any(p.severity == ERROR for p in self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def missing(self) -> list[str]:
        return [p.field for p in self.problems if p.severity == MISSING]

    @property
    def display_name(self) -> str:
        parts = (self.values.get(k) for k in ("last_name", "first_name", "patronymic"))
        return " ".join(p for p in parts if p)


@dataclass
class Preview:
    """The whole file checked; ``rows`` in file order."""

    table: Table
    mapping: ColumnMapping
    rows: list[PreviewRow]

    @property
    def importable(self) -> list[PreviewRow]:
        return [r for r in self.rows if not r.refused]

    @property
    def refused(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.refused]

    def problems(self) -> list[Problem]:
        return [p for r in self.rows for p in r.problems]


_ROLE_CODES = frozenset(code for code, *_ in ROLE_LIST)


def _office_errors(values: Mapping[str, Any], today: date) -> dict[str, str]:
    """The offices of the row, judged as the office rules judge any (the organisation's other
    offices are checked when the import runs)."""
    roles, since = values.get(UNION_ROLES) or (), values.get(UNION_ROLE_SINCE)
    if not roles:
        return {UNION_ROLE_SINCE: "Дата избрания указана, а профсоюзная должность — нет"} \
            if since else {}
    for role in roles:
        found = role_rules.role_errors(
            role_rules.Office("", "", role, None, since or today, None), roles=_ROLE_CODES,
            today=today, member_active=True, others=())
        if found:
            field = UNION_ROLE_SINCE if "since" in found else UNION_ROLES
            return {field: next(iter(found.values()))}
    return {}


def preview_row(
    number: int,
    cells: dict[str, Any],
    defaults: Mapping[str, Any] | None = None,
    today: date | None = None,
) -> PreviewRow:
    """Clean and check one row given as ``{field: raw cell}``."""
    values, errors, warnings = clean_cells(cells)
    for key, value in (defaults or {}).items():
        if is_blank(values.get(key)) and key not in errors:
            values[key] = value
    result = validate_member({"status": "active", **values}, today=today)
    for name_field in ("last_name", "first_name"):
        if is_blank(values.get(name_field)) and not errors:
            errors[name_field] = NO_NAME_MESSAGE
            result.missing = [f for f in result.missing if f != name_field]
    errors.update({k: v for k, v in _office_errors(values, today or date.today()).items()
                   if k not in errors})
    problems = [Problem(number, f, m, ERROR) for f, m in errors.items()]
    problems += [Problem(number, f, m, ERROR) for f, m in result.errors.items() if f not in errors]
    problems += [Problem(number, f, m, WARNING) for f, m in warnings.items()]
    problems += [Problem(number, f, m, WARNING) for f, m in result.warnings.items()]
    problems += [Problem(number, f, MISSING_MESSAGE, MISSING) for f in result.missing]
    return PreviewRow(number, values, problems)


def build_preview(
    table: Table,
    mapping: ColumnMapping,
    *,
    defaults: Mapping[str, Any] | None = None,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Preview:
    """Check every data row of ``table`` under ``mapping`` (``{column: field}``).

    ``defaults`` fill fields the file leaves empty (e.g. registration method «перенос из
    бумажного учёта»). Refuses a mapping that cannot work (no name columns, a field twice).
    """
    problems = mapping_problems(mapping)
    if problems:
        raise ImportRefused("; ".join(problems))
    today = today or date.today()
    columns = sorted(mapping.items())
    rows = []
    total = len(table.rows)
    for done, (number, values) in enumerate(table.rows, start=1):
        cells = {f: values[i] for i, f in columns if i < len(values)}
        if all(is_blank(v) for v in cells.values()):
            continue  # e.g. only a running number or a «total» outside the mapped columns
        rows.append(preview_row(number, cells, defaults, today))
        if progress and (done % 500 == 0 or done == total):
            progress(done, total)
    return Preview(table, dict(mapping), rows)

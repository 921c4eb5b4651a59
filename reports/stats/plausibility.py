"""Checks run before a 5-СП export: values a chair should look at (messages in Russian)."""

from __future__ import annotations

from collections.abc import Callable

from reports.stats.sp5 import OrgRow, RowValues, Sp5Result

_LIMIT = 10


def _value(values: RowValues, row: str, col: str = "end") -> int | None:
    return values.get(row, {}).get(col)


def _listed(problem: str, orgs: list[str]) -> str:
    shown = "; ".join(orgs[:_LIMIT])
    more = f" и ещё {len(orgs) - _LIMIT}" if len(orgs) > _LIMIT else ""
    return f"{problem}: {shown}{more}."


def _name(org: OrgRow) -> str:
    return f"{org.short_name} ({org.code})"


#: None: plausible; a string: implausible (with the detail to show, possibly empty).
Check = Callable[[RowValues], str | None]


def _members_over(members_row: str, total_row: str, what: str) -> Check:
    def check(values: RowValues) -> str | None:
        members, total = _value(values, members_row), _value(values, total_row)
        if members and total is not None and members > total:
            return f"{what}: членов Профсоюза {members}, по паспорту {total}"
        return None
    return check


def _empty(members_row: str, total_row: str) -> Check:
    def check(values: RowValues) -> str | None:
        if _value(values, members_row) and _value(values, total_row) is None:
            return ""
        return None
    return check


def _women_over(values: RowValues) -> str | None:
    women, total = _value(values, "employees", "women"), _value(values, "employees")
    if women is not None and total is not None and women > total:
        return f"женщин {women} при численности работающих {total}"
    return None


_CHECKS: list[tuple[str, Check]] = [
    ("Членов Профсоюза из работающих больше, чем работающих по паспорту",
     _members_over("employees_members", "employees", "работающие")),
    ("Членов Профсоюза из обучающихся больше, чем обучающихся по паспорту",
     _members_over("students_members", "students", "обучающиеся")),
    ("Не заполнена численность работающих (паспорт, вкладка «Численность»), хотя есть "
     "члены Профсоюза из работающих", _empty("employees_members", "employees")),
    ("Не заполнена численность обучающихся (паспорт, вкладка «Численность»), хотя есть "
     "члены Профсоюза из обучающихся", _empty("students_members", "students")),
    ("Женщин среди работающих больше, чем работающих всего", _women_over),
]


def plausibility_warnings(result: Sp5Result) -> list[str]:
    """Implausible values, each with the organisations concerned (checked per organisation)."""
    out: list[str] = []
    for problem, check in _CHECKS:
        found: list[str] = []
        for org_id, values in result.per_org.items():
            detail = check(values)
            if detail is not None:
                org = result.orgs[org_id]
                found.append(f"{_name(org)} — {detail}" if detail else _name(org))
        if found:
            out.append(_listed(problem, found))
    total = _value(result.total, "all_members")
    if not total:
        out.append("В отчёте нет ни одного члена Профсоюза на дату отчёта.")
    return out

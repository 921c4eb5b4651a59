"""«Форма 5-СП» values: per organisation, summed over a subtree and over each subordinate.

Members are tallied into small counters keyed by (organisation, traits); each row of the
definition then sums the counter entries its conditions match. Formula rows are left to Excel.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from reports.stats.definition import ReportDef, RowDef
from reports.stats.membership import (
    MemberHistory,
    Role,
    iso,
    load_histories,
    load_roles,
    next_day,
    role_active,
    youth_threshold,
)

Value = int | None
RowValues = dict[str, dict[str, Value]]  # row key → column → value
PASSPORT_COLUMNS = (
    "employees_total", "employees_women", "employees_youth", "employees_pedagogical",
    "students_total",
)


@dataclass(frozen=True)
class OrgRow:
    id: str
    parent_id: str | None
    code: str
    name: str
    short_name: str
    level: str
    chair_released: bool
    passport: dict[str, int | None]
    #: The day the organisation was closed (ISO), None while it works.
    closed_on: str | None = None


@dataclass
class Sp5Result:
    definition: ReportDef
    root: OrgRow
    cutoff: date
    year_start: date
    orgs: dict[str, OrgRow]
    per_org: dict[str, RowValues]
    total: RowValues
    #: (organisation heading the bucket, its values); the root's own members come first
    breakdown: list[tuple[OrgRow, RowValues]] = field(default_factory=list)

    @property
    def primary_count(self) -> int:
        return sum(1 for o in self.orgs.values() if o.level == "primary")


def year_before(cutoff: date) -> date:
    try:
        return cutoff.replace(year=cutoff.year - 1)
    except ValueError:  # 29 February
        return cutoff.replace(year=cutoff.year - 1, day=28)


def _load_orgs(session: Session, root_id: str) -> dict[str, OrgRow]:
    rows = session.execute(text(f"""
        WITH RECURSIVE subtree(id) AS (
            SELECT id FROM organisations WHERE id = :root
            UNION ALL SELECT o.id FROM organisations o JOIN subtree s ON o.parent_id = s.id)
        SELECT id, parent_id, code, full_name, short_name, level, chair_released, closed_on,
               {", ".join(PASSPORT_COLUMNS)}
        FROM organisations WHERE id IN (SELECT id FROM subtree) AND deleted = 0
        ORDER BY code"""), {"root": root_id})
    return {
        r[0]: OrgRow(r[0], r[1], r[2], r[3], r[4] or r[3], r[5], bool(r[6]),
                     dict(zip(PASSPORT_COLUMNS, r[8:], strict=True)),
                     str(r[7]) if r[7] is not None else None)
        for r in rows
    }


def _matches(where: dict, traits: dict) -> bool:
    for key, wanted in where.items():
        if key not in traits:
            return False
        value = traits[key]
        if isinstance(wanted, list):
            if value not in wanted:
                return False
        elif bool(value) != bool(wanted):
            return False
    return True


_TRAITS = {
    "members": ("category", "female", "youth", "pedagogical"),
    "roles": ("role_group", "female", "chair_released"),
    "admitted": ("category", "female"),
    "restored": ("category", "female"),
    "removed": ("report_group", "category", "female"),
}


class _Tally:
    """Counters of members, flows and roles keyed by (organisation, *traits)."""

    def __init__(self, definition: ReportDef, cutoff: date, year_start: date,
                 orgs: dict[str, OrgRow]) -> None:
        self.definition = definition
        self.released = {org_id for org_id, org in orgs.items() if org.chair_released}
        max_age = definition.youth_max_age
        #: column → (day, born-after threshold for youth)
        self.days = {"start": (iso(year_start), youth_threshold(year_start, max_age)),
                     "end": (iso(cutoff), youth_threshold(cutoff, max_age))}
        self.counters: dict[tuple[str, str], Counter] = {
            (source, col): Counter() for source in _TRAITS for col in ("start", "end")
        }

    def add(self, history: MemberHistory, roles: list[Role],
            removal_groups: dict[str, str]) -> None:
        admitted_kinds = self.definition.admitted_event_kinds
        counters = self.counters
        female = history.female
        born = history.birth_date
        for col, (day, youth_after) in self.days.items():
            interval = history.interval_at(day)
            if interval is None:
                continue
            org_id = interval.org_id
            category = history.category_at(day) if history.changes else history.category
            youth = born is not None and born > youth_after
            counters["members", col][(org_id, category, female, youth,
                                      history.pedagogical)] += 1
            for group, since, until in roles:
                if role_active(since, until, day):
                    counters["roles", col][(org_id, group, female,
                                            org_id in self.released)] += 1
        start, end = self.days["start"][0], self.days["end"][0]
        for interval in history.intervals:
            if start <= interval.start < end and (
                    interval.start_kind in admitted_kinds or interval.start_kind == "restored"):
                category = interval.start_category or history.category_at(
                    next_day(interval.start))
                # a restoration is not an admission: counted in its own row
                source = "admitted" if interval.start_kind in admitted_kinds else "restored"
                counters[source, "end"][(interval.org_id, category, female)] += 1
            if (interval.end is not None and start <= interval.end < end
                    and interval.end_kind == "removed"):
                group = removal_groups.get(interval.end_reason or "", "other")
                counters["removed", "end"][(interval.org_id, group,
                                            history.category_at(interval.end), female)] += 1

    def per_org(self) -> dict[str, RowValues]:
        """org id → row key → column → count, for every counted (non-passport) row."""
        rows_by_source: dict[str, list[RowDef]] = {}
        for row in self.definition.rows:
            if row.source in _TRAITS:
                rows_by_source.setdefault(row.source, []).append(row)
        out: dict[str, RowValues] = {}
        for (source, col), counter in self.counters.items():
            matched: dict[tuple, list[tuple[str, str, bool]]] = {}
            for key, n in counter.items():
                combo = key[1:]
                targets = matched.get(combo)
                if targets is None:
                    traits = dict(zip(_TRAITS[source], combo, strict=True))
                    targets = matched[combo] = self._targets(
                        rows_by_source.get(source, []), traits, col)
                if not targets:
                    continue
                values = out.setdefault(key[0], {})
                for row_key, target_col, _ in targets:
                    cell = values.setdefault(row_key, {})
                    cell[target_col] = (cell.get(target_col) or 0) + n
        return out

    @staticmethod
    def _targets(rows: list[RowDef], traits: dict, col: str) -> list[tuple[str, str, bool]]:
        """(row key, column, _) pairs that a counter entry with ``traits`` adds to."""
        out: list[tuple[str, str, bool]] = []
        for row in rows:
            if not _matches(row.where, traits):
                continue
            if col in row.columns:
                out.append((row.key, col, False))
            if col == "end" and "women" in row.columns and traits["female"]:
                out.append((row.key, "women", True))
        return out


def _removal_groups(session: Session) -> dict[str, str]:
    return dict(session.execute(text("SELECT code, report_group FROM ref_removal_reasons")).all())


def _passport_values(definition: ReportDef, org: OrgRow) -> RowValues:
    out: RowValues = {}
    for row in definition.rows:
        if row.source != "passport":
            continue
        cols: dict[str, Value] = {}
        if "end" in row.columns and row.field:
            cols["end"] = org.passport.get(row.field)
        if "women" in row.columns and row.women_field:
            cols["women"] = org.passport.get(row.women_field)
        out[row.key] = cols
    return out


def _add_into(target: RowValues, values: RowValues) -> None:
    for row_key, cols in values.items():
        into = target.setdefault(row_key, {})
        for col, value in cols.items():
            if value is not None:
                into[col] = (into.get(col) or 0) + value


def _finish(definition: ReportDef, values: RowValues) -> RowValues:
    """Every counted row and applicable column present (0 when nothing was counted)."""
    out: RowValues = {}
    for row in definition.rows:
        cols = values.get(row.key, {})
        if row.source in _TRAITS:
            out[row.key] = {c: cols.get(c) or 0 for c in row.columns}
        elif row.source == "passport":
            out[row.key] = {c: cols.get(c) for c in row.columns}
        else:
            out[row.key] = {}
    return out


def _bucket_of(orgs: dict[str, OrgRow], root_id: str) -> dict[str, str]:
    """org id → the id of the root's child whose subtree holds it (the root maps to itself)."""
    out: dict[str, str] = {}
    for org_id in orgs:
        node = org_id
        while node in orgs and orgs[node].parent_id != root_id and node != root_id:
            node = orgs[node].parent_id  # type: ignore[assignment]
        out[org_id] = node if node in orgs else root_id
    return out


def compute_5sp(session: Session, root_id: str, cutoff: date,
                definition: ReportDef) -> Sp5Result:
    """The report for ``root_id``'s subtree as of the beginning of ``cutoff``."""
    orgs = _load_orgs(session, root_id)
    if root_id not in orgs:
        raise LookupError(f"Организация {root_id} не найдена")
    year_start = year_before(cutoff)
    tally = _Tally(definition, cutoff, year_start, orgs)
    groups = _removal_groups(session)
    roles = load_roles(session)
    for history in load_histories(session, root_id):
        tally.add(history, roles.get(history.id, []), groups)
    counted = tally.per_org()
    per_org: dict[str, RowValues] = {}
    for org_id, org in orgs.items():
        # A closed organisation's staff are no denominator of the union any more (its members
        # are counted where the closure put them); until its closure day they were.
        closed = org.closed_on is not None and org.closed_on < iso(cutoff)
        values = {} if closed else _passport_values(definition, org)
        _add_into(values, counted.get(org_id, {}))
        per_org[org_id] = _finish(definition, values)
    total: RowValues = {}
    buckets: dict[str, RowValues] = {}
    bucket_of = _bucket_of(orgs, root_id)
    for org_id, values in per_org.items():
        _add_into(total, values)
        _add_into(buckets.setdefault(bucket_of[org_id], {}), values)
    breakdown = [(orgs[root_id], _finish(definition, buckets.get(root_id, {})))]
    breakdown += [(orgs[b], _finish(definition, v)) for b, v in sorted(
        buckets.items(), key=lambda kv: orgs[kv[0]].code) if b != root_id]
    return Sp5Result(definition, orgs[root_id], cutoff, year_start, orgs, per_org,
                     _finish(definition, total), breakdown)

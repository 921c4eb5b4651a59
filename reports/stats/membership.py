"""Membership history replayed into registration intervals, for statistics as of any date.

A member's history (``membership_events``) is read as intervals «on the register of
organisation X from day A to day B». The state «на дату D» is the state at the beginning of
day D: an interval counts if it started before D and did not end before D. Members without
events fall back to the card (registered on / removed on); the card's current status and
organisation win over an incomplete history. Intervals that end with a reason excluded from
statistics (erroneous record, duplicate) are dropped altogether.

Days are ISO strings ``YYYY-MM-DD`` throughout (as SQLite stores them): they compare in date
order and spare parsing a few hundred thousand values per report.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.orm import Session

Day = str  # 'YYYY-MM-DD'
IN_KINDS = frozenset({"joined", "transferred_in", "restored"})
OUT_KINDS = frozenset({"removed", "transferred_out"})
_PRIORITY = {"removed": 0, "transferred_out": 0, "joined": 1, "transferred_in": 1,
             "restored": 1, "category_changed": 2}
_METHOD_KIND = {"transfer": "transferred_in", "restoration": "restored"}
_EPOCH: Day = "0001-01-01"


def iso(day: date) -> Day:
    return day.isoformat()


def next_day(day: Day) -> Day:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


@dataclass(slots=True)
class Interval:
    org_id: str
    start: Day
    start_kind: str
    start_category: str | None = None
    end: Day | None = None
    end_kind: str | None = None
    end_reason: str | None = None

    def covers(self, day: Day) -> bool:
        """On the register at the beginning of ``day``."""
        return self.start < day and (self.end is None or self.end >= day)


@dataclass(slots=True)
class MemberHistory:
    id: str
    org_id: str
    female: bool
    birth_date: Day | None
    category: str | None
    pedagogical: bool
    intervals: list[Interval] = field(default_factory=list)
    #: (day, old category, new category), in date order
    changes: list[tuple[Day, str | None, str | None]] = field(default_factory=list)

    def category_at(self, day: Day) -> str | None:
        """The category at the beginning of ``day``."""
        for changed, old, _new in self.changes:
            if changed >= day:
                return old
        return self.category

    def interval_at(self, day: Day) -> Interval | None:
        for interval in self.intervals:
            if interval.start < day and (interval.end is None or interval.end >= day):
                return interval
        return None


def youth_threshold(day: date, max_age: int) -> Day:
    """Members born after this day are at most ``max_age`` years old on ``day``."""
    try:
        limit = day.replace(year=day.year - max_age - 1)
    except ValueError:  # 29 February
        limit = day.replace(year=day.year - max_age - 1, day=28)
    return limit.isoformat()


def _event_key(event: tuple) -> tuple:
    return event[1], _PRIORITY.get(event[0], 3)


def _replay(row: tuple, events: list[tuple], excluded: frozenset[str],
            pedagogical: frozenset[str]) -> MemberHistory:
    (member_id, org_id, female, birth, category, position, removed, registered, method,
     removed_on, removal_reason) = row
    history = MemberHistory(member_id, org_id, bool(female), birth, category,
                            position in pedagogical)
    intervals = history.intervals
    current: Interval | None = None
    if len(events) > 1:
        events.sort(key=_event_key)
    for kind, day, reason, _from_org, to_org, event_org, old_cat, new_cat in events:
        if kind in IN_KINDS:
            target = to_org or event_org
            if current is not None:
                if current.org_id == target:
                    continue
                current.end, current.end_kind = day, "transferred_out"
            current = Interval(target, day, kind, new_cat)
            intervals.append(current)
        elif kind in OUT_KINDS:
            if current is not None:
                current.end, current.end_kind, current.end_reason = day, kind, reason
                current = None
        elif kind == "category_changed":
            history.changes.append((day, old_cat, new_cat))
    if not intervals:
        current = Interval(org_id, registered or _EPOCH,
                           _METHOD_KIND.get(method or "", "joined"), category)
        intervals.append(current)
    if removed:
        if current is not None:
            current.end = removed_on or current.start
            current.end_kind, current.end_reason = "removed", removal_reason
    elif current is None:
        last_end = intervals[-1].end or _EPOCH
        intervals.append(Interval(org_id, max(registered or last_end, last_end), "card", category))
    else:
        current.org_id = org_id
    if excluded and any(i.end_reason in excluded for i in intervals):
        history.intervals = [i for i in intervals if i.end_reason not in excluded]
    return history


def _raw(session: Session) -> sqlite3.Connection:
    """The session's own DB-API connection (same transaction), for fast bulk reads."""
    return session.connection().connection.driver_connection  # type: ignore[return-value]


def subtree_set(session: Session, root_id: str) -> set[str]:
    """``root_id`` and every organisation below it."""
    children: dict[str | None, list[str]] = {}
    for org_id, parent_id in _raw(session).execute("SELECT id, parent_id FROM organisations"):
        children.setdefault(parent_id, []).append(org_id)
    found: set[str] = set()
    stack = [root_id]
    while stack:
        node = stack.pop()
        if node not in found:
            found.add(node)
            stack.extend(children.get(node, ()))
    return found


def load_histories(session: Session, root_id: str) -> Iterator[MemberHistory]:
    """Every member who was ever on the register of ``root_id``'s subtree, with history.

    Reads whole tables once (fast in SQLite) and filters here: a member who moved out of the
    subtree is found through the organisations named in their events.
    """
    raw = _raw(session)
    scope = subtree_set(session, root_id)
    excluded = frozenset(code for (code,) in raw.execute(
        "SELECT code FROM ref_removal_reasons WHERE excluded_from_stats = 1"))
    pedagogical = frozenset(code for (code,) in raw.execute(
        "SELECT code FROM ref_positions WHERE pedagogical = 1"))
    events: dict[str, list[tuple]] = {}
    touching: set[str] = set()
    for member_id, *event in raw.execute(
            "SELECT member_id, kind, event_date, reason, from_org_id, to_org_id, org_id, "
            "old_category, new_category FROM membership_events WHERE deleted = 0"):
        events.setdefault(member_id, []).append(event)
        if event[5] in scope or event[3] in scope or event[4] in scope:
            touching.add(member_id)
    # Booleans and NULLs come back as shared objects: cheaper than strings for 10⁵ rows.
    rows = raw.execute(
        "SELECT id, org_id, sex = 'F', birth_date, category, position_code, "
        "status = 'removed', COALESCE(registered_on, member_since), "
        "CASE WHEN registration_method IN ('transfer', 'restoration') "
        "THEN registration_method END, removed_on, removal_reason FROM members "
        "WHERE deleted = 0")
    for row in rows:
        if row[1] in scope or row[0] in touching:
            yield _replay(row, events.get(row[0], []), excluded, pedagogical)


Role = tuple[str, Day | None, Day | None]


def load_roles(session: Session) -> dict[str, list[Role]]:
    """member id → [(role report group, since, until)] (every member; callers pick theirs)."""
    roles: dict[str, list[Role]] = {}
    for member_id, group, since, until in _raw(session).execute(
            "SELECT mr.member_id, r.report_group, mr.since, mr.until "
            "FROM member_roles mr JOIN ref_union_roles r ON r.code = mr.role "
            "WHERE mr.deleted = 0 AND r.report_group != ''"):
        roles.setdefault(member_id, []).append((group, since, until))
    return roles


def role_active(since: Day | None, until: Day | None, day: Day) -> bool:
    """A role held at the beginning of ``day``."""
    return (since is None or since < day) and (until is None or until >= day)

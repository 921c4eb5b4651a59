"""The completeness dashboard of an organisation: counts, membership structure, subordinates.

Every count is a *tile*: a member-list filter (:class:`~chairclient.queries.members.MemberFilter`)
whose list is exactly the members counted. All counts come from one aggregate query over the
members on the register, grouped by organisation, whose columns are ``count(*) FILTER (WHERE
…)`` with the filters' own SQL clauses (:func:`~chairclient.queries.members.filter_clauses`):
a count and the length of its list cannot disagree. Totals and the rows of the subordinate
organisations are sums of those per-organisation counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from chairclient.db.models import Member, Organisation
from chairclient.queries.conditions import REQUIRED_FIELDS, birthdays_key, missing_key
from chairclient.queries.members import MemberFilter, filter_clauses
from chairclient.queries.organisations import subtree_ids
from chairclient.validation.rules import add_years

#: ЭПБ statuses with a tile of their own: the way from the request to the member's hands.
CARD_TILE_STATUSES = ("in_request", "ordered", "produced", "shipped", "received", "issued")
#: Age groups of the structure chart: (key, oldest age in the group); the last has no limit.
#: Youth is «up to 35» as in 5-СП.
AGE_GROUPS: tuple[tuple[str, int | None], ...] = (
    ("upto_35", 35), ("36_45", 45), ("46_55", 55), ("56_65", 65), ("over_65", None),
)
CATEGORIES = ("working", "student", "pensioner", "unemployed")
SEXES = ("F", "M")
#: Category, sex or age not filled in (or an unknown code).
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Tile:
    """A count on the dashboard and the member list behind it (members on the register)."""

    key: str
    has_consent: bool | None = None
    card_status: str | None = None
    is_complete: bool | None = None
    condition: str | None = None

    def member_filter(self, org_ids: tuple[str, ...] | list[str]) -> MemberFilter:
        return MemberFilter(
            org_ids=tuple(org_ids), status="active", has_consent=self.has_consent,
            card_status=self.card_status, is_complete=self.is_complete,
            condition=self.condition,
        )


def tiles(today: date) -> list[Tile]:
    """Every tile, in display order; the birthday tile is for ``today``'s month."""
    return [
        Tile("on_register"),
        Tile("incomplete", is_complete=False),
        # The card lacks this field (is_complete first: SQLite skips the rest for most rows).
        *(Tile(missing_key(f), is_complete=False, condition=missing_key(f))
          for f in REQUIRED_FIELDS),
        Tile("no_consent", has_consent=False),
        Tile("consent_not_sent", condition="consent_not_sent"),
        Tile("ready_for_card", condition="ready_for_card"),
        *(Tile(f"card:{s}", card_status=s) for s in CARD_TILE_STATUSES),
        Tile("birthdays", condition=birthdays_key(today.month)),
    ]


@dataclass(frozen=True)
class Structure:
    """Members on the register by category, sex and age group (``UNKNOWN`` = not filled in)."""

    by_category: dict[str, int]
    by_sex: dict[str, int]
    by_age: dict[str, int]


@dataclass(frozen=True)
class OrgSummary:
    """A row of the subordinate table: an organisation with everything below it."""

    org_id: str
    name: str
    code: str
    level: str
    org_ids: tuple[str, ...]  # the organisation and those below it (within the scope)
    counts: dict[str, int]  # tile key → members
    #: Only the members registered in the organisation itself (not in those below it).
    own_only: bool = False


@dataclass(frozen=True)
class Dashboard:
    today: date
    org_id: str
    org_ids: tuple[str, ...]
    counts: dict[str, int]  # tile key → members
    structure: Structure
    #: One row per organisation directly below (with its subtree); empty for a leaf.
    subordinates: list[OrgSummary] = field(default_factory=list)

    def member_filter(self, key: str, org_ids: tuple[str, ...] | None = None) -> MemberFilter:
        """The member list of the tile ``key`` (its length is ``counts[key]``)."""
        tile = next(t for t in tiles(self.today) if t.key == key)
        return tile.member_filter(self.org_ids if org_ids is None else org_ids)


# -- the aggregate query ------------------------------------------------------------------------


def _measures(today: date, org_ids: tuple[str, ...]) -> list[tuple[str, Any]]:
    """(key, condition) of every column; None counts every row."""
    measures: list[tuple[str, Any]] = []
    for tile in tiles(today):
        # The query selects members on the register already: the status clause is implied.
        clauses = filter_clauses(replace(tile.member_filter(org_ids), status=None))
        measures.append((tile.key, and_(*clauses) if clauses else None))
    measures += [(f"category:{c}", Member.category == c) for c in CATEGORIES]
    measures += [(f"sex:{s}", Member.sex == s) for s in SEXES]
    measures.append(("age:unknown", Member.birth_date.is_(None)))
    for key, oldest in AGE_GROUPS:
        if oldest is not None:  # born after this day: not older than ``oldest`` today
            measures.append((f"age_le:{key}", Member.birth_date > add_years(today, -oldest - 1)))
    return measures


def _column(condition: ColumnElement[bool] | None):
    return func.count() if condition is None else func.count().filter(condition)


def counts_by_org(session: Session, org_ids: tuple[str, ...],
                  today: date) -> dict[str, dict[str, int]]:
    """Organisation id → measure key → members on the register (organisations with members)."""
    measures = _measures(today, org_ids)
    query = (
        select(Member.org_id, *(_column(c) for _k, c in measures))
        .where(Member.org_id.in_(org_ids), Member.deleted.is_(False), Member.status == "active")
        .group_by(Member.org_id)
    )
    keys = [k for k, _c in measures]
    return {row[0]: dict(zip(keys, row[1:], strict=True)) for row in session.execute(query)}


def _sum(per_org: dict[str, dict[str, int]], org_ids: tuple[str, ...] | list[str]) -> Counter:
    total: Counter[str] = Counter()
    for org_id in org_ids:
        total.update(per_org.get(org_id, {}))
    return total


def _structure(total: Counter) -> Structure:
    members = total["on_register"]
    by_category = {c: total[f"category:{c}"] for c in CATEGORIES}
    by_category[UNKNOWN] = members - sum(by_category.values())
    by_sex = {s: total[f"sex:{s}"] for s in SEXES}
    by_sex[UNKNOWN] = members - sum(by_sex.values())
    by_age: dict[str, int] = {}
    younger = 0  # members in the groups before
    for key, oldest in AGE_GROUPS:
        upto = total[f"age_le:{key}"] if oldest is not None else members - total["age:unknown"]
        by_age[key] = upto - younger
        younger = upto
    by_age[UNKNOWN] = total["age:unknown"]
    return Structure(by_category, by_sex, by_age)


def _tile_counts(total: Counter, today: date) -> dict[str, int]:
    return {tile.key: int(total[tile.key]) for tile in tiles(today)}


# -- the dashboard ------------------------------------------------------------------------------


def compute_dashboard(session: Session, org_id: str,
                      org_ids: tuple[str, ...] | list[str] | None = None,
                      today: date | None = None) -> Dashboard:
    """The dashboard of ``org_id`` over ``org_ids`` (default: its whole subtree)."""
    today = today or date.today()
    scope = tuple(org_ids) if org_ids is not None else tuple(subtree_ids(session, org_id))
    per_org = counts_by_org(session, scope, today)
    total = _sum(per_org, scope)
    return Dashboard(today, org_id, scope, _tile_counts(total, today), _structure(total),
                     _subordinates(session, org_id, scope, per_org, today))


def _subordinates(session: Session, org_id: str, scope: tuple[str, ...],
                  per_org: dict[str, dict[str, int]], today: date) -> list[OrgSummary]:
    in_scope = set(scope)
    orgs = session.execute(
        select(Organisation.id, Organisation.parent_id, Organisation.short_name,
               Organisation.full_name, Organisation.code, Organisation.level)
        .where(Organisation.id.in_(scope), Organisation.deleted.is_(False),
               Organisation.closed_on.is_(None) | (Organisation.id == org_id))
    ).all()  # a closed organisation has no one on the register: no row of zeros for it
    children: dict[str, list[str]] = {}
    info = {}
    for oid, parent, short, full, code, level in orgs:
        info[oid] = (short or full or code, code, level)
        if parent in in_scope and oid != org_id:
            children.setdefault(parent, []).append(oid)
    if not children.get(org_id):
        return []

    def below(root: str) -> list[str]:
        found, stack = [], [root]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(children.get(current, []))
        return found

    rows = []
    for child in children[org_id]:
        ids = tuple(below(child))
        name, code, level = info[child]
        rows.append(OrgSummary(child, name, code, level, ids,
                               _tile_counts(_sum(per_org, ids), today)))
    own = per_org.get(org_id)
    if own and own.get("on_register"):
        name, code, level = info.get(org_id, ("", "", ""))
        rows.append(OrgSummary(org_id, name, code, level, (org_id,),
                               _tile_counts(Counter(own), today), own_only=True))
    rows.sort(key=lambda r: (r.own_only, r.name.casefold()))
    return rows

"""Finding a person anywhere in the registry, answering only where they are registered.

Used before a transfer (the receiving chair finds the member in another organisation) and by
duplicate checks (registration, import). The search covers the whole union, so the answer is
the minimum: the organisation (id, short name, code), how it matched, whether the member may
be accepted now (the sending side marked the transfer) or only requested — never the person's
data. Each match carries an opaque, short-lived handle (:mod:`registry.lookup_handles`), never
a row id. Only users with a position in the organisation tree may search (the PROFCARDS
operator may not: :func:`may_search`). Every lookup is audited in ``member_lookups`` (who,
when, whom it found; not what was typed), which also limits each user per hour and per day
(``REGISTRY_LOOKUPS_PER_HOUR``, ``REGISTRY_LOOKUPS_PER_DAY``: people asked about).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from chairclient.domain.transfers import marked_for_transfer, may_request
from chairclient.text import fold
from chairclient.validation import is_valid_snils, normalise_name, normalise_snils
from registry import lookup_handles
from registry.commands.writes import server_today
from registry.models import member_lookups, members, organisations
from registry.scope import Scope
from sync.protocol_lookup import (
    MAX_LOOKUP_MATCHES,
    LookupMatch,
    LookupQuery,
    LookupResult,
    MatchedBy,
)

#: Queries (people asked about) one user may send per hour and per day. An import checks each
#: of its rows (a large school: a few thousand), a chair's transfers are a handful a day.
LOOKUPS_PER_HOUR = int(os.environ.get("REGISTRY_LOOKUPS_PER_HOUR", "3000"))
LOOKUPS_PER_DAY = int(os.environ.get("REGISTRY_LOOKUPS_PER_DAY", "6000"))
#: Roles whose users may search (chairs and staff of the organisation tree).
SEARCHING_ROLES = frozenset({"admin", "regional", "territorial", "primary"})
#: ``member_lookups.kind`` of the second and later members one query found (the first row of
#: a query carries the query's kind, so counting the other rows counts queries).
FURTHER_MATCH = "found"
_HOUR, _DAY = timedelta(hours=1), timedelta(days=1)
_CHUNK = 500


class BadQuery(Exception):
    """A query that cannot be searched for; ``str()`` is the Russian reason (HTTP 400)."""


class TooManyLookups(Exception):
    """The user's hourly or daily allowance is used up (HTTP 429)."""

    def __init__(self, limit: int, per: str, retry_after: int) -> None:
        super().__init__(
            f"Слишком много запросов поиска в реестре: не более {limit} человек {per}. "
            "Повторите позже"
        )
        self.retry_after = retry_after


def may_search(scope: Scope) -> bool:
    """Chairs and staff of the tree; not the PROFCARDS operator (who has no organisation)."""
    return any(role in SEARCHING_ROLES for _, role in scope.positions)


@dataclass(frozen=True)
class Person:
    """A parsed query: a normalised СНИЛС, or folded names with a birth date."""

    snils: str | None = None
    last_name: str = ""
    first_name: str = ""
    birth_date: date | None = None

    @property
    def kind(self) -> MatchedBy:
        return "snils" if self.snils else "name_birth_date"


def parse_query(number: int, query: LookupQuery) -> Person:
    """``query`` (the ``number``-th, from 1) as a :class:`Person`; :class:`BadQuery` if unusable."""
    where = f"Запрос № {number}: "
    if query.snils is not None and query.snils.strip():
        try:
            snils = normalise_snils(query.snils)
        except ValueError as exc:
            raise BadQuery(where + str(exc)) from exc
        if not is_valid_snils(snils):
            raise BadQuery(where + "неверная контрольная сумма СНИЛС")
        return Person(snils=snils)
    last, first = (normalise_name(query.last_name), normalise_name(query.first_name))
    if not (last and first and query.birth_date):
        raise BadQuery(where + "укажите СНИЛС или фамилию, имя и дату рождения")
    return Person(last_name=fold(last), first_name=fold(first), birth_date=query.birth_date)


def check_allowance(session: Session, user_id: str, asked: int, now: datetime) -> None:
    """Refuse when ``asked`` more queries would exceed the user's hourly or daily allowance
    (both counted in one read of the user's lookups of the last day)."""
    lookups = member_lookups.c
    in_hour = func.count().filter(lookups.at > now - _HOUR)
    hour, day = session.execute(
        select(in_hour, func.count()).select_from(member_lookups).where(
            lookups.user_id == user_id, lookups.at > now - _DAY, lookups.kind != FURTHER_MATCH,
        )
    ).one()
    if (hour or 0) + asked > LOOKUPS_PER_HOUR:
        raise TooManyLookups(LOOKUPS_PER_HOUR, "в час", 3600)
    if (day or 0) + asked > LOOKUPS_PER_DAY:
        raise TooManyLookups(LOOKUPS_PER_DAY, "в сутки", 86400)


def _by_snils(session: Session, people: list[Person]) -> dict[str, list[Any]]:
    wanted = sorted({p.snils for p in people if p.snils})
    found: dict[str, list[Any]] = {}
    for start in range(0, len(wanted), _CHUNK):
        for row in session.execute(
            select(members.c.id, members.c.org_id, members.c.snils, members.c.status,
                   members.c.removal_reason, members.c.removed_on)
            .where(members.c.snils.in_(wanted[start:start + _CHUNK]),
                   members.c.deleted.is_(False))
            .order_by(members.c.id)
        ):
            found.setdefault(row.snils, []).append(row)
    return found


def _by_name(session: Session, people: list[Person]) -> dict[tuple, list[Any]]:
    days = sorted({p.birth_date for p in people if p.birth_date and not p.snils})
    found: dict[tuple, list[Any]] = {}
    for start in range(0, len(days), _CHUNK):
        for row in session.execute(
            select(members.c.id, members.c.org_id, members.c.last_name, members.c.first_name,
                   members.c.birth_date, members.c.status, members.c.removal_reason,
                   members.c.removed_on)
            .where(members.c.birth_date.in_(days[start:start + _CHUNK]),
                   members.c.deleted.is_(False))
            .order_by(members.c.id)
        ):
            key = (fold(row.last_name), fold(row.first_name), row.birth_date)
            found.setdefault(key, []).append(row)
    return found


def find(
    session: Session, scope: Scope, people: list[Person], now: datetime
) -> tuple[list[LookupResult], list[list[str]]]:
    """Per person, where matching live members are registered (the whole registry), each match
    with a new handle for ``scope``'s user; and the member ids found (for the audit only)."""
    by_snils, by_name = _by_snils(session, people), _by_name(session, people)
    hits: list[list[Any]] = []
    for person in people:
        rows = by_snils.get(person.snils, []) if person.snils else by_name.get(
            (person.last_name, person.first_name, person.birth_date), [])
        hits.append(rows[:MAX_LOOKUP_MATCHES])
    org_ids = sorted({row.org_id for rows in hits for row in rows})
    orgs: dict[str, tuple[str, str]] = {}
    for start in range(0, len(org_ids), _CHUNK):
        for org in session.execute(
            select(organisations.c.id, organisations.c.short_name, organisations.c.full_name,
                   organisations.c.code)
            .where(organisations.c.id.in_(org_ids[start:start + _CHUNK]))
        ):
            orgs[org.id] = (org.short_name or org.full_name or "", org.code)
    handles = iter(lookup_handles.issue(
        session, scope.user_id, [(row.id, row.org_id) for rows in hits for row in rows], now))
    today = server_today(now)
    results, found_ids = [], []
    for person, rows in zip(people, hits, strict=True):
        matches = []
        for row in rows:
            in_scope = row.org_id in scope
            marked = marked_for_transfer(row.status, row.removal_reason, row.removed_on, today)
            matches.append((LookupMatch(
                handle=next(handles), org_id=row.org_id,
                org_name=orgs.get(row.org_id, ("", ""))[0],
                org_code=orgs.get(row.org_id, ("", ""))[1], matched_by=person.kind,
                in_scope=in_scope,
                transferable=marked or (in_scope and row.status == "active"),
                requestable=not in_scope and may_request(row.status),
            ), row.id))
        matches.sort(key=lambda pair: (not pair[0].in_scope, pair[0].org_code, pair[1]))
        results.append(LookupResult(matches=[m for m, _ in matches]))
        found_ids.append([member_id for _, member_id in matches])
    return results, found_ids


def audit(
    session: Session, user_id: str, people: list[Person], results: list[LookupResult],
    found_ids: list[list[str]], now: datetime,
) -> None:
    """One ``member_lookups`` row per member found, one per query that found nobody."""
    rows = []
    for person, result, ids in zip(people, results, found_ids, strict=True):
        found = [(member_id, m.org_id) for m, member_id in zip(result.matches, ids,
                                                              strict=True)] or [(None, None)]
        for index, (member_id, org_id) in enumerate(found):
            rows.append({"at": now, "user_id": user_id, "member_id": member_id,
                         "org_id": org_id, "kind": person.kind if index == 0 else FURTHER_MATCH})
    if rows:
        session.execute(insert(member_lookups), rows)

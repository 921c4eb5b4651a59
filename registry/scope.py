"""What a user may see and change, computed on every request from positions and the org tree."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, or_, select
from sqlalchemy.orm import Session

from chairclient.domain.roles import ELEVATED_ROLES
from registry.models import organisations, user_positions


@dataclass(frozen=True)
class Scope:
    """``org_ids``: what the user reads (pulls, counts). ``closed_ids``: those of them that are
    closed, read-only for everyone (``org_id in scope`` is True only for an organisation the
    user may write to). ``elevated_ids``: orgs covered by a territorial-or-higher position
    (may create organisations under them). ``superior_ids``: orgs strictly below such a
    position (may be moved, recoded, deleted or closed by this user).

    A position on a closed organisation gives nothing: its chair loses access, and the local
    copy of the organisation is purged at their next sync (see ``docs/closure.md``)."""

    user_id: str
    is_admin: bool
    org_ids: frozenset[str]
    elevated_ids: frozenset[str]
    superior_ids: frozenset[str]
    positions: tuple[tuple[str, str], ...]
    closed_ids: frozenset[str] = frozenset()

    def __contains__(self, org_id: object) -> bool:
        return org_id in self.org_ids and org_id not in self.closed_ids


def _subtree_rows(session: Session, roots: list[str]) -> list[Any]:
    """(id, closed_on) of the live organisations in the subtrees of ``roots`` (roots included),
    by a recursive CTE."""
    org = organisations
    sub = (
        select(org.c.id, org.c.closed_on)
        .where(org.c.id.in_(roots), org.c.deleted.is_(False))
        .cte("sub", recursive=True)
    )
    child = org.alias("child")
    sub = sub.union(
        select(child.c.id, child.c.closed_on)
        .where(child.c.parent_id == sub.c.id, child.c.deleted.is_(False))
    )
    return list(session.execute(select(sub.c.id, sub.c.closed_on)))


def subtree(session: Session, roots: Iterable[str]) -> set[str]:
    """Live organisations in the subtrees of ``roots`` (roots included), closed ones too."""
    roots = list(roots)
    if not roots:
        return set()
    return {org_id for org_id, _ in _subtree_rows(session, roots)}


def _all_orgs(session: Session) -> tuple[frozenset[str], frozenset[str]]:
    """Every live organisation, and those of them that are closed."""
    rows = session.execute(
        select(organisations.c.id, organisations.c.closed_on)
        .where(organisations.c.deleted.is_(False))
    ).all()
    return frozenset(r[0] for r in rows), frozenset(r[0] for r in rows if r[1] is not None)


def all_live_orgs(session: Session) -> set[str]:
    return set(_all_orgs(session)[0])


#: Whether a position's organisation gives no access: deleted or closed (NULL: it does not
#: exist). Read with the positions by :data:`_POSITIONS` and by the access check.
POSITION_ORG_GONE = or_(organisations.c.deleted, organisations.c.closed_on.is_not(None))

#: The user's positions, each with whether its organisation gives access (built once: every
#: request runs it).
_POSITIONS = (
    select(user_positions.c.org_id, user_positions.c.role, POSITION_ORG_GONE)
    .outerjoin(organisations, organisations.c.id == user_positions.c.org_id)
    .where(user_positions.c.user_id == bindparam("user_id"))
    .order_by(user_positions.c.id)
)


#: A position as :data:`_POSITIONS` reads it: organisation, role, and whether the organisation
#: is deleted or closed (None: it does not exist).
PositionRow = tuple[str, str, bool | None]


def compute_scope(
    session: Session, user_id: str, found: Sequence[PositionRow] | None = None
) -> Scope:
    """Scope = union of the subtrees of the user's positions (a primary chair: own org only).
    ``found``: the positions as this request already read them (with the access token's check),
    in the order of :data:`_POSITIONS`; else they are read here."""
    if found is None:
        found = [tuple(row) for row in session.execute(_POSITIONS, {"user_id": user_id})]
    positions = tuple((org_id, role) for org_id, role, _ in found)
    if any(role == "admin" for _, role in positions):
        everything, closed = _all_orgs(session)
        return Scope(user_id, True, everything, everything, everything, positions, closed)
    readable: set[str] = set()
    elevated: set[str] = set()
    superior: set[str] = set()
    closed: set[str] = set()
    for org_id, role, gone in found:
        if gone is not False:  # deleted, closed or missing: the position gives nothing
            continue
        if role == "primary":
            readable.add(org_id)
        elif role in ELEVATED_ROLES:
            below = _subtree_rows(session, [org_id])
            ids = {row_id for row_id, _ in below}
            readable |= ids
            elevated |= ids
            superior |= ids - {org_id}
            closed |= {row_id for row_id, closed_on in below if closed_on is not None}
    return Scope(
        user_id, False, frozenset(readable), frozenset(elevated), frozenset(superior), positions,
        frozenset(closed),
    )

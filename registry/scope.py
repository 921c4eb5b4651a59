"""What a user may see and change, computed on every request from positions and the org tree."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from registry.models import organisations, user_positions

ELEVATED_ROLES = frozenset({"admin", "regional", "territorial"})


@dataclass(frozen=True)
class Scope:
    """``org_ids``: read and write. ``elevated_ids``: orgs covered by a territorial-or-higher
    position (may create organisations under them). ``superior_ids``: orgs strictly below such a
    position (may be moved, recoded or deleted by this user)."""

    user_id: str
    is_admin: bool
    org_ids: frozenset[str]
    elevated_ids: frozenset[str]
    superior_ids: frozenset[str]
    positions: tuple[tuple[str, str], ...]

    def __contains__(self, org_id: object) -> bool:
        return org_id in self.org_ids


def subtree(session: Session, roots: Iterable[str]) -> set[str]:
    """Live organisations in the subtrees of ``roots`` (roots included), by a recursive CTE."""
    roots = list(roots)
    if not roots:
        return set()
    org = organisations
    sub = (
        select(org.c.id)
        .where(org.c.id.in_(roots), org.c.deleted.is_(False))
        .cte("sub", recursive=True)
    )
    child = org.alias("child")
    sub = sub.union(
        select(child.c.id).where(child.c.parent_id == sub.c.id, child.c.deleted.is_(False))
    )
    return set(session.scalars(select(sub.c.id)))


def all_live_orgs(session: Session) -> set[str]:
    return set(session.scalars(select(organisations.c.id).where(organisations.c.deleted.is_(False))))


#: The user's positions, each with whether its organisation is live (built once: every request
#: runs it).
_POSITIONS = (
    select(user_positions.c.org_id, user_positions.c.role, organisations.c.deleted)
    .outerjoin(organisations, organisations.c.id == user_positions.c.org_id)
    .where(user_positions.c.user_id == bindparam("user_id"))
    .order_by(user_positions.c.id)
)


#: A position as :data:`_POSITIONS` reads it: organisation, role, and whether the organisation
#: is deleted (None: it does not exist).
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
        everything = frozenset(all_live_orgs(session))
        return Scope(user_id, True, everything, everything, everything, positions)
    readable: set[str] = set()
    elevated: set[str] = set()
    superior: set[str] = set()
    readable |= {org_id for org_id, role, deleted in found
                 if role == "primary" and deleted is False}
    for org_id, role in positions:
        if role in ELEVATED_ROLES:
            below = subtree(session, [org_id])
            readable |= below
            elevated |= below
            superior |= below - {org_id}
    return Scope(
        user_id, False, frozenset(readable), frozenset(elevated), frozenset(superior), positions
    )


"""Who may issue and manage whose logins: roles, their rank, and where each role may sit.

The rules (``docs/user-administration.md`` explains them for people):

* Only an administrator, a regional or a territorial position manages logins; a primary chair
  and the PROFCARDS operator manage none.
* A regional or territorial position at organisation O manages positions at organisations
  *strictly below* O whose role ranks no higher than its own. Its own organisation is out of
  reach: a colleague of the same rank in the same office is a peer, not a subordinate, and
  resetting a peer's password would be taking over their account.
* An administrator manages every position, administrators and the PROFCARDS operator included.
* A login is manageable when every one of its positions is (a person who also holds a position
  elsewhere is out of reach as a whole), and nobody manages their own login here.
* A new position's role must fit its organisation's level (:data:`ROLE_LEVELS`).
"""

from __future__ import annotations

from collections.abc import Iterable

ADMIN, REGIONAL, TERRITORIAL, PRIMARY, PROFCARDS = (
    "admin", "regional", "territorial", "primary", "profcards")
#: Higher manages lower; the PROFCARDS operator's account ranks with nothing (only an
#: administrator issues it).
RANK = {ADMIN: 4, REGIONAL: 3, TERRITORIAL: 2, PRIMARY: 1}
MANAGER_ROLES = frozenset({ADMIN, REGIONAL, TERRITORIAL})
#: Organisation levels each role may be granted at. A territorial role at a primary
#: organisation is a ППО с правами территориальной (one with organisations below it).
ROLE_LEVELS: dict[str, frozenset[str]] = {
    ADMIN: frozenset({"central"}),
    PROFCARDS: frozenset({"central"}),
    REGIONAL: frozenset({"regional"}),
    TERRITORIAL: frozenset({"territorial", "primary"}),
    PRIMARY: frozenset({"primary"}),
}
#: Roles in the order a person picks them (highest first).
ROLE_ORDER = (ADMIN, REGIONAL, TERRITORIAL, PRIMARY, PROFCARDS)
#: The level each role usually sits at: offered first there.
HOME_LEVEL = {ADMIN: "central", PROFCARDS: "central", REGIONAL: "regional",
              TERRITORIAL: "territorial", PRIMARY: "primary"}
ROLE_NAMES = {
    ADMIN: "администратор",
    REGIONAL: "региональная организация",
    TERRITORIAL: "председатель территориальной организации",
    PRIMARY: "председатель ППО",
    PROFCARDS: "оператор PROFCARDS",
}


def is_manager(roles: Iterable[str]) -> bool:
    return any(role in MANAGER_ROLES for role in roles)


def manages_role(manager_role: str, target_role: str) -> bool:
    """Whether a ``manager_role`` position may hold sway over a ``target_role`` position (the
    organisation aside)."""
    if manager_role == ADMIN:
        return target_role in RANK or target_role == PROFCARDS
    if manager_role not in MANAGER_ROLES or target_role not in RANK:
        return False
    return target_role != ADMIN and RANK[target_role] <= RANK[manager_role]


def grantable_roles(manager_roles: Iterable[str], level: str, *, has_children: bool
                    ) -> list[str]:
    """The roles a manager holding ``manager_roles`` over an organisation of ``level`` may
    grant there: the level's usual role first, then highest first. A territorial role at a
    primary organisation needs organisations below it."""
    roles = set(manager_roles)
    found = []
    for role in ROLE_ORDER:
        if level not in ROLE_LEVELS[role]:
            continue
        if role == TERRITORIAL and level == "primary" and not has_children:
            continue
        if any(manages_role(mine, role) for mine in roles):
            found.append(role)
    return sorted(found, key=lambda role: HOME_LEVEL[role] != level)


def role_fits_level(role: str, level: str, *, has_children: bool) -> bool:
    if level not in ROLE_LEVELS.get(role, frozenset()):
        return False
    return not (role == TERRITORIAL and level == "primary" and not has_children)

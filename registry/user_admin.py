"""Issuing and looking after logins: who may act on which login (the rules of
:mod:`chairclient.domain.grants`), the writes, and their audit.

Every step is one transaction with its audit rows (``audit_history``, entity ``user``: who,
when, what, for whom — never a password). A login out of the manager's reach is answered
exactly like a login that does not exist.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from chairclient.domain import grants
from chairclient.domain.passwords import one_time_password
from registry import throttle
from registry.auth import AuthUser, create_user, normalise_login, now_utc, set_password
from registry.models import audit_history, organisations, refresh_tokens, user_positions, users
from registry.scope import subtree

NOT_A_MANAGER = (
    "Управление учётными записями доступно председателям территориальных и региональных "
    "организаций и администратору"
)
USER_NOT_FOUND = "Учётная запись не найдена"
ORG_NOT_FOUND = "Организация не найдена среди подчинённых вам"
ORG_CLOSED = "Организация закрыта: логины в ней не выдаются"
ROLE_TOO_HIGH = "Нельзя выдать роль «{role}»: она выше вашей или не подчинена вам"
ROLE_MISFITS = "Роль «{role}» не подходит для организации этого уровня"
LOGIN_TAKEN = "Логин «{login}» уже занят, выберите другой"
ONESELF = "Свою учётную запись здесь изменить нельзя: свой пароль меняют в окне входа"
#: Who the audit names for the command line (the server's operator).
CLI_ACTOR = "registry-cli"


class AdminError(Exception):
    """Refused: ``str()`` the Russian message, :attr:`status` the HTTP status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Manager:
    """What a signed-in user may manage: ``reach`` maps each organisation strictly below one
    of their regional or territorial positions to those positions' roles."""

    user_id: str
    is_admin: bool
    reach: dict[str, frozenset[str]] = field(default_factory=dict)
    #: The organisations of the regional and territorial positions (the reach's roots).
    roots: frozenset[str] = frozenset()

    def manages_position(self, org_id: str, role: str) -> bool:
        if self.is_admin:
            return grants.manages_role(grants.ADMIN, role)
        return any(grants.manages_role(mine, role) for mine in self.reach.get(org_id, ()))

    def manages(self, user_id: str, positions: list[tuple[str, str]]) -> bool:
        """Every position of the login is within reach; never one's own login."""
        if user_id == self.user_id:
            return False
        if not positions:
            return self.is_admin
        return all(self.manages_position(org, role) for org, role in positions)


def manager_of(session: Session, user: AuthUser) -> Manager:
    """The caller as a manager; :class:`AdminError` (403) when they manage nobody."""
    positions = [(org, role) for org, role, deleted in user.positions or ()
                 if deleted is False]
    if any(role == grants.ADMIN for _, role in positions):
        return Manager(user.id, True)
    reach: dict[str, set[str]] = defaultdict(set)
    roots = {org_id for org_id, role in positions if role in grants.MANAGER_ROLES}
    if not roots:
        raise AdminError(NOT_A_MANAGER, 403)
    for org_id, role in positions:
        if role in grants.MANAGER_ROLES:
            for below in subtree(session, [org_id]) - {org_id}:
                reach[below].add(role)
    return Manager(user.id, False, {org: frozenset(roles) for org, roles in reach.items()},
                   frozenset(roots))


# --- reading -----------------------------------------------------------------------------


def _reach_cte(roots: list[str]) -> Any:
    """Live organisations in the subtrees of ``roots`` (roots included), as a recursive CTE:
    the manager's reach stays in the statement instead of a list of hundreds of ids."""
    org = organisations
    sub = (select(org.c.id).where(org.c.id.in_(roots), org.c.deleted.is_(False))
           .cte("reach", recursive=True))
    child = org.alias("child")
    return sub.union(select(child.c.id).where(child.c.parent_id == sub.c.id,
                                              child.c.deleted.is_(False)))


def _summaries(session: Session, manager: Manager, user_ids: list[str] | None) -> list[dict]:
    """The logins (with every position) the manager looks after, of ``user_ids`` or all."""
    query = (
        select(users.c.id, users.c.login, users.c.full_name, users.c.active,
               users.c.must_change_password, users.c.failed_attempts, users.c.last_sign_in_at,
               users.c.created_at, user_positions.c.org_id, user_positions.c.role,
               organisations.c.code, organisations.c.short_name)
        .select_from(users.outerjoin(user_positions, user_positions.c.user_id == users.c.id)
                     .outerjoin(organisations, organisations.c.id == user_positions.c.org_id))
        .order_by(users.c.id, user_positions.c.id)
    )
    if user_ids is not None:
        query = query.where(users.c.id.in_(user_ids))
    if not manager.is_admin:
        reach = _reach_cte(sorted(manager.roots))
        holders = select(user_positions.c.user_id).where(
            user_positions.c.org_id.in_(select(reach.c.id)))
        query = query.where(users.c.id.in_(holders))
    grouped: dict[str, list[Any]] = defaultdict(list)
    for row in session.execute(query):
        grouped[row.id].append(row)
    locked = throttle.locked_sources(session, None, now_utc())
    found = []
    for user_id, rows in grouped.items():
        positions = [row for row in rows if row.org_id is not None]
        if manager.manages(user_id, [(p.org_id, p.role) for p in positions]):
            found.append(_summary(rows[0], positions, locked.get(rows[0].login, 0)))
    found.sort(key=lambda user: (user["positions"][0]["org_code"] if user["positions"] else "",
                                 user["login"]))
    return found


def _summary(row: Any, positions: list[Any], locked: int) -> dict[str, Any]:
    return {
        "id": row.id, "login": row.login, "full_name": row.full_name,
        "positions": [{"org_id": p.org_id, "org_code": p.code or "", "org_name": p.short_name
                       or "", "role": p.role} for p in positions],
        "active": bool(row.active), "must_change_password": bool(row.must_change_password),
        "locked": locked > 0, "locked_sources": locked, "failed_attempts": row.failed_attempts,
        "last_sign_in_at": row.last_sign_in_at, "created_at": row.created_at,
    }


def list_users(session: Session, manager: Manager) -> list[dict[str, Any]]:
    """The logins the manager looks after, by organisation code and login."""
    return _summaries(session, manager, None)


def get_user(session: Session, manager: Manager, user_id: str) -> dict[str, Any]:
    """One login in reach; 404 otherwise (403 for one's own, which the caller knows)."""
    if user_id == manager.user_id:
        raise AdminError(ONESELF, 403)
    found = _summaries(session, manager, [user_id])
    if not found:
        raise AdminError(USER_NOT_FOUND, 404)
    return found[0]


def grant_options(session: Session, manager: Manager) -> list[dict[str, Any]]:
    """Organisations the manager may issue logins at, with the roles allowed at each."""
    query = select(organisations.c.id, organisations.c.code, organisations.c.short_name,
                   organisations.c.level).where(organisations.c.deleted.is_(False),
                                                organisations.c.closed_on.is_(None))
    if not manager.is_admin:
        query = query.where(organisations.c.id.in_(sorted(manager.reach)))
    rows = session.execute(query.order_by(organisations.c.code)).all()
    parents = set(session.scalars(
        select(organisations.c.parent_id).where(organisations.c.deleted.is_(False),
                                                organisations.c.parent_id.is_not(None))))
    mine = {grants.ADMIN} if manager.is_admin else None
    options = []
    for org in rows:
        roles = grants.grantable_roles(mine or manager.reach.get(org.id, ()), org.level,
                                       has_children=org.id in parents)
        if roles:
            options.append({"org_id": org.id, "code": org.code or "", "name": org.short_name
                            or "", "level": org.level, "roles": roles})
    return options


# --- writing -----------------------------------------------------------------------------


def _audit(session: Session, actor: str, user_id: str, org_id: str, op: str, field_name: str,
           old: Any, new: Any, now: datetime) -> None:
    session.execute(insert(audit_history).values(
        at=now, user_id=actor, mutation_id=None, entity="user", entity_id=user_id,
        org_id=org_id, op=op, field=field_name, old_value=old, new_value=new,
    ))


def create_login(session: Session, manager: Manager, *, login: str, full_name: str,
                 org_id: str, role: str) -> tuple[dict[str, Any], str]:
    """A new login for the chair of ``org_id`` with a one-time password (returned once)."""
    org = session.execute(select(organisations.c.id, organisations.c.level,
                                 organisations.c.closed_on).where(
        organisations.c.id == org_id, organisations.c.deleted.is_(False))).first()
    if org is None or not (manager.is_admin or org_id in manager.reach):
        raise AdminError(ORG_NOT_FOUND, 404)
    if org.closed_on is not None:  # a position there would give nothing (docs/closure.md)
        raise AdminError(ORG_CLOSED, 400)
    name = grants.ROLE_NAMES.get(role, role)
    if not manager.manages_position(org_id, role):
        raise AdminError(ROLE_TOO_HIGH.format(role=name), 403)
    has_children = session.scalar(select(organisations.c.id).where(
        organisations.c.parent_id == org_id, organisations.c.deleted.is_(False)).limit(1))
    if not grants.role_fits_level(role, org.level, has_children=has_children is not None):
        raise AdminError(ROLE_MISFITS.format(role=name), 400)
    login = normalise_login(login)
    if session.scalar(select(users.c.id).where(users.c.login == login)) is not None:
        raise AdminError(LOGIN_TAKEN.format(login=login), 409)
    password = one_time_password()
    now = now_utc()
    user_id = create_user(session, login, password, [(org_id, role)],
                          full_name=full_name.strip(), must_change_password=True)
    _audit(session, manager.user_id, user_id, org_id, "create", "position", None,
           {"login": login, "full_name": full_name.strip(), "org_id": org_id, "role": role},
           now)
    return _summaries(session, manager, [user_id])[0], password


def _target(session: Session, manager: Manager, user_id: str) -> tuple[Any, str]:
    """The login row and the organisation its audit rows name; 404 when out of reach."""
    summary = get_user(session, manager, user_id)
    row = session.execute(select(users).where(users.c.id == user_id).with_for_update()).one()
    org_id = summary["positions"][0]["org_id"] if summary["positions"] else ""
    return row, org_id


def reset_password(session: Session, manager: Manager, user_id: str
                   ) -> tuple[dict[str, Any], str]:
    """A new one-time password; every session of the login ends, its locks are lifted."""
    row, org_id = _target(session, manager, user_id)
    password = one_time_password()
    now = now_utc()
    set_password(session, user_id, password, must_change=True, now=now)
    throttle.clear_login(session, row.login)
    _audit(session, manager.user_id, user_id, org_id, "reset", "password", None,
           {"must_change_password": True, "sessions_ended": True}, now)
    return get_user(session, manager, user_id), password


def unlock(session: Session, manager: Manager, user_id: str) -> dict[str, Any]:
    """Lift the locks of the login from every address and forget its failure count."""
    row, org_id = _target(session, manager, user_id)
    now = now_utc()
    lifted = throttle.clear_login(session, row.login)
    session.execute(update(users).where(users.c.id == user_id).values(failed_attempts=0))
    _audit(session, manager.user_id, user_id, org_id, "unlock", "locked",
           {"locked_sources": lifted, "failed_attempts": row.failed_attempts},
           {"locked_sources": 0, "failed_attempts": 0}, now)
    return get_user(session, manager, user_id)


def set_active(session: Session, manager: Manager, user_id: str, active: bool
               ) -> dict[str, Any]:
    """Disable (every session ends) or enable the login; nothing is audited when nothing
    changes."""
    row, org_id = _target(session, manager, user_id)
    if bool(row.active) != active:
        now = now_utc()
        session.execute(update(users).where(users.c.id == user_id).values(active=active))
        if not active:
            _end_sessions(session, user_id, now)
        _audit(session, manager.user_id, user_id, org_id, "enable" if active else "disable",
               "active", bool(row.active), active, now)
    return get_user(session, manager, user_id)


def _end_sessions(session: Session, user_id: str, now: datetime) -> int:
    ended = session.execute(
        update(refresh_tokens)
        .where(refresh_tokens.c.user_id == user_id, refresh_tokens.c.revoked_at.is_(None),
               refresh_tokens.c.expires_at > now)
        .values(revoked_at=now)
    ).rowcount or 0
    session.execute(update(users).where(users.c.id == user_id).values(
        token_generation=users.c.token_generation + 1))
    return ended


def end_sessions(session: Session, manager: Manager, user_id: str) -> dict[str, Any]:
    """Sign the login out everywhere: refresh tokens revoked, access tokens dead at once."""
    _row, org_id = _target(session, manager, user_id)
    now = now_utc()
    ended = _end_sessions(session, user_id, now)
    _audit(session, manager.user_id, user_id, org_id, "signout", "sessions", ended, 0, now)
    return get_user(session, manager, user_id)


def audit_cli(session: Session, user_id: str, op: str, new: Any) -> None:
    """An audit row for ``python -m registry create-user`` / ``reset-password``, under the
    login's first organisation."""
    org_id = session.scalar(select(user_positions.c.org_id).where(
        user_positions.c.user_id == user_id).order_by(user_positions.c.id).limit(1))
    _audit(session, CLI_ACTOR, user_id, org_id or "", op,
           "password" if op == "reset" else "position", None, new, now_utc())

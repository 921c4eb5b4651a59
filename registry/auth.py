"""Login, lock-out, access tokens (HS256 JWT) and rotating refresh tokens with reuse detection."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from registry import throttle
from registry.db import Database
from registry.models import organisations, refresh_tokens, user_positions, users
from registry.passwords import hash_password, password_problem, verify_password
from registry.scope import POSITION_ORG_GONE, PositionRow

ACCESS_TTL = timedelta(minutes=15)
REFRESH_TTL = timedelta(days=30)
#: How often a process forgets idle sign-in counters (on a sign-in attempt).
CLEANUP_EVERY = timedelta(minutes=10)

#: One answer for an unknown login and a wrong password.
LOGIN_FAILED = (
    "Неверный логин или пароль. После 5 неудачных попыток вход с этого адреса "
    "блокируется на 15 минут"
)
ACCOUNT_DISABLED = (
    "Учётная запись отключена. Обратитесь в вышестоящую организацию профсоюза"
)
WRONG_OLD_PASSWORD = "Неверный текущий пароль"
SESSION_ENDED = "Сеанс завершён, войдите снова"


class AuthError(Exception):
    """Refused; ``str()`` is the Russian message, ``status`` the HTTP status to answer."""

    def __init__(self, message: str, status: int = 401) -> None:
        super().__init__(message)
        self.status = status


def now_utc() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def normalise_login(login: str) -> str:
    return login.strip().casefold()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AuthUser:
    id: str
    login: str
    full_name: str
    must_change_password: bool
    #: The user's positions as the access check read them (see :func:`compute_scope`), or None.
    positions: tuple[PositionRow, ...] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Tokens:
    access_token: str
    refresh_token: str
    expires_in: int
    user: AuthUser
    #: ``(org_id, role, organisation's short name)`` of each live position: the client learns
    #: what the user may do (e.g. manage logins) with every sign-in and refresh.
    positions: tuple[tuple[str, str, str], ...] = ()


#: A user by id, whether a refresh token family still holds an unrevoked, unexpired token
#: (rotation keeps one: an access token lives only as long as its family), and the user's
#: positions, one row each (one row with none if there are none): the scope of the request
#: then needs no query of its own.
_ACCESS_CHECK = (
    select(
        users.c.id, users.c.login, users.c.full_name, users.c.must_change_password,
        users.c.active, users.c.token_generation,
        select(refresh_tokens.c.id)
        .where(
            refresh_tokens.c.family_id == bindparam("family_id"),
            refresh_tokens.c.revoked_at.is_(None),
            refresh_tokens.c.expires_at > bindparam("now"),
        )
        .exists()
        .label("family_alive"),
        user_positions.c.org_id.label("position_org_id"),
        user_positions.c.role.label("position_role"),
        POSITION_ORG_GONE.label("position_org_gone"),
    )
    .select_from(
        users.outerjoin(user_positions, user_positions.c.user_id == users.c.id)
        .outerjoin(organisations, organisations.c.id == user_positions.c.org_id)
    )
    .where(users.c.id == bindparam("user_id"))
    .order_by(user_positions.c.id)
)


class TokenService:
    """Signs and checks access tokens; issues, rotates and revokes refresh tokens."""

    def __init__(self, secret: str, access_ttl: timedelta = ACCESS_TTL,
                 limits: throttle.SignInLimits | None = None) -> None:
        self._secret = secret
        self.access_ttl = access_ttl
        self.limits = limits or throttle.SignInLimits.from_env()
        self._last_cleanup = datetime.min

    # --- access tokens ---------------------------------------------------------------------

    def make_access(self, user: Any, now: datetime, family_id: str) -> str:
        """An access token of ``user``, bound to the refresh token family it came with: when
        that family is revoked (logout, a replayed refresh token) the access token dies too."""
        claims = {
            "sub": user.id,
            "fam": family_id,
            "gen": user.token_generation,
            "pwc": bool(user.must_change_password),
            "iat": int(now.replace(tzinfo=UTC).timestamp()),
            "exp": int((now + self.access_ttl).replace(tzinfo=UTC).timestamp()),
            "typ": "access",
        }
        return jwt.encode(claims, self._secret, algorithm="HS256")

    def check_access(self, session: Session, token: str) -> AuthUser:
        """The user of a valid access token; :class:`AuthError` otherwise."""
        try:
            claims = jwt.decode(
                token, self._secret, algorithms=["HS256"], options={"require": ["exp", "sub"]}
            )
        except jwt.ExpiredSignatureError as exc:
            raise AuthError("Срок действия входа истёк, обновите токен") from exc
        except jwt.PyJWTError as exc:
            raise AuthError("Недействительный токен доступа") from exc
        if claims.get("typ") != "access" or not isinstance(claims.get("sub"), str):
            raise AuthError("Недействительный токен доступа")
        family_id = claims.get("fam")
        if not isinstance(family_id, str):
            raise AuthError(SESSION_ENDED)
        # The user and whether the token's family is alive, in one statement (every request).
        found = session.execute(
            _ACCESS_CHECK, {"user_id": claims["sub"], "family_id": family_id, "now": now_utc()}
        ).all()
        user = found[0] if found else None
        if user is None or not user.active or user.token_generation != claims.get("gen"):
            raise AuthError(SESSION_ENDED)
        if not user.family_alive:
            raise AuthError(SESSION_ENDED)
        positions = tuple(
            (row.position_org_id, row.position_role, row.position_org_gone)
            for row in found if row.position_org_id is not None
        )
        return AuthUser(user.id, user.login, user.full_name, bool(user.must_change_password),
                        positions)

    # --- refresh tokens --------------------------------------------------------------------

    def _issue(self, session: Session, user: Any, family_id: str, now: datetime) -> Tokens:
        refresh = "r1." + secrets.token_urlsafe(32)
        session.execute(
            insert(refresh_tokens).values(
                user_id=user.id,
                family_id=family_id,
                token_hash=_token_hash(refresh),
                created_at=now,
                expires_at=now + REFRESH_TTL,
            )
        )
        positions = session.execute(
            select(user_positions.c.org_id, user_positions.c.role, organisations.c.short_name)
            .join(organisations, organisations.c.id == user_positions.c.org_id)
            .where(user_positions.c.user_id == user.id, organisations.c.deleted.is_(False))
            .order_by(user_positions.c.id)
        ).all()
        return Tokens(
            access_token=self.make_access(user, now, family_id),
            refresh_token=refresh,
            expires_in=int(self.access_ttl.total_seconds()),
            user=AuthUser(user.id, user.login, user.full_name, bool(user.must_change_password)),
            positions=tuple((org, role, name or "") for org, role, name in positions),
        )

    def login(self, db: Database, login: str, password: str, source: str) -> Tokens:
        """Verify the password (argon2) of ``login`` signing in from ``source`` (see
        :func:`registry.throttle.source_key`).

        First the source's rate and blocks are checked and the attempt counted, in a
        transaction of its own (:class:`~registry.throttle.Refused` before any hashing); the
        hash is verified outside any transaction; then the outcome is recorded. The same
        answer for an unknown login and a wrong password, whose failures count alike; a
        disabled login is told so only with its right password."""
        now = now_utc()
        name = normalise_login(login)
        self._admit(db, name, source, now)
        with db.read() as session:
            user = session.execute(select(users).where(users.c.login == name)).first()
        ok = verify_password(user.password_hash if user else None, password)
        with db.write() as session:
            current = (session.execute(select(users).where(users.c.id == user.id)).first()
                       if user is not None else None)
            if not ok or current is None or current.password_hash != user.password_hash:
                self._failed(session, name, source, current, now)
                failed = True
            else:
                failed = False
                if current.active:
                    throttle.record_success(session, name, source)
                    session.execute(update(users).where(users.c.id == current.id).values(
                        failed_attempts=0, last_sign_in_at=now))
                    return self._issue(session, current, str(uuid.uuid4()), now)
        raise AuthError(LOGIN_FAILED) if failed else AuthError(ACCOUNT_DISABLED, status=403)

    def _admit(self, db: Database, login: str, source: str, now: datetime) -> None:
        """Count the attempt against ``source``'s rate; refuse a blocked source or pair."""
        refused: throttle.Refused | None = None
        with db.write() as session:
            try:
                throttle.admit(session, login, source, self.limits, now)
            except throttle.Refused as exc:
                refused = exc
            if now - self._last_cleanup > CLEANUP_EVERY:
                self._last_cleanup = now
                throttle.forget_idle(session, self.limits, now)
        if refused is not None:
            raise refused

    def _failed(self, session: Session, login: str, source: str, user: Any, now: datetime
                ) -> None:
        throttle.record_failure(session, login, source, self.limits, now)
        if user is not None:
            session.execute(update(users).where(users.c.id == user.id).values(
                failed_attempts=users.c.failed_attempts + 1))

    def refresh(self, session: Session, token: str) -> Tokens:
        """Rotate: the presented token is revoked and a new one issued in the same family.

        A revoked token presented again means it was stolen or replayed: the whole family is
        revoked, so the thief and the owner both have to log in again.
        """
        now = now_utc()
        row = session.execute(
            select(refresh_tokens).where(refresh_tokens.c.token_hash == _token_hash(token))
        ).first()
        if row is None:
            raise AuthError(SESSION_ENDED)
        if row.revoked_at is not None:
            self.revoke_family(session, row.family_id, now)
            raise AuthError(SESSION_ENDED)
        if row.expires_at <= now:
            raise AuthError(SESSION_ENDED)
        claimed = session.execute(
            update(refresh_tokens)
            .where(refresh_tokens.c.id == row.id, refresh_tokens.c.revoked_at.is_(None))
            .values(revoked_at=now)
        ).rowcount
        if claimed != 1:  # a concurrent refresh used it first: treat as reuse
            self.revoke_family(session, row.family_id, now)
            raise AuthError(SESSION_ENDED)
        user = session.execute(select(users).where(users.c.id == row.user_id)).first()
        if user is None or not user.active:
            raise AuthError(SESSION_ENDED)
        return self._issue(session, user, row.family_id, now)

    def revoke_family(self, session: Session, family_id: str, now: datetime | None = None) -> None:
        session.execute(
            update(refresh_tokens)
            .where(refresh_tokens.c.family_id == family_id, refresh_tokens.c.revoked_at.is_(None))
            .values(revoked_at=now or now_utc())
        )

    def logout(self, session: Session, token: str) -> None:
        row = session.execute(
            select(refresh_tokens.c.family_id).where(
                refresh_tokens.c.token_hash == _token_hash(token)
            )
        ).first()
        if row is not None:
            self.revoke_family(session, row.family_id)

    def change_password(self, db: Database, user_id: str, old: str, new: str, source: str
                        ) -> Tokens:
        """Set a new password; every other session ends; returns fresh tokens. A wrong old
        password counts like a failed sign-in (the same limits, the same counters)."""
        now = now_utc()
        with db.read() as session:
            user = session.execute(select(users).where(users.c.id == user_id)).first()
        if user is None:
            raise AuthError(SESSION_ENDED)
        self._admit(db, user.login, source, now)
        if not verify_password(user.password_hash, old):
            with db.write() as session:
                self._failed(session, user.login, source, user, now)
            raise AuthError(WRONG_OLD_PASSWORD, status=400)
        problem = password_problem(new, old, login=user.login)
        if problem:
            raise AuthError(problem, status=400)
        with db.write() as session:
            throttle.record_success(session, user.login, source)
            set_password(session, user_id, new, must_change=False, now=now)
            user = session.execute(select(users).where(users.c.id == user_id)).first()
            return self._issue(session, user, str(uuid.uuid4()), now)

def set_password(
    session: Session, user_id: str, password: str, *, must_change: bool, now: datetime | None = None
) -> None:
    """Store a new hash, end every session of the user (tokens of all families)."""
    now = now or now_utc()
    session.execute(
        update(users)
        .where(users.c.id == user_id)
        .values(
            password_hash=hash_password(password),
            must_change_password=must_change,
            password_changed_at=now,
            failed_attempts=0,
            token_generation=users.c.token_generation + 1,
        )
    )
    session.execute(
        update(refresh_tokens)
        .where(refresh_tokens.c.user_id == user_id, refresh_tokens.c.revoked_at.is_(None))
        .values(revoked_at=now)
    )


def create_user(
    session: Session,
    login: str,
    password: str,
    positions: list[tuple[str, str]],
    *,
    full_name: str = "",
    must_change_password: bool = True,
    password_hash: str | None = None,
) -> str:
    """Add a user with positions ``[(org_id, role), …]``; returns the new user's id.

    ``password_hash`` (an argon2 hash of ``password``) saves hashing again when seeding many.
    """
    user_id = str(uuid.uuid4())
    session.execute(
        insert(users).values(
            id=user_id,
            login=normalise_login(login),
            full_name=full_name,
            password_hash=password_hash or hash_password(password),
            must_change_password=must_change_password,
            failed_attempts=0,
            active=True,
            token_generation=0,
            created_at=now_utc(),
        )
    )
    for org_id, role in positions:
        session.execute(insert(user_positions).values(user_id=user_id, org_id=org_id, role=role))
    return user_id


def find_user_id(session: Session, login: str) -> str | None:
    return session.scalar(select(users.c.id).where(users.c.login == normalise_login(login)))

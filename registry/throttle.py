"""Limits on password attempts that an attacker cannot turn against a login's owner.

Three counters, all in the database (so every registry process behind the proxy shares them):

* **rate per source address** on the password endpoints (``/auth/login``,
  ``/auth/change-password``), right or wrong: a generic cell-rate limit (GCRA) allowing
  :attr:`SignInLimits.rate` attempts in a burst and then one every ``rate_period / rate``.
  Checked before any hashing: a flood costs a row update, not an argon2 hash.
* **wrong passwords per (login, source address)**: :attr:`SignInLimits.pair_failures` lock that
  pair for ``pair_lock``. The same login from any other address is untouched: an attacker who
  knows the owner's login keeps only himself out.
* **wrong passwords per source address**, whatever logins it tries: a budget of
  ``source_failures`` within ``window``; spent, the address waits ``source_delay``, doubled at
  every further block (``strikes``) up to ``source_delay_max``.

An IPv6 source counts by its /64 network (one subscriber's allocation), an IPv4-mapped IPv6
address as the IPv4 one. The ``limits`` library was weighed: its storages (memory, Redis,
Memcached, MongoDB, etcd) are none of the registry's databases, and a counter the database
updates atomically did not justify another service to deploy.
"""

from __future__ import annotations

import ipaddress
import math
import os
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from registry.models import sign_in_failures, sign_in_rate

PAIR, SOURCE = "pair", "source"
RATE_ENV = "REGISTRY_SIGN_IN_RATE"
UNKNOWN_SOURCE = "unknown"

RATE_LIMITED = (
    "Слишком много попыток входа с вашего адреса. Повторите через {wait}"
)
SOURCE_BLOCKED = (
    "С вашего адреса было слишком много неверных паролей. Повторите через {wait}"
)
PAIR_LOCKED = (
    "Для этого логина с вашего адреса введено 5 неверных паролей подряд. Повторите через "
    "{wait} или попросите вышестоящую организацию разблокировать вход"
)


@dataclass(frozen=True)
class SignInLimits:
    """The limits; the defaults are the production ones (``docs/sign-in-limits.md``)."""

    rate: int = 20
    rate_period: float = 60.0
    pair_failures: int = 5
    pair_lock: timedelta = timedelta(minutes=15)
    source_failures: int = 20
    window: timedelta = timedelta(minutes=15)
    source_delay: timedelta = timedelta(minutes=1)
    source_delay_max: timedelta = timedelta(hours=1)
    #: Rows idle this long are forgotten.
    keep: timedelta = timedelta(days=1)

    @classmethod
    def from_env(cls) -> SignInLimits:
        """The defaults, with ``REGISTRY_SIGN_IN_RATE`` (attempts per minute per address) when
        set: a registry whose chairs share one address (a big NAT) raises it."""
        rate = os.environ.get(RATE_ENV, "").strip()
        return cls(rate=int(rate)) if rate.isdigit() and int(rate) > 0 else cls()


class Refused(Exception):
    """Not admitted: ``str()`` is the Russian message, :attr:`retry_after` whole seconds."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def source_key(host: str | None) -> str:
    """The address a request is counted under: IPv4 as is, IPv6 by its /64."""
    if not host:
        return UNKNOWN_SOURCE
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host[:64]
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def wait_text(seconds: int) -> str:
    """«45 с», «3 мин», «1 ч 5 мин»."""
    if seconds < 60:
        return f"{max(seconds, 1)} с"
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return f"{minutes} мин"
    hours, rest = divmod(minutes, 60)
    return f"{hours} ч {rest} мин" if rest else f"{hours} ч"


def _seconds(delta: timedelta) -> int:
    return max(1, math.ceil(delta.total_seconds()))


def _ensure(session: Session, table: Any, values: dict[str, Any]) -> None:
    """Insert the row unless it exists (concurrent callers: one wins, none fails)."""
    dialect = session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    session.execute(module.insert(table).values(**values).on_conflict_do_nothing())


def admit(session: Session, login: str, source: str, limits: SignInLimits, now: datetime
          ) -> None:
    """Take one attempt from ``source``'s rate and check its blocks; :class:`Refused` if it
    may not try now. Commit the session even when refused: the attempt counts."""
    _take_rate(session, source, limits)
    blocks = session.execute(
        select(sign_in_failures.c.kind, sign_in_failures.c.blocked_until).where(
            sign_in_failures.c.blocked_until > now,
            or_(
                and_(sign_in_failures.c.kind == SOURCE, sign_in_failures.c.login == "",
                     sign_in_failures.c.source == source),
                and_(sign_in_failures.c.kind == PAIR, sign_in_failures.c.login == login,
                     sign_in_failures.c.source == source),
            ),
        )
    ).all()
    for kind, until in sorted(blocks, key=lambda row: row[0] != SOURCE):
        wait = _seconds(until - now)
        template = SOURCE_BLOCKED if kind == SOURCE else PAIR_LOCKED
        raise Refused(template.format(wait=wait_text(wait)), wait)


def _take_rate(session: Session, source: str, limits: SignInLimits) -> None:
    """GCRA: the row's ``tat`` is when the bucket would be empty again; an attempt is allowed
    while ``tat`` lies at most ``period - interval`` ahead, and moves it by ``interval``. The
    row is locked for the check (``FOR UPDATE``; SQLite's writer lock does the same)."""
    now = time.time()
    interval = limits.rate_period / limits.rate
    tolerance = limits.rate_period - interval
    _ensure(session, sign_in_rate, {"source": source, "tat": 0.0})
    tat = session.scalar(
        select(sign_in_rate.c.tat).where(sign_in_rate.c.source == source).with_for_update()
    )
    start = max(tat or 0.0, now)
    if start - now > tolerance:
        wait = max(1, math.ceil(start - now - tolerance))
        raise Refused(RATE_LIMITED.format(wait=wait_text(wait)), wait)
    session.execute(
        update(sign_in_rate).where(sign_in_rate.c.source == source).values(tat=start + interval)
    )


def _counter(session: Session, kind: str, login: str, source: str, now: datetime) -> Any:
    _ensure(session, sign_in_failures, {
        "kind": kind, "login": login, "source": source, "failures": 0, "window_start": now,
        "blocked_until": None, "strikes": 0,
    })
    return session.execute(
        select(sign_in_failures).where(
            sign_in_failures.c.kind == kind, sign_in_failures.c.login == login,
            sign_in_failures.c.source == source,
        ).with_for_update()
    ).one()


def record_failure(session: Session, login: str, source: str, limits: SignInLimits,
                   now: datetime) -> None:
    """A wrong password for ``login`` from ``source``: count it for the pair and the source,
    and block what reached its limit."""
    pair = _counter(session, PAIR, login, source, now)
    failures = 1 if pair.window_start <= now - limits.pair_lock else pair.failures + 1
    values: dict[str, Any] = {"failures": failures}
    if failures == 1:
        values["window_start"] = now
    if failures >= limits.pair_failures:
        values.update(failures=0, window_start=now, blocked_until=now + limits.pair_lock)
    _set(session, PAIR, login, source, values)

    mine = _counter(session, SOURCE, "", source, now)
    quiet = mine.blocked_until is None or mine.blocked_until <= now - limits.window
    strikes = 0 if quiet and mine.window_start <= now - limits.window else mine.strikes
    failures = 1 if mine.window_start <= now - limits.window else mine.failures + 1
    values = {"failures": failures, "strikes": strikes}
    if failures == 1:
        values["window_start"] = now
    if failures >= limits.source_failures:
        delay = min(limits.source_delay * (2 ** strikes), limits.source_delay_max)
        values.update(failures=0, window_start=now, blocked_until=now + delay,
                      strikes=strikes + 1)
    _set(session, SOURCE, "", source, values)


def _set(session: Session, kind: str, login: str, source: str, values: dict[str, Any]) -> None:
    session.execute(
        update(sign_in_failures).where(
            sign_in_failures.c.kind == kind, sign_in_failures.c.login == login,
            sign_in_failures.c.source == source,
        ).values(**values)
    )


def record_success(session: Session, login: str, source: str) -> None:
    """The right password: the pair starts again (the source's budget does not: an attacker
    with a login of his own could otherwise refill it)."""
    session.execute(delete(sign_in_failures).where(
        sign_in_failures.c.kind == PAIR, sign_in_failures.c.login == login,
        sign_in_failures.c.source == source,
    ))


def clear_login(session: Session, login: str) -> int:
    """Unlock ``login`` from every source; the number of locked sources there were."""
    return session.execute(delete(sign_in_failures).where(
        sign_in_failures.c.kind == PAIR, sign_in_failures.c.login == login,
    )).rowcount or 0


def locked_sources(session: Session, logins: list[str] | None, now: datetime) -> dict[str, int]:
    """``{login: locked sources}`` for ``logins`` (None: every login) that are locked now."""
    query = select(sign_in_failures.c.login, sign_in_failures.c.source).where(
        sign_in_failures.c.kind == PAIR, sign_in_failures.c.blocked_until > now)
    if logins is not None:
        query = query.where(sign_in_failures.c.login.in_(logins))
    found: dict[str, int] = {}
    for login, _source in session.execute(query):
        found[login] = found.get(login, 0) + 1
    return found


def forget_idle(session: Session, limits: SignInLimits, now: datetime) -> None:
    """Drop counters idle longer than ``keep`` (none blocking any more)."""
    cutoff = now - limits.keep
    session.execute(delete(sign_in_failures).where(
        sign_in_failures.c.window_start < cutoff,
        or_(sign_in_failures.c.blocked_until.is_(None), sign_in_failures.c.blocked_until < now),
    ))
    session.execute(delete(sign_in_rate).where(
        sign_in_rate.c.tat < time.time() - limits.keep.total_seconds()))


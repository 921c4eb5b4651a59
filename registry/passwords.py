"""Argon2 password hashing and the demo/initial password rules."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
#: Verified against when the login is unknown, so both answers take the same time.
_DUMMY_HASH = _hasher.hash("no such user: timing equaliser")

MIN_PASSWORD_LENGTH = 8


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; an unknown user (``None``) costs the same time."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def password_problem(new: str, old: str | None = None) -> str | None:
    """A Russian reason why ``new`` is not acceptable, or None."""
    if len(new) < MIN_PASSWORD_LENGTH:
        return f"Пароль должен быть не короче {MIN_PASSWORD_LENGTH} символов"
    if new.strip() != new:
        return "Пароль не должен начинаться или заканчиваться пробелом"
    if old is not None and new == old:
        return "Новый пароль должен отличаться от прежнего"
    return None

"""Argon2 password hashing; the password policy is the shared one of
:mod:`chairclient.domain.passwords`."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from chairclient.domain.passwords import password_problem

_hasher = PasswordHasher()
#: Verified against when the login is unknown, so both answers take the same time.
_DUMMY_HASH = _hasher.hash("no such user: timing equaliser")

__all__ = ["hash_password", "password_problem", "verify_password"]


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; an unknown user (``None``) costs the same time."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False

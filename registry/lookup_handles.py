"""The handles a lookup answers: opaque, short-lived, bound to the user who asked.

A handle is a random token (``secrets.token_urlsafe``, 144 bits) that the registry keeps only
as its SHA-256, with the user it was given to, the member found, the organisation the member
was in and an expiry (:data:`HANDLE_VALID_FOR`, ``REGISTRY_LOOKUP_HANDLE_HOURS``).

Why stored rather than signed (an HMAC over member, user and expiry): a signed token would
carry the member's row id inside it (readable unless encrypted too), could not be withdrawn
before it expires, and would need a key to manage and rotate. A stored token says nothing by
itself, is checked with one primary-key read, is bound to its user and to the organisation the
member was found in (a handle goes stale when the member moves), is consumed by the transfer it
served, and expired ones are purged as new ones are made. Row ids are never handles: a
``transfer_in`` that names a member by row id works only inside the caller's own scope.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from registry.models import lookup_handles

#: How long a lookup's handle may be used (a transfer is accepted or requested right after the
#: search; the command may wait offline in the outbox for a while).
HANDLE_VALID_FOR = timedelta(hours=int(os.environ.get("REGISTRY_LOOKUP_HANDLE_HOURS", "24")))


@dataclass(frozen=True)
class Found:
    """What a valid handle stands for."""

    member_id: str
    org_id: str


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue(
    session: Session, user_id: str, found: list[tuple[str, str]], now: datetime
) -> list[str]:
    """A new handle for each ``(member_id, org_id)`` found by ``user_id``'s lookup."""
    session.execute(delete(lookup_handles).where(lookup_handles.c.expires_at < now))
    tokens = [secrets.token_urlsafe(18) for _ in found]
    if tokens:
        session.execute(insert(lookup_handles), [
            {"token_hash": _hash(token), "user_id": user_id, "member_id": member_id,
             "org_id": org_id, "created_at": now, "expires_at": now + HANDLE_VALID_FOR}
            for token, (member_id, org_id) in zip(tokens, found, strict=True)
        ])
    return tokens


def resolve(session: Session, user_id: str, token: str, now: datetime) -> Found | None:
    """The member ``token`` stands for, if it was given to ``user_id`` and has not expired."""
    row = session.execute(
        select(lookup_handles.c.user_id, lookup_handles.c.member_id, lookup_handles.c.org_id,
               lookup_handles.c.expires_at)
        .where(lookup_handles.c.token_hash == _hash(token))
    ).first()
    if row is None or row.user_id != user_id or row.expires_at <= now:
        return None
    return Found(row.member_id, row.org_id)


def consume(session: Session, token: str) -> None:
    """The handle served its transfer: it cannot be used again."""
    session.execute(delete(lookup_handles).where(lookup_handles.c.token_hash == _hash(token)))

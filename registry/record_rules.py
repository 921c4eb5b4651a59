"""The shared rules of records other than the member card and the passport, on pushed creates
and updates: consents (:mod:`chairclient.domain.consent_rules`) and union offices
(:mod:`chairclient.domain.role_rules`), judged with the very functions the client uses.

As for cards and passports, only problems the change introduces refuse it: an old record of a
form version no longer known is not refused for an unrelated edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.domain import consent_rules
from registry.auth import now_utc
from registry.commands.writes import server_today
from registry.models import ENTITY_TABLES, members

consents = ENTITY_TABLES["consent"]


def _lock_member(session: Session, member_id: Any) -> None:
    """Hold the member row until the commit: two pushes adding a consent (or an office) for
    one member run one after the other on PostgreSQL, so the second sees the first."""
    if member_id:
        session.execute(select(members.c.id).where(members.c.id == member_id).with_for_update())


def _other_live_consent(session: Session, member_id: Any, row_id: str) -> bool:
    return session.scalar(
        select(consents.c.id).where(
            consents.c.member_id == member_id, consents.c.id != row_id,
            consents.c.deleted.is_(False), consents.c.revoked_on.is_(None),
        ).limit(1)
    ) is not None


def consent_errors(
    session: Session, merged: Mapping[str, Any], current: Mapping[str, Any] | None, row_id: str,
) -> dict[str, str]:
    """What the change makes wrong about the consent record ``merged`` (was ``current``)."""
    today = server_today(now_utc())
    _lock_member(session, merged.get("member_id"))
    other_live = _other_live_consent(session, merged.get("member_id"), row_id)
    after = consent_rules.consent_errors(
        merged.get("signed_on"), merged.get("template_version"), merged.get("revoked_on"), today,
        other_live=other_live, was_revoked=current.get("revoked_on") if current else None,
        new=current is None)
    if current is None:
        return after
    before = consent_rules.consent_errors(
        current.get("signed_on"), current.get("template_version"), current.get("revoked_on"),
        today, other_live=other_live and current.get("revoked_on") is None, new=True)
    return {k: v for k, v in after.items() if before.get(k) != v}


def record_errors(
    session: Session, entity: str, merged: Mapping[str, Any],
    current: Mapping[str, Any] | None, row_id: str,
) -> dict[str, str]:
    if entity == "consent":
        return consent_errors(session, merged, current, row_id)
    return {}

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

from chairclient.domain import consent_rules, role_rules
from registry.auth import now_utc
from registry.commands.writes import server_today
from registry.models import ENTITY_TABLES, members, server_metadata

consents = ENTITY_TABLES["consent"]
offices = ENTITY_TABLES["member_role"]


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


def _office(row_id: str, values: Mapping[str, Any]) -> role_rules.Office:
    return role_rules.Office(row_id, values.get("member_id") or "", values.get("role") or "",
                             values.get("body"), values.get("since"), values.get("until"))


def role_errors(
    session: Session, merged: Mapping[str, Any], current: Mapping[str, Any] | None, row_id: str,
) -> dict[str, str]:
    """What the change makes wrong about the office ``merged`` (was ``current``)."""
    today = server_today(now_utc())
    member = session.execute(
        select(members.c.org_id, members.c.status, members.c.deleted)
        .where(members.c.id == merged.get("member_id")).with_for_update()
    ).first()
    if member is None:
        return {"member_id": "Член Профсоюза не найден"}
    refs = server_metadata.tables["ref_union_roles"]
    names = dict(session.execute(select(refs.c.code, refs.c.name).where(
        refs.c.active.is_(True))).all())
    others = [
        role_rules.Office(r.id, r.member_id, r.role, r.body, r.since, r.until)
        for r in session.execute(select(offices).where(
            offices.c.org_id == member.org_id, offices.c.deleted.is_(False),
            offices.c.id != row_id))
    ]
    active = member.status == "active" and not member.deleted

    def errors(values: Mapping[str, Any]) -> dict[str, str]:
        return role_rules.role_errors(
            _office(row_id, values), roles=names, today=today, member_active=active,
            others=others, body_name=values.get("body_name"), roles_named=names)

    after = errors(merged)
    if current is None:
        return after
    before = errors(current)
    return {k: v for k, v in after.items() if before.get(k) != v}


def leadership_errors(
    session: Session, merged: Mapping[str, Any], current: Mapping[str, Any] | None, row_id: str,
) -> dict[str, str]:
    """A primary organisation whose offices are recorded takes its «Руководство» from them:
    a pushed edit of those fields is refused (the client shows them read-only)."""
    if current is None or merged.get("level") != "primary":
        return {}
    changed = [f for f in role_rules.LEADERSHIP_FIELDS if merged.get(f) != current.get(f)]
    if not changed:
        return {}
    recorded = session.scalar(select(offices.c.id).where(
        offices.c.org_id == row_id, offices.c.deleted.is_(False)).limit(1))
    return {changed[0]: role_rules.LEADERSHIP_FROM_OFFICES} if recorded else {}


def record_errors(
    session: Session, entity: str, merged: Mapping[str, Any],
    current: Mapping[str, Any] | None, row_id: str,
) -> dict[str, str]:
    if entity == "consent":
        return consent_errors(session, merged, current, row_id)
    if entity == "member_role":
        return role_errors(session, merged, current, row_id)
    return {}

"""Consents to personal-data processing: about three members in four signed one."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from chairclient.demo.common import CONSENT_ERA_START, CONSENT_TEMPLATE, TODAY, DemoRandom

CONSENT_SHARE = 0.785
REVOKED_SHARE = 0.02


def generate_consents(
    rng: DemoRandom, members: list[dict[str, Any]], recorded_by: dict[str, str]
) -> list[dict[str, Any]]:
    """One consent row per consenting member (most signed in the autumn 2025 campaign).

    Sets ``_consent_on`` on each member: the day a live (not revoked) consent was signed, or
    None. A removed member's consent predates the removal.
    """
    rows: list[dict[str, Any]] = []
    for member in members:
        member["_consent_on"] = None
        if rng.random() >= CONSENT_SHARE:
            continue
        start = max(member["registered_on"] or CONSENT_ERA_START, CONSENT_ERA_START)
        end = member["removed_on"] or TODAY
        if start > end:
            continue
        signed = start + timedelta(days=int(rng.expovariate(1 / 60)))
        if signed > end:
            signed = rng.day_between(start, end)
        revoked: date | None = None
        if rng.random() < REVOKED_SHARE and signed < TODAY - timedelta(days=30):
            revoked = rng.day_between(signed + timedelta(days=10), TODAY)
        rows.append({
            "id": rng.uuid(),
            "org_id": member["org_id"],
            "member_id": member["id"],
            "signed_on": signed,
            "template_version": CONSENT_TEMPLATE,
            "recorded_by": recorded_by.get(member["org_id"]),
            "revoked_on": revoked,
        })
        if revoked is None:
            member["_consent_on"] = signed
    return rows

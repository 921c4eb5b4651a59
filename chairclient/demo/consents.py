"""Consents to personal-data processing: about three members in four signed one.

The registry's daily PROFCARDS feed sends a consent the day after it is signed
(``profcards_sent_on``); the consents of the last :data:`UNSENT_DAYS` days have not been sent
yet (nor those of members removed before their feed), so the dashboard's «Не передано в
PROFCARDS» is small but not empty.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from chairclient.demo.common import CONSENT_ERA_START, CONSENT_TEMPLATE, TODAY, DemoRandom

CONSENT_SHARE = 0.785
REVOKED_SHARE = 0.02
#: Consents signed this many days before :data:`TODAY` or later are not in a feed yet.
UNSENT_DAYS = 7


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
            "profcards_sent_on": _sent_on(signed, member["removed_on"]),
        })
        if revoked is None:
            member["_consent_on"] = signed
    return rows


def _sent_on(signed: date, removed_on: date | None) -> date | None:
    """The feed that carried a consent: the next day's, unless that is recent or after the
    member left the register. (No random draw: the other stages' numbers stay the same.)"""
    feed = signed + timedelta(days=1)
    if signed > TODAY - timedelta(days=UNSENT_DAYS) or (removed_on and feed > removed_on):
        return None
    return feed

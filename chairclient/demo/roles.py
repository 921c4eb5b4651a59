"""Union offices in each primary organisation: chair, deputy, committee, revision commission,
профгрупорги, labour-safety representatives, youth council."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from chairclient.demo.common import TODAY, DemoRandom, age_on, clamp
from chairclient.demo.organisations import OrgPlan
from chairclient.domain.role_rules import DEFAULT_BODY

_ELECTED_FROM = date(2021, 11, 2)  # five-year terms: nobody's term has run out yet
_ELECTED_TO = date(2026, 10, 15)


@dataclass
class Leadership:
    """What the passport's «Руководство» tab needs."""

    chair: dict[str, Any] | None
    deputy: dict[str, Any] | None
    elected_on: date
    committee: int
    revision: int
    safety: int


def role_counts(active: int) -> dict[str, int]:
    """How many holders of each office an organisation of ``active`` members has."""
    if active == 0:
        return {}
    counts = {"chair": 1}
    if active >= 10:
        counts["deputy_chair"] = 1
    if active >= 4:
        counts["committee_member"] = clamp(round(math.sqrt(active) * 0.8), 2, 15)
    if active >= 8:
        counts["revision_member"] = 1 if active < 30 else 3
        counts["safety_rep"] = min(10, 1 + active // 150)
    if active >= 60:
        counts["group_organiser"] = min(40, active // 30)
    return counts


def generate_roles(
    rng: DemoRandom, plans: list[OrgPlan], members: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], dict[str, Leadership]]:
    by_org: dict[str, list[dict[str, Any]]] = {}
    for member in members:
        if member["status"] == "active":
            by_org.setdefault(member["org_id"], []).append(member)
    rows: list[dict[str, Any]] = []
    leadership: dict[str, Leadership] = {}
    for plan in plans:
        if plan.level != "primary":
            continue
        active = by_org.get(plan.id, [])
        counts = role_counts(len(active))
        elected = rng.day_between(_ELECTED_FROM, _ELECTED_TO)
        holders: dict[str, list[dict[str, Any]]] = {}
        if counts:
            wanted = "student" if plan.kind == "students" else "working"
            leaders = [m for m in active if m["category"] == wanted and m["birth_date"]
                       and (wanted == "student" or age_on(m["birth_date"]) >= 27)]
            chair = rng.choice(leaders or active)
            others = [m for m in active if m is not chair]
            size = min(len(others), sum(counts.values()) - 1)
            chosen = iter(rng.sample(others, size))
            holders["chair"] = [chair]
            for role, count in counts.items():
                if role != "chair":
                    holders[role] = [m for _, m in zip(range(count), chosen, strict=False)]
            young = [m for m in active if m["birth_date"] and age_on(m["birth_date"]) <= 35]
            if len(active) >= 50 and young:
                holders["youth_council"] = rng.sample(young, min(len(young), rng.randint(2, 5)))
        for role, people in holders.items():
            for member in people:
                since = elected if role != "youth_council" else rng.day_between(elected, TODAY)
                if role in ("group_organiser", "safety_rep") and rng.random() < 0.3:
                    since = rng.day_between(elected, TODAY - timedelta(days=1))
                rows.append({"id": rng.uuid(), "org_id": plan.id, "member_id": member["id"],
                             "role": role, "since": since, "until": None,
                             "body": DEFAULT_BODY.get(role), "body_name": None})
        leadership[plan.id] = Leadership(
            chair=holders.get("chair", [None])[0],
            deputy=(holders.get("deputy_chair") or [None])[0],
            elected_on=elected,
            committee=sum(len(holders.get(r, [])) for r in ("chair", "deputy_chair",
                                                            "committee_member")),
            revision=len(holders.get("revision_member", [])),
            safety=len(holders.get("safety_rep", [])),
        )
    return rows, leadership

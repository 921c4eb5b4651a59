"""A member's story in the union: when they joined, how they were registered, category changes,
removal or restoration — as card fields and as ``membership_events`` rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from chairclient.demo.common import CONSENT_ERA_START, TODAY, DemoRandom, Weighted, add_years

_PAPER_ERA_END = date(2024, 1, 1)
_RECENT = CONSENT_ERA_START

_REMOVAL_REASONS: dict[str, Weighted[str]] = {
    "working": Weighted([("voluntary", 30), ("dismissal", 40), ("transfer", 10),
                         ("expelled", 2), ("death", 2), ("liquidation", 3), ("erroneous", 3)]),
    "student": Weighted([("study_end", 70), ("voluntary", 24), ("expelled", 2),
                         ("erroneous", 4)]),
    "pensioner": Weighted([("death", 45), ("voluntary", 45), ("erroneous", 5),
                           ("liquidation", 5)]),
    "unemployed": Weighted([("membership_expired", 80), ("voluntary", 20)]),
}


@dataclass
class Story:
    """Card fields of the membership group plus the events that explain them."""

    fields: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)


class MembershipWriter:
    """Builds stories; ``transfer_sources`` are the ids of primaries a member may come from."""

    def __init__(self, rng: DemoRandom, transfer_sources: list[str]) -> None:
        self.rng = rng
        self.sources = transfer_sources

    # ------------------------------------------------------------------ public

    def story(
        self, member_id: str, org_id: str, category: str, birth: date, sex: str,
        *, course: int | None = None, combined_org: bool = False,
    ) -> Story:
        rng = self.rng
        since = self._member_since(category, birth, course)
        method = self._method(category, since)
        registered = since
        events: list[dict[str, Any]] = []
        base = {"member_id": member_id, "org_id": org_id}

        def event(kind: str, day: date, **extra: Any) -> None:
            events.append({**base, "id": rng.uuid(), "kind": kind, "event_date": day, **extra})

        initial, change = self._category_change(category, birth, sex, since, combined_org)

        if method == "transfer":
            registered = rng.day_between(min(add_years(since, 1), TODAY - timedelta(days=30)),
                                         TODAY - timedelta(days=14))
            source = rng.choice(self.sources) if self.sources else org_id
            if source != org_id and rng.random() < 0.5:
                event("joined", since, to_org_id=source, new_category=initial,
                      registration_method="application")
                event("transferred_out", registered, from_org_id=source, to_org_id=org_id)
                event("transferred_in", registered, from_org_id=source, to_org_id=org_id,
                      new_category=initial, registration_method="transfer")
            else:
                event("transferred_in", registered, to_org_id=org_id, new_category=initial,
                      registration_method="transfer",
                      note="Перевод из ППО другой региональной организации Профсоюза")
        elif method == "restoration":
            left = rng.day_between(since + timedelta(days=200), TODAY - timedelta(days=120))
            registered = rng.day_between(left + timedelta(days=60), TODAY - timedelta(days=14))
            event("joined", since, to_org_id=org_id, new_category=initial,
                  registration_method="application")
            event("removed", left, reason=rng.choice(("voluntary", "membership_expired")),
                  from_org_id=org_id)
            event("restored", registered, to_org_id=org_id, new_category=initial,
                  registration_method="restoration",
                  note="Восстановлен в Профсоюзе по заявлению")
        else:
            event("joined", since, to_org_id=org_id, new_category=initial,
                  registration_method=method)

        if change is not None:
            # Events from the change on are in the current category.
            for row in events:
                if row.get("new_category") and row["event_date"] >= change:
                    row["new_category"] = category
            event("category_changed", change, old_category=initial, new_category=category)

        fields: dict[str, Any] = {
            "category": category,
            "member_since": since,
            "registered_on": registered,
            "registration_method": method,
            "status": "active",
            "removed_on": None,
            "removal_reason": None,
        }
        last_event = max(row["event_date"] for row in events)
        if rng.random() < 0.05 and last_event < TODAY - timedelta(days=40):
            removed_on = self._removal_day(last_event)
            reason = _REMOVAL_REASONS[category].pick(rng)
            fields.update(status="removed", removed_on=removed_on, removal_reason=reason)
            note = ("Перевод в ППО другой региональной организации Профсоюза"
                    if reason == "transfer" else None)
            event("removed", removed_on, reason=reason, from_org_id=org_id, note=note)
        return Story(fields, events)

    # ------------------------------------------------------------------ helpers

    def _member_since(self, category: str, birth: date, course: int | None) -> date:
        rng = self.rng
        latest = TODAY - timedelta(days=20)
        if category == "student":
            started = date(TODAY.year - (course or 1) + 1, 9, 1)
            return min(latest, started + timedelta(days=rng.randint(0, 75)))
        start_age = rng.randint(20, 25)
        earliest = add_years(birth, start_age)
        if category == "pensioner":
            return rng.day_between(earliest, min(latest, add_years(birth, 55)))
        return rng.day_between(min(earliest, latest), latest)

    def _method(self, category: str, since: date) -> str:
        x = self.rng.random()
        if category != "student" and since < TODAY - timedelta(days=800):
            if x < 0.07:
                return "transfer"
            if x < 0.08:
                return "restoration"
        elif category == "student" and x < 0.02 and since < TODAY - timedelta(days=400):
            return "transfer"
        if since < _PAPER_ERA_END and self.rng.random() < 0.65:
            return "paper"
        return "application"

    def _category_change(
        self, category: str, birth: date, sex: str, since: date, combined_org: bool
    ) -> tuple[str, date | None]:
        """(category on joining, date it became the current one or None)."""
        rng = self.rng
        if category == "pensioner" and rng.random() < 0.6:
            retired = add_years(birth, (55 if sex == "F" else 60) + rng.randint(0, 6))
            if since < retired < TODAY:
                return "working", retired
        elif category == "unemployed":
            day = TODAY - timedelta(days=rng.randint(20, 180))
            if day > since:
                return "working", day
        elif category == "working" and combined_org and rng.random() < 0.3:
            graduated = date(rng.randint(since.year + 1, since.year + 5), 6, 30)
            if graduated < TODAY - timedelta(days=30) and since < add_years(birth, 24):
                return "student", graduated
        return category, None

    def _removal_day(self, after: date) -> date:
        rng = self.rng
        first = after + timedelta(days=30)
        if rng.random() < 0.6 and first < TODAY - timedelta(days=2):
            return rng.day_between(max(first, _RECENT), TODAY - timedelta(days=1))
        return rng.day_between(first, TODAY - timedelta(days=1))

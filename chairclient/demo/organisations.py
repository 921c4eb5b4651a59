"""The organisation tree: one regional organisation, its districts, and the primaries (ППО).

This module decides *which* organisations exist and how many members each will get; the
passport fields that depend on the members (staff numbers, chair) are filled by
:mod:`chairclient.demo.passports` once the members exist.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from chairclient.demo.common import DemoRandom, Weighted, clamp
from chairclient.demo.employers import Employer, EmployerNamer
from chairclient.demo.identifiers import registry_code
from chairclient.demo.places import TERRITORIES, Territory

#: Category shares of the pilot (DOMAIN.md), plus ~1 % temporarily not working.
PILOT_COUNTS = {"working": 852_119, "student": 371_602, "pensioner": 58_209}
UNEMPLOYED_SHARE = 0.01

#: Relative frequency of employer types among the ordinary primaries of a district.
_LOCAL_TYPES = Weighted(
    [("school", 42), ("preschool", 34), ("additional", 8), ("other", 4), ("authority", 1.5),
     ("dpo", 1)]
)

UNION_NAME = "Общероссийского Профсоюза образования"
_KIND_WORDS = {
    "workers": "работников ",
    "students": "обучающихся ",
    "combined": "работников и обучающихся ",
}


@dataclass
class OrgPlan:
    """One organisation to be generated."""

    id: str
    level: str
    code: str
    parent_id: str | None
    full_name: str
    short_name: str
    territory: Territory | None = None
    employer: Employer | None = None
    kind: str | None = None
    has_territorial_rights: bool = False
    natural_workers: float = 0.0
    natural_students: float = 0.0
    big: bool = False
    #: Filled by :func:`allocate_members`: members who work, were working or are pensioners.
    worker_seats: int = 0
    student_seats: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def employer_type(self) -> str | None:
        return self.employer.employer_type if self.employer else None


def category_totals(members: int) -> dict[str, int]:
    """How many members of each category a database of ``members`` gets."""
    unemployed = round(members * UNEMPLOYED_SHARE)
    rest = members - unemployed
    pilot_total = sum(PILOT_COUNTS.values())
    students = round(rest * PILOT_COUNTS["student"] / pilot_total)
    pensioners = round(rest * PILOT_COUNTS["pensioner"] / pilot_total)
    return {
        "working": rest - students - pensioners,
        "student": students,
        "pensioner": pensioners,
        "unemployed": unemployed,
    }


def primary_count(members: int) -> int:
    return clamp(round(members / 60), 12, 600)


class _TreeBuilder:
    def __init__(self, rng: DemoRandom, members: int) -> None:
        self.rng = rng
        self.members = members
        self.namer = EmployerNamer(rng)
        self.plans: list[OrgPlan] = []
        self.primaries = 0
        self._code_numbers: dict[str, int] = {}
        self.regional: OrgPlan | None = None
        self.territorials: dict[str, OrgPlan] = {}

    def code(self, territory: str) -> str:
        number = self._code_numbers.get(territory, self.rng.randint(0, 15))
        number += self.rng.randint(1, 4)
        self._code_numbers[territory] = number
        return registry_code(territory, number)

    def add_top(self, territories: list[Territory]) -> None:
        self.regional = OrgPlan(
            id=self.rng.uuid(),
            level="regional",
            code=registry_code("00", 0),
            parent_id=None,
            full_name=f"Энская областная организация {UNION_NAME}",
            short_name="Энская областная организация Профсоюза",
        )
        self.plans.append(self.regional)
        for territory in territories:
            plan = OrgPlan(
                id=self.rng.uuid(),
                level="territorial",
                code=registry_code(territory.number, 0),
                parent_id=self.regional.id,
                full_name=f"{territory.org_name} {UNION_NAME}",
                short_name=f"{territory.org_short} Профсоюза",
                territory=territory,
            )
            self.territorials[territory.number] = plan
            self.plans.append(plan)

    def add_primary(
        self,
        employer: Employer,
        kind: str,
        territory: Territory | None,
        *,
        parent: OrgPlan | None = None,
        workers: float = 0.0,
        students: float = 0.0,
        big: bool = False,
    ) -> OrgPlan:
        if parent is None:
            parent = self.territorials[territory.number] if territory else self.regional
        assert parent is not None
        code_space = territory.number if (territory and parent.level != "primary") else "00"
        short_name = {
            "students": f"ППО обучающихся {employer.ppo_short}",
            "combined": f"Объединённая ППО {employer.ppo_short}",
        }.get(kind, f"ППО {employer.ppo_short}")
        plan = OrgPlan(
            id=self.rng.uuid(),
            level="primary",
            code=self.code(code_space),
            parent_id=parent.id,
            full_name=(
                f"Первичная профсоюзная организация {_KIND_WORDS[kind]}{employer.subject} "
                f"{UNION_NAME}"
            ),
            short_name=short_name,
            territory=territory,
            employer=employer,
            kind=kind,
            natural_workers=workers if kind != "students" else 0.0,
            natural_students=students if kind != "workers" else 0.0,
            big=big,
        )
        self.plans.append(plan)
        self.primaries += 1
        return plan

    # ------------------------------------------------------------------ natural sizes

    def lognormal(self, median: float, sigma: float, low: float, high: float) -> float:
        return max(low, min(high, self.rng.lognormvariate(math.log(median), sigma)))

    def local_workers(self, employer_type: str) -> tuple[float, bool]:
        """(natural number of working members, counts as a big organisation)."""
        if employer_type == "school":
            if self.rng.random() < 0.1:
                return self.rng.uniform(120, 350), True
            return self.lognormal(45, 0.45, 12, 160), False
        medians = {"preschool": 28, "additional": 24, "dpo": 30, "authority": 15, "other": 18,
                   "research": 35}
        return self.lognormal(medians[employer_type], 0.4, 6, 120), False

    def university_sizes(self) -> tuple[float, float]:
        workers = clamp(round(self.members * 0.03), 40, 4000) * self.rng.uniform(0.6, 1.4)
        students = clamp(round(self.members * 0.05), 80, 12000) * self.rng.uniform(0.5, 1.5)
        return workers, students

    def spo_sizes(self) -> tuple[float, float]:
        workers = self.lognormal(max(25.0, min(200.0, self.members * 0.002)), 0.3, 15, 400)
        students = self.lognormal(max(40.0, self.members * 0.004), 0.35, 25, 3000)
        return workers, students


def plan_organisations(rng: DemoRandom, members: int) -> list[OrgPlan]:
    """The tree (parents before children) with each primary's natural size; see the module doc."""
    builder = _TreeBuilder(rng, members)
    territories = list(TERRITORIES[: 4 + rng.randint(0, 2)])
    builder.add_top(territories)
    target = primary_count(members)
    city = territories[0]
    district = territories[1]

    # Universities: the first has a workers' ППО with territorial rights and two children.
    universities = clamp(round(target / 120), 1, 8)
    for index in range(universities):
        employer = builder.namer.university(index)
        workers, students = builder.university_sizes()
        if index == 0:
            head = builder.add_primary(employer, "workers", None, workers=workers, big=True)
            head.has_territorial_rights = True
            head.full_name += " (с правами территориальной)"
            builder.add_primary(employer, "students", None, students=students, big=True)
            branch = builder.namer.branch(employer, district, "university")
            w, s = builder.university_sizes()
            builder.add_primary(branch, "workers", district, parent=head, workers=w * 0.15,
                                big=True)
            college = builder.namer.branch(employer, city, "spo")
            w, s = builder.spo_sizes()
            builder.add_primary(college, "combined", city, parent=head, workers=w, students=s,
                                big=True)
        elif index % 2:
            builder.add_primary(employer, "combined", None, workers=workers, students=students,
                                big=True)
        else:
            builder.add_primary(employer, "workers", None, workers=workers, big=True)
            builder.add_primary(employer, "students", None, students=students, big=True)

    # Regional institutions, one of each rare type.
    for employer_type in ("dpo", "research", "authority"):
        employer = builder.namer.make(employer_type, None)
        assert employer is not None
        workers, _ = builder.local_workers(employer_type)
        builder.add_primary(employer, "workers", None, workers=workers)

    # Colleges (СПО) spread over the districts, the city first.
    colleges = max(1, round(target * 0.04))
    for index in range(colleges):
        territory = territories[index % len(territories)] if index % 3 else city
        employer = builder.namer.make("spo", territory)
        if employer is None:
            continue
        workers, students = builder.spo_sizes()
        if index == 0 or rng.random() < 0.5:
            builder.add_primary(employer, "combined", territory, workers=workers,
                                students=students, big=True)
        else:
            builder.add_primary(employer, "workers", territory, workers=workers, big=True)
            builder.add_primary(employer, "students", territory, students=students, big=True)

    # Every ordinary type at least once, in the city, then the districts by weight.
    for employer_type in ("school", "preschool", "additional", "other", "authority"):
        _add_local(builder, employer_type, city)
    weights = Weighted([(t, t.weight) for t in territories])
    while builder.primaries < target:
        territory = weights.pick(rng)
        _add_local(builder, _LOCAL_TYPES.pick(rng), territory)
    return builder.plans


def _add_local(builder: _TreeBuilder, employer_type: str, territory: Territory) -> None:
    employer = builder.namer.make(employer_type, territory)
    if employer is None:
        employer_type = "school"
        employer = builder.namer.make(employer_type, territory)
        assert employer is not None
    workers, big = builder.local_workers(employer_type)
    builder.add_primary(employer, "workers", territory, workers=workers, big=big)


# ---------------------------------------------------------------------------- allocation


def _spread(total: int, weights: list[float], minimum: int) -> list[int]:
    """``total`` split in proportion to ``weights`` (largest remainder), each at least
    ``minimum`` when the total allows it."""
    if not weights:
        return []
    if total < minimum * len(weights):
        minimum = 0
    free = total - minimum * len(weights)
    weight_sum = sum(weights) or 1.0
    shares = [free * w / weight_sum for w in weights]
    counts = [int(s) for s in shares]
    left = free - sum(counts)
    order = sorted(range(len(weights)), key=lambda i: (counts[i] - shares[i], i))
    for i in order[:left]:
        counts[i] += 1
    return [c + minimum for c in counts]


def allocate_members(plans: list[OrgPlan], totals: dict[str, int]) -> None:
    """Set ``worker_seats`` and ``student_seats`` of every primary so they add up to
    ``totals`` (pensioners and the temporarily not working stay in workers' organisations)."""
    primaries = [p for p in plans if p.level == "primary"]
    workers = [p for p in primaries if p.kind != "students"]
    students = [p for p in primaries if p.kind != "workers"]
    seats = totals["working"] + totals["pensioner"] + totals["unemployed"]
    for plan, count in zip(
        workers, _spread(seats, [p.natural_workers for p in workers], 3), strict=True
    ):
        plan.worker_seats = count
    for plan, count in zip(
        students, _spread(totals["student"], [p.natural_students for p in students], 3),
        strict=True,
    ):
        plan.student_seats = count

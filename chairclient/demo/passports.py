"""Organisation rows with their passports (паспорт), consistent with the generated members."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from chairclient.demo.common import DemoRandom, add_years, age_on
from chairclient.demo.identifiers import LegalIdIssuer
from chairclient.demo.names import NameMaker
from chairclient.demo.organisations import OrgPlan
from chairclient.demo.places import (
    REGIONAL_CENTRE,
    TERRITORIES,
    landline,
    mobile,
    postal_index,
    street_address,
)
from chairclient.demo.roles import Leadership
from chairclient.text import organisation_search_text

STAFF_AS_OF = date(2026, 10, 1)
INCOMPLETE_SHARE = 0.05

#: The region's own processors. The union-wide contractors (ООО «ФИНФОРТ» for PROFCARDS,
#: ООО «Интернет Медиа» for the cards) are one setting for the whole union
#: (``resources/union.toml``), printed on every consent before these.
PD_PROCESSORS = [
    {"name": "АНО «Центр цифровых сервисов Профсоюза» (ведение единого реестра)",
     "address": "606001, Энская обл., г. Энск, ул. Советская, д. 21, офис 4"},
]


@dataclass
class _Stats:
    working: int = 0
    women: int = 0
    youth: int = 0
    pedagogical: int = 0
    students: int = 0


def _stats(members: list[dict[str, Any]]) -> dict[str, _Stats]:
    stats: dict[str, _Stats] = {}
    for m in members:
        if m["status"] != "active":
            continue
        s = stats.setdefault(m["org_id"], _Stats())
        if m["category"] == "student":
            s.students += 1
        elif m["category"] == "working":
            s.working += 1
            s.women += m["sex"] == "F"
            s.youth += bool(m["birth_date"]) and age_on(m["birth_date"]) <= 35
            s.pedagogical += bool(m["_pedagogical"])
    return stats


def _full_name(member: dict[str, Any] | None) -> str | None:
    if member is None:
        return None
    return " ".join(p for p in (member["last_name"], member["first_name"], member["patronymic"])
                    if p)


class _PassportWriter:
    def __init__(self, rng: DemoRandom) -> None:
        self.rng = rng
        self.ids = LegalIdIssuer(rng)
        self.names = NameMaker()

    def base(self, plan: OrgPlan) -> dict[str, Any]:
        return {
            "id": plan.id, "org_id": plan.id, "parent_id": plan.parent_id, "level": plan.level,
            "code": plan.code, "full_name": plan.full_name, "short_name": plan.short_name,
            "kind": plan.kind, "employer_type": plan.employer_type,
            "has_territorial_rights": plan.has_territorial_rights,
            "search_text": organisation_search_text(plan.short_name, plan.full_name, plan.code),
        }

    def contacts(self, row: dict[str, Any], plan: OrgPlan, locality: str) -> str:
        rng = self.rng
        territory = plan.territory or TERRITORIES[0]
        index = postal_index(rng, territory)
        address = street_address(rng, locality, flat=False)
        digits = plan.code.replace("-", "")
        row.update(
            postal_index=index, address=address, phone=landline(rng, territory),
            email=f"ppo{digits}@example.org",
            website=f"ppo{digits}.example.org" if rng.random() < 0.3 else None,
        )
        return f"{index}, {address}"

    def person(self, female_share: float) -> str:
        sex = "F" if self.rng.random() < female_share else "M"
        return self.names.full_name(self.rng, sex, self.rng.randint(1960, 1988))

    def upper(self, plan: OrgPlan) -> dict[str, Any]:
        """Regional and territorial organisations: legal entities with a released chair."""
        rng = self.rng
        row = self.base(plan)
        territory = plan.territory or TERRITORIES[0]
        full_address = self.contacts(row, plan, plan.territory.town if plan.territory
                                     else REGIONAL_CENTRE)
        row["website"] = f"{'obkom' if plan.level == 'regional' else 'rk'}" \
                         f"{plan.code.replace('-', '')}.example.org"
        inn, kpp, ogrn = self.ids.triple(territory.tax_office, rng.randint(2002, 2012))
        elected = rng.day_between(date(2021, 12, 1), date(2025, 3, 1))
        row.update(
            founded_on=rng.day_between(date(1950, 1, 1), date(1992, 12, 31)),
            is_legal_entity=True, inn=inn, kpp=kpp, ogrn=ogrn,
            chair_name=self.person(0.8), chair_elected_on=elected,
            chair_term_until=add_years(elected, 5), chair_released=True,
            chair_phone=mobile(rng), chair_email=row["email"],
            deputy_name=self.person(0.7),
            committee_count=rng.randint(9, 25), revision_count=rng.randint(3, 5),
        )
        if plan.level == "regional":
            row.update(pd_operator_name=plan.full_name, pd_operator_address=full_address,
                       pd_processors=PD_PROCESSORS)
        return row

    def primary(self, plan: OrgPlan, stats: _Stats, lead: Leadership | None) -> dict[str, Any]:
        rng = self.rng
        employer = plan.employer
        assert employer is not None
        row = self.base(plan)
        territory = plan.territory or TERRITORIES[0]
        employer_address = self.contacts(row, plan, employer.locality)
        legal = employer.employer_type == "university" or rng.random() < (
            0.5 if plan.big else 0.03)
        if legal:
            inn, kpp, ogrn = self.ids.triple(territory.tax_office, rng.randint(2003, 2020))
            row.update(is_legal_entity=True, inn=inn, kpp=kpp, ogrn=ogrn)
        e_inn, e_kpp, e_ogrn = self.ids.triple(territory.tax_office, rng.randint(2002, 2016))
        row.update(
            founded_on=rng.day_between(date(1958, 1, 1), date(2018, 12, 31)),
            employer_full_name=employer.full_name, employer_inn=e_inn, employer_kpp=e_kpp,
            employer_ogrn=e_ogrn, employer_address=employer_address,
            employer_head_name=self.person(0.7), employer_head_position=employer.head_position,
        )
        if lead is not None:
            chair = lead.chair
            total = stats.working + stats.students
            row.update(
                chair_name=_full_name(chair), chair_elected_on=lead.elected_on,
                chair_term_until=add_years(lead.elected_on, 5),
                chair_released=total >= 700,
                chair_phone=(chair or {}).get("phone") or mobile(rng),
                chair_email=(chair or {}).get("email"),
                deputy_name=_full_name(lead.deputy), committee_count=lead.committee,
                revision_count=lead.revision, safety_reps_count=lead.safety,
            )
        self.staff(row, plan, stats)
        if rng.random() < 0.85:
            # Three-year agreements; about one in twenty has run out and awaits renewal.
            concluded = (rng.day_between(date(2023, 11, 2), date(2026, 9, 30))
                         if rng.random() < 0.95
                         else rng.day_between(date(2022, 6, 1), date(2023, 10, 31)))
            row.update(collective_agreement=True, agreement_concluded_on=concluded,
                       agreement_valid_until=add_years(concluded, 3))
        return row

    def staff(self, row: dict[str, Any], plan: OrgPlan, stats: _Stats) -> None:
        rng = self.rng
        row["staff_as_of"] = STAFF_AS_OF
        if plan.kind != "students":
            working = stats.working
            total = math.ceil(working / rng.uniform(0.6, 0.97)) if working else rng.randint(3, 15)
            share = total / working if working else 1.0

            def part(members: int, fallback: float) -> int:
                guess = round(members * share * rng.uniform(0.97, 1.03)) if working \
                    else round(total * fallback)
                return min(total, max(members, guess))

            row.update(
                employees_total=total, employees_women=part(stats.women, 0.8),
                employees_youth=part(stats.youth, 0.2),
                employees_pedagogical=part(stats.pedagogical, 0.6),
            )
        if plan.kind != "workers":
            students = stats.students
            row["students_total"] = (math.ceil(students / rng.uniform(0.35, 0.9)) if students
                                     else rng.randint(20, 200))


def build_organisation_rows(
    rng: DemoRandom,
    plans: list[OrgPlan],
    members: list[dict[str, Any]],
    leadership: dict[str, Leadership],
) -> list[dict[str, Any]]:
    """One row per organisation (parents first); a few primaries' passports left incomplete."""
    writer = _PassportWriter(rng)
    stats = _stats(members)
    rows = []
    primaries = 0
    for plan in plans:
        if plan.level == "primary":
            primaries += 1
            rows.append(writer.primary(plan, stats.get(plan.id, _Stats()),
                                       leadership.get(plan.id)))
        else:
            rows.append(writer.upper(plan))
    candidates = [r for r in rows if r["level"] == "primary"]
    for row in rng.sample(candidates, max(2, round(primaries * INCOMPLETE_SHARE))):
        staff_field = "students_total" if row["kind"] == "students" else "employees_total"
        blank = rng.choice(("employer_inn", "chair_elected_on", staff_field,
                            "employer_full_name"))
        row[blank] = None
        if blank == "chair_elected_on":
            row["chair_term_until"] = None
    return rows

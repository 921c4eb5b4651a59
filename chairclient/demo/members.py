"""Member cards: identity, work or study, education, dues and contacts.

Rows are plain dicts keyed by column name. Keys starting with ``_`` are notes for the later
stages (consents, cards, roles) and are not written to the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from chairclient.demo.common import MAIL_DOMAINS, DemoRandom, Weighted, birth_date_for_age
from chairclient.demo.identifiers import SnilsIssuer
from chairclient.demo.membership import MembershipWriter
from chairclient.demo.names import NameMaker, translit
from chairclient.demo.organisations import OrgPlan
from chairclient.demo.places import mobile, postal_index, street_address

#: Share of members with a СНИЛС (all of them valid), a phone, an e-mail, an address.
SNILS_SHARE = 0.8
INCOMPLETE_SHARE = 0.07

_POSITIONS: dict[str, Weighted[str]] = {
    "preschool": Weighted([
        ("educator", 45), ("senior_educator", 3), ("assistant_educator", 18),
        ("music_director", 3), ("pe_instructor", 2), ("speech_therapist", 3),
        ("psychologist", 2), ("director", 2), ("deputy_director", 2), ("methodist", 2),
        ("cook", 5), ("janitor", 5), ("caretaker", 2), ("watchman", 3), ("medical_nurse", 2),
        ("accountant", 1),
    ]),
    "school": Weighted([
        ("teacher", 50), ("primary_teacher", 14), ("psychologist", 2), ("social_pedagogue", 2),
        ("speech_therapist", 1), ("defectologist", 1), ("tutor", 1), ("librarian_teacher", 1),
        ("organiser_teacher", 1), ("senior_counsellor", 1), ("advisor_director", 1),
        ("additional_ed_teacher", 2), ("director", 1), ("deputy_director", 4), ("secretary", 1),
        ("librarian", 1), ("accountant", 1), ("lab_assistant", 1), ("cook", 2), ("janitor", 4),
        ("caretaker", 2), ("watchman", 3), ("driver", 1), ("medical_nurse", 1),
    ]),
    "spo": Weighted([
        ("lecturer", 45), ("master_vocational", 12), ("methodist", 3), ("psychologist", 1),
        ("social_pedagogue", 1), ("senior_counsellor", 1), ("director", 1),
        ("deputy_director", 3), ("accountant", 2), ("secretary", 2), ("librarian", 2),
        ("lab_assistant", 4), ("janitor", 5), ("caretaker", 3), ("watchman", 3), ("driver", 1),
        ("specialist", 5), ("other", 2),
    ]),
    "university": Weighted([
        ("docent", 20), ("senior_lecturer", 14), ("assistant_lecturer", 6), ("professor", 5),
        ("head_of_department", 3), ("lecturer", 6), ("researcher", 6), ("lab_assistant", 8),
        ("specialist", 14), ("accountant", 3), ("secretary", 3), ("librarian", 3),
        ("deputy_director", 1), ("janitor", 4), ("caretaker", 3), ("watchman", 2),
        ("driver", 1), ("other", 3),
    ]),
    "additional": Weighted([
        ("additional_ed_teacher", 55), ("methodist", 8), ("organiser_teacher", 6),
        ("psychologist", 1), ("pe_instructor", 4), ("director", 2), ("deputy_director", 3),
        ("accountant", 2), ("janitor", 5), ("watchman", 4), ("caretaker", 2), ("specialist", 3),
    ]),
    "dpo": Weighted([
        ("methodist", 30), ("lecturer", 20), ("specialist", 20), ("director", 2),
        ("deputy_director", 4), ("accountant", 4), ("secretary", 3), ("librarian", 2),
        ("janitor", 3), ("driver", 2), ("other", 3),
    ]),
    "authority": Weighted([
        ("specialist", 60), ("methodist", 10), ("director", 3), ("deputy_director", 6),
        ("accountant", 10), ("secretary", 5), ("driver", 3), ("other", 5),
    ]),
    "research": Weighted([
        ("researcher", 50), ("lab_assistant", 10), ("specialist", 15), ("director", 2),
        ("deputy_director", 3), ("accountant", 4), ("secretary", 3), ("other", 5),
        ("head_of_department", 3),
    ]),
    "other": Weighted([
        ("accountant", 40), ("specialist", 20), ("driver", 8), ("caretaker", 10), ("janitor", 6),
        ("watchman", 6), ("director", 2), ("deputy_director", 2), ("other", 6),
    ]),
}

#: Free-text refinements of a few reference positions (shown instead of the reference name).
_POSITION_TEXTS = {
    "specialist": ("Специалист по кадрам", "Инженер", "Специалист по охране труда",
                   "Главный специалист", "Ведущий специалист", "Программист", "Экономист",
                   "Юрисконсульт", "Делопроизводитель", "Специалист по закупкам"),
    "other": ("Кладовщик", "Гардеробщик", "Дворник", "Рабочий по комплексному обслуживанию",
              "Кастелянша", "Электромонтёр", "Слесарь-сантехник", "Лифтёр"),
    "researcher": ("Старший научный сотрудник", "Ведущий научный сотрудник",
                   "Младший научный сотрудник"),
}

_PEDAGOGICAL = frozenset({
    "teacher", "primary_teacher", "educator", "senior_educator", "music_director",
    "pe_instructor", "speech_therapist", "defectologist", "psychologist", "social_pedagogue",
    "tutor", "methodist", "additional_ed_teacher", "organiser_teacher", "librarian_teacher",
    "senior_counsellor", "advisor_director", "lecturer", "master_vocational", "docent",
    "professor", "senior_lecturer", "assistant_lecturer", "head_of_department",
})
_ACADEMIC = frozenset({"docent", "professor", "senior_lecturer", "assistant_lecturer",
                       "head_of_department", "lecturer"})
_SERVICE = frozenset({"cook", "janitor", "caretaker", "watchman", "driver", "medical_nurse",
                      "other"})
_MOSTLY_MEN = {"driver": 0.1, "caretaker": 0.15, "watchman": 0.5, "professor": 0.35}

_FEMALE_SHARE = {
    "preschool": 0.97, "school": 0.86, "additional": 0.78, "spo": 0.7, "university": 0.62,
    "dpo": 0.82, "authority": 0.85, "research": 0.6, "other": 0.75,
}

_DEGREES = (
    "кандидат педагогических наук", "кандидат филологических наук",
    "кандидат физико-математических наук", "кандидат исторических наук",
    "кандидат биологических наук", "кандидат технических наук", "кандидат химических наук",
    "кандидат экономических наук", "кандидат психологических наук",
)
_DOCTOR_DEGREES = ("доктор педагогических наук", "доктор филологических наук",
                   "доктор технических наук", "доктор исторических наук")

_DUES = {
    "working": Weighted([("cashless", 93), ("cash", 5), ("exempt", 2)]),
    "student": Weighted([("cashless", 70), ("cash", 28), ("exempt", 2)]),
    "pensioner": Weighted([("cash", 75), ("exempt", 20), ("cashless", 5)]),
    "unemployed": Weighted([("cash", 50), ("exempt", 50)]),
}
_CONTACT_SHARES = {  # phone, e-mail, address
    "working": (0.9, 0.72, 0.35), "student": (0.95, 0.85, 0.3),
    "pensioner": (0.75, 0.35, 0.5), "unemployed": (0.85, 0.5, 0.4),
}
_STUDY_FORMS = Weighted([("full_time", 85), ("extramural", 10), ("part_time", 5)])
_VO_COURSES = Weighted([(1, 30), (2, 26), (3, 22), (4, 19), (5, 2), (6, 1)])
_SPO_COURSES = Weighted([(1, 35), (2, 30), (3, 25), (4, 10)])


@dataclass
class MemberBatch:
    """Everything generated for the members, in insertion order."""

    members: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)


class MemberFactory:
    def __init__(self, rng: DemoRandom, names: NameMaker, sources: list[str]) -> None:
        self.rng = rng
        self.names = names
        self.snils = SnilsIssuer(rng)
        self.story = MembershipWriter(rng, sources)
        self._emails: dict[str, int] = {}

    def member(self, plan: OrgPlan, category: str) -> tuple[dict[str, Any], list[dict]]:
        rng = self.rng
        employer = plan.employer
        assert employer is not None
        etype = employer.employer_type
        member_id = rng.uuid()
        position = _POSITIONS[etype].pick(rng) if category == "working" else None
        sex = self._sex(etype, category, position)
        course = None
        if category == "student":
            level = "vo" if etype == "university" else "spo"
            course = (_VO_COURSES if level == "vo" else _SPO_COURSES).pick(rng)
            form = _STUDY_FORMS.pick(rng)
            age = min(25, (16 if level == "spo" else 17) + course + rng.randint(0, 2)
                      + (rng.randint(0, 4) if form != "full_time" else 0))
        else:
            level = form = None
            age = self._age(category, sex, position)
        birth = birth_date_for_age(rng, age)
        last, first, patronymic = self.names.person(rng, sex, birth.year)
        story = self.story.story(member_id, plan.id, category, birth, sex, course=course,
                                 combined_org=plan.kind == "combined")
        row: dict[str, Any] = {
            "id": member_id,
            "org_id": plan.id,
            "last_name": last,
            "first_name": first,
            "patronymic": patronymic,
            "birth_date": birth,
            "sex": sex,
            "snils": self.snils.next() if rng.random() < SNILS_SHARE else None,
            **story.fields,
            "workplace": employer.short_name if category in ("working", "student") else None,
            "position_code": position,
            "position_text": None,
            "staff_category": _staff_category(position, etype),
            "study_level": level,
            "study_course": course,
            "study_form": form,
            "academic_degree": None,
            "dues_form": _DUES[category].pick(rng),
            "note": None,
        }
        if position in _POSITION_TEXTS and rng.random() < 0.7:
            row["position_text"] = rng.choice(_POSITION_TEXTS[position])
        self._education(row, category, position, etype, birth)
        self._contacts(row, plan, category)
        if rng.random() < INCOMPLETE_SHARE:
            self._make_incomplete(row, category)
        row["_pedagogical"] = position in _PEDAGOGICAL
        return row, story.events

    # ------------------------------------------------------------------ pieces

    def _sex(self, etype: str, category: str, position: str | None) -> str:
        if category == "student":
            share = 0.75 if etype == "spo" else 0.62
        elif category == "pensioner":
            share = 0.85
        else:
            share = _MOSTLY_MEN.get(position or "", _FEMALE_SHARE[etype])
        return "F" if self.rng.random() < share else "M"

    def _age(self, category: str, sex: str, position: str | None) -> int:
        rng = self.rng
        if category == "pensioner":
            low = 55 if sex == "F" else 60
            return int(rng.triangular(low, 86, low + 8))
        if category == "unemployed":
            return int(rng.triangular(22, 61, 38))
        if position == "assistant_lecturer":
            return rng.randint(23, 35)
        if position in ("professor", "head_of_department", "director"):
            return int(rng.triangular(35, 68, 55))
        return int(rng.triangular(21, 68, 46))

    def _education(
        self, row: dict[str, Any], category: str, position: str | None, etype: str, birth: date
    ) -> None:
        rng = self.rng
        old = birth.year < 1992
        x = rng.random()
        if category == "student":
            if etype == "university":
                level = ("general_secondary" if x < 0.72 else "spo_specialist" if x < 0.9
                         else "higher_bachelor")
            else:
                level = "general_basic" if x < 0.6 else "general_secondary"
        elif position in _ACADEMIC and etype == "university":
            if position in ("professor", "head_of_department") or x < 0.45:
                level = "higher_phd"
                doctor = position == "professor" and rng.random() < 0.7
                row["academic_degree"] = rng.choice(_DOCTOR_DEGREES if doctor else _DEGREES)
            else:
                level = "legacy_higher" if old else rng.choice(("higher_master",
                                                               "higher_specialist"))
        elif position == "researcher" and x < 0.4:
            level = "higher_phd"
            row["academic_degree"] = rng.choice(_DEGREES)
        elif position in _PEDAGOGICAL or position in ("director", "deputy_director"):
            level = self._higher(old) if x < 0.8 else "spo_specialist"
        elif position in _SERVICE or position == "assistant_educator":
            level = ("general_secondary" if x < 0.35 else "spo_skilled" if x < 0.65
                     else "legacy_initial_prof" if x < 0.8 and old else "spo_specialist"
                     if x < 0.95 else "general_basic")
        elif category == "pensioner":
            level = ("legacy_higher" if x < 0.5 else "spo_specialist" if x < 0.75
                     else "legacy_initial_prof" if x < 0.85 else "general_secondary")
        else:
            level = self._higher(old) if x < 0.7 else "spo_specialist"
        row["education_level"] = level

    def _higher(self, old: bool) -> str:
        x = self.rng.random()
        if old and x < 0.75:
            return "legacy_higher"
        return ("higher_bachelor" if x < 0.5 else "higher_master" if x < 0.8
                else "higher_specialist")

    def _contacts(self, row: dict[str, Any], plan: OrgPlan, category: str) -> None:
        rng = self.rng
        phone_share, email_share, address_share = _CONTACT_SHARES[category]
        row["phone"] = mobile(rng) if rng.random() < phone_share else None
        row["email"] = self._email(row) if rng.random() < email_share else None
        row["address"] = None
        if rng.random() < address_share and plan.territory is not None:
            territory = plan.territory
            locality = territory.town
            if territory.villages and rng.random() < 0.3:
                locality = rng.choice(territory.villages)
            row["address"] = (f"{postal_index(rng, territory)}, "
                              f"{street_address(rng, locality, flat=True)}")
        elif rng.random() < address_share and plan.employer is not None:
            row["address"] = f"606000, {street_address(rng, plan.employer.locality, flat=True)}"

    def _email(self, row: dict[str, Any]) -> str:
        rng = self.rng
        last = translit(row["last_name"])
        first = translit(row["first_name"])
        patronymic = translit(row["patronymic"] or "x")
        year = row["birth_date"].year
        pattern = rng.randrange(5)
        if pattern == 0:
            local = f"{last}.{first[0]}{patronymic[0]}"
        elif pattern == 1:
            local = f"{last}{year % 100:02d}"
        elif pattern == 2:
            local = f"{first}.{last}"
        elif pattern == 3:
            local = f"{last}_{first[0]}{rng.randint(1, 999)}"
        else:
            local = f"{first[0]}{last}{year}"
        domain = rng.choice(MAIL_DOMAINS)
        address = f"{local}@{domain}"
        seen = self._emails.get(address, 0)
        self._emails[address] = seen + 1
        if seen:
            address = f"{local}{seen + 1}@{domain}"
        return address

    def _make_incomplete(self, row: dict[str, Any], category: str) -> None:
        """Blank one required field, as a card typed in a hurry would have."""
        choices = ["birth_date", "sex", "member_since", "registration_method",
                   "education_level", "education_level", "dues_form", "dues_form"]
        if category == "working":
            choices += ["workplace", "position", "position"]
        elif category == "student":
            choices += ["workplace", "study_course", "study_level"]
        blank = self.rng.choice(choices)
        if blank == "position":
            row["position_code"] = row["position_text"] = None
        else:
            row[blank] = None


def _staff_category(position: str | None, etype: str) -> str | None:
    if position is None:
        return None
    if position in _ACADEMIC and etype == "university":
        return "Профессорско-преподавательский состав"
    if position in _PEDAGOGICAL:
        return "Педагогические работники"
    if position in ("director", "deputy_director"):
        return "Руководящие работники"
    if position == "researcher":
        return "Научные работники"
    if position in _SERVICE:
        return "Обслуживающий персонал"
    return "Учебно-вспомогательный персонал"


def generate_members(
    rng: DemoRandom, plans: list[OrgPlan], totals: dict[str, int]
) -> MemberBatch:
    """Members of every primary, with their membership events."""
    primaries = [p for p in plans if p.level == "primary"]
    pool = (["pensioner"] * totals["pensioner"] + ["unemployed"] * totals["unemployed"]
            + ["working"] * totals["working"])
    rng.shuffle(pool)
    sources = [p.id for p in primaries if p.kind != "students"]
    factory = MemberFactory(rng, NameMaker(), sources)
    batch = MemberBatch()
    taken = 0
    for plan in primaries:
        categories = pool[taken : taken + plan.worker_seats] + ["student"] * plan.student_seats
        taken += plan.worker_seats
        for category in categories:
            row, events = factory.member(plan, category)
            batch.members.append(row)
            batch.events.extend(events)
    return batch

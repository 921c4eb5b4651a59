"""Russian names of reference-list values → codes, tolerant of case, ё, spaces and punctuation."""

from __future__ import annotations

from dataclasses import dataclass, field

from chairclient.db.reference_data import (
    CATEGORIES,
    DUES_FORMS,
    EDUCATION_LEVELS,
    POSITIONS,
    REGISTRATION_METHODS,
    UNION_ROLES,
)
from chairclient.importing.columns import fold_header
from chairclient.validation import SEX_CHOICES, STUDY_FORM_CHOICES, STUDY_LEVEL_CHOICES


@dataclass
class Lookup:
    """One list: ``find`` answers a code for a name, a code, a synonym or a unique name prefix."""

    names: dict[str, str]  # code → display name
    synonyms: dict[str, str] = field(default_factory=dict)  # folded text → code

    def __post_init__(self) -> None:
        self._exact: dict[str, str] = {}
        for code, name in self.names.items():
            self._exact[fold_header(code)] = code
            self._exact[fold_header(name)] = code
        for text, code in self.synonyms.items():
            self._exact[fold_header(text)] = code

    def find(self, value: object) -> str | None:
        """The code for ``value``, or None when it is not recognised."""
        key = fold_header(value)
        if not key:
            return None
        if key in self._exact:
            return self._exact[key]
        hits = {code for text, code in self._exact.items() if text.startswith(key + " ")}
        return hits.pop() if len(hits) == 1 else None


SEX = Lookup(dict(SEX_CHOICES), {
    "м": "M", "муж": "M", "мужчина": "M", "m": "M", "ж": "F", "жен": "F", "женщина": "F",
    "f": "F",
})
CATEGORY = Lookup(dict(CATEGORIES), {
    "работает": "working", "работник": "working", "студент": "student",
    "обучающийся студент": "student", "пенсионер": "pensioner",
    "неработающий": "unemployed", "временно неработающий": "unemployed",
})
REGISTRATION_METHOD = Lookup(dict(REGISTRATION_METHODS), {
    "заявление": "application", "вступление": "application", "перевод": "transfer",
    "бумажный учет": "paper", "перенос": "paper",
})
EDUCATION = Lookup({c: n for c, n, _ in EDUCATION_LEVELS}, {
    "высшее": "legacy_higher", "высшее профессиональное": "legacy_higher",
    "бакалавриат": "higher_bachelor", "бакалавр": "higher_bachelor",
    "магистратура": "higher_master", "магистр": "higher_master",
    "специалитет": "higher_specialist", "среднее профессиональное": "spo_specialist",
    "среднее специальное": "spo_specialist", "средне специальное": "spo_specialist",
    "спо": "spo_specialist", "начальное профессиональное": "legacy_initial_prof",
    "неполное высшее": "legacy_incomplete_higher", "среднее": "general_secondary",
    "среднее общее": "general_secondary", "основное общее": "general_basic",
    "аспирантура": "higher_phd",
})
POSITION = Lookup({c: n for c, n, _ in POSITIONS}, {
    "директор": "director", "заведующий": "director", "заместитель директора": "deputy_director",
    "логопед": "speech_therapist", "дефектолог": "defectologist", "психолог": "psychologist",
    "вахтер": "watchman", "сторож": "watchman", "уборщица": "janitor", "медсестра": "medical_nurse",
    "младший воспитатель": "assistant_educator",
})
DUES_FORM = Lookup(dict(DUES_FORMS), {
    "безнал": "cashless", "безналичная": "cashless", "через бухгалтерию": "cashless",
    "наличные": "cash", "освобожден": "exempt",
})
UNION_ROLE = Lookup({c: n for c, n, _ in UNION_ROLES}, {
    "председатель профкома": "chair", "председатель ппо": "chair",
    "зам председателя": "deputy_chair", "заместитель председателя профкома": "deputy_chair",
    "член профсоюзного комитета": "committee_member", "член кРК": "revision_member",
    "член крк": "revision_member", "член ревизионной комиссии": "revision_member",
    "председатель крк": "revision_chair", "председатель ревизионной комиссии": "revision_chair",
    "профорг": "group_organiser", "уполномоченный по от": "safety_rep",
    "уполномоченный по охране труда": "safety_rep", "молодежный совет": "youth_council",
})
STUDY_LEVEL = Lookup(dict(STUDY_LEVEL_CHOICES))
STUDY_FORM = Lookup(dict(STUDY_FORM_CHOICES))

#: Lists whose values the template offers as drop-downs, by field.
TEMPLATE_LISTS: dict[str, Lookup] = {
    "sex": SEX,
    "category": CATEGORY,
    "registration_method": REGISTRATION_METHOD,
    "position": POSITION,
    "education_level": EDUCATION,
    "dues_form": DUES_FORM,
    "study_level": STUDY_LEVEL,
    "study_form": STUDY_FORM,
    "union_roles": UNION_ROLE,
}

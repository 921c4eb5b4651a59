"""Names of the employers (schools, kindergartens, colleges …) behind the primary organisations.

Every name is unique in the demo region. A namer runs out of plausible names for the rarer
types in one district (a district has one education department); it then returns None and the
caller picks another type.
"""

from __future__ import annotations

from dataclasses import dataclass

from chairclient.demo.common import DemoRandom
from chairclient.demo.places import REGIONAL_CENTRE, Territory


@dataclass(frozen=True)
class Employer:
    employer_type: str
    proper: str  # «Средняя общеобразовательная школа № 5»
    full_name: str  # «Муниципальное бюджетное общеобразовательное учреждение «…» г. Заречный»
    short_name: str  # «МБОУ «Средняя общеобразовательная школа № 5» г. Заречный»
    ppo_short: str  # «МБОУ «СОШ № 5» г. Заречный», used in the ППО's short name
    locality: str
    head_position: str
    #: The employer as it follows «Первичная профсоюзная организация работников …».
    ppo_subject: str = ""

    @property
    def subject(self) -> str:
        return self.ppo_subject or self.short_name


# Legal forms: (abbreviation, full words) by employer type.
_FORMS: dict[str, list[tuple[str, str, float]]] = {
    "school": [
        ("МБОУ", "Муниципальное бюджетное общеобразовательное учреждение", 80),
        ("МАОУ", "Муниципальное автономное общеобразовательное учреждение", 15),
        ("МКОУ", "Муниципальное казённое общеобразовательное учреждение", 5),
    ],
    "preschool": [
        ("МБДОУ", "Муниципальное бюджетное дошкольное образовательное учреждение", 80),
        ("МАДОУ", "Муниципальное автономное дошкольное образовательное учреждение", 12),
        ("МКДОУ", "Муниципальное казённое дошкольное образовательное учреждение", 8),
    ],
    "additional": [
        ("МБУ ДО", "Муниципальное бюджетное учреждение дополнительного образования", 85),
        ("МАУ ДО", "Муниципальное автономное учреждение дополнительного образования", 15),
    ],
    "spo": [
        ("ГБПОУ", "Государственное бюджетное профессиональное образовательное учреждение", 75),
        ("ГАПОУ", "Государственное автономное профессиональное образовательное учреждение", 25),
    ],
    "university": [
        ("ФГБОУ ВО", "Федеральное государственное бюджетное образовательное учреждение "
                     "высшего образования", 1),
    ],
    "research": [("ФГБНУ", "Федеральное государственное бюджетное научное учреждение", 1)],
}

_KINDERGARTEN_NICKNAMES = (
    "Солнышко", "Ромашка", "Колокольчик", "Теремок", "Берёзка", "Сказка", "Радуга",
    "Звёздочка", "Ласточка", "Буратино", "Золотой ключик", "Светлячок", "Улыбка", "Малышок",
    "Родничок", "Рябинка", "Аленький цветочек", "Дюймовочка", "Журавушка", "Медвежонок",
)

_ADDITIONAL = (
    ("Дом детского творчества", "ДДТ"), ("Центр детского творчества", "ЦДТ"),
    ("Детско-юношеская спортивная школа", "ДЮСШ"), ("Станция юных техников", "СЮТ"),
    ("Станция юных натуралистов", "СЮН"), ("Центр дополнительного образования детей", "ЦДОД"),
    ("Детская школа искусств", "ДШИ"), ("Центр внешкольной работы", "ЦВР"),
)

_SPO_PROFILES = (
    "педагогический", "политехнический", "аграрный", "строительный", "технологический",
    "индустриальный", "торгово-экономический", "автомобильно-дорожный", "энергетический",
    "музыкальный", "художественный", "механический", "лесотехнический", "медицинский",
)

UNIVERSITIES = (
    "Энский государственный педагогический университет",
    "Энский государственный университет",
    "Энский государственный технический университет",
    "Энский государственный аграрный университет",
    "Энский государственный медицинский университет",
    "Энский государственный экономический университет",
    "Энский государственный университет культуры",
    "Энский государственный архитектурно-строительный университет",
)

_REGIONAL_FIXED: dict[str, list[tuple[str, str, str, str]]] = {
    # type: [(form abbreviation, form words, proper name, proper short)]
    "dpo": [
        ("ГАУ ДПО", "Государственное автономное учреждение дополнительного профессионального "
                    "образования", "Энский институт развития образования", "ЭИРО"),
        ("ГАУ ДПО", "Государственное автономное учреждение дополнительного профессионального "
                    "образования", "Центр непрерывного повышения профессионального мастерства "
                    "педагогических работников", "ЦНППМ"),
    ],
    "research": [
        ("ФГБНУ", _FORMS["research"][0][1],
         "Энский научно-исследовательский институт педагогики и психологии", "ЭНИИПП"),
        ("ФГБНУ", _FORMS["research"][0][1], "Институт развития регионального образования",
         "ИРРО"),
        ("ГБУ", "Государственное бюджетное учреждение",
         "Научно-методический центр оценки качества образования", "НМЦ ОКО"),
    ],
}

_LOCAL_OTHER = (
    ("МКУ", "Муниципальное казённое учреждение",
     "Централизованная бухгалтерия учреждений образования", "ЦБ"),
    ("МКУ", "Муниципальное казённое учреждение", "Хозяйственно-эксплуатационная служба", "ХЭС"),
    ("МКУ", "Муниципальное казённое учреждение", "Информационно-методический центр", "ИМЦ"),
    ("МБУ", "Муниципальное бюджетное учреждение",
     "Центр психолого-педагогической, медицинской и социальной помощи", "ППМС-центр"),
    ("МКУ", "Муниципальное казённое учреждение",
     "Центр обеспечения деятельности учреждений образования", "ЦОДУО"),
    ("МАУ", "Муниципальное автономное учреждение", "Детский оздоровительный лагерь „Берёзка“",
     "ДОЛ „Берёзка“"),
)

_UNIVERSITY_GENITIVE = (
    "федерального государственного бюджетного образовательного учреждения высшего образования"
)

_HEADS = {
    "school": "Директор", "preschool": "Заведующий", "additional": "Директор",
    "spo": "Директор", "university": "Ректор", "dpo": "Ректор", "authority": "Начальник",
    "research": "Директор", "other": "Директор",
}


def initials(name: str) -> str:
    """«Заречный политехнический техникум» → «ЗПТ»."""
    return "".join(word[0].upper() for word in name.replace("-", " ").split() if word[0].isalpha())


class EmployerNamer:
    """Hands out unique employer names per type and territory."""

    def __init__(self, rng: DemoRandom) -> None:
        self._rng = rng
        self._used: set[str] = set()
        self._counters: dict[tuple[str, str], int] = {}
        self._universities = 0
        self._regional_used: dict[str, int] = {}

    # ------------------------------------------------------------------ public

    def make(self, employer_type: str, territory: Territory | None) -> Employer | None:
        """A new employer of ``employer_type``; ``territory`` None = regional level."""
        maker = getattr(self, f"_{employer_type}")
        for _ in range(8):
            employer = maker(territory)
            if employer is None:
                return None
            if employer.full_name not in self._used:
                self._used.add(employer.full_name)
                return employer
        return None

    def university(self, index: int) -> Employer:
        proper = UNIVERSITIES[index % len(UNIVERSITIES)]
        if index >= len(UNIVERSITIES):
            proper = f"{proper} (филиал № {index // len(UNIVERSITIES)})"
        employer = self._formal("university", proper, initials(proper), REGIONAL_CENTRE, "")
        self._used.add(employer.full_name)
        return employer

    def branch(self, parent: Employer, territory: Territory, employer_type: str) -> Employer:
        """A structural unit of the university ``parent``: its college or a branch."""
        abbr = initials(parent.proper)
        if employer_type == "spo":
            unit, unit_genitive = "Педагогический колледж", "Педагогического колледжа"
            ppo_short = f"Колледж {abbr}"
        else:
            adjective = territory.town_adjective
            unit = f"{adjective} филиал"
            unit_genitive = f"{adjective[:-2]}ого филиала"
            ppo_short = f"{unit} {abbr}"
        employer = Employer(
            employer_type=employer_type,
            proper=unit,
            full_name=f"{unit} {_UNIVERSITY_GENITIVE} «{parent.proper}»",
            short_name=f"{unit} ФГБОУ ВО «{abbr}»",
            ppo_short=ppo_short,
            locality=territory.town,
            head_position="Директор",
            ppo_subject=f"{unit_genitive} ФГБОУ ВО «{abbr}»",
        )
        self._used.add(employer.full_name)
        return employer

    # ------------------------------------------------------------------ helpers

    def _form(self, employer_type: str) -> tuple[str, str]:
        forms = _FORMS[employer_type]
        total = sum(w for *_, w in forms)
        x = self._rng.random() * total
        for abbr, words, weight in forms:
            x -= weight
            if x < 0:
                return abbr, words
        return forms[-1][0], forms[-1][1]

    def _formal(
        self, employer_type: str, proper: str, proper_short: str, locality: str, suffix: str,
        form: tuple[str, str] | None = None,
    ) -> Employer:
        abbr, words = form or self._form(employer_type)
        tail = f" {suffix}" if suffix else ""
        return Employer(
            employer_type=employer_type,
            proper=proper,
            full_name=f"{words} «{proper}»{tail}",
            short_name=f"{abbr} «{proper}»{tail}",
            ppo_short=f"{abbr} «{proper_short}»{tail}",
            locality=locality,
            head_position=_HEADS[employer_type],
        )

    def _next_number(self, key: tuple[str, str]) -> int:
        number = self._counters.get(key, 0) + self._rng.randint(1, 2)
        self._counters[key] = number
        return number

    def _place(self, territory: Territory, village_share: float) -> tuple[str, str, bool]:
        """(locality, name suffix, is_village) for a local institution."""
        if territory.villages and self._rng.random() < village_share:
            village = self._rng.choice(territory.villages)
            return village, territory.genitive, True
        return territory.town, territory.town, False

    # ------------------------------------------------------------------ per type

    def _school(self, territory: Territory | None) -> Employer | None:
        assert territory is not None
        locality, suffix, village = self._place(territory, 0.45)
        if village:
            if self._rng.random() < 0.7:
                proper, short = "Средняя общеобразовательная школа", "СОШ"
            else:
                proper, short = "Основная общеобразовательная школа", "ООШ"
            return self._formal(
                "school", f"{proper} {locality}", f"{short} {locality}", locality, suffix
            )
        x = self._rng.random()
        if x < 0.08:
            n = self._next_number((territory.number, "gymnasium"))
            proper, short = f"Гимназия № {n}", f"Гимназия № {n}"
        elif x < 0.14:
            n = self._next_number((territory.number, "lyceum"))
            proper, short = f"Лицей № {n}", f"Лицей № {n}"
        else:
            n = self._next_number((territory.number, "school"))
            if x < 0.22:
                proper, short = f"Основная общеобразовательная школа № {n}", f"ООШ № {n}"
            else:
                proper, short = f"Средняя общеобразовательная школа № {n}", f"СОШ № {n}"
        return self._formal("school", proper, short, locality, suffix)

    def _preschool(self, territory: Territory | None) -> Employer | None:
        assert territory is not None
        locality, suffix, village = self._place(territory, 0.35)
        nickname = self._rng.choice(_KINDERGARTEN_NICKNAMES)
        if village:
            proper = f"Детский сад „{nickname}“ {locality}"
            short = f"Д/с „{nickname}“ {locality}"
        else:
            n = self._next_number((territory.number, "kindergarten"))
            if self._rng.random() < 0.45:
                proper, short = f"Детский сад № {n} „{nickname}“", f"Д/с № {n}"
            elif self._rng.random() < 0.3:
                proper, short = f"Детский сад комбинированного вида № {n}", f"Д/с № {n}"
            else:
                proper, short = f"Детский сад № {n}", f"Д/с № {n}"
        return self._formal("preschool", proper, short, locality, suffix)

    def _additional(self, territory: Territory | None) -> Employer | None:
        assert territory is not None
        key = (territory.number, "additional")
        index = self._counters.get(key, 0)
        self._counters[key] = index + 1
        if index < len(_ADDITIONAL):
            proper, short = _ADDITIONAL[index]
        else:
            base, base_short = _ADDITIONAL[index % 3 + 1]
            n = index // 3
            proper, short = f"{base} № {n}", f"{base_short} № {n}"
        return self._formal("additional", proper, short, territory.town, territory.town)

    def _spo(self, territory: Territory | None) -> Employer | None:
        assert territory is not None
        key = (territory.number, "spo")
        index = self._counters.get(key, 0)
        self._counters[key] = index + 1
        if index >= len(_SPO_PROFILES):
            return None
        profile = _SPO_PROFILES[(index * 5 + int(territory.number)) % len(_SPO_PROFILES)]
        noun = "колледж" if self._rng.random() < 0.6 else "техникум"
        proper = f"{territory.town_adjective} {profile} {noun}"
        return self._formal("spo", proper, initials(proper), territory.town, "")

    def _university(self, territory: Territory | None) -> Employer | None:
        employer = self.university(self._universities)
        self._universities += 1
        return employer

    def _regional_fixed(self, employer_type: str) -> Employer | None:
        index = self._regional_used.get(employer_type, 0)
        options = _REGIONAL_FIXED[employer_type]
        if index >= len(options):
            return None
        self._regional_used[employer_type] = index + 1
        abbr, words, proper, short = options[index]
        return self._formal(employer_type, proper, short, REGIONAL_CENTRE, "", (abbr, words))

    def _dpo(self, territory: Territory | None) -> Employer | None:
        if territory is None:
            return self._regional_fixed("dpo")
        return self._formal(
            "dpo", "Учебно-методический центр", "УМЦ", territory.town, territory.town,
            ("МБУ ДПО", "Муниципальное бюджетное учреждение дополнительного профессионального "
                        "образования"),
        )

    def _research(self, territory: Territory | None) -> Employer | None:
        return self._regional_fixed("research")

    def _authority(self, territory: Territory | None) -> Employer | None:
        if territory is None:
            name, short, head = ("Министерство образования Энской области",
                                 "Минобразования Энской области", "Министр")
            subject = "Министерства образования Энской области"
        else:
            name = f"Управление образования администрации {territory.genitive}"
            short, head = f"Управление образования {territory.genitive}", "Начальник управления"
            subject = f"Управления образования администрации {territory.genitive}"
        return Employer("authority", name, name, name, short,
                        territory.town if territory else REGIONAL_CENTRE, head, subject)

    def _other(self, territory: Territory | None) -> Employer | None:
        assert territory is not None
        key = (territory.number, "other")
        index = self._counters.get(key, 0)
        self._counters[key] = index + 1
        if index >= len(_LOCAL_OTHER):
            return None
        abbr, words, proper, short = _LOCAL_OTHER[index]
        return self._formal("other", proper, short, territory.town, territory.town, (abbr, words))

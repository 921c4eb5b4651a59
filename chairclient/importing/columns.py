"""The columns an import understands: target fields, template headers and header synonyms."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Pseudo-field: the whole ФИО in one column, split into surname, name and patronymic.
FULL_NAME = "full_name"
#: Not card fields: the union offices the member holds (names from ``ref_union_roles``, several
#: separated by «;») and the date they were elected; written as ``member_roles`` rows.
UNION_ROLES = "union_roles"
UNION_ROLE_SINCE = "union_role_since"
OFFICE_FIELDS = (UNION_ROLES, UNION_ROLE_SINCE)


@dataclass(frozen=True)
class Column:
    """One target field: its template header, whether required, and header words that mean it."""

    field: str
    header: str
    required: bool = False
    synonyms: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("last_name", "Фамилия", True, ("фамилия",)),
    Column("first_name", "Имя", True, ("имя",)),
    Column("patronymic", "Отчество", False, ("отчество",)),
    Column(FULL_NAME, "ФИО", False, (
        "фио", "ф и о", "фамилия имя отчество", "фамилия имя отчество работника",
        "фамилия имя отчество полностью", "сотрудник", "работник", "член профсоюза",
    )),
    Column("birth_date", "Дата рождения", True, ("дата рождения", "д р", "родился", "рождения")),
    Column("sex", "Пол", True, ("пол", "м ж", "пол м ж")),
    Column("snils", "СНИЛС", False, ("снилс", "страховой номер", "номер снилс")),
    Column("category", "Категория", True, ("категория", "категория члена профсоюза")),
    Column("member_since", "Член профсоюза с", True, (
        "член профсоюза с", "дата вступления", "дата вступления в профсоюз", "в профсоюзе с",
        "стаж в профсоюзе с",
    )),
    Column("registered_on", "Дата постановки на учёт", True, (
        "дата постановки на учет", "поставлен на учет", "дата учета",
    )),
    Column("registration_method", "Способ постановки на учёт", True, (
        "способ постановки на учет", "основание постановки на учет", "основание",
    )),
    Column("workplace", "Место работы (учёбы)", True, (
        "место работы", "место учебы", "место работы учебы", "организация", "учреждение",
        "образовательная организация", "подразделение", "структурное подразделение",
    )),
    Column("position", "Должность", True, ("должность", "занимаемая должность", "профессия")),
    Column("staff_category", "Категория персонала", False, ("категория персонала",)),
    Column("study_level", "Уровень обучения", False, ("уровень обучения",)),
    Column("study_course", "Курс", False, ("курс",)),
    Column("study_form", "Форма обучения", False, ("форма обучения",)),
    Column("education_level", "Образование", True, (
        "образование", "уровень образования", "образование уровень",
    )),
    Column("academic_degree", "Учёная степень", False, ("ученая степень", "степень")),
    Column("dues_form", "Форма уплаты взносов", True, (
        "форма уплаты взносов", "уплата взносов", "взносы", "форма уплаты",
    )),
    Column("address", "Адрес", False, ("адрес", "адрес проживания", "адрес регистрации")),
    Column("phone", "Телефон", False, (
        "телефон", "тел", "мобильный телефон", "контактный телефон", "номер телефона", "моб тел",
        "сотовый",
    )),
    Column("email", "Электронная почта", False, (
        "электронная почта", "e mail", "email", "эл почта", "адрес электронной почты", "почта",
    )),
    Column(UNION_ROLES, "Профсоюзная должность", False, (
        "профсоюзная должность", "должность в профсоюзе", "профсоюзные должности",
        "общественная должность", "профсоюзный актив", "должность в профкоме",
    )),
    Column(UNION_ROLE_SINCE, "Дата избрания на профсоюзную должность", False, (
        "дата избрания", "избран", "дата избрания на должность", "в профсоюзной должности с",
    )),
)

COLUMNS_BY_FIELD: dict[str, Column] = {c.field: c for c in COLUMNS}

_PUNCT = re.compile(r"[^0-9a-zа-я]+")


def fold_header(text: object) -> str:
    """A header cell as words: lower case, ё→е, punctuation and «*» gone, spaces collapsed."""
    if text is None:
        return ""
    folded = str(text).casefold().replace("ё", "е")
    return _PUNCT.sub(" ", folded).strip()

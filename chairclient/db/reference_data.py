"""The seeded contents of the reference lists (справочники).

Changing a list means a new migration that calls :func:`seed_reference_data` again: rows are
upserted by code, and codes are never reused for a different meaning.
"""

from __future__ import annotations

from typing import Any

CATEGORIES = [
    ("working", "Работающий"),
    ("student", "Обучающийся"),
    ("pensioner", "Неработающий пенсионер"),
    ("unemployed", "Временно не работающий"),
]

REGISTRATION_METHODS = [
    ("application", "Заявление о вступлении"),
    ("transfer", "Перевод из другой ППО"),
    ("restoration", "Восстановление"),
    ("paper", "Перенос из бумажного учёта"),
]

EDUCATION_LEVELS = [
    ("general_basic", "Основное общее", False),
    ("general_secondary", "Среднее общее", False),
    ("spo_skilled", "Среднее профессиональное (квалифицированные рабочие)", False),
    ("spo_specialist", "Среднее профессиональное (специалисты среднего звена)", False),
    ("higher_bachelor", "Высшее — бакалавриат", False),
    ("higher_specialist", "Высшее — специалитет", False),
    ("higher_master", "Высшее — магистратура", False),
    ("higher_phd", "Высшее — подготовка кадров высшей квалификации", False),
    ("legacy_initial_prof", "Начальное профессиональное (до 2013 г.)", True),
    ("legacy_incomplete_higher", "Неполное высшее (до 2013 г.)", True),
    ("legacy_higher", "Высшее профессиональное (до 2013 г.)", True),
]

#: (code, name, pedagogical)
POSITIONS = [
    ("teacher", "Учитель", True),
    ("primary_teacher", "Учитель начальных классов", True),
    ("educator", "Воспитатель", True),
    ("senior_educator", "Старший воспитатель", True),
    ("assistant_educator", "Помощник воспитателя", False),
    ("music_director", "Музыкальный руководитель", True),
    ("pe_instructor", "Инструктор по физической культуре", True),
    ("speech_therapist", "Учитель-логопед", True),
    ("defectologist", "Учитель-дефектолог", True),
    ("psychologist", "Педагог-психолог", True),
    ("social_pedagogue", "Социальный педагог", True),
    ("tutor", "Тьютор", True),
    ("methodist", "Методист", True),
    ("additional_ed_teacher", "Педагог дополнительного образования", True),
    ("organiser_teacher", "Педагог-организатор", True),
    ("librarian_teacher", "Педагог-библиотекарь", True),
    ("senior_counsellor", "Старший вожатый", True),
    ("advisor_director", "Советник директора по воспитанию", True),
    ("lecturer", "Преподаватель", True),
    ("master_vocational", "Мастер производственного обучения", True),
    ("docent", "Доцент", True),
    ("professor", "Профессор", True),
    ("senior_lecturer", "Старший преподаватель", True),
    ("assistant_lecturer", "Ассистент", True),
    ("head_of_department", "Заведующий кафедрой", True),
    ("director", "Директор (заведующий)", False),
    ("deputy_director", "Заместитель директора (заведующего)", False),
    ("researcher", "Научный сотрудник", False),
    ("accountant", "Бухгалтер", False),
    ("secretary", "Секретарь", False),
    ("librarian", "Библиотекарь", False),
    ("medical_nurse", "Медицинская сестра", False),
    ("cook", "Повар", False),
    ("janitor", "Уборщик служебных помещений", False),
    ("caretaker", "Рабочий по обслуживанию зданий", False),
    ("watchman", "Сторож (вахтёр)", False),
    ("driver", "Водитель", False),
    ("lab_assistant", "Лаборант", False),
    ("specialist", "Специалист", False),
    ("other", "Иная должность", False),
]

DUES_FORMS = [
    ("cashless", "Безналичная через бухгалтерию"),
    ("cash", "Наличная"),
    ("exempt", "Освобождён от уплаты"),
]

#: (code, name, is_loss, excluded_from_stats, report_group)
REMOVAL_REASONS = [
    ("voluntary", "Добровольный выход", True, False, "voluntary"),
    ("expelled", "Исключение", True, False, "expelled"),
    ("transfer", "Перевод в другую ППО", False, False, "transfer"),
    ("dismissal", "Увольнение / прекращение трудовых отношений", True, False, "other"),
    ("study_end", "Окончание обучения / отчисление", True, False, "other"),
    ("membership_expired", "Истечение срока сохранения членства", True, False, "other"),
    ("death", "Смерть", True, False, "other"),
    ("liquidation", "Ликвидация организации", True, False, "other"),
    ("erroneous", "Ошибочная запись / дубликат", False, True, "excluded"),
]

EMPLOYER_TYPES = [
    ("preschool", "Дошкольная образовательная организация"),
    ("school", "Общеобразовательная организация"),
    ("spo", "Профессиональная образовательная организация (СПО)"),
    ("university", "Образовательная организация высшего образования"),
    ("additional", "Организация дополнительного образования"),
    ("dpo", "Организация дополнительного профессионального образования (ДПО)"),
    ("authority", "Орган управления образованием"),
    ("research", "Научная организация"),
    ("other", "Иная организация"),
]

#: (code, name, 5-СП section III group); where each is held: chairclient.domain.role_rules.
UNION_ROLES = [
    ("chair", "Председатель", "chair"),
    ("deputy_chair", "Заместитель председателя", "committee"),
    ("treasurer", "Казначей", "committee"),
    ("committee_member", "Член профкома", "committee"),
    ("revision_chair", "Председатель контрольно-ревизионной комиссии", "revision"),
    ("revision_member", "Член контрольно-ревизионной (ревизионной) комиссии", "revision"),
    ("group_organiser", "Профгрупорг", "group_organiser"),
    ("safety_rep", "Уполномоченный по охране труда", "safety"),
    ("youth_council", "Член молодёжного совета", ""),
]


def reference_rows() -> dict[str, list[dict[str, Any]]]:
    """Rows per reference table, as dictionaries ready for an insert."""

    def plain(items: list[tuple[str, str]]) -> list[dict[str, Any]]:
        return [{"code": c, "name": n, "sort_order": i} for i, (c, n) in enumerate(items)]

    return {
        "ref_categories": plain(CATEGORIES),
        "ref_registration_methods": plain(REGISTRATION_METHODS),
        "ref_dues_forms": plain(DUES_FORMS),
        "ref_employer_types": plain(EMPLOYER_TYPES),
        "ref_education_levels": [
            {"code": c, "name": n, "legacy": legacy, "sort_order": i}
            for i, (c, n, legacy) in enumerate(EDUCATION_LEVELS)
        ],
        "ref_positions": [
            {"code": c, "name": n, "pedagogical": p, "sort_order": i}
            for i, (c, n, p) in enumerate(POSITIONS)
        ],
        "ref_removal_reasons": [
            {
                "code": c,
                "name": n,
                "is_loss": loss,
                "excluded_from_stats": excluded,
                "report_group": group,
                "sort_order": i,
            }
            for i, (c, n, loss, excluded, group) in enumerate(REMOVAL_REASONS)
        ],
        "ref_union_roles": [
            {"code": c, "name": n, "report_group": g, "sort_order": i}
            for i, (c, n, g) in enumerate(UNION_ROLES)
        ],
    }


def seed_reference_data(connection: Any) -> None:
    """Upsert every reference row by code (works inside an Alembic migration or a session)."""
    from sqlalchemy import MetaData, Table, select

    meta = MetaData()
    for table_name, rows in reference_rows().items():
        table = Table(table_name, meta, autoload_with=connection)
        existing = set(connection.execute(select(table.c.code)).scalars())
        for row in rows:
            values = {"active": True, **row}
            if row["code"] in existing:
                connection.execute(
                    table.update().where(table.c.code == row["code"]).values(**values)
                )
            else:
                connection.execute(table.insert().values(**values))

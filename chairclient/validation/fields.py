"""Russian labels of the member-card and passport fields and of their coded values."""

# ---------------------------------------------------------------------------- field labels

MEMBER_FIELD_LABELS: dict[str, str] = {
    # identity
    "last_name": "Фамилия",
    "first_name": "Имя",
    "patronymic": "Отчество",
    "birth_date": "Дата рождения",
    "sex": "Пол",
    "snils": "СНИЛС",
    # membership
    "category": "Категория",
    "member_since": "Член профсоюза с",
    "registered_on": "Дата постановки на учёт",
    "registration_method": "Способ постановки на учёт",
    "status": "Статус",
    "removed_on": "Дата снятия с учёта",
    "removal_reason": "Причина снятия с учёта",
    # work or study
    "workplace": "Место работы (учёбы)",
    "position": "Должность",
    "position_code": "Должность (по справочнику)",
    "position_text": "Должность (текстом)",
    "staff_category": "Категория персонала",
    "study_level": "Уровень обучения",
    "study_course": "Курс",
    "study_form": "Форма обучения",
    # education and dues
    "education_level": "Образование",
    "academic_degree": "Учёная степень",
    "dues_form": "Форма уплаты взносов",
    # contacts
    "address": "Адрес",
    "phone": "Телефон",
    "email": "Электронная почта",
}

PASSPORT_FIELD_LABELS: dict[str, str] = {
    # ИНПО
    "code": "Код в реестре",
    "full_name": "Полное наименование",
    "short_name": "Краткое наименование",
    "kind": "Вид организации",
    "employer_type": "Тип работодателя",
    "founded_on": "Дата создания",
    "is_legal_entity": "Юридическое лицо",
    "inn": "ИНН",
    "kpp": "КПП",
    "ogrn": "ОГРН",
    # employer
    "employer_full_name": "Полное наименование работодателя",
    "employer_inn": "ИНН работодателя",
    "employer_kpp": "КПП работодателя",
    "employer_ogrn": "ОГРН работодателя",
    "employer_address": "Адрес работодателя",
    "employer_head_name": "ФИО руководителя",
    "employer_head_position": "Должность руководителя",
    # leadership
    "chair_name": "ФИО председателя",
    "chair_elected_on": "Дата избрания председателя",
    "chair_term_until": "Срок полномочий председателя до",
    "chair_released": "Освобождённый председатель",
    "chair_phone": "Телефон председателя",
    "chair_email": "Электронная почта председателя",
    "deputy_name": "ФИО заместителя председателя",
    "committee_count": "Число членов профкома",
    "revision_count": "Число членов ревизионной комиссии",
    "safety_reps_count": "Число уполномоченных по охране труда",
    # staff
    "staff_as_of": "Численность по состоянию на",
    "employees_total": "Всего работающих",
    "employees_women": "Из них женщин",
    "employees_youth": "Из них молодёжи до 35 лет",
    "employees_pedagogical": "Из них педагогических работников",
    "students_total": "Всего обучающихся",
    # contacts
    "postal_index": "Почтовый индекс",
    "address": "Адрес",
    "phone": "Телефон",
    "email": "Электронная почта",
    "website": "Сайт",
    # social partnership
    "collective_agreement": "Коллективный договор",
    "agreement_concluded_on": "Дата заключения коллективного договора",
    "agreement_valid_until": "Коллективный договор действует до",
    # personal-data operator
    "pd_operator_name": "Наименование оператора ПДн",
    "pd_operator_address": "Адрес оператора ПДн",
}

#: Both sets together; a name used by both (``address``, ``phone``, ``email``) means the same.
FIELD_LABELS: dict[str, str] = {**MEMBER_FIELD_LABELS, **PASSPORT_FIELD_LABELS}

TAB_LABELS: dict[str, str] = {
    "inpo": "ИНПО",
    "employer": "Работодатель",
    "leadership": "Руководство",
    "staff": "Численность",
    "contacts": "Контакты",
    "partnership": "Социальное партнёрство",
    "pd_operator": "Оператор ПДн",
}

# ---------------------------------------------------------------------------- coded values
# Fixed code lists the rules depend on. Open reference lists (education level, dues form,
# position, removal reason, employer type) live in the database and are not checked here.

SEX_CHOICES: dict[str, str] = {"M": "Мужской", "F": "Женский"}
CATEGORY_CHOICES: dict[str, str] = {
    "working": "Работающий",
    "student": "Обучающийся",
    "pensioner": "Неработающий пенсионер",
    "unemployed": "Временно не работающий",
}
REGISTRATION_METHOD_CHOICES: dict[str, str] = {
    "application": "Заявление о вступлении",
    "transfer": "Перевод из другой ППО",
    "restoration": "Восстановление",
    "paper": "Перенос из бумажного учёта",
}
STATUS_CHOICES: dict[str, str] = {"active": "На учёте", "removed": "Снят с учёта"}
STUDY_LEVEL_CHOICES: dict[str, str] = {"spo": "СПО", "vo": "ВО"}
STUDY_FORM_CHOICES: dict[str, str] = {
    "full_time": "Очная",
    "part_time": "Очно-заочная",
    "extramural": "Заочная",
}
KIND_CHOICES: dict[str, str] = {
    "workers": "Работников",
    "students": "Обучающихся",
    "combined": "Объединённая",
}


# ---------------------------------------------------------------------------- messages


def field_label(field: str) -> str:
    """The Russian label of ``field``; the field name itself when it has none."""
    return FIELD_LABELS.get(field, field)


def field_message(field: str, message: str) -> str:
    """``Поле «СНИЛС»: неверная контрольная сумма`` from a field and its stand-alone message."""
    if len(message) > 1 and message[0].isupper() and not message[1].isupper():
        message = message[0].lower() + message[1:]
    return f"Поле «{field_label(field)}»: {message}"

"""The import template (.xlsx): columns, example rows, drop-down lists and instructions."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from chairclient.importing.columns import COLUMNS, FULL_NAME
from chairclient.importing.reference import TEMPLATE_LISTS

DATA_SHEET = "Члены профсоюза"
LISTS_SHEET = "Справочники"
HELP_SHEET = "Инструкция"
#: Drop-downs and formats cover this many data rows.
TEMPLATE_ROWS = 5000

TEMPLATE_COLUMNS = tuple(c for c in COLUMNS if c.field != FULL_NAME)
DATE_FIELDS = {"birth_date", "member_since", "registered_on", "union_role_since"}

EXAMPLES = (
    {
        "last_name": "Иванова", "first_name": "Мария", "patronymic": "Петровна",
        "birth_date": "14.03.1985", "sex": "Женский", "snils": "112-233-445 95",
        "category": "Работающий", "member_since": "01.09.2010", "registered_on": "01.09.2015",
        "registration_method": "Заявление о вступлении", "workplace": "МБОУ СОШ № 1",
        "position": "Учитель", "education_level": "Высшее — бакалавриат",
        "dues_form": "Безналичная через бухгалтерию", "phone": "+7 912 345-67-89",
        "email": "ivanova@example.ru", "union_roles": "Член профкома",
        "union_role_since": "20.10.2021",
    },
    {
        "last_name": "Семёнов", "first_name": "Алексей", "birth_date": "02.11.2001",
        "sex": "Мужской", "category": "Обучающийся", "member_since": "01.10.2020",
        "registered_on": "01.10.2020", "registration_method": "Заявление о вступлении",
        "workplace": "ГБПОУ «Педагогический колледж № 2»", "study_level": "СПО",
        "study_course": 3, "study_form": "Очная", "education_level": "Среднее общее",
        "dues_form": "Наличная",
    },
)

INSTRUCTIONS = (
    "Как заполнить шаблон",
    "",
    "1. Одна строка — один член Профсоюза. Не меняйте названия столбцов и их порядок.",
    "2. Столбцы со звёздочкой (*) обязательны для полной карточки. Карточку можно загрузить и "
    "без них, но она будет отмечена как неполная.",
    "3. Фамилия и имя нужны всегда: строку без них загрузить нельзя.",
    "4. Даты — в виде ДД.ММ.ГГГГ (например 14.03.1985) или как дата Excel.",
    "5. СНИЛС — 11 цифр, можно с дефисами и пробелом: 112-233-445 95.",
    "6. Телефон — в любом привычном виде: 8 912 345-67-89, +7(912)3456789 и т. п.",
    "7. Пол, категория, способ постановки на учёт, должность, образование, форма уплаты "
    "взносов — выбирайте из выпадающего списка. Должность, которой нет в списке, можно "
    "вписать текстом.",
    "8. Для обучающихся заполните уровень обучения, курс и форму обучения; должность не нужна.",
    "9. Профсоюзная должность — из выпадающего списка (председатель, член профкома, "
    "профгрупорг, уполномоченный по охране труда …); несколько — через точку с запятой. "
    "Дата избрания на должность — в соседнем столбце (без неё — день загрузки).",
    "10. Примеры в строках 2–3 удалите перед загрузкой.",
    "11. Перед загрузкой программа покажет все найденные ошибки и возможные дубликаты; "
    "ничего не будет записано, пока вы не подтвердите загрузку.",
)


def _header(text: str, required: bool) -> str:
    return f"{text} *" if required else text


def write_template(path: Path | str) -> Path:
    """Write the import template to ``path`` and return it."""
    path = Path(path)
    book = Workbook()
    sheet = book.active
    sheet.title = DATA_SHEET
    lists = book.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    help_sheet = book.create_sheet(HELP_SHEET)

    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")
    for index, column in enumerate(TEMPLATE_COLUMNS, start=1):
        cell = sheet.cell(1, index, _header(column.header, column.required))
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        if column.required:
            cell.fill = fill
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(14, len(column.header) + 4)
        if column.field in DATE_FIELDS or column.field == "snils":
            for row in range(2, TEMPLATE_ROWS + 2):
                sheet.cell(row, index).number_format = "@"  # keep as typed: no lost zeros
    for row, example in enumerate(EXAMPLES, start=2):
        for index, column in enumerate(TEMPLATE_COLUMNS, start=1):
            if column.field in example:
                sheet.cell(row, index, example[column.field])
    sheet.freeze_panes = "A2"

    list_column = 0
    for index, column in enumerate(TEMPLATE_COLUMNS, start=1):
        lookup = TEMPLATE_LISTS.get(column.field)
        if lookup is None:
            continue
        list_column += 1
        names = list(lookup.names.values())
        lists.cell(1, list_column, column.header).font = bold
        for offset, name in enumerate(names, start=2):
            lists.cell(offset, list_column, name)
        letter = get_column_letter(list_column)
        source = f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(names) + 1}"
        validation = DataValidation(
            type="list", formula1=source, allow_blank=True,
            # a position may be free text; several offices are separated by «;»
            showErrorMessage=column.field not in ("position", "union_roles"),
            errorTitle="Значение не из списка", error="Выберите значение из списка.",
        )
        target = get_column_letter(index)
        validation.add(f"{target}2:{target}{TEMPLATE_ROWS + 1}")
        sheet.add_data_validation(validation)

    for row, line in enumerate(INSTRUCTIONS, start=1):
        help_sheet.cell(row, 1, line)
    help_sheet["A1"].font = Font(bold=True, size=12)
    help_sheet.column_dimensions["A"].width = 120
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path

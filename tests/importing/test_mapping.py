"""Guessing columns from Russian headers, and remembering a mapping per layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairclient.importing import MappingStore, guess_mapping, layout_fingerprint, mapping_problems
from chairclient.importing.columns import FULL_NAME
from chairclient.importing.mapping import Table


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("ФАМИЛИЯ", "last_name"), ("Фамилия *", "last_name"), ("Имя", "first_name"),
        ("Фамилия, имя, отчество", FULL_NAME), ("Ф.И.О.", FULL_NAME), ("ФИО сотрудника", FULL_NAME),
        ("Дата рождения (дд.мм.гггг)", "birth_date"), ("Пол, м/ж", "sex"),
        ("Номер СНИЛС", "snils"), ("Занимаемая должность", "position"),
        ("Место работы", "workplace"), ("Образование", "education_level"),
        ("Тел. мобильный", "phone"), ("E-mail", "email"), ("Эл. почта", "email"),
        ("Категория", "category"), ("Категория персонала", "staff_category"),
        ("Дата вступления в Профсоюз", "member_since"),
        ("Дата постановки на учёт в ППО", "registered_on"), ("Учёная степень", "academic_degree"),
    ],
)
def test_guess_one_header(header: str, field: str) -> None:
    assert guess_mapping(["№", header]) == {1: field}


def test_each_field_goes_to_one_column_and_unknown_headers_stay_unmapped() -> None:
    mapping = guess_mapping(["Телефон", "Телефон домашний", "Стаж", "Фамилия", "Имя"])
    assert mapping == {0: "phone", 3: "last_name", 4: "first_name"}
    assert mapping_problems(mapping) == []
    assert mapping_problems({0: "phone"}) == [
        "Не выбран столбец с фамилией и именем (или с ФИО целиком)"]
    assert mapping_problems({0: FULL_NAME, 1: FULL_NAME}) == [
        "Поле «ФИО» выбрано для нескольких столбцов"]


def test_fingerprint_ignores_case_and_punctuation_but_not_order() -> None:
    a = layout_fingerprint(["Фамилия", "Имя", "Дата рождения"])
    assert a == layout_fingerprint([" фамилия ", "ИМЯ", "Дата  рождения:"])
    assert a != layout_fingerprint(["Имя", "Фамилия", "Дата рождения"])


def test_mapping_store_remembers_per_layout(tmp_path: Path) -> None:
    store = MappingStore(tmp_path / "cfg" / "mappings.json")
    table = Table("Лист1", 1, ["Сотрудник", "Примечание", "Разное"])
    assert store.get(table.fingerprint) is None
    assert store.mapping_for(table) == {0: FULL_NAME}
    store.put(table.fingerprint, {0: FULL_NAME, 1: "birth_date"})
    again = MappingStore(tmp_path / "cfg" / "mappings.json")
    assert again.mapping_for(table) == {0: FULL_NAME, 1: "birth_date"}
    (tmp_path / "cfg" / "mappings.json").write_text("not json", encoding="utf-8")
    assert again.get(table.fingerprint) is None

"""The 5-СП definition file is checked when loaded; mistakes are named in Russian."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable

import pytest

from reports.resources import resource
from reports.stats.definition import DefinitionError, load_definition, parse_definition

BASE = json.loads(resource("reports", "5sp.json").read_text(encoding="utf-8"))


def _broken(change: Callable[[list], object]) -> dict:
    data = copy.deepcopy(BASE)
    change(data["sections"][0]["rows"])
    return data


def test_bundled_definition_covers_domain_rows() -> None:
    definition = load_definition()
    keys = {row.key for row in definition.rows}
    assert {"employees", "employees_members", "employees_admitted", "students",
            "students_members", "students_admitted", "total", "total_members", "coverage",
            "pensioners", "unemployed", "all_members", "youth", "pedagogical", "left_voluntary",
            "expelled", "removed_other", "chairs_released", "chairs_not_released", "committee",
            "revision", "group_organisers", "safety"} <= keys
    assert definition.youth_max_age == 35


@pytest.mark.parametrize(("change", "message"), [
    (lambda rows: rows[0].update(source="magic"), "неизвестный источник"),
    (lambda rows: rows[0].update(colour="red"), "неизвестные поля"),
    (lambda rows: rows[1].update(where={"planet": "Mars"}), "неизвестные условия"),
    (lambda rows: rows[0].update(field="salary"), "поле паспорта"),
    (lambda rows: rows.insert(0, {**rows[8], "key": "early"}), "ссылается"),
    (lambda rows: rows[8].update(columns=["start", "end"]), "нет граф"),
    (lambda rows: rows.append({**rows[1]}), "повторяются"),
])
def test_mistakes_are_named(change: Callable[[list], object], message: str) -> None:
    with pytest.raises(DefinitionError, match=message):
        parse_definition(_broken(change))

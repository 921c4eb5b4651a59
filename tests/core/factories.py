"""Small builders of valid rows for core tests (real rows written through the services)."""

from __future__ import annotations

from datetime import date
from typing import Any

from chairclient.db.engine import Database
from chairclient.db.models import Organisation, new_id


def add_org(db: Database, *, code: str, level: str = "primary", parent_id: str | None = None,
            name: str = "ППО МБОУ СОШ № 1") -> str:
    org_id = new_id()
    with db.transaction() as s:
        s.add(Organisation(id=org_id, org_id=org_id, code=code, level=level, parent_id=parent_id,
                           full_name=name, short_name=name, kind="workers",
                           employer_type="school"))
    return org_id


def member_values(**over: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "last_name": "Иванова",
        "first_name": "Мария",
        "patronymic": "Петровна",
        "birth_date": date(1985, 3, 14),
        "sex": "F",
        "category": "working",
        "member_since": date(2010, 9, 1),
        "registered_on": date(2015, 9, 1),
        "registration_method": "application",
        "workplace": "МБОУ СОШ № 1",
        "position_code": "teacher",
        "education_level": "higher_bachelor",
        "dues_form": "cashless",
    }
    values.update(over)
    return values

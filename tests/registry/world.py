"""A small union tree with users of every role, unique per test, written straight to the DB.

    central C
    ├── regional R
    │   ├── territorial T1 ── primary P1a, P1b
    │   └── territorial T2 ── primary P2
    └── regional R2 ── territorial T3 ── primary P3

Users: ``admin`` (C, admin), ``region`` (R), ``terr1`` (T1), ``terr2`` (T2), ``chair1a`` (P1a),
``chair1b`` (P1b), ``chair2`` (P2), ``chair3`` (P3). Every primary has one member.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from registry.auth import create_user
from registry.db import Database
from registry.passwords import hash_password
from registry.seed import insert_entity

PASSWORD = "secret-pass-1"
_HASH: list[str] = []


def password_hash() -> str:
    """One argon2 hash of :data:`PASSWORD` for every test user (hashing is slow on purpose)."""
    if not _HASH:
        _HASH.append(hash_password(PASSWORD))
    return _HASH[0]

TREE = [
    ("C", None, "central"),
    ("R", "C", "regional"),
    ("T1", "R", "territorial"),
    ("P1a", "T1", "primary"),
    ("P1b", "T1", "primary"),
    ("T2", "R", "territorial"),
    ("P2", "T2", "primary"),
    ("R2", "C", "regional"),
    ("T3", "R2", "territorial"),
    ("P3", "T3", "primary"),
]
USERS = {
    "admin": ("C", "admin"),
    "region": ("R", "regional"),
    "terr1": ("T1", "territorial"),
    "terr2": ("T2", "territorial"),
    "chair1a": ("P1a", "primary"),
    "chair1b": ("P1b", "primary"),
    "chair2": ("P2", "primary"),
    "chair3": ("P3", "primary"),
}
#: Which orgs each user's scope holds (by name).
SCOPES = {
    "admin": {name for name, _, _ in TREE},
    "region": {"R", "T1", "P1a", "P1b", "T2", "P2"},
    "terr1": {"T1", "P1a", "P1b"},
    "terr2": {"T2", "P2"},
    "chair1a": {"P1a"},
    "chair1b": {"P1b"},
    "chair2": {"P2"},
    "chair3": {"P3"},
}


def new_id() -> str:
    return str(uuid.uuid4())


def member_values(**overrides: Any) -> dict[str, Any]:
    """A complete, valid member card as it travels on the wire."""
    values: dict[str, Any] = {
        "last_name": "Иванова",
        "first_name": "Анна",
        "patronymic": "Петровна",
        "birth_date": "1985-04-12",
        "sex": "F",
        "category": "working",
        "member_since": "2010-09-01",
        "registered_on": "2015-09-01",
        "registration_method": "application",
        "status": "active",
        "workplace": "МБОУ СОШ № 1",
        "position_code": "teacher",
        "education_level": "higher_bachelor",
        "dues_form": "cashless",
        "phone": "+79161234567",
    }
    values.update(overrides)
    return values


@dataclass
class World:
    orgs: dict[str, str] = field(default_factory=dict)
    members: dict[str, str] = field(default_factory=dict)
    logins: dict[str, str] = field(default_factory=dict)
    suffix: str = ""

    def org_name(self, org_id: str) -> str:
        return next(name for name, value in self.orgs.items() if value == org_id)


def build_world(db: Database, *, must_change_password: bool = False) -> World:
    from datetime import date

    world = World(suffix=uuid.uuid4().hex[:8])
    with db.write() as session:
        for name, parent, level in TREE:
            org_id = new_id()
            world.orgs[name] = org_id
            insert_entity(
                session,
                "organisation",
                {
                    "id": org_id, "org_id": org_id, "level": level,
                    "parent_id": world.orgs[parent] if parent else None,
                    "code": f"{name}-{world.suffix}", "full_name": f"Организация {name}",
                    "short_name": f"Орг {name}", "kind": "workers" if level == "primary" else None,
                },
            )
        for name, _, level in TREE:
            if level != "primary":
                continue
            member_id = new_id()
            world.members[name] = member_id
            values = member_values()
            for key in ("birth_date", "member_since", "registered_on"):
                values[key] = date.fromisoformat(values[key])
            insert_entity(
                session, "member", {**values, "id": member_id, "org_id": world.orgs[name]}
            )
        for login, (org, role) in USERS.items():
            full_login = f"{login}-{world.suffix}"
            world.logins[login] = full_login
            create_user(
                session, full_login, PASSWORD, [(world.orgs[org], role)],
                full_name=f"Пользователь {login}", must_change_password=must_change_password,
                password_hash=password_hash(),
            )
    return world

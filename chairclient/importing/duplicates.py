"""Duplicates: rows that name the same person as another row or as a member already on file.

Same person = same СНИЛС, or same surname + first name + birth date (case- and ё-insensitive).
The caller decides per duplicate: skip (the default), update the existing card, or create anyway.
Duplicates against the registry come from :mod:`chairclient.importing.lookup`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.models import Member
from chairclient.importing.preview import Preview
from chairclient.text import fold
from chairclient.validation import digits_only

if TYPE_CHECKING:
    from chairclient.importing.lookup import OrgHint

SAME_SNILS = "совпадает СНИЛС"
SAME_NAME_AND_BIRTH = "совпадают фамилия, имя и дата рождения"


class Decision(StrEnum):
    """What to do with a duplicate row."""

    SKIP = "skip"
    UPDATE = "update"
    CREATE = "create"


@dataclass(frozen=True)
class ExistingMember:
    """The member already in the local database that a row duplicates (minimum to show)."""

    id: str
    org_id: str
    last_name: str
    first_name: str
    patronymic: str | None
    birth_date: date | None
    snils: str | None
    status: str

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)


@dataclass(frozen=True)
class Duplicate:
    """Row ``row`` duplicates ``existing`` (in the database), the earlier row ``other_row``, or
    a person the registry knows in another organisation (``registry``)."""

    row: int
    reason: str
    existing: ExistingMember | None = None
    other_row: int | None = None
    registry: OrgHint | None = None

    @property
    def in_database(self) -> bool:
        return self.existing is not None

    @property
    def in_registry(self) -> bool:
        return self.registry is not None

    @property
    def can_update(self) -> bool:
        """Whether «update the existing card» applies: a card in the local database or an
        earlier row of the file (a card elsewhere in the registry cannot be edited here)."""
        return self.existing is not None or self.other_row is not None

    def text(self) -> str:
        if self.existing is not None:
            return f"Строка {self.row}: уже есть в базе ({self.existing.display_name}) — {self.reason}"
        if self.registry is not None:
            return (f"Строка {self.row}: состоит на учёте в организации «{self.registry.display}» "
                    f"по данным реестра — {self.reason}")
        return f"Строка {self.row}: повторяет строку {self.other_row} — {self.reason}"


def identity_keys(values: dict[str, Any]) -> list[tuple[str, ...]]:
    """Keys under which two records are the same person."""
    keys: list[tuple[str, ...]] = []
    snils = digits_only(values.get("snils"))
    if len(snils) == 11:
        keys.append(("snils", snils))
    last, first = fold(values.get("last_name")), fold(values.get("first_name"))
    birth = values.get("birth_date")
    if last and first and isinstance(birth, date):
        keys.append(("name", last, first, birth.isoformat()))
    return keys


def _reason(key: tuple[str, ...]) -> str:
    return SAME_SNILS if key[0] == "snils" else SAME_NAME_AND_BIRTH


def load_existing(session: Session) -> dict[tuple[str, ...], ExistingMember]:
    """Every live member in the local database by identity key."""
    found: dict[tuple[str, ...], ExistingMember] = {}
    query = select(
        Member.id, Member.org_id, Member.last_name, Member.first_name, Member.patronymic,
        Member.birth_date, Member.snils, Member.status,
    ).where(Member.deleted.is_(False))
    for row in session.execute(query):
        member = ExistingMember(*row)
        for key in identity_keys(row._asdict()):
            found.setdefault(key, member)
    return found


def find_duplicates(preview: Preview, session: Session | None = None) -> list[Duplicate]:
    """Duplicates among the importable rows, against the database first, then within the file."""
    existing = load_existing(session) if session is not None else {}
    first_seen: dict[tuple[str, ...], int] = {}
    duplicates = []
    for row in preview.importable:
        keys = identity_keys(row.values)
        hit = next(((k, existing[k]) for k in keys if k in existing), None)
        earlier = next(((k, first_seen[k]) for k in keys if k in first_seen), None)
        if hit:
            duplicates.append(Duplicate(row.row, _reason(hit[0]), existing=hit[1]))
        elif earlier:
            duplicates.append(Duplicate(row.row, _reason(earlier[0]), other_row=earlier[1]))
        for key in keys:
            first_seen.setdefault(key, row.row)
    return duplicates

"""Possible duplicates in the local database: a new card's namesakes, a region's list."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.models import Member, Organisation
from chairclient.domain.duplicates import DuplicateGroup, group_duplicates, name_key

_COLUMNS = (Member.id, Member.org_id, Member.last_name, Member.first_name, Member.patronymic,
            Member.birth_date, Member.snils, Member.status)


def namesakes(session: Session, values: Mapping[str, Any], member_id: str | None = None
              ) -> list[str]:
    """Live cards (any organisation here) with the same names and birth date as ``values``,
    as «Фамилия Имя Отчество — организация» lines. Used only for cards without a СНИЛС."""
    key = name_key(values)
    if key is None:
        return []
    found = []
    for row in session.execute(
        select(*_COLUMNS, Organisation.short_name, Organisation.full_name)
        .join(Organisation, Organisation.id == Member.org_id)
        .where(Member.birth_date == key[3], Member.deleted.is_(False))
    ).mappings():
        if row["id"] != member_id and name_key(row) == key:
            name = " ".join(p for p in (row["last_name"], row["first_name"], row["patronymic"])
                            if p)
            found.append(f"{name} — {row['short_name'] or row['full_name'] or ''}")
    return found


def region_duplicates(session: Session, org_ids: Iterable[str] | None = None
                      ) -> list[DuplicateGroup]:
    """Cards on the register that are one person, among ``org_ids`` (all when None), each row
    with its organisation's name and code."""
    query = (select(*_COLUMNS, Organisation.short_name, Organisation.full_name,
                    Organisation.code)
             .join(Organisation, Organisation.id == Member.org_id)
             .where(Member.deleted.is_(False), Member.status == "active"))
    if org_ids is not None:
        query = query.where(Member.org_id.in_(list(org_ids)))
    rows = [dict(row) for row in session.execute(query.order_by(Member.last_name, Member.id))
            .mappings()]
    return group_duplicates(rows)

"""Which regional organisation each organisation belongs to (order files, PROFCARDS feed)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from registry.models import organisations


@dataclass(frozen=True)
class OrgInfo:
    id: str
    code: str
    name: str
    level: str
    parent_id: str | None
    address: str


def _address(row: Any) -> str:
    return ", ".join(p for p in (row.postal_index, row.address) if p)


class OrgTree:
    """Every live organisation, loaded once; :meth:`region` walks up to the regional level."""

    def __init__(self, session: Session) -> None:
        org = organisations.c
        rows = session.execute(
            select(org.id, org.code, org.short_name, org.full_name, org.level, org.parent_id,
                   org.postal_index, org.address).where(org.deleted.is_(False))
        ).all()
        self.orgs = {
            r.id: OrgInfo(r.id, r.code, r.short_name or r.full_name or r.code, r.level,
                          r.parent_id, _address(r))
            for r in rows
        }
        self._regions: dict[str, OrgInfo | None] = {}

    def get(self, org_id: str) -> OrgInfo | None:
        return self.orgs.get(org_id)

    def region(self, org_id: str) -> OrgInfo | None:
        """The nearest regional-level organisation at or above ``org_id`` (None: none)."""
        if org_id in self._regions:
            return self._regions[org_id]
        seen: set[str] = set()
        current = self.orgs.get(org_id)
        while current is not None and current.level != "regional" and current.id not in seen:
            seen.add(current.id)
            current = self.orgs.get(current.parent_id) if current.parent_id else None
        self._regions[org_id] = current
        return current

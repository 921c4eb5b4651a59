"""What the passport form shows, read on a reader thread as plain values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.models import Organisation
from chairclient.db.models_ref import RefEmployerType
from chairclient.domain.role_rules import LEADERSHIP_FIELDS, leadership_values
from chairclient.queries.organisations import operator_settings
from chairclient.queries.roles import org_leaders
from chairclient.services.organisations import passport_values
from reports.data.union import union_processors


@dataclass(frozen=True)
class OperatorInfo:
    """The personal-data operator and its processors (as printed on consents)."""

    name: str | None = None
    address: str | None = None
    processors: list[dict[str, Any]] = field(default_factory=list)
    #: The union-wide contractors every consent lists first (``resources/union.toml``).
    union: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PassportData:
    org_id: str
    code: str
    level: str
    name: str
    superior: str | None
    values: dict[str, Any]
    employer_types: list[tuple[str, str]]
    # What consents of this organisation print (its own settings or the nearest ancestor's).
    operator: OperatorInfo
    #: «Руководство» fields taken from the members' union offices (shown, never edited).
    derived: frozenset[str] = frozenset()

    @property
    def operator_editable(self) -> bool:
        """The operator is set at the regional level and inherited down the tree."""
        return self.level == "regional"


def load_passport(session: Session, org_id: str) -> PassportData:
    """The organisation's passport; LookupError when it is not in the local store."""
    org = session.get(Organisation, org_id)
    if org is None or org.deleted:
        raise LookupError("organisation not found")
    parent = session.get(Organisation, org.parent_id) if org.parent_id else None
    values = passport_values(org)
    values.pop("code", None)
    current = values.get("employer_type")
    types = [
        (row.code, row.name)
        for row in session.scalars(
            select(RefEmployerType).order_by(RefEmployerType.sort_order, RefEmployerType.name)
        )
        if row.active or row.code == current
    ]
    name, address, processors = operator_settings(session, org_id)
    derived: frozenset[str] = frozenset()
    if org.level == "primary":
        found = org_leaders(session, org_id, date.today())
        if found is not None:  # the offices are recorded: they are the one home of these facts
            values.update(leadership_values(found))
            derived = frozenset(LEADERSHIP_FIELDS)
    return PassportData(
        org_id=org.id,
        code=org.code,
        level=org.level,
        name=org.short_name or org.full_name,
        superior=(parent.short_name or parent.full_name) if parent else None,
        values=values,
        employer_types=types,
        operator=OperatorInfo(name, address, processors, [
            f"{c.name} — {c.role}" if c.role else c.name for c in union_processors()]),
        derived=derived,
    )

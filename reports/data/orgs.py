"""Organisations as the documents print them, and the personal-data operator settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.models import Organisation
from chairclient.queries.organisations import operator_settings, subtree_ids
from chairclient.queries.roles import org_leaders
from reports.data.union import union_processors


class UnknownOrganisation(LookupError):
    """No organisation with the given registry code."""


@dataclass(frozen=True)
class OrgInfo:
    id: str
    code: str
    full_name: str
    short_name: str
    level: str
    address: str | None
    chair_name: str | None
    chair_phone: str | None
    chair_email: str | None

    @property
    def name(self) -> str:
        return self.full_name or self.short_name


@dataclass(frozen=True)
class Party:
    """The operator or a processor: name and address as printed on the consent (``role``: what a
    union-wide contractor does for the operator)."""

    name: str
    address: str
    role: str = ""


@dataclass(frozen=True)
class OperatorInfo:
    operator: Party | None
    processors: list[Party] = field(default_factory=list)

    def warnings(self) -> list[str]:
        """What is missing for a legally complete consent form (in Russian)."""
        out: list[str] = []
        if self.operator is None:
            out.append("Не указан оператор персональных данных (настройки региональной "
                       "организации): в согласии оставлены пустые строки.")
        elif not self.operator.address:
            out.append("Не указан адрес оператора персональных данных.")
        if not self.processors:
            out.append("Не указаны лица, обрабатывающие персональные данные по поручению "
                       "оператора: в согласии оставлены пустые строки.")
        return out


def _info(session: Session, org: Organisation) -> OrgInfo:
    address = ", ".join(p for p in (org.postal_index, org.address) if p) or None
    chair = org.chair_name
    if org.level == "primary":  # the chair is whoever holds the office (the passport's rule)
        found = org_leaders(session, org.id, date.today())
        if found is not None:
            chair = found.chair
    return OrgInfo(org.id, org.code, org.full_name, org.short_name, org.level, address,
                   chair, org.chair_phone, org.chair_email)


def org_by_code(session: Session, code: str) -> OrgInfo:
    """The organisation with registry ``code``; :class:`UnknownOrganisation` if there is none."""
    org = session.scalar(
        select(Organisation).where(Organisation.code == code, Organisation.deleted.is_(False))
    )
    if org is None:
        raise UnknownOrganisation(f"Организация с кодом «{code}» не найдена")
    return _info(session, org)


def orgs_by_id(session: Session, ids: list[str]) -> dict[str, OrgInfo]:
    rows = session.scalars(select(Organisation).where(Organisation.id.in_(ids))).all()
    return {org.id: _info(session, org) for org in rows}


def scope_ids(session: Session, org_id: str) -> list[str]:
    """The organisation and its whole subtree (deleted organisations left out)."""
    ids = subtree_ids(session, org_id)
    alive = session.scalars(
        select(Organisation.id).where(Organisation.id.in_(ids), Organisation.deleted.is_(False))
    )
    return list(alive)


def operator_info(session: Session, org_id: str) -> OperatorInfo:
    """Operator for ``org_id`` (inherited from the nearest ancestor that has one) and the
    processors: the union-wide contractors first (:mod:`reports.data.union`), then the ones the
    region added (a regional entry naming a union-wide contractor again is left out)."""
    name, address, processors = operator_settings(session, org_id)
    operator = Party(name, address or "") if name else None
    union = [Party(c.name, c.address, c.role) for c in union_processors()]
    known = {p.name.casefold() for p in union}
    parties = [
        Party(str(p.get("name") or "").strip(), str(p.get("address") or "").strip())
        for p in processors
        if isinstance(p, dict) and p.get("name")
        and str(p.get("name")).strip().casefold() not in known
    ]
    return OperatorInfo(operator, union + parties)

"""Organisations: the union tree and the passport (паспорт ППО) of each organisation."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from chairclient.db.base import Base, Synced

LEVELS = ("central", "regional", "territorial", "primary")
KINDS = ("workers", "students", "combined")


class Organisation(Synced, Base):
    """One organisation of the union. ``org_id`` equals ``id``: an organisation is its own scope.

    The passport fields are grouped as the tabs of DOMAIN.md (see
    ``chairclient.validation.organisation.PASSPORT_TABS``).
    """

    __tablename__ = "organisations"

    parent_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("organisations.id"), index=True
    )
    level: Mapped[str] = mapped_column(String(12), nullable=False)
    code: Mapped[str] = mapped_column(String(20), unique=True, nullable=False)

    # ИНПО
    full_name: Mapped[str] = mapped_column(String(500), default="", nullable=False)
    short_name: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    kind: Mapped[str | None] = mapped_column(String(12))
    employer_type: Mapped[str | None] = mapped_column(ForeignKey("ref_employer_types.code"))
    founded_on: Mapped[date | None] = mapped_column(Date)
    is_legal_entity: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    inn: Mapped[str | None] = mapped_column(String(12))
    kpp: Mapped[str | None] = mapped_column(String(9))
    ogrn: Mapped[str | None] = mapped_column(String(15))
    #: A ППО с правами территориальной may have children although its level is 'primary'.
    has_territorial_rights: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)

    # Работодатель
    employer_full_name: Mapped[str | None] = mapped_column(String(500))
    employer_inn: Mapped[str | None] = mapped_column(String(12))
    employer_kpp: Mapped[str | None] = mapped_column(String(9))
    employer_ogrn: Mapped[str | None] = mapped_column(String(15))
    employer_address: Mapped[str | None] = mapped_column(String(500))
    employer_head_name: Mapped[str | None] = mapped_column(String(200))
    employer_head_position: Mapped[str | None] = mapped_column(String(200))

    # Руководство
    chair_name: Mapped[str | None] = mapped_column(String(200))
    chair_elected_on: Mapped[date | None] = mapped_column(Date)
    chair_term_until: Mapped[date | None] = mapped_column(Date)
    chair_released: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    chair_phone: Mapped[str | None] = mapped_column(String(20))
    chair_email: Mapped[str | None] = mapped_column(String(200))
    deputy_name: Mapped[str | None] = mapped_column(String(200))
    committee_count: Mapped[int | None] = mapped_column(Integer)
    revision_count: Mapped[int | None] = mapped_column(Integer)
    safety_reps_count: Mapped[int | None] = mapped_column(Integer)

    # Численность (report denominators)
    staff_as_of: Mapped[date | None] = mapped_column(Date)
    employees_total: Mapped[int | None] = mapped_column(Integer)
    employees_women: Mapped[int | None] = mapped_column(Integer)
    employees_youth: Mapped[int | None] = mapped_column(Integer)
    employees_pedagogical: Mapped[int | None] = mapped_column(Integer)
    students_total: Mapped[int | None] = mapped_column(Integer)

    # Контакты
    postal_index: Mapped[str | None] = mapped_column(String(6))
    address: Mapped[str | None] = mapped_column(String(500))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(200))
    website: Mapped[str | None] = mapped_column(String(200))

    # Социальное партнёрство
    collective_agreement: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    agreement_concluded_on: Mapped[date | None] = mapped_column(Date)
    agreement_valid_until: Mapped[date | None] = mapped_column(Date)

    # Оператор ПДн (set at the regional level, inherited down the tree)
    pd_operator_name: Mapped[str | None] = mapped_column(String(500))
    pd_operator_address: Mapped[str | None] = mapped_column(String(500))
    #: Processors acting for the operator: list of {"name": ..., "address": ...}.
    pd_processors: Mapped[list | None] = mapped_column(JSON)

    # Closure: written only by the registry's close / reopen commands (never a plain edit).
    #: The day the organisation was closed (None: it works).
    closed_on: Mapped[date | None] = mapped_column(Date)
    #: 'liquidation' or 'merger' (``chairclient.domain.closure.CLOSURE_KINDS``).
    closure_kind: Mapped[str | None] = mapped_column(String(12))
    #: A merger's receiving organisation (no foreign key, as an event's ``to_org_id``).
    merged_into_id: Mapped[str | None] = mapped_column(String(36))
    closure_note: Mapped[str | None] = mapped_column(Text)

    #: Local, derived: normalised name for search (not synced).
    search_text: Mapped[str] = mapped_column(Text, default="", nullable=False)


class OrganisationNameChange(Synced, Base):
    """History of an organisation's name; a change of substance waits for the superior's OK."""

    __tablename__ = "organisation_name_changes"

    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisations.id"), index=True)
    old_full_name: Mapped[str] = mapped_column(String(500), nullable=False)
    new_full_name: Mapped[str] = mapped_column(String(500), nullable=False)
    old_short_name: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    new_short_name: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    #: 'typo' (applied at once) or 'request' (reported to the superior organisation).
    kind: Mapped[str] = mapped_column(String(10), nullable=False)
    #: 'applied', 'pending', 'confirmed', 'refused'.
    state: Mapped[str] = mapped_column(String(10), nullable=False)
    comment: Mapped[str | None] = mapped_column(Text)

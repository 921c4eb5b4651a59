"""Members (учётная карточка), their membership history, consents and union roles."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from chairclient.db.base import Base, Synced

#: Columns computed locally from other rows; never sent to the registry.
MEMBER_DERIVED_COLUMNS = frozenset(
    {"search_text", "is_complete", "has_consent", "card_status", "card_number"}
)


class Member(Synced, Base):
    """A union member's card. ``org_id`` is the organisation of registration."""

    __tablename__ = "members"
    __table_args__ = (
        Index("ix_members_org_status_name", "org_id", "status", "last_name", "first_name"),
    )

    # Identity
    last_name: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    first_name: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    patronymic: Mapped[str | None] = mapped_column(String(100))
    birth_date: Mapped[date | None] = mapped_column(Date)
    sex: Mapped[str | None] = mapped_column(String(1))
    snils: Mapped[str | None] = mapped_column(String(14), index=True)

    # Membership
    category: Mapped[str | None] = mapped_column(ForeignKey("ref_categories.code"))
    member_since: Mapped[date | None] = mapped_column(Date)
    registered_on: Mapped[date | None] = mapped_column(Date)
    registration_method: Mapped[str | None] = mapped_column(
        ForeignKey("ref_registration_methods.code")
    )
    status: Mapped[str] = mapped_column(String(10), default="active", nullable=False)
    removed_on: Mapped[date | None] = mapped_column(Date)
    removal_reason: Mapped[str | None] = mapped_column(ForeignKey("ref_removal_reasons.code"))

    # Work or study
    workplace: Mapped[str | None] = mapped_column(String(500))
    position_code: Mapped[str | None] = mapped_column(ForeignKey("ref_positions.code"))
    position_text: Mapped[str | None] = mapped_column(String(200))
    staff_category: Mapped[str | None] = mapped_column(String(100))
    study_level: Mapped[str | None] = mapped_column(String(5))
    study_course: Mapped[int | None] = mapped_column(Integer)
    study_form: Mapped[str | None] = mapped_column(String(12))

    # Education and dues
    education_level: Mapped[str | None] = mapped_column(ForeignKey("ref_education_levels.code"))
    academic_degree: Mapped[str | None] = mapped_column(String(100))
    dues_form: Mapped[str | None] = mapped_column(ForeignKey("ref_dues_forms.code"))

    # Contacts
    address: Mapped[str | None] = mapped_column(String(500))
    phone: Mapped[str | None] = mapped_column(String(12))
    email: Mapped[str | None] = mapped_column(String(200))

    note: Mapped[str | None] = mapped_column(Text)

    # Local, derived (see MEMBER_DERIVED_COLUMNS): kept in step by chairclient.services.derived.
    search_text: Mapped[str] = mapped_column(Text, default="", nullable=False)
    is_complete: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    has_consent: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    card_status: Mapped[str] = mapped_column(String(20), default="not_ordered", nullable=False)
    card_number: Mapped[str | None] = mapped_column(String(20))


class MembershipEvent(Synced, Base):
    """One dated event of a member's history; history is appended to, never edited."""

    __tablename__ = "membership_events"

    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    #: joined, transferred_in, transferred_out, category_changed, removed, restored
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    event_date: Mapped[date] = mapped_column(Date, nullable=False)
    reason: Mapped[str | None] = mapped_column(ForeignKey("ref_removal_reasons.code"))
    from_org_id: Mapped[str | None] = mapped_column(String(36))
    to_org_id: Mapped[str | None] = mapped_column(String(36))
    old_category: Mapped[str | None] = mapped_column(String(40))
    new_category: Mapped[str | None] = mapped_column(String(40))
    registration_method: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)


class Consent(Synced, Base):
    """Consent to personal-data processing (152-ФЗ art. 9); the signed paper stays in the committee."""

    __tablename__ = "consents"

    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    signed_on: Mapped[date] = mapped_column(Date, nullable=False)
    template_version: Mapped[str] = mapped_column(String(20), nullable=False)
    recorded_by: Mapped[str | None] = mapped_column(String(200))
    revoked_on: Mapped[date | None] = mapped_column(Date)
    #: The date of the registry's PROFCARDS feed that carried this consent (None: not yet).
    #: Written by the registry only (:data:`SERVER_SET_CONSENT_COLUMNS`); a withdrawal keeps it.
    profcards_sent_on: Mapped[date | None] = mapped_column(Date)


#: Consent columns only the registry writes; a client's create or update may not carry them.
SERVER_SET_CONSENT_COLUMNS = frozenset({"profcards_sent_on"})


class MemberRole(Synced, Base):
    """A union office held by a member (chair, committee member, профгрупорг …); the rules:
    :mod:`chairclient.domain.role_rules`."""

    __tablename__ = "member_roles"

    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    role: Mapped[str] = mapped_column(ForeignKey("ref_union_roles.code"), nullable=False)
    since: Mapped[date | None] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date)
    #: The body it is held in (role_rules.BODIES; None: the office's usual one).
    body: Mapped[str | None] = mapped_column(String(20))
    #: Which one, when there are several (a профгруппа's name: «начальная школа»).
    body_name: Mapped[str | None] = mapped_column(String(200))

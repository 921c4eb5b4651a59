"""Reference lists (справочники): seeded tables, changed by migrations, read-only for users."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from chairclient.db.base import Base


class RefMixin:
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(300), nullable=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)


class RefCategory(RefMixin, Base):
    """Member category: работающий / обучающийся / неработающий пенсионер / временно не работающий."""

    __tablename__ = "ref_categories"


class RefEducationLevel(RefMixin, Base):
    """Education levels after 273-ФЗ art. 10 plus the legacy levels still found on old cards."""

    __tablename__ = "ref_education_levels"
    legacy: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)


class RefPosition(RefMixin, Base):
    __tablename__ = "ref_positions"
    pedagogical: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)


class RefDuesForm(RefMixin, Base):
    __tablename__ = "ref_dues_forms"


class RefRemovalReason(RefMixin, Base):
    """Why a member left the register; flags drive the statistics (5-СП)."""

    __tablename__ = "ref_removal_reasons"
    #: A transfer is not a loss to the union.
    is_loss: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    #: Erroneous record / duplicate: excluded from statistics altogether.
    excluded_from_stats: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    #: The 5-СП row the removal counts in: 'voluntary', 'expelled' or 'other'.
    report_group: Mapped[str] = mapped_column(String(20), default="other", nullable=False)


class RefEmployerType(RefMixin, Base):
    __tablename__ = "ref_employer_types"


class RefRegistrationMethod(RefMixin, Base):
    __tablename__ = "ref_registration_methods"


class RefUnionRole(RefMixin, Base):
    """Union offices a member may hold (feeds section III of 5-СП)."""

    __tablename__ = "ref_union_roles"
    report_group: Mapped[str] = mapped_column(String(20), default="", nullable=False)


REFERENCE_MODELS: dict[str, type[RefMixin]] = {
    "categories": RefCategory,
    "education_levels": RefEducationLevel,
    "positions": RefPosition,
    "dues_forms": RefDuesForm,
    "removal_reasons": RefRemovalReason,
    "employer_types": RefEmployerType,
    "registration_methods": RefRegistrationMethod,
    "union_roles": RefUnionRole,
}

"""Columns a member list may show: header, SQL expression, cell kind, width."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal, select
from sqlalchemy.orm import aliased

from chairclient.db.models import Consent, Member, Organisation
from chairclient.db.models_ref import (
    RefCategory,
    RefDuesForm,
    RefEducationLevel,
    RefPosition,
    RefRemovalReason,
)
from reports.labels import CARD_STATUS, MEMBER_STATUS, SEX, YES_NO

Convert = Callable[[Any], Any]


@dataclass(frozen=True)
class Column:
    """``kind``: text, date or number (how the cell is written); ``convert`` maps codes."""

    key: str
    header: str
    expr: ColumnElement
    kind: str = "text"
    width: float = 14
    convert: Convert | None = None


Org = aliased(Organisation, name="org")
Category = aliased(RefCategory, name="cat")
Position = aliased(RefPosition, name="pos")
Education = aliased(RefEducationLevel, name="edu")
Dues = aliased(RefDuesForm, name="dues")
Reason = aliased(RefRemovalReason, name="reason")

FULL_NAME = func.trim(
    Member.last_name + literal(" ") + Member.first_name + literal(" ")
    + func.coalesce(Member.patronymic, literal(""))
)
CONSENT_SIGNED = (
    select(func.max(Consent.signed_on))
    .where(Consent.member_id == Member.id, Consent.deleted.is_(False),
           Consent.revoked_on.is_(None))
    .correlate(Member)
    .scalar_subquery()
)


def _label(mapping: dict) -> Convert:
    return lambda value: mapping.get(value, value)


MEMBER_COLUMNS: dict[str, Column] = {c.key: c for c in [
    Column("full_name", "Фамилия, имя, отчество", FULL_NAME, width=36),
    Column("last_name", "Фамилия", Member.last_name, width=18),
    Column("first_name", "Имя", Member.first_name, width=14),
    Column("patronymic", "Отчество", Member.patronymic, width=18),
    Column("birth_date", "Дата рождения", Member.birth_date, "date", 12),
    Column("sex", "Пол", Member.sex, width=5, convert=_label(SEX)),
    Column("snils", "СНИЛС", Member.snils, width=15),
    Column("org_code", "Код организации", Org.code, width=13),
    Column("organisation", "Организация", Org.short_name, width=34),
    Column("category", "Категория", Category.name, width=20),
    Column("workplace", "Место работы (учёбы)", Member.workplace, width=30),
    Column("position", "Должность", func.coalesce(Member.position_text, Position.name),
           width=24),
    Column("education", "Образование", Education.name, width=24),
    Column("member_since", "Член Профсоюза с", Member.member_since, "date", 12),
    Column("registered_on", "На учёте с", Member.registered_on, "date", 12),
    Column("status", "Статус", Member.status, width=12, convert=_label(MEMBER_STATUS)),
    Column("removed_on", "Снят с учёта", Member.removed_on, "date", 12),
    Column("removal_reason", "Причина снятия", Reason.name, width=24),
    Column("dues_form", "Уплата взносов", Dues.name, width=20),
    Column("phone", "Телефон", Member.phone, width=15),
    Column("email", "Эл. почта", Member.email, width=24),
    Column("address", "Адрес", Member.address, width=36),
    Column("has_consent", "Согласие на обработку ПДн", Member.has_consent, width=11,
           convert=_label(YES_NO)),
    Column("consent_signed_on", "Согласие подписано", CONSENT_SIGNED, "date", 12),
    Column("card_status", "Статус ЭПБ", Member.card_status, width=16,
           convert=_label(CARD_STATUS)),
    Column("card_number", "Номер ЭПБ", Member.card_number, width=20),
    Column("is_complete", "Карточка заполнена", Member.is_complete, width=11,
           convert=_label(YES_NO)),
]}

DEFAULT_COLUMNS = ("full_name", "birth_date", "organisation", "category", "position", "phone",
                   "has_consent", "card_status", "card_number")


def joined(query: Any) -> Any:
    """``query`` over members with the reference tables the columns name (outer joins)."""
    return (
        query.join(Org, Org.id == Member.org_id)
        .outerjoin(Category, Category.code == Member.category)
        .outerjoin(Position, Position.code == Member.position_code)
        .outerjoin(Education, Education.code == Member.education_level)
        .outerjoin(Dues, Dues.code == Member.dues_form)
        .outerjoin(Reason, and_(Reason.code == Member.removal_reason))
    )


def unknown_columns(keys: list[str]) -> list[str]:
    return [k for k in keys if k not in MEMBER_COLUMNS]

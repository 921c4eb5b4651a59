"""Electronic union cards (ЭПБ), their status history, and card requests."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from chairclient.db.base import Base, Synced

#: The ЭПБ lifecycle of DOMAIN.md, in order; branches after it.
CARD_STATUSES = (
    "not_ordered",  # НЕ ЗАКАЗАН
    "in_request",  # В ЗАЯВКЕ
    "ordered",  # ЗАКАЗАН
    "produced",  # ИЗГОТОВЛЕН
    "shipped",  # ОТПРАВЛЕН В РЕГИОН
    "received",  # ПОЛУЧЕН
    "issued",  # ВЫДАН
    "lost",  # УТЕРЯН
    "damaged",  # ИСПОРЧЕН
    "cancelled",  # АННУЛИРОВАН
)
#: A live card blocks a new request for the same member.
LIVE_CARD_STATUSES = frozenset(
    {"in_request", "ordered", "produced", "shipped", "received", "issued"}
)
#: Which card is "the" member's card when there are several: lower comes first.
CARD_PRIORITY = {"issued": 0, "received": 1, "shipped": 2, "produced": 3, "ordered": 4,
                 "in_request": 5, "lost": 6, "damaged": 7, "cancelled": 8}


class Card(Synced, Base):
    __tablename__ = "cards"

    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    number: Mapped[str | None] = mapped_column(String(20), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="in_request", nullable=False)
    request_id: Mapped[str | None] = mapped_column(ForeignKey("card_requests.id"), index=True)
    issued_on: Mapped[date | None] = mapped_column(Date)
    #: The card this one replaces (re-issue after УТЕРЯН / ИСПОРЧЕН).
    replaces_id: Mapped[str | None] = mapped_column(String(36))


class CardStatusChange(Synced, Base):
    __tablename__ = "card_status_changes"

    card_id: Mapped[str] = mapped_column(ForeignKey("cards.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    changed_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    note: Mapped[str | None] = mapped_column(Text)


class CardRequest(Synced, Base):
    """A request for plastic cards; one draft per organisation, batched on the 1st and 15th."""

    __tablename__ = "card_requests"

    #: draft, submitted, processed
    state: Mapped[str] = mapped_column(String(12), default="draft", nullable=False)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    processing_date: Mapped[date | None] = mapped_column(Date)
    batch_id: Mapped[str | None] = mapped_column(String(36))

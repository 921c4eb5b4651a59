"""Transfer requests between organisations (перевод по запросу принимающей организации).

One request concerns two organisations, and each sees only its own copy: the receiver's copy
lives in the receiving organisation, the sender's copy in the sending one, so each travels in
its organisation's pulls with the ordinary sync machinery (change log, counts, purges on scope
changes) and never reaches a user who sees only the other side. The two copies share
``request_id`` (the receiver's copy's id); the registry writes both in one transaction.

The receiver's copy carries nothing about the person but what the receiving chair typed
(``person_label``) until the transfer completes; the sender's copy names its own member.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from chairclient.db.base import Base, Synced

#: ``side`` of a copy.
RECEIVER, SENDER = "receiver", "sender"
#: ``state``: waiting for the sender; accepted (the member moved); declined; withdrawn by the
#: receiver.
REQUEST_STATES = ("pending", "accepted", "declined", "withdrawn")


class TransferRequest(Synced, Base):
    """One side's copy of a transfer request."""

    __tablename__ = "transfer_requests"

    request_id: Mapped[str] = mapped_column(String(36), index=True, nullable=False)
    side: Mapped[str] = mapped_column(String(10), nullable=False)
    #: pending, accepted, declined, withdrawn
    state: Mapped[str] = mapped_column(String(10), default="pending", nullable=False)
    #: The member: in the sender's copy always, in the receiver's only once accepted (a plain
    #: id, no foreign key: the member leaves the sender's database when the transfer completes).
    member_id: Mapped[str | None] = mapped_column(String(36), index=True)
    #: Who the request is about, as the copy's own organisation knows them.
    person_label: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    #: The other organisation (the sender for the receiver's copy and back): id, name, code.
    other_org_id: Mapped[str] = mapped_column(String(36), nullable=False)
    other_org_name: Mapped[str] = mapped_column(String(500), default="", nullable=False)
    other_org_code: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    transfer_date: Mapped[date] = mapped_column(Date, nullable=False)
    comment: Mapped[str | None] = mapped_column(Text)
    requested_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    decided_on: Mapped[date | None] = mapped_column(Date)
    decision_comment: Mapped[str | None] = mapped_column(Text)
    #: The organisation that decided (the sender, or its superior), as «name (code)».
    decided_by: Mapped[str | None] = mapped_column(String(600))

"""Transfer requests as the app lists them: both sides of the organisations in view."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chairclient.db.models import Organisation, TransferRequest


@dataclass(frozen=True)
class RequestRow:
    id: str
    org_id: str
    org_name: str
    side: str
    state: str
    person_label: str
    other_org: str
    transfer_date: date
    comment: str | None
    decided_on: date | None
    decision_comment: str | None
    decided_by: str | None
    synced: bool


def list_requests(session: Session, org_ids: Iterable[str] | None = None,
                  *, pending_only: bool = False) -> list[RequestRow]:
    """Requests of ``org_ids`` (all when None), pending first, newest first."""
    query = (
        select(TransferRequest, Organisation.short_name, Organisation.full_name)
        .outerjoin(Organisation, Organisation.id == TransferRequest.org_id)
        .where(TransferRequest.deleted.is_(False))
    )
    if org_ids is not None:
        query = query.where(TransferRequest.org_id.in_(list(org_ids)))
    if pending_only:
        query = query.where(TransferRequest.state == "pending")
    query = query.order_by((TransferRequest.state != "pending"),
                           TransferRequest.requested_at.desc(), TransferRequest.id)
    rows = []
    for request, short, full in session.execute(query):
        other = f"«{request.other_org_name}» ({request.other_org_code})"
        rows.append(RequestRow(
            request.id, request.org_id, short or full or "", request.side, request.state,
            request.person_label, other, request.transfer_date, request.comment,
            request.decided_on, request.decision_comment, request.decided_by,
            request.version > 0,
        ))
    return rows


def pending_counts(session: Session) -> tuple[int, int]:
    """(requests waiting for this side's decision, own requests waiting for the other side)."""
    found = dict(session.execute(
        select(TransferRequest.side, func.count()).where(
            TransferRequest.deleted.is_(False), TransferRequest.state == "pending"
        ).group_by(TransferRequest.side)
    ).all())
    return int(found.get("sender", 0)), int(found.get("receiver", 0))

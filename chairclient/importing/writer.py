"""Creating many member cards in the caller's transaction, as ``save_member`` would, but fast.

``save_member`` flushes and queries several times per card (≈4 ms a card): 10,000 rows would
take 40 s. This writer does exactly what ``save_member`` does for a *new* card — same
validation, СНИЛС uniqueness, join event, outbox entries and derived columns — but checks
uniqueness against a set loaded once and leaves the inserts to a batched flush. The tests
compare its rows with ``save_member``'s field by field; updates still go through ``save_member``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.models import Member, MembershipEvent, OutboxEntry, new_id
from chairclient.services.lifecycle_rules import registration_kind
from chairclient.services.outbox import wire_value
from chairclient.text import member_search_text
from chairclient.validation import ValidationError, is_member_complete, validate_member

SNILS_TAKEN = "Член Профсоюза с таким СНИЛС уже есть в базе"
FLUSH_EVERY = 1000


class MemberWriter:
    """Adds new cards to ``session``; call :meth:`flush` before reading them back."""

    def __init__(self, session: Session, org_id: str, step_id: str, today: date | None = None):
        self.session = session
        self.org_id = org_id
        self.step_id = step_id
        self.today = today
        self._pending = 0
        self._snils = set(
            session.scalars(
                select(Member.snils).where(Member.snils.is_not(None), Member.deleted.is_(False))
            )
        )

    def create(self, values: dict[str, Any]) -> str:
        """Add one new card (values already cleaned); raise ValidationError and add nothing."""
        merged = {"status": "active", **values}
        result = validate_member(merged, today=self.today)
        snils = merged.get("snils")
        if snils and snils in self._snils:
            result.errors["snils"] = SNILS_TAKEN
        if not result.ok:
            raise ValidationError(result)
        member = Member(id=new_id(), org_id=self.org_id, version=0, deleted=False, **merged)
        member.has_consent = False
        member.card_status = "not_ordered"
        member.card_number = None
        member.is_complete = is_member_complete(merged)
        member.search_text = member_search_text(
            member.last_name, member.first_name, member.patronymic, member.snils, None
        )
        self.session.add(member)
        fields = {k: v for k, v in merged.items() if v is not None}
        self._outbox(member.id, "member", fields)
        self._add_join_event(member)
        if snils:
            self._snils.add(snils)
        self._pending += 1
        if self._pending >= FLUSH_EVERY:
            self.flush()
        return member.id

    def reserve_snils(self, snils: str | None) -> None:
        """Count ``snils`` as taken (a card updated in this transaction now carries it)."""
        if snils:
            self._snils.add(snils)

    def _add_join_event(self, member: Member) -> None:
        kind = registration_kind(member.registration_method)
        event = MembershipEvent(
            id=new_id(), org_id=member.org_id, member_id=member.id, kind=kind,
            event_date=member.registered_on or date.today(),
            registration_method=member.registration_method, new_category=member.category,
            version=0, deleted=False,
        )
        self.session.add(event)
        fields = {
            "member_id": event.member_id, "kind": event.kind, "event_date": event.event_date,
            "registration_method": event.registration_method,
            "new_category": event.new_category,
        }
        self._outbox(event.id, "membership_event", fields)

    def _outbox(self, entity_id: str, entity: str, fields: dict[str, Any]) -> None:
        self.session.add(
            OutboxEntry(
                mutation_id=new_id(), step_id=self.step_id, entity=entity, entity_id=entity_id,
                org_id=self.org_id, op="create",
                fields={k: wire_value(v) for k, v in fields.items()},
                base={k: None for k in fields}, base_version=0,
            )
        )

    def flush(self) -> None:
        """Write the pending cards (still inside the caller's transaction)."""
        self.session.flush()
        self._pending = 0

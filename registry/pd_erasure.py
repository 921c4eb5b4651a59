"""``pd-erasure``: 30 days after a consent is revoked, the data only the consent covered go.

Run daily (like the PROFCARDS feed) with the date of the day: every member none of whose
consents is live any more, whose latest revocation is at least 30 days before that date, loses
the fields of :func:`chairclient.domain.pd_erasure.erasable_fields` (phone, e-mail, address;
the СНИЛС too once they are not on the register). The member row is written through the logged
path (version bump, change-log entry), so every chair's client that holds the member pulls the
empty fields with its next sync. What the registry keeps of those values elsewhere is blanked
in the same transaction: the audit history's old/new values of those fields, the conflict
records, the stored results of pushes, and the contacts in the PROFCARDS lines already sent.
The audit history gets one «erase» row per field, naming the field only.

Idempotent: a member already erased has nothing left to erase, so a second run of the same (or
a later) date changes nothing and writes no audit rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from chairclient.domain.pd_erasure import CONTACT_FIELDS, SNILS, erasable_fields, revoked_before
from registry.audit import record_audit
from registry.auth import now_utc
from registry.changelog import log_change
from registry.db import Database
from registry.models import ENTITY_TABLES, applied_mutations, audit_history, conflicts, members
from registry.models_cards import profcards_sent

consents = ENTITY_TABLES["consent"]
#: Who the audit history names for an erasure.
ERASURE_ACTOR = "cli:pd-erasure"
#: What a blanked value of the audit history and the conflict records reads.
REDACTED = "[удалено]"
_NS = uuid.UUID("a3c5e2f1-6b4d-4e8a-9c1f-7d2b0e5a8c34")
_CHUNK = 500


@dataclass
class ErasureReport:
    day: date
    #: member id → the fields erased
    erased: dict[str, list[str]] = field(default_factory=dict)

    @property
    def members(self) -> int:
        return len(self.erased)

    @property
    def fields(self) -> int:
        return sum(len(v) for v in self.erased.values())


def _due_members(session: Session, day: date) -> list[str]:
    """Members with a revoked consent, none live, the latest revoked on or before the limit."""
    live = select(consents.c.member_id).where(consents.c.deleted.is_(False),
                                              consents.c.revoked_on.is_(None))
    revoked = (
        select(consents.c.member_id)
        .where(consents.c.deleted.is_(False), consents.c.revoked_on.is_not(None),
               consents.c.member_id.not_in(live))
        .group_by(consents.c.member_id)
        .having(func.max(consents.c.revoked_on) <= revoked_before(day))
    )
    holding = or_(*(members.c[name].is_not(None) for name in CONTACT_FIELDS),
                  and_(members.c.status != "active", members.c[SNILS].is_not(None)))
    return list(session.scalars(
        select(members.c.id).where(members.c.id.in_(revoked), holding).order_by(members.c.id)))


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def _blank_copies(session: Session, member_id: str, names: list[str]) -> None:
    """The values of ``names`` of this member kept elsewhere in the registry."""
    for table, columns in ((audit_history, ("old_value", "new_value")),
                           (conflicts, ("base_value", "mine_value", "server_value"))):
        for column in columns:
            session.execute(update(table).where(
                table.c.entity == "member", table.c.entity_id == member_id,
                table.c.field.in_(names), table.c[column].is_not(None),
            ).values({column: REDACTED}))
    for row_id, result in session.execute(select(
            applied_mutations.c.mutation_id, applied_mutations.c.result).where(
            applied_mutations.c.entity == "member", applied_mutations.c.entity_id == member_id)):
        redacted = _redact_result(result, names)
        if redacted is not None:
            session.execute(update(applied_mutations).where(
                applied_mutations.c.mutation_id == row_id).values(result=redacted))
    contacts = {"email", "phone"} & set(names)
    if contacts:
        for row_id, line in session.execute(select(profcards_sent.c.id, profcards_sent.c.line)
                                            .where(profcards_sent.c.member_id == member_id)):
            if any(line.get(key) for key in contacts):
                session.execute(update(profcards_sent).where(profcards_sent.c.id == row_id)
                                .values(line={**line, **{key: "" for key in contacts}}))


def _redact_result(result: Any, names: list[str]) -> dict[str, Any] | None:
    """A stored push result whose conflicts showed values of ``names``, blanked (None: none)."""
    found = (result or {}).get("conflicts") or {}
    hit = [name for name in names if name in found]
    if not hit:
        return None
    blank = {"base": REDACTED, "mine": REDACTED, "server": REDACTED}
    return {**result, "conflicts": {**found, **{name: blank for name in hit}}}


def _erase_member(session: Session, row: Any, day: date, now: datetime) -> list[str]:
    names = [name for name in erasable_fields(row["status"]) if row[name] is not None]
    if not names:
        return []
    version = int(row["version"]) + 1
    session.execute(update(members).where(members.c.id == row["id"]).values(
        {**{name: None for name in names}, "version": version, "updated_at": now}))
    if not row["deleted"]:  # a deleted row is on no client: its tombstone stays as it is
        log_change(session, "member", row["id"], row["org_id"], version, tombstone=False,
                   now=now)
    _blank_copies(session, row["id"], names)
    record_audit(session, at=now, user_id=ERASURE_ACTOR,
                 mutation_id=str(uuid.uuid5(_NS, f"{day.isoformat()}:{row['id']}")),
                 entity="member", entity_id=row["id"], org_id=row["org_id"], op="erase",
                 changes={name: (None, None) for name in names})
    return names


def erase_revoked(db: Database, day: date) -> ErasureReport:
    """Erase what the revoked consents covered, as of ``day``, in one transaction."""
    report = ErasureReport(day)
    now = now_utc()
    with db.write() as session:
        due = _due_members(session, day)
        for part in _chunks(due):
            rows = session.execute(select(members).where(members.c.id.in_(part))
                                   .order_by(members.c.id).with_for_update()).mappings().all()
            for row in rows:
                names = _erase_member(session, row, day, now)
                if names:
                    report.erased[row["id"]] = names
    return report

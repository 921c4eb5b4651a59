"""Organisation passport commands; a name change is kept in the name history."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from chairclient.db.models import Organisation, OrganisationNameChange, new_id
from chairclient.domain.closure import CLOSURE_FIELDS
from chairclient.services import outbox
from chairclient.text import organisation_search_text
from chairclient.validation import ValidationError, validate_passport

#: Only the territorial level may move an organisation or change its code (registry issue).
READ_ONLY_FIELDS = frozenset({"code", "parent_id", "level"})
_SKIP = Organisation.SYSTEM_COLUMNS | {"search_text"} | READ_ONLY_FIELDS | CLOSURE_FIELDS
PASSPORT_FIELDS = frozenset(c.key for c in Organisation.__table__.columns if c.key not in _SKIP)


def passport_values(org: Organisation) -> dict[str, Any]:
    values = {key: getattr(org, key) for key in PASSPORT_FIELDS}
    values["code"] = org.code
    values["level"] = org.level
    return values


def save_passport(
    session: Session,
    org_id: str,
    values: dict[str, Any],
    *,
    step_id: str | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """Apply passport edits inside the caller's transaction; returns the changed fields.

    A changed name is recorded as a 'typo' correction in the name history; reporting a wrong
    name to the superior organisation is a separate request (territorial workspace issue).
    """
    read_only = set(values) & READ_ONLY_FIELDS
    if read_only:
        raise PermissionError(f"read-only passport fields: {sorted(read_only)}")
    unknown = set(values) - PASSPORT_FIELDS
    if unknown:
        raise ValueError(f"unknown passport fields: {sorted(unknown)}")
    org = session.get(Organisation, org_id)
    if org is None or org.deleted:
        raise LookupError(f"organisation {org_id} not found")
    cleaned = {k: (v.strip() or None) if isinstance(v, str) else v for k, v in values.items()}
    for key in ("full_name", "short_name"):
        if key in cleaned and cleaned[key] is None:
            cleaned[key] = ""
    current = passport_values(org)
    result = validate_passport({**current, **cleaned}, today=today)
    if not result.ok:
        raise ValidationError(result)
    changed = {k: v for k, v in cleaned.items() if current.get(k) != v}
    if not changed:
        return {}
    step_id = step_id or new_id()
    if "full_name" in changed or "short_name" in changed:
        _record_name_change(session, org, cleaned, step_id)
    for key, value in changed.items():
        setattr(org, key, value)
    org.search_text = organisation_search_text(org.short_name, org.full_name, org.code)
    outbox.record(session, org, "update", changed, current, step_id)
    return changed


def _record_name_change(
    session: Session, org: Organisation, cleaned: dict[str, Any], step_id: str
) -> None:
    change = OrganisationNameChange(
        id=new_id(),
        org_id=org.id,
        organisation_id=org.id,
        old_full_name=org.full_name,
        new_full_name=cleaned.get("full_name", org.full_name),
        old_short_name=org.short_name,
        new_short_name=cleaned.get("short_name", org.short_name),
        kind="typo",
        state="applied",
    )
    session.add(change)
    session.flush()
    fields = {
        k: getattr(change, k)
        for k in ("organisation_id", "old_full_name", "new_full_name", "old_short_name",
                  "new_short_name", "kind", "state")
    }
    outbox.record(session, change, "create", fields, {}, step_id)

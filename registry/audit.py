"""The audit history: one row per accepted field change (who, when, entity, field, old → new)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from registry.deferred import defer_insert
from registry.models import audit_history
from registry.wire import wire_value


def record_audit(
    session: Session,
    *,
    at: datetime,
    user_id: str,
    mutation_id: str,
    entity: str,
    entity_id: str,
    org_id: str,
    op: str,
    changes: dict[str, tuple[Any, Any]],
) -> None:
    """Audit ``changes`` (field → (old, new)), written with the transaction's commit."""
    defer_insert(session, audit_history, [
        {
            "at": at, "user_id": user_id, "mutation_id": mutation_id, "entity": entity,
            "entity_id": entity_id, "org_id": org_id, "op": op, "field": field,
            "old_value": wire_value(old), "new_value": wire_value(new),
        }
        for field, (old, new) in sorted(changes.items())
    ])

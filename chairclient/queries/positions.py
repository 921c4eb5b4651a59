"""The signed-in user's positions as the registry last told them (kept in ``sync_state`` by the
sync: ``sync.state.put_positions``), for the UI to offer what the user may ask for. The
registry judges every request anyway."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from chairclient.db.models import SyncState

#: ``sync_state`` key: JSON ``[[org_id, role], …]``.
POSITIONS_KEY = "positions"

Positions = list[tuple[str, str]]


def held_positions(session: Session) -> Positions | None:
    """(organisation id, role) of each position; None when not known yet (an old store)."""
    raw = session.scalar(select(SyncState.value).where(SyncState.key == POSITIONS_KEY))
    if raw is None:
        return None
    try:
        return [(str(org_id), str(role)) for org_id, role in json.loads(raw)]
    except (ValueError, TypeError):
        return None

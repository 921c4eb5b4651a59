"""Field edits that would bypass a command's state machine are refused."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from registry.rules import Rejected

#: Member fields only the removal and restoration commands write.
LIFECYCLE_MEMBER_FIELDS = frozenset({"status", "removed_on", "removal_reason"})


def check_not_lifecycle(entity: str, fields: Mapping[str, Any]) -> None:
    """Membership history is appended to by commands, never edited or deleted in place."""
    if entity == "membership_event":
        raise Rejected("История членства не редактируется: используйте снятие или восстановление")
    if entity == "member" and LIFECYCLE_MEMBER_FIELDS & set(fields):
        raise Rejected(
            "Статус членства меняется только снятием с учёта или восстановлением"
        )

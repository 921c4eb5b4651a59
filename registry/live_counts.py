"""Live rows per organisation from the differences the write triggers append (PostgreSQL).

Migration 0006 makes every write to a synced table append, per organisation, how many live
rows it added or removed. The counts are the sums of those differences, read from one small
index. When an organisation has gathered many differences (a long-lived registry), the reader
folds them into one row per entity: the differences are deleted and their sum inserted in one
statement, so a concurrent writer's new difference is never lost and never counted twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

#: Fold an organisation's differences once they outnumber its entities this many times over.
FOLD_FACTOR = 4

_SELECT_SUMS = "SELECT org_id, entity, sum(delta) AS live, count(*) AS parts FROM live_row_counts"
_SUMS = text(f"{_SELECT_SUMS} WHERE org_id = ANY(:orgs) GROUP BY org_id, entity")
_SUMS_ALL = text(f"{_SELECT_SUMS} GROUP BY org_id, entity")
_FOLD = text(
    "WITH gone AS (DELETE FROM live_row_counts WHERE org_id = ANY(:orgs)"
    " RETURNING org_id, entity, delta)"
    " INSERT INTO live_row_counts (org_id, entity, delta)"
    " SELECT org_id, entity, sum(delta) FROM gone GROUP BY org_id, entity"
    " HAVING sum(delta) <> 0"
)


#: The sums of :data:`_SUMS` as one JSON value (to ride along in another statement).
SUMS_JSON = (
    "(SELECT json_agg(json_build_array(org_id, entity, live, parts)) FROM ("
    f"{_SELECT_SUMS} WHERE org_id = ANY(%(count_orgs)s) GROUP BY org_id, entity) s)"
)


def live_counts(session: Session, org_ids: list[str] | None) -> dict[str, dict[str, int]]:
    """``{org_id: {entity: live rows}}`` of ``org_ids`` (None: every organisation); entities
    with no live rows are left out, as a count by ``GROUP BY`` leaves them out."""
    found = session.execute(_SUMS_ALL if org_ids is None else _SUMS,
                            {} if org_ids is None else {"orgs": org_ids}).all()
    return counts_of_sums(session, found)


def counts_of_sums(session: Session, found: Sequence[Sequence[Any]]
                   ) -> dict[str, dict[str, int]]:
    """:func:`live_counts` from the rows ``(org_id, entity, live, parts)`` read; folds the
    organisations whose differences have piled up."""
    counts: dict[str, dict[str, int]] = {}
    parts: dict[str, list[int]] = {}
    for org_id, entity, live, pieces in found:
        if live:
            counts.setdefault(org_id, {})[entity] = int(live)
        tally = parts.setdefault(org_id, [0, 0])
        tally[0] += 1
        tally[1] += int(pieces)
    crowded = sorted(org for org, (entities, pieces) in parts.items()
                     if pieces > FOLD_FACTOR * entities)
    if crowded:
        fold(session, crowded)
    return counts


def fold(session: Session, org_ids: list[str]) -> None:
    """Replace the differences of ``org_ids`` by their sums (in its own transaction when the
    session reads in autocommit, as the registry's read sessions do)."""
    session.execute(_FOLD, {"orgs": org_ids})

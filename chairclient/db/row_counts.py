"""Live local rows per organisation, for the sync's count check after every sync.

The counts are kept on write by triggers (``synced_row_counts``, client migration 0005), so the
check reads a few hundred rows instead of counting a region's hundreds of thousands. Two
safeguards make a kept count a shortcut, never a source of truth:

* where a kept count differs from the registry's, the organisation's rows are counted
  (:func:`recount`) before anything is downloaded again;
* while a trigger is missing the kept counts are not used at all (:func:`kept_counts` answers
  None). A long pull drops the triggers on purpose (:func:`suspend_counting`: each costs a
  few microseconds per row, seconds in a first download) and puts them back with every count
  rebuilt (:func:`resume_counting`); a sync that finds them missing, after a crash in between,
  does the same first.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session

from chairclient.db.models import SYNCED_MODELS, SyncedRowCount

#: Rows not counted as live: deleted, or never acknowledged by the server. The same text as
#: the partial indexes of migration 0003 (SQLite uses one only for a matching condition).
UNSYNCED = "deleted <> 0 OR version <= 0"
_LIVE = "{row}.deleted = 0 AND {row}.version > 0"
_EVENTS = ("insert", "delete", "update")


def _tables() -> dict[str, str]:
    return {entity: model.__table__.name for entity, model in SYNCED_MODELS.items()}


def trigger_statements() -> dict[str, str]:
    """Trigger name → its CREATE TRIGGER statement (as migration 0005 creates them; a test
    checks that the two stay the same)."""
    statements: dict[str, str] = {}
    old, new = _LIVE.format(row="OLD"), _LIVE.format(row="NEW")
    for entity, table in _tables().items():
        add = ("INSERT INTO synced_row_counts (entity, org_id, live) "
               f"SELECT '{entity}', NEW.org_id, 1 WHERE {new} "
               "ON CONFLICT (entity, org_id) DO UPDATE SET live = live + 1;")
        remove = (f"UPDATE synced_row_counts SET live = live - 1 WHERE entity = '{entity}' "
                  f"AND org_id = OLD.org_id AND {old};")
        statements[f"{table}_count_insert"] = (
            f"CREATE TRIGGER {table}_count_insert AFTER INSERT ON {table} BEGIN {add} END")
        statements[f"{table}_count_delete"] = (
            f"CREATE TRIGGER {table}_count_delete AFTER DELETE ON {table} BEGIN {remove} END")
        statements[f"{table}_count_update"] = (
            f"CREATE TRIGGER {table}_count_update AFTER UPDATE OF org_id, deleted, version "
            f"ON {table} WHEN OLD.org_id IS NOT NEW.org_id OR ({old}) IS NOT ({new}) "
            f"BEGIN {remove} {add} END")
    return statements


#: The names of the triggers that keep the counts.
COUNT_TRIGGERS = frozenset(trigger_statements())


def _present_triggers(session: Session) -> set[str]:
    return set(session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))


def counting(session: Session) -> bool:
    """Whether every count trigger is in place."""
    return COUNT_TRIGGERS.issubset(_present_triggers(session))


def kept_counts(session: Session) -> dict[str, dict[str, int]] | None:
    """Live rows per organisation and entity, as the triggers kept them (no zero entries);
    None while a trigger is missing."""
    if not counting(session):
        return None
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    kept = SyncedRowCount.__table__.c
    for entity, org_id, live in session.execute(
        select(kept.entity, kept.org_id, kept.live).where(kept.live != 0)
    ):
        counts[org_id][entity] = live
    return dict(counts)


def suspend_counting(session: Session) -> None:
    """Drop the count triggers (a long pull is about to write many rows)."""
    for name in sorted(COUNT_TRIGGERS & _present_triggers(session)):
        session.execute(text(f"DROP TRIGGER {name}"))


def resume_counting(session: Session) -> None:
    """Put back any missing count trigger and rebuild every kept count from the rows."""
    present = _present_triggers(session)
    for name, statement in trigger_statements().items():
        if name not in present:
            session.execute(text(statement))
    _store(session, count_all(session), None)


def count_all(session: Session, org_id: str | None = None) -> dict[str, dict[str, int]]:
    """Live rows counted from the tables, per organisation (only ``org_id``, if given): per
    table, the rows per organisation (the ``org_id`` index) less the unsynced ones (the small
    partial index of migration 0003); no table rows are read."""
    only = "org_id = :org AND " if org_id is not None else ""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for entity, name in _tables().items():
        every = session.execute(text(
            f"SELECT org_id, count(*) FROM {name} WHERE {only}1 GROUP BY org_id"
        ), {"org": org_id})
        unsynced = dict(session.execute(text(
            f"SELECT org_id, count(*) FROM {name} WHERE {only}({UNSYNCED}) GROUP BY org_id"
        ), {"org": org_id}).all())
        for org, n in every:
            live = n - unsynced.get(org, 0)
            if live:
                counts[org][entity] = live
    return dict(counts)


def recount(session: Session, org_id: str) -> dict[str, int]:
    """Count ``org_id``'s live rows from the tables, and store them as its kept counts."""
    counted = count_all(session, org_id)
    _store(session, counted, org_id)
    return counted.get(org_id, {})


def _store(session: Session, counts: dict[str, dict[str, int]], org_id: str | None) -> None:
    """Replace the kept counts (of ``org_id`` only, if given) with ``counts``."""
    kept = SyncedRowCount.__table__
    session.execute(delete(kept) if org_id is None else delete(kept).where(kept.c.org_id == org_id))
    rows = [{"entity": entity, "org_id": org, "live": live}
            for org, per_entity in counts.items() for entity, live in per_entity.items()]
    if rows:
        session.execute(insert(kept), rows)

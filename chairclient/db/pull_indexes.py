"""Secondary indexes of the synced tables, dropped while a long pull writes and built again after.

A first download writes some 600,000 rows. Every secondary index costs each of them a B-tree
insert at a random place (ids are random): 20% of a table's write time per index, measured
on 100,000 card status changes. Building an index once after the load sorts its keys instead,
and packs it tighter. The indexes the pull itself reads by (a member's consents and cards, for
the derived columns) are kept, as are the primary keys and unique constraints, which the
upserts need, and the partial indexes of unsynced rows (migration 0003): a pulled row does not
enter them, so keeping them costs a condition per row, while building one reads its table.

While an index is missing queries are slower, never wrong. A pull builds them again at its end,
also when it fails; after a crash in between, opening the database does (:func:`restore`).
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import Connection, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex

from chairclient.db.models import SYNCED_MODELS

#: Indexes the pull reads by while it writes: kept in place.
PULL_READS = frozenset({"ix_consents_member_id", "ix_cards_member_id"})


@cache
def index_statements() -> dict[str, str]:
    """Name → ``CREATE INDEX`` of each index a long pull drops: the models' own secondary
    indexes but :data:`PULL_READS` (a test checks them against a migrated database)."""
    statements: dict[str, str] = {}
    dialect = sqlite.dialect()
    for model in SYNCED_MODELS.values():
        for index in sorted(model.__table__.indexes, key=lambda i: str(i.name)):
            if not index.unique and index.name not in PULL_READS:
                statements[str(index.name)] = str(CreateIndex(index).compile(dialect=dialect))
    return statements


def _present(connection: Connection) -> set[str]:
    return set(connection.scalars(text("SELECT name FROM sqlite_master WHERE type = 'index'")))


def suspend(connection: Connection) -> None:
    """Drop the indexes (in the caller's transaction)."""
    for name in sorted(set(index_statements()) & _present(connection)):
        connection.execute(text(f"DROP INDEX {name}"))


def missing(connection: Connection) -> list[str]:
    """The names of the indexes not in place."""
    return sorted(set(index_statements()) - _present(connection))


def restore(connection: Connection) -> None:
    """Build every missing index (in the caller's transaction)."""
    statements = index_statements()
    for name in missing(connection):
        connection.execute(text(statements[name]))

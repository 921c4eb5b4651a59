"""Rows inserted just before their transaction commits, each table's rows in one statement.

Audit rows and stored mutation results are only ever read in later transactions, so a push of
fifty mutations need not send a hundred single-row INSERTs: they wait in the session and go
out together (an executemany, which SQLAlchemy sends as one multi-row INSERT) right before the
commit, in the order they were added. Inside a savepoint they are written at once, so that
the savepoint's rollback undoes them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

_KEY = "registry.deferred_inserts"


def defer_insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table`` before the commit."""
    if not rows:
        return
    if session.in_nested_transaction():
        session.execute(insert(table), rows)
        return
    pending: dict[tuple[str, tuple[str, ...]], tuple[Table, list[dict[str, Any]]]]
    pending = session.info.setdefault(_KEY, {})
    pending.setdefault((table.name, tuple(rows[0])), (table, []))[1].extend(rows)


def take_deferred(session: Session) -> list[tuple[Table, list[dict[str, Any]]]]:
    """What :func:`defer_insert` kept, per table and key set in the order first added; the
    session keeps none of it."""
    return list(session.info.pop(_KEY, {}).values())


def flush_deferred(session: Session) -> None:
    """Write what :func:`defer_insert` kept (called by the commit hook in
    :mod:`registry.changelog`, before the change-log entries)."""
    for table, rows in take_deferred(session):
        session.execute(insert(table), rows)


def drop_deferred(session: Session) -> None:
    """Forget the kept rows (the transaction rolled back)."""
    session.info.pop(_KEY, None)

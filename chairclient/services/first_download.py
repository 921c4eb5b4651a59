"""What a first download leaves to its end, and finishing it.

A first download (a store with no cursors yet) writes from its second page on without the
synced tables' secondary indexes (:mod:`chairclient.db.pull_indexes`), and without the member
columns that consents and cards decide (consent flag, card status and number, search text):
the registry sends a region's members first and their consents and cards later, so each
member row would be rewritten once for its consent and again for its card.

:func:`finish` computes those columns and builds the indexes in one transaction: at the end
of the download, also when it fails, and when the database is opened after a download that
never finished (the indexes are then missing: :func:`unfinished`).
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from chairclient.db import pull_indexes
from chairclient.services.derived import refresh_child_columns


def unfinished(connection: Connection) -> bool:
    """Whether a first download began and has not been finished."""
    return bool(pull_indexes.missing(connection))


def finish(session: Session) -> None:
    """The member columns consents and cards decide, for every member, then the indexes (in
    the caller's transaction; the columns first: the recount after reads by the indexes, the
    update needs none of them)."""
    refresh_child_columns(session)
    pull_indexes.restore(session.connection())

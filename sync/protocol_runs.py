"""The rows of a pulled page: runs (:class:`ChangeRun`), and the changes one by one for tests
and tools (:func:`changes_of`). Part of the wire format (:mod:`sync.protocol`)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

#: The first columns of every row of a run: which row, its organisation and its version.
RUN_KEY_COLUMNS = ("id", "org_id", "version")
#: The columns of a tombstone run's rows.
TOMBSTONE_COLUMNS = list(RUN_KEY_COLUMNS)


class ChangeRun(BaseModel):
    """Consecutive changes of one entity, in server order, each a row of values in ``columns``
    order. ``columns`` starts with ``id``, ``org_id`` and ``version``.

    A live run (``deleted`` false) holds full rows: every wire column follows (a live row is
    not deleted). A tombstone run (``deleted``) holds just ``id``, ``org_id``, ``version``:
    the row left that organisation or was deleted, and the local row is removed only while it
    still belongs to ``org_id`` (a row moved to another organisation arrives there as a full
    row).

    Rows rather than objects: a first download brings hundreds of thousands of them, and the
    field names repeated in each were half of the bytes and of the client's reading.
    """

    entity: str
    deleted: bool = False
    columns: list[str]
    rows: list[list[Any]]


def changes_of(runs: list[Any]) -> list[dict[str, Any]]:
    """The changes of ``runs`` (models or their JSON values) one by one, in order: ``entity``,
    ``id``, ``org_id``, ``version``, ``deleted`` and ``row`` (by column name, None for a
    tombstone). For tests and tools; the client applies whole runs."""
    found: list[dict[str, Any]] = []
    for run in runs:
        values = run if isinstance(run, dict) else run.model_dump()
        deleted = bool(values.get("deleted"))
        for row in values["rows"]:
            named = dict(zip(values["columns"], row, strict=True))
            found.append({
                "entity": values["entity"], "id": named["id"], "org_id": named["org_id"],
                "version": named["version"], "deleted": deleted,
                "row": None if deleted else named,
            })
    return found

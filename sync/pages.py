"""How the client reads the registry's pages: runs of rows as plain lists, checked in one pass.

The JSON is the one :class:`sync.protocol.PullResponse` and ``ExchangeResponse`` describe (the
server's models and the OpenAPI schema). A first download brings some 600,000 rows; as
pydantic models they took twice the time of typed dicts and lists to parse, all of it on the
client's one busy thread, and the pull only reads them. So :func:`read_page` and
:func:`read_answer` read the JSON with orjson (twice as fast as pydantic's reader, and the
interpreter lock the parse holds is the applying thread's too), validate the envelope with
the models and check the runs themselves, column-wise in C. Types are still checked: a page
with a run of the wrong shape, a row of the wrong length, an id that is not text or a version
that is not a whole number is refused whole.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any, NotRequired

import orjson
from pydantic import model_validator
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

from sync.protocol import ExchangeResponse, PullResponse
from sync.protocol_runs import RUN_KEY_COLUMNS

#: A run row's id, organisation and version: its first three values.
run_keys = itemgetter(0, 1, 2)


class PulledRun(TypedDict):
    """:class:`sync.protocol.ChangeRun` as the client holds it."""

    entity: str
    deleted: NotRequired[bool]
    columns: list[str]
    rows: list[list[Any]]


def check_run(run: PulledRun) -> None:
    """Raise ValueError unless every row has one value per column and starts with a text id,
    a text organisation and a whole-number version (checked column-wise, in C)."""
    columns, rows = run["columns"], run["rows"]
    if tuple(columns[:3]) != RUN_KEY_COLUMNS:
        raise ValueError(f"a run of {run['entity']} does not start with id, org_id, version")
    if not rows:
        return
    if set(map(len, rows)) != {len(columns)}:
        raise ValueError(f"a run of {run['entity']} has rows of the wrong length")
    ids, orgs, versions = zip(*map(run_keys, rows), strict=True)
    if not set(map(type, ids)) | set(map(type, orgs)) <= {str}:
        raise ValueError(f"a run of {run['entity']} has an id that is not text")
    if not set(map(type, versions)) <= {int}:
        raise ValueError(f"a run of {run['entity']} has a version that is not a whole number")


class PulledPage(PullResponse):
    """:class:`sync.protocol.PullResponse` with :class:`PulledRun` runs."""

    runs: list[PulledRun]  # type: ignore[assignment]

    @model_validator(mode="after")
    def _rows_fit(self) -> PulledPage:
        for run in self.runs:
            check_run(run)
        return self

    @property
    def size(self) -> int:
        """How many changes the page holds."""
        return sum(len(run["rows"]) for run in self.runs)


class ExchangeAnswer(ExchangeResponse):
    """:class:`sync.protocol.ExchangeResponse` with a :class:`PulledPage`."""

    page: PulledPage | None = None


def read_page(raw: bytes) -> PulledPage:
    """A ``/sync/pull`` answer; ValueError if it is not a valid page."""
    data = orjson.loads(raw)
    runs = _take_runs(data)
    page = PulledPage.model_validate(data)
    page.runs = runs
    return page


def read_answer(raw: bytes) -> ExchangeAnswer:
    """A ``/sync/exchange`` answer; ValueError if it is not a valid one."""
    data = orjson.loads(raw)
    runs = _take_runs(data.get("page")) if isinstance(data, dict) else []
    answer = ExchangeAnswer.model_validate(data)
    if answer.page is not None:
        answer.page.runs = runs
    return answer


def _take_runs(page: Any) -> list[PulledRun]:
    """The page's runs, checked, leaving an empty list in their place for the model (a page
    without runs is left for the model to refuse)."""
    if not isinstance(page, dict) or "runs" not in page:
        return []
    runs, page["runs"] = page["runs"], []
    if not isinstance(runs, list):
        raise ValueError("the page's runs are not a list")
    for run in runs:
        if not (isinstance(run, dict) and isinstance(run.get("entity"), str)
                and isinstance(run.get("deleted", False), bool)
                and isinstance(run.get("columns"), list) and isinstance(run.get("rows"), list)
                and set(map(type, run["columns"])) <= {str}
                and set(map(type, run["rows"])) <= {list}):
            raise ValueError("a run of the page is not entity, deleted, columns and rows")
        check_run(run)
    return runs

"""Value types of the wire format (:mod:`sync.protocol`) with their own checks.

``UtcTime``: a moment in UTC that always travels with its zone. ``FieldValues``: the ``fields``
and ``base`` of a mutation, plain JSON that every database stores and every reader reads back.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

#: Deepest nesting of lists and objects inside a mutation's ``fields`` and ``base`` values.
MAX_VALUE_DEPTH = 16


def _as_utc(value: datetime) -> datetime:
    """A time without a zone is UTC (the server keeps naive UTC): it travels with ``Z``."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


#: A moment in UTC; always sent with its zone, so it is an RFC 3339 ``date-time``.
UtcTime = Annotated[datetime, AfterValidator(_as_utc)]


def _plain_json(values: dict[str, Any]) -> dict[str, Any]:
    """Field values any database stores and any JSON reader reads back: finite numbers only
    (no NaN, no Infinity, nothing like 1e400) and at most :data:`MAX_VALUE_DEPTH` levels."""
    stack: list[tuple[Any, int]] = [(value, 1) for value in values.values()]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            raise PydanticCustomError("number_not_finite", "NaN and Infinity are not numbers")
        if isinstance(value, dict | list):
            if depth > MAX_VALUE_DEPTH:
                raise PydanticCustomError(
                    "json_too_deep", "Nested deeper than {max_depth} levels",
                    {"max_depth": MAX_VALUE_DEPTH},
                )
            items = value.values() if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items)
    return values


#: The ``fields`` or ``base`` of a mutation: column name → a plain JSON value.
FieldValues = Annotated[dict[str, Any], AfterValidator(_plain_json)]

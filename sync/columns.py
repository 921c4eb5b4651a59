"""Column-wise converters: a whole column of values (one page's run of rows) to what the
SQLite driver stores, exactly as SQLAlchemy's own column types would store them.

A first download converts about a million dates and times. Per value, a Python call each cost
more than SQLite itself; here the common case runs in C (``map`` over ``fromisoformat`` and
``isoformat``) and only odd values take the per-value path.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from datetime import date, datetime
from operator import attrgetter, methodcaller
from typing import Any

from sqlalchemy import Boolean, Date, DateTime

Convert = Callable[[Any], Any]
#: Takes a column's values (None for NULL) and gives the values to bind, same length.
ColumnConvert = Callable[[Sequence[Any]], Sequence[Any]]

_TZINFO = attrgetter("tzinfo")
#: ``YYYY-MM-DD HH:MM:SS.ffffff``: SQLAlchemy's storage format for SQLite date-times.
_STORED_MOMENT = methodcaller("isoformat", " ", "microseconds")
_DAY_LENGTH = len("2000-01-01")
_NONE = type(None)


def _each(convert: Convert) -> ColumnConvert:
    def column(values: Sequence[Any]) -> Sequence[Any]:
        return [None if v is None else convert(v) for v in values]

    return column


def _present(values: Sequence[Any]) -> Sequence[Any]:
    return [v for v in values if v is not None] if None in values else values


def _iso_texts(values: Sequence[Any]) -> Sequence[Any] | None:
    """The non-None values when every one is text (ISO, converted in C); else None."""
    present = _present(values)
    return present if set(map(type, present)) <= {str} else None


def _refill(values: Sequence[Any], present: Sequence[Any], converted: Any) -> Sequence[Any]:
    """``values`` with each value of ``present`` (the non-None ones, in order) replaced by the
    matching one of ``converted``; None stays None. (A lookup runs in C; equal values convert
    equally.)"""
    if present is values:
        return list(converted)
    return list(map(dict(zip(present, converted, strict=True)).get, values))


def _wire_moment(value: Any) -> Any:
    """One wire date-time as a Python value (an aware one loses its zone: server time is UTC)."""
    if isinstance(value, str):
        parsed = datetime.fromisoformat(value)
        return parsed.replace(tzinfo=None) if parsed.tzinfo else parsed
    return value


def _wire_day(value: Any) -> Any:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _moments(convert: Convert) -> ColumnConvert:
    slow = _each(lambda v: convert(_wire_moment(v)))

    def column(values: Sequence[Any]) -> Sequence[Any]:
        present = _iso_texts(values)
        if present is None:
            return slow(values)
        parsed = list(map(datetime.fromisoformat, present))  # a bad value raises here
        if any(map(_TZINFO, parsed)):
            return slow(values)
        return _refill(values, present, map(_STORED_MOMENT, parsed))

    return column


def _days(convert: Convert) -> ColumnConvert:
    slow = _each(lambda v: convert(_wire_day(v)))

    def column(values: Sequence[Any]) -> Sequence[Any]:
        present = _iso_texts(values)
        if present is None:
            return slow(values)
        deque(map(date.fromisoformat, present), maxlen=0)  # a bad value raises here
        if set(map(len, present)) <= {_DAY_LENGTH}:
            return values  # already ``YYYY-MM-DD``, the storage format
        return slow(values)

    return column


def _booleans(convert: Convert) -> ColumnConvert:
    slow = _each(convert)

    def column(values: Sequence[Any]) -> Sequence[Any]:
        if set(map(type, values)) <= {bool, _NONE}:
            return values  # the driver binds True and False as 1 and 0, as SQLAlchemy does
        return slow(values)

    return column


def column_converter(kind: Any, convert: Convert | None, wire: bool) -> ColumnConvert | None:
    """The converter of a column of type ``kind`` whose own bind processor is ``convert``;
    ``wire``: the values are JSON values (dates and times as ISO text)."""
    if wire and isinstance(kind, DateTime):
        return _moments(convert) if convert else _each(_wire_moment)
    if wire and isinstance(kind, Date):
        return _days(convert) if convert else _each(_wire_day)
    if convert is None:
        return None
    if isinstance(kind, Boolean):
        return _booleans(convert)
    return _each(convert)

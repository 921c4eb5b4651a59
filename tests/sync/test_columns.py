"""Column-wise converters store exactly what SQLAlchemy's column types store for the same value,
and refuse what those refuse."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Boolean, Date, DateTime, Integer, String
from sqlalchemy.dialects import sqlite

from sync.columns import column_converter

DIALECT = sqlite.dialect()


def _processor(kind):
    return kind.dialect_impl(DIALECT).bind_processor(DIALECT)


def _stored_moment(value: str | None) -> str | None:
    """What SQLAlchemy stores for a wire date-time (an aware one keeps its wall time)."""
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    return _processor(DateTime())(parsed.replace(tzinfo=None))


def _wire_moments(moment: datetime, style: int) -> str:
    """The shapes a registry sends: Python's and PostgreSQL's ISO text, with or without zone."""
    if style == 0:
        return moment.isoformat()
    if style == 1:  # PostgreSQL trims trailing zeros of the fraction
        text = moment.isoformat(timespec="microseconds").rstrip("0").rstrip(".")
        return text
    if style == 2:
        return moment.replace(tzinfo=UTC).isoformat()
    return moment.replace(tzinfo=timezone(timedelta(hours=3))).isoformat().replace("+03:00", "+03")


moments = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.tuples(moments, st.integers(0, 3))), max_size=30))
def test_date_times_stored_as_sqlalchemy_stores_them(values) -> None:
    wire = [None if v is None else _wire_moments(*v) for v in values]
    convert = column_converter(DateTime(), _processor(DateTime()), wire=True)
    assert convert(list(wire)) == [_stored_moment(v) for v in wire]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.dates(), st.dates(min_value=date(1000, 1, 1)).map(lambda d: d.strftime("%Y%m%d"))),
                max_size=30))
def test_dates_stored_as_sqlalchemy_stores_them(values) -> None:
    wire = [v.isoformat() if isinstance(v, date) else v for v in values]
    convert = column_converter(Date(), _processor(Date()), wire=True)
    expected = [None if v is None else _processor(Date())(date.fromisoformat(v)) for v in wire]
    assert convert(list(wire)) == expected


@pytest.mark.parametrize(("kind", "bad"), [
    (DateTime(), "2025-02-30T10:00:00"),
    (DateTime(), "вчера"),
    (Date(), "2025-13-01"),
    (Date(), "01.02.2025"),
])
def test_a_bad_value_among_good_ones_is_refused(kind, bad) -> None:
    good = "2025-01-31T10:00:00" if isinstance(kind, DateTime) else "2025-01-31"
    convert = column_converter(kind, _processor(kind), wire=True)
    with pytest.raises(ValueError):
        convert([good, None, bad, good])


def test_python_values_and_booleans_go_through_the_column_types() -> None:
    moment = datetime(2025, 3, 1, 9, 0, 2)
    python_times = column_converter(DateTime(), _processor(DateTime()), wire=False)
    assert python_times([moment, None]) == [_processor(DateTime())(moment), None]
    booleans = column_converter(Boolean(), _processor(Boolean()), wire=True)
    assert booleans([True, None, False]) == [True, None, False]
    assert booleans([1, 0, None]) == [1, 0, None]
    with pytest.raises(TypeError):
        booleans([True, "да"])
    assert column_converter(String(), _processor(String()), wire=True) is None
    assert column_converter(Integer(), _processor(Integer()), wire=True) is None

"""A pulled page's members are derived column by column: the same completeness, search text
and derived columns as one member at a time, for any values (hypothesis)."""

from __future__ import annotations

import gc
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from chairclient.services.derived import DERIVED, NO_CARD, derived_columns, derived_row
from chairclient.text import member_search_text, member_search_texts
from chairclient.validation import complete_members, is_member_complete
from chairclient.validation.member import _ALWAYS_REQUIRED_LAST, _REQUIRED_FIELDS

quick = settings(max_examples=150, deadline=None)

FIELDS = sorted({name for fields in _REQUIRED_FIELDS.values() for name in fields}
                | {"position_code", "position_text", "patronymic", "snils", *_ALWAYS_REQUIRED_LAST}
                - {"position"})
#: Mostly filled (a card is complete only if every required field is), sometimes blank.
TEXTS = st.sampled_from(["Иванова", " Ёлкин ", "ЁЖИК", "Анна-Мария", "2020-01-01", "x",
                         "123-456-789 64", "", " ", "\t"])
VALUES = st.one_of(TEXTS, st.none(), st.integers(0, 3), st.booleans(), st.just([]),
                   st.just(["a"]))
CATEGORIES = st.one_of(st.none(), st.sampled_from(
    ["working", "student", "pensioner", "unemployed", "", " student ", "другое"]),
    st.integers(0, 1), st.just(["working"]))


@st.composite
def members(draw: Any) -> list[dict[str, Any]]:
    count = draw(st.integers(0, 12))
    present = set(FIELDS) - draw(st.sets(st.sampled_from(FIELDS), max_size=2))  # (not sent)
    texts = draw(st.sets(st.sampled_from(FIELDS)))  # columns of text alone (the usual ones)
    found = []
    for _ in range(count):
        values = {name: draw(TEXTS if name in texts else VALUES) for name in present}
        values["category"] = draw(CATEGORIES)
        found.append(values)
    return found


def _columns(rows: list[dict[str, Any]], names: list[str]) -> dict[str, tuple]:
    return {name: tuple(row.get(name) for row in rows) for name in names}


@quick
@given(members())
def test_completeness_column_by_column_is_one_by_one(rows: list[dict[str, Any]]) -> None:
    names = sorted({name for row in rows for name in row})
    assert complete_members(_columns(rows, names), len(rows)) == [
        is_member_complete(row) for row in rows]


NAMES = st.one_of(st.none(), st.sampled_from(["", "  ", "Ёлкина", "иВАНОВА", "Анна  Мария",
                                              "Пётр\tИльич", "x"]))
SNILS = st.one_of(st.none(), st.sampled_from(["", "123-456-789 64", "12345678964", "abc"]))
NUMBERS = st.one_of(st.none(), st.sampled_from(["", "9643000012345678", "12 34"]))


@quick
@given(st.lists(st.tuples(NAMES, NAMES, NAMES, SNILS, NUMBERS), max_size=12))
def test_search_text_column_by_column_is_one_by_one(rows: list[tuple]) -> None:
    columns = list(zip(*rows, strict=True)) if rows else [(), (), (), (), ()]
    assert member_search_texts(*columns) == [member_search_text(*row) for row in rows]


@quick
@given(members(), st.data())
def test_derived_columns_are_the_derived_rows(rows: list[dict[str, Any]], data: Any) -> None:
    ids = [f"m{i}" for i in range(len(rows))]
    for row in rows:
        row.update(last_name=data.draw(NAMES), first_name=data.draw(NAMES),
                   snils=data.draw(SNILS))
    consented = set(data.draw(st.lists(st.sampled_from(ids), unique=True)) if ids else [])
    cards = {i: (data.draw(st.sampled_from(["issued", "in_request"])), data.draw(NUMBERS))
             for i in (data.draw(st.lists(st.sampled_from(ids), unique=True)) if ids else [])}
    names = sorted({name for row in rows for name in row})
    got = derived_columns(_columns(rows, names), ids, consented, cards)
    expected = [derived_row(row, member_id in consented, cards.get(member_id, NO_CARD))
                for member_id, row in zip(ids, rows, strict=True)]
    assert len(got) == len(DERIVED)
    assert [tuple(values) for values in zip(*got, strict=True)] == expected


def test_deriving_a_page_leaves_no_reference_cycles() -> None:
    """A long pull pauses the garbage collector: whatever a page leaves in a reference cycle
    (with the page's columns) would stay in memory until the pull ends."""
    rows = [{"last_name": "Иванова", "first_name": "Анна", "category": category,
             "position_text": None, "snils": "123-456-789 64"}
            for category in ("working", "student", None, "другое") * 50]
    names = sorted({name for row in rows for name in row})
    ids = [f"m{i}" for i in range(len(rows))]
    gc.collect()
    gc.disable()
    try:
        derived_columns(_columns(rows, names), ids, set(ids[::2]), {ids[1]: ("issued", "1")})
        assert gc.collect() == 0
    finally:
        gc.enable()

"""Search, filters and sorting of the member list happen in SQL."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chairclient.queries.members import MemberFilter, count_members, fetch_rows, member_ids
from chairclient.services.members import save_member, set_consent
from chairclient.text import fold, search_tokens
from tests.core.factories import add_org, member_values

PEOPLE = [
    ("Ёлкина", "Алёна", "Петровна", "F", "112-233-445 95"),
    ("Елкин", "Пётр", "Семёнович", "M", None),
    ("Иванова", "Мария", "Ивановна", "F", None),
    ("Сидоров", "Иван", None, "M", None),
    ("Иванов-Петров", "Олег", "Ильич", "M", None),
]


def _populate(db) -> tuple[str, str, dict[str, str]]:
    org = add_org(db, code="02-001")
    other = add_org(db, code="02-002", name="ППО другой школы")
    ids = {}
    with db.transaction() as s:
        for last, first, patr, sex, snils in PEOPLE:
            ids[last] = save_member(s, org, member_values(
                last_name=last, first_name=first, patronymic=patr, sex=sex, snils=snils)).member_id
        save_member(s, other, member_values(last_name="Иванов", first_name="Чужой"))
        set_consent(s, ids["Иванова"], True)
    return org, other, ids


def _names(db, flt: MemberFilter) -> list[str]:
    with db.session() as s:
        ids = member_ids(s, flt)
        rows = fetch_rows(s, ids)
    return [rows[i].last_name for i in ids]


def test_yo_and_case_insensitive(db) -> None:
    org, _, _ = _populate(db)
    assert _names(db, MemberFilter((org,), text="ЕЛКИН")) == ["Елкин", "Ёлкина"]
    assert _names(db, MemberFilter((org,), text="алена")) == ["Ёлкина"]
    assert _names(db, MemberFilter((org,), text="семенович")) == ["Елкин"]


def test_substring_several_words_snils_and_scope(db) -> None:
    org, other, _ = _populate(db)
    assert _names(db, MemberFilter((org,), text="иванов")) == ["Иванов-Петров", "Иванова"]
    assert _names(db, MemberFilter((org,), text="иван мар")) == ["Иванова"]
    assert _names(db, MemberFilter((org,), text="112-233")) == ["Ёлкина"]
    assert _names(db, MemberFilter((org,), text="11223344595")) == ["Ёлкина"]
    assert "Иванов" in _names(db, MemberFilter((org, other), text="иванов"))


def test_filters_and_sorting(db) -> None:
    org, _, _ = _populate(db)
    assert _names(db, MemberFilter((org,), has_consent=True)) == ["Иванова"]
    by_name_desc = _names(db, MemberFilter((org,), sort_key="full_name", descending=True))
    assert by_name_desc == ["Сидоров", "Иванова", "Иванов-Петров", "Ёлкина", "Елкин"]
    with db.session() as s:
        assert count_members(s, MemberFilter((org,), category="working")) == 5
        assert count_members(s, MemberFilter((org,), category="student")) == 0


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="АБВЁЕЖёеабв -", max_size=20))
def test_fold_is_idempotent_and_has_no_yo(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert "ё" not in once and once == once.strip()
    assert all(t for t in search_tokens(text))


def test_rows_name_their_organisation(db) -> None:
    org, other, ids = _populate(db)
    with db.session() as s:
        rows = fetch_rows(s, [ids["Иванова"]])
    assert rows[ids["Иванова"]].org_id == org
    assert rows[ids["Иванова"]].org_name == "ППО МБОУ СОШ № 1"


def test_sort_by_organisation(db) -> None:
    org, other, _ = _populate(db)
    with db.session() as s:
        ids = member_ids(s, MemberFilter((org, other), sort_key="org_name"))
        rows = fetch_rows(s, ids)
    assert [rows[i].org_name for i in ids][0] == "ППО МБОУ СОШ № 1"
    assert [rows[i].org_name for i in ids][-1] == "ППО другой школы"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="АбЁё Ee\t\n\u00a0\u2003\x1c-.", max_size=25))
def test_fold_collapses_every_unicode_space_as_the_regex_definition(text: str) -> None:
    import re

    assert fold(text) == re.sub(r"\s+", " ", text.casefold().replace("ё", "е")).strip()

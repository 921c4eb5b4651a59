"""Text normalisation for search: case-insensitive for Cyrillic, ё = е."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import repeat
from operator import methodcaller
from typing import Any

_NON_DIGITS = re.compile(r"\D")
_NUMBER_LIKE = re.compile(r"^[\d\s\-]+$")
_YO = methodcaller("replace", "ё", "е")


def fold(text: str | None) -> str:
    """Casefold, ё→е, collapse whitespace: the form both search column and query are kept in."""
    if not text:
        return ""
    return " ".join(text.casefold().replace("ё", "е").split())


def search_tokens(query: str) -> list[str]:
    """Tokens of a search box query; a number typed with dashes or spaces (СНИЛС) is one token."""
    folded = fold(query)
    if not folded:
        return []
    if _NUMBER_LIKE.match(folded) and sum(ch.isdigit() for ch in folded) >= 3:
        return [_NON_DIGITS.sub("", folded)]
    return folded.split(" ")


def member_search_text(
    last_name: str | None,
    first_name: str | None,
    patronymic: str | None,
    snils: str | None,
    card_number: str | None,
) -> str:
    """The member's search column: the full name first, so sorting by it sorts by name."""
    name = fold(f"{last_name or ''} {first_name or ''} {patronymic or ''}")
    digits = _NON_DIGITS.sub("", snils) if snils else ""
    return " ".join(p for p in (name, digits, card_number) if p)


def member_search_texts(
    last_names: Sequence[Any], first_names: Sequence[Any], patronymics: Sequence[Any],
    snils: Sequence[str | None], card_numbers: Sequence[str | None],
) -> list[str]:
    """:func:`member_search_text` of many members given column by column (a pulled page's
    members), the same texts, computed a step at a time over whole columns in C."""
    names = map(" ".join, zip(*map(_blank_for_none, (last_names, first_names, patronymics)),
                              strict=True))
    folded = map(" ".join, map(str.split, map(_YO, map(str.casefold, names))))
    digits = (_NON_DIGITS.sub("", value) if value else "" for value in snils)
    parts = zip(folded, digits, _blank_for_none(card_numbers), strict=True)
    return list(map(" ".join, map(filter, repeat(None), parts)))


def _blank_for_none(values: Sequence[Any]) -> Sequence[str]:
    """The values as :func:`member_search_text` puts them in its text: ``f"{value or ''}"``."""
    if all(values) and set(map(type, values)) <= {str}:
        return values
    return [f"{value or ''}" for value in values]


def organisation_search_text(short_name: str | None, full_name: str | None, code: str) -> str:
    """The organisation's search column (tree filter): names and registry code."""
    return fold(f"{short_name or ''} {full_name or ''} {code}")

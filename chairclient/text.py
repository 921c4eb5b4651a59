"""Text normalisation for search: case-insensitive for Cyrillic, ё = е."""

from __future__ import annotations

import re

_NON_DIGITS = re.compile(r"\D")
_NUMBER_LIKE = re.compile(r"^[\d\s\-]+$")


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


def organisation_search_text(short_name: str | None, full_name: str | None, code: str) -> str:
    """The organisation's search column (tree filter): names and registry code."""
    return fold(f"{short_name or ''} {full_name or ''} {code}")

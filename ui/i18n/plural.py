"""Russian plural forms (один член / два члена / пять членов)."""

from __future__ import annotations


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    """Pick the Russian form for ``n``: 1, 21, 101 → one; 2–4, 22–24 → few; else many.

    Qt applies the same rule to ``%n`` strings of the Russian ``.ts``; the tests use this
    function to check that every numerus translation agrees with it.
    """
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many

"""Russian formatting: dates dd.mm.yyyy and plural forms."""

from __future__ import annotations

from datetime import date


def ru_date(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def plural(n: int, one: str, few: str, many: str) -> str:
    """``plural(21, "билет", "билета", "билетов")`` → «билет»."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many

"""How values look in the UI: dates dd.mm.yyyy, phones, numbers with Russian grouping."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QLocale


def format_date(value: date | None) -> str:
    """``date(1985, 3, 7)`` → ``07.03.1985``; nothing → empty."""
    return value.strftime("%d.%m.%Y") if value else ""


def format_phone(value: str | None) -> str:
    """``+79123456789`` → ``+7 912 345-67-89``; anything else is shown as stored."""
    if not value:
        return ""
    match = re.fullmatch(r"\+7(\d{3})(\d{3})(\d{2})(\d{2})", value)
    if not match:
        return value
    return "+7 {} {}-{}-{}".format(*match.groups())


def format_number(value: int) -> str:
    """``3000`` → ``3 000`` in the current (Russian) locale."""
    return QLocale().toString(value)

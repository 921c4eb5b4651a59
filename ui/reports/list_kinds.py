"""The lists the «Отчёты» menu offers: titles, file names, default periods (no Qt widgets)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True)
class ListChoice:
    key: str  # reports.excel.lists.KINDS
    menu_text: str
    file_stem: str
    needs_period: bool = False
    has_columns: bool = False


def list_choices() -> list[ListChoice]:
    return [
        ListChoice(
            "members",
            QCoreApplication.translate("Reports", "&Members (choose the columns)…"),
            "Список членов Профсоюза",
            has_columns=True,
        ),
        ListChoice(
            "without-consent",
            QCoreApplication.translate("Reports", "Members &without a consent…"),
            "Члены Профсоюза без согласия",
        ),
        ListChoice(
            "without-card",
            QCoreApplication.translate("Reports", "Members without an &electronic union card…"),
            "Члены Профсоюза без ЭПБ",
        ),
        ListChoice(
            "cards-to-hand-out",
            QCoreApplication.translate("Reports", "&Cards to hand out…"),
            "ЭПБ к выдаче",
        ),
        ListChoice(
            "birthdays",
            QCoreApplication.translate("Reports", "&Birthdays in a period…"),
            "Дни рождения",
            needs_period=True,
        ),
        ListChoice(
            "removed",
            QCoreApplication.translate("Reports", "&Removed from the register in a period…"),
            "Снятые с учёта",
            needs_period=True,
        ),
    ]


def default_period(key: str, today: date | None = None) -> tuple[date, date]:
    """Birthdays: the coming month; removals: since 1 January."""
    today = today or date.today()
    if key == "birthdays":
        return today, today + timedelta(days=30)
    return date(today.year, 1, 1), today

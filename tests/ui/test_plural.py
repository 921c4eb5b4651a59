"""Russian plural forms: the helper and the Qt numerus translations agree."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from ui.i18n import plural_ru
from ui.i18n.formats import format_date, format_phone


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "членов"), (1, "член"), (2, "члена"), (3, "члена"), (4, "члена"), (5, "членов"),
     (11, "членов"), (12, "членов"), (14, "членов"), (21, "член"), (22, "члена"),
     (25, "членов"), (101, "член"), (111, "членов"), (112, "членов"), (1001, "член"),
     (3000, "членов")],
)
def test_plural_ru(n: int, expected: str) -> None:
    assert plural_ru(n, "член", "члена", "членов") == expected


def _count_text(n: int) -> str:
    return QCoreApplication.translate("StatusBar", "%Ln union member(s) on the register", "", n)


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "1 член Профсоюза на учёте"), (3, "3 члена Профсоюза на учёте"),
     (5, "5 членов Профсоюза на учёте"), (21, "21 член Профсоюза на учёте"),
     (3000, "3\u00a0000 членов Профсоюза на учёте")],
)
def test_status_bar_count_text(n: int, expected: str) -> None:
    assert _count_text(n) == expected


def test_qt_plural_rules_match_the_helper() -> None:
    for n in range(0, 250):
        word = _count_text(n).split()[1]
        assert word == plural_ru(n, "член", "члена", "членов"), n


def test_formats() -> None:
    from datetime import date

    assert format_date(date(1985, 3, 7)) == "07.03.1985"
    assert format_date(None) == ""
    assert format_phone("+79123456789") == "+7 912 345-67-89"
    assert format_phone("12-34") == "12-34"

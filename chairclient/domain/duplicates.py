"""Who is the same person: one home for the rule the card, the import, the registry's
duplicates report and the regional list use.

With a СНИЛС the СНИЛС decides (the registry refuses a second card on the register). Without
one, the same surname, first name, patronymic and birth date (case and ё/е ignored) make a
*possible* duplicate: a warning the chair decides on, never a refusal — namesakes born on the
same day exist.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from chairclient.text import fold


def name_key(values: Mapping[str, Any]) -> tuple[str, str, str, date] | None:
    """The name-and-birth-date key of a card; None without a surname, a name or a birth date."""
    born = values.get("birth_date")
    last, first = fold(values.get("last_name") or ""), fold(values.get("first_name") or "")
    if not (last and first and isinstance(born, date)):
        return None
    return last, first, fold(values.get("patronymic") or ""), born


@dataclass(frozen=True)
class DuplicateGroup:
    """Cards of one person: ``by`` is ``"snils"`` or ``"name_birth_date"``."""

    by: str
    rows: tuple[Mapping[str, Any], ...]


def group_duplicates(
    rows: Iterable[Mapping[str, Any]], *, active_only: bool = True
) -> list[DuplicateGroup]:
    """Groups of two or more cards of one person: by СНИЛС, then (cards without one) by names
    and birth date. ``active_only``: only cards on the register count."""
    by_snils: dict[str, list[Mapping[str, Any]]] = {}
    by_name: dict[tuple, list[Mapping[str, Any]]] = {}
    for row in rows:
        if active_only and row.get("status") != "active":
            continue
        if row.get("snils"):
            by_snils.setdefault(row["snils"], []).append(row)
        elif (key := name_key(row)) is not None:
            by_name.setdefault(key, []).append(row)
    groups = [DuplicateGroup("snils", tuple(found)) for found in by_snils.values()
              if len(found) > 1]
    groups += [DuplicateGroup("name_birth_date", tuple(found)) for found in by_name.values()
               if len(found) > 1]
    return groups


def mask_snils(snils: str | None) -> str:
    """A СНИЛС as staff need it to tell cards apart: the last five characters only."""
    if not snils:
        return ""
    return "***-***-" + snils[-6:].strip() if len(snils) >= 6 else "***"

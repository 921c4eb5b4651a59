"""Union-wide settings (``resources/union.toml``): the contractors every region shares.

ООО «ФИНФОРТ» runs PROFCARDS and ООО «Интернет Медиа» makes the ЭПБ cards for the whole union
(seeds 000 and 001): one setting for the union, read from the bundled file, not a field each
regional organisation fills in.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from reports.resources import resource


@dataclass(frozen=True)
class Contractor:
    """A union-wide processor: its name, what it does, its address (may be empty)."""

    name: str
    role: str
    address: str


@lru_cache(maxsize=1)
def union_processors() -> tuple[Contractor, ...]:
    with resource("union.toml").open("rb") as fh:
        data = tomllib.load(fh)
    found = []
    for item in data.get("processors", []):
        name = str(item.get("name") or "").strip()
        if not name:
            raise ValueError("union.toml: a processor without a name")
        found.append(Contractor(name, str(item.get("role") or "").strip(),
                                str(item.get("address") or "").strip()))
    return tuple(found)

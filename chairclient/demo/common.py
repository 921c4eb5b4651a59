"""Shared pieces of the demo-data generator: the fixed clock, a seeded RNG, weighted choices.

Nothing here reads the real clock: every date is derived from :data:`TODAY`, so the same seed
gives the same database on any day.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")

#: The demo's "today": ages, statuses and the card batches are as of this day.
TODAY = date(2026, 11, 1)
#: ``updated_at`` of every generated row (the moment the demo registry "sent" it).
REF_TIME = datetime(2026, 11, 1, 6, 0, 0)
#: Consent template in force since 1 September 2025 (see DOMAIN.md).
CONSENT_TEMPLATE = "2025-09"
CONSENT_ERA_START = date(2025, 9, 1)

#: Fictitious region: «Энская область», registry code prefix and tax-office prefix.
REGION_CODE = "52"
REGION_NAME = "Энская область"
REGION_SHORT = "Энская обл."
#: Reserved domains (RFC 2606): no demo e-mail or web site can reach a real person.
MAIL_DOMAINS = ("example.com", "example.org", "example.net")


# Version 4 and the RFC 4122 variant, as uuid.UUID(..., version=4) sets them.
_UUID_KEEP = ~((0xF000 << 64) | (0xC000 << 48)) & ((1 << 128) - 1)
_UUID_V4 = (0x4000 << 64) | (0x8000 << 48)


class DemoRandom(random.Random):
    """``random.Random`` with the few helpers the generator needs."""

    def uuid(self) -> str:
        """A version-4 UUID string drawn from this generator (not from the OS).

        The same string as ``str(uuid.UUID(int=self.getrandbits(128), version=4))``, several
        times faster (the generator makes hundreds of thousands of them).
        """
        bits = (self.getrandbits(128) & _UUID_KEEP) | _UUID_V4
        h = f"{bits:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def chance(self, probability: float) -> bool:
        return self.random() < probability

    def below(self, n: int) -> int:
        """An int in ``0..n-1``: ``randrange(n)`` at a third of the cost (fine for n ≪ 2**53)."""
        return int(self.random() * n)

    def day_between(self, first: date, last: date) -> date:
        """A day in ``first``..``last`` inclusive (``first`` when the range is empty)."""
        span = (last - first).days
        return first if span <= 0 else first + timedelta(days=self.below(span + 1))

    def moment_on(self, day: date, first_hour: int = 9, last_hour: int = 17) -> datetime:
        """A time of day (whole minutes) on ``day`` within working hours."""
        minutes = first_hour * 60 + self.below((last_hour - first_hour) * 60)
        return datetime(day.year, day.month, day.day, minutes // 60, minutes % 60)

    def digits(self, count: int) -> str:
        return f"{self.below(10**count):0{count}d}"


def stage_rng(seed: int, stage: str) -> DemoRandom:
    """An independent generator per stage, so stages do not disturb each other's sequences.

    A string seed is hashed with SHA-512 by ``random`` (not with ``hash()``), so this does not
    depend on ``PYTHONHASHSEED``.
    """
    return DemoRandom(f"chairclient-demo/{seed}/{stage}")


class Weighted(Generic[T]):
    """A fixed weighted choice, drawn in O(log n) with one ``random()`` call."""

    __slots__ = ("_values", "_cumulative", "_total")

    def __init__(self, items: Sequence[tuple[T, float]]) -> None:
        pairs = [(value, weight) for value, weight in items if weight > 0]
        if not pairs:
            raise ValueError("no positive weights")
        self._values = [value for value, _ in pairs]
        self._cumulative = list(accumulate(weight for _, weight in pairs))
        self._total = self._cumulative[-1]

    def pick(self, rng: random.Random) -> T:
        index = bisect_right(self._cumulative, rng.random() * self._total)
        return self._values[min(index, len(self._values) - 1)]

    @property
    def values(self) -> list[T]:
        return list(self._values)


def add_years(day: date, years: int) -> date:
    """``day`` moved by whole years; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def age_on(birth: date, today: date = TODAY) -> int:
    had_birthday = (today.month, today.day) >= (birth.month, birth.day)
    return today.year - birth.year - (0 if had_birthday else 1)


def birth_date_for_age(rng: DemoRandom, age: int) -> date:
    """A birth date giving exactly ``age`` full years on :data:`TODAY`."""
    latest = add_years(TODAY, -age)  # birthday today: just turned ``age``
    earliest = add_years(TODAY, -age - 1) + timedelta(days=1)
    return rng.day_between(earliest, latest)


def clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))

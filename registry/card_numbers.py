"""ЭПБ card numbers: 16 digits, unique, assigned when a batch is processed.

Scheme: ``9643`` (the union's issuer prefix) + an 11-digit serial from the registry's counter
``card_serial`` (``server_counters``, taken under the batch's write lock, never reused) + one
Luhn check digit over the first 15 digits, as on payment cards. So ``964300000000001`` + ``2``
is the first number. The scheme itself is :mod:`chairclient.domain.card_numbers` (the demo data
use it too); a number typed by hand can be checked offline (:func:`is_valid`); the
``uq_cards_number`` constraint of the ``cards`` table keeps numbers unique, and a serial whose
number already exists (e.g. imported demo cards) is skipped.
"""

from __future__ import annotations

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from chairclient.domain.card_numbers import (
    LENGTH,
    PREFIX,
    SERIAL_DIGITS,
    format_number,
    is_valid,
    luhn_digit,
)
from registry.models import ENTITY_TABLES, server_counters

__all__ = ["LENGTH", "PREFIX", "SERIAL_DIGITS", "format_number", "is_valid", "luhn_digit",
           "next_numbers"]

COUNTER = "card_serial"

cards = ENTITY_TABLES["card"]


def next_numbers(session: Session, count: int) -> list[str]:
    """``count`` new numbers, in serial order, in the caller's (writing) transaction."""
    counter = server_counters.c
    if session.scalar(select(counter.value).where(counter.key == COUNTER)) is None:
        session.execute(insert(server_counters).values(key=COUNTER, value=0))
    found: list[str] = []
    while len(found) < count:
        wanted = count - len(found)
        last = int(session.scalar(
            update(server_counters).where(counter.key == COUNTER)
            .values(value=counter.value + wanted).returning(counter.value)
        ))
        fresh = [format_number(s) for s in range(last - wanted + 1, last + 1)]
        taken = set(session.scalars(select(cards.c.number).where(cards.c.number.in_(fresh))))
        found += [n for n in fresh if n not in taken]
    return found

"""ЭПБ card numbers: 16 digits — ``9643`` (the union's issuer prefix), an 11-digit serial and
one Luhn check digit over the first 15 digits, as on payment cards.

The registry assigns the serials (``registry/card_numbers.py``, from its counter); the demo
data and anyone checking a number typed by hand use the same scheme from here.
"""

from __future__ import annotations

PREFIX = "9643"
SERIAL_DIGITS = 11
LENGTH = len(PREFIX) + SERIAL_DIGITS + 1


def luhn_digit(body: str) -> str:
    """The check digit that makes ``body`` + digit pass the Luhn test."""
    total = 0
    for position, char in enumerate(reversed(body)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return str((10 - total % 10) % 10)


def is_valid(number: str) -> bool:
    """A number of this scheme: 16 digits, the prefix, a correct check digit."""
    return (len(number) == LENGTH and number.isdigit() and number.startswith(PREFIX)
            and luhn_digit(number[:-1]) == number[-1])


def format_number(serial: int) -> str:
    """The number with ``serial`` (0 ≤ serial < 10¹¹)."""
    if not 0 <= serial < 10 ** SERIAL_DIGITS:
        raise ValueError(f"serial out of range: {serial}")
    body = f"{PREFIX}{serial:0{SERIAL_DIGITS}d}"
    return body + luhn_digit(body)

"""Checks shared by the member card and the passport, and a reader that applies them.

The ``check_*`` functions return a Russian error message, or None when the value is fine.
:class:`FieldReader` reads raw form values (strings, dates, ints or None), records problems
into a :class:`ValidationResult` and hands back clean Python values for cross-field rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from email_validator import EmailNotValidError, validate_email

from chairclient.validation.normalise import normalise_email, normalise_phone, parse_date
from chairclient.validation.result import ValidationResult

NAME_CHARS_MESSAGE = "Допустимы только русские буквы, пробел, дефис и апостроф"
NAME_MAX_LENGTH = 100
FUTURE_DATE_MESSAGE = "Дата не может быть в будущем"

_NAME_CHARS = re.compile(r"[А-Яа-яЁё '’\-]")
_NAME_SHAPE = re.compile(r"[А-Яа-яЁё]+(?:[ '’\-][А-Яа-яЁё]+)*")
_LATIN = re.compile(r"[A-Za-z]")


def is_empty(value: Any) -> bool:
    """True for None, blank strings and empty collections; ``False`` and ``0`` are values."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | set | frozenset | dict):
        return not value
    return False


def add_years(day: date, years: int) -> date:
    """``day`` moved by whole years; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def age_on(birth_date: date, today: date) -> int:
    """Full years of age on ``today``."""
    had_birthday = (today.month, today.day) >= (birth_date.month, birth_date.day)
    return today.year - birth_date.year - (0 if had_birthday else 1)


def check_person_name(text: str) -> str | None:
    """A surname, first name, patronymic or full ФИО: Russian letters, space, hyphen, apostrophe."""
    text = text.strip()
    bad = sorted({ch for ch in text if not _NAME_CHARS.fullmatch(ch)})
    if bad:
        shown = ", ".join(f"«{ch}»" for ch in bad)
        if all(_LATIN.fullmatch(ch) for ch in bad):
            return f"{NAME_CHARS_MESSAGE}; латинские буквы {shown} — проверьте раскладку"
        return f"{NAME_CHARS_MESSAGE}; недопустимые символы: {shown}"
    if not _NAME_SHAPE.fullmatch(text):
        return "Пробел, дефис и апостроф могут стоять только между буквами, по одному"
    if len(text) > NAME_MAX_LENGTH:
        return f"Не длиннее {NAME_MAX_LENGTH} символов"
    return None


@lru_cache(maxsize=4096)  # pure, and costly (phonenumbers); the registry checks rows twice
def check_phone(text: str) -> str | None:
    """None when ``text`` normalises to +7XXXXXXXXXX, else why not."""
    try:
        normalise_phone(text)
    except ValueError as exc:
        return str(exc)
    return None


@lru_cache(maxsize=4096)  # pure, and costly (email_validator)
def check_email(text: str) -> str | None:
    """Syntax check of an e-mail address (no DNS look-up)."""
    address = normalise_email(text)
    local, at, _domain = address.rpartition("@")
    if at and not local.isascii():
        # Mail servers and PROFCARDS take only Latin local parts; a Cyrillic one is almost
        # always a wrong keyboard layout. A Cyrillic domain (…@почта.рф) is fine.
        return ("Имя почтового ящика (до «@») пишется латинскими буквами, цифрами и знаками "
                ". _ - +; кириллица не допускается (пример: ivanov@mail.ru)")
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return "Неверный адрес электронной почты (пример: ivanov@mail.ru)"
    return None


def as_int(value: Any) -> int:
    """An int from an int, an integral float or a string of digits; ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError("Ожидается целое число")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"-?[0-9]+", value.strip()):
        return int(value.strip())
    raise ValueError("Ожидается целое число")


def _choices_text(choices: Mapping[str, str]) -> str:
    return ", ".join(f"«{label}»" for label in choices.values())


class FieldReader:
    """Reads fields of one record, recording errors into ``result``; None means empty or bad."""

    def __init__(self, values: Mapping[str, Any], result: ValidationResult, today: date) -> None:
        self.values = values
        self.result = result
        self.today = today

    def filled(self, name: str) -> bool:
        """True when the field has a value (``False`` and ``0`` count)."""
        return not is_empty(self.values.get(name))

    def get_text(self, name: str) -> str | None:
        """The stripped text of the field, or None when empty."""
        value = self.values.get(name)
        return None if is_empty(value) else str(value).strip()

    def error(self, name: str, message: str) -> None:
        """Record an error for ``name``."""
        self.result.add_error(name, message)

    def warning(self, name: str, message: str) -> None:
        """Record a warning for ``name``."""
        self.result.add_warning(name, message)

    def get_date(self, name: str, *, future: bool = False) -> date | None:
        """The field as a date; unreadable, or in the future unless allowed, is an error."""
        value = self.values.get(name)
        if is_empty(value):
            return None
        try:
            day = parse_date(value)
        except ValueError as exc:
            self.error(name, str(exc))
            return None
        if not future and day > self.today:
            self.error(name, FUTURE_DATE_MESSAGE)
            return None
        return day

    def get_int(self, name: str, minimum: int | None = 0, maximum: int | None = None) -> int | None:
        """The field as an int within ``minimum``..``maximum`` (inclusive)."""
        value = self.values.get(name)
        if is_empty(value):
            return None
        try:
            number = as_int(value)
        except ValueError as exc:
            self.error(name, str(exc))
            return None
        problem = None
        if minimum is not None and maximum is not None and not minimum <= number <= maximum:
            problem = f"Ожидается число от {minimum} до {maximum}"
        elif minimum is not None and number < minimum:
            problem = (
                f"Не может быть меньше {minimum}" if minimum else "Не может быть отрицательным"
            )
        elif maximum is not None and number > maximum:
            problem = f"Не может быть больше {maximum}"
        if problem:
            self.error(name, problem)
            return None
        return number

    def get_choice(self, name: str, choices: Mapping[str, str]) -> str | None:
        """The field's code when it is one of ``choices``."""
        code = self.get_text(name)
        if code is None:
            return None
        if code not in choices:
            self.error(name, f"Недопустимое значение «{code}»; допустимы: {_choices_text(choices)}")
            return None
        return code

    def get_bool(self, name: str) -> bool | None:
        """The field as a bool (a yes/no box)."""
        value = self.values.get(name)
        if is_empty(value):
            return None
        if not isinstance(value, bool):
            self.error(name, "Ожидается «да» или «нет»")
            return None
        return value

    def get_person_name(self, name: str) -> str | None:
        """The field checked with :func:`check_person_name`."""
        return self._checked(name, check_person_name)

    def get_phone(self, name: str) -> str | None:
        """The field checked with :func:`check_phone`."""
        return self._checked(name, check_phone)

    def get_email(self, name: str) -> str | None:
        """The field checked with :func:`check_email`."""
        return self._checked(name, check_email)

    def _checked(self, name: str, check: Callable[[str], str | None]) -> str | None:
        text = self.get_text(name)
        if text is None:
            return None
        message = check(text)
        if message:
            self.error(name, message)
            return None
        return text

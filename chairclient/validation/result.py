"""The outcome of validating a card or a passport, and the exception that carries it."""

from __future__ import annotations

from dataclasses import dataclass, field

from chairclient.validation.fields import field_label, field_message


@dataclass
class ValidationResult:
    """Problems found, keyed by field name; messages are Russian and stand on their own.

    ``errors`` are wrong values (a bad СНИЛС, a date in the future): the record must not be
    saved with them. ``warnings`` are doubtful values the user may keep (age above 100).
    ``missing`` lists required fields that are empty: the record may be saved, but it is
    incomplete. One message per field: the first problem found for a field wins.
    """

    errors: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when there are no errors (warnings and missing fields do not count)."""
        return not self.errors

    @property
    def complete(self) -> bool:
        """True when no required field is empty."""
        return not self.missing

    def add_error(self, field_name: str, message: str) -> None:
        """Record an error unless the field already has one."""
        self.errors.setdefault(field_name, message)

    def add_warning(self, field_name: str, message: str) -> None:
        """Record a warning unless the field already has one."""
        self.warnings.setdefault(field_name, message)

    def add_missing(self, field_name: str) -> None:
        """Record an empty required field (once)."""
        if field_name not in self.missing:
            self.missing.append(field_name)

    def merge(self, other: ValidationResult) -> ValidationResult:
        """Add ``other``'s findings to this result in place (existing messages win); return self."""
        for name, message in other.errors.items():
            self.add_error(name, message)
        for name, message in other.warnings.items():
            self.add_warning(name, message)
        for name in other.missing:
            self.add_missing(name)
        return self

    def messages(self) -> list[str]:
        """Errors as «Поле «Фамилия»: …» lines, in the order they were found."""
        return [field_message(name, message) for name, message in self.errors.items()]

    def warning_messages(self) -> list[str]:
        """Warnings as «Поле «Дата рождения»: …» lines."""
        return [field_message(name, message) for name, message in self.warnings.items()]

    def missing_message(self) -> str:
        """«Не заполнены обязательные поля: «Фамилия», «Пол»» or ``""`` when nothing is missing."""
        if not self.missing:
            return ""
        names = ", ".join(f"«{field_label(name)}»" for name in self.missing)
        return f"Не заполнены обязательные поля: {names}"

    def raise_if_errors(self) -> None:
        """Raise :class:`ValidationError` when there are errors."""
        if self.errors:
            raise ValidationError(self)


class ValidationError(Exception):
    """Raised when a record cannot be accepted; ``result`` holds the per-field details."""

    def __init__(self, result: ValidationResult) -> None:
        super().__init__(result)
        self.result = result

    def __str__(self) -> str:
        lines = self.result.messages()
        if self.result.missing:
            lines.append(self.result.missing_message())
        return "\n".join(lines) or "Данные не прошли проверку"

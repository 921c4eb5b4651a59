"""Exceptions of the spreadsheet import; their messages are Russian and shown to the user as is."""

from __future__ import annotations


class ImportRefused(Exception):
    """The file cannot be imported at all (not a spreadsheet, encrypted, empty, too big …)."""


class ImportCancelled(Exception):
    """The user cancelled the import; the database was left as it was."""

    def __init__(self, message: str = "Загрузка отменена; база данных не изменена") -> None:
        super().__init__(message)

"""Argument parsing for :mod:`reports.cli`: Russian error messages, shared options."""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import NoReturn

from sqlalchemy.orm import Session

_MESSAGES: list[tuple[str, str]] = [
    (r"the following arguments are required: (.*)", r"не указаны обязательные аргументы: \1"),
    (r"one of the arguments (.*) is required", r"нужно указать один из аргументов: \1"),
    (r"unrecognized arguments: (.*)", r"неизвестные аргументы: \1"),
    (r"argument (\S+): not allowed with argument (\S+)",
     r"аргумент \1 нельзя указывать вместе с \2"),
    (r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)",
     r"аргумент \1: недопустимое значение \2 (возможны: \3)"),
    (r"argument (\S+): expected one argument", r"аргумент \1: не указано значение"),
    (r"argument (\S+): invalid (\S+) value: (.*)", r"аргумент \1: недопустимое значение \3"),
    (r"argument (\S+): (.*)", r"аргумент \1: \2"),
]


def russian(message: str) -> str:
    """argparse's English error message in Russian (the argument names kept)."""
    for pattern, replacement in _MESSAGES:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


class RussianParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are in Russian and name the bad argument."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"Ошибка: {russian(message)}\n")


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"«{text}» — не дата в формате ГГГГ-ММ-ДД") from None


def _out_path(suffix: str) -> Callable[[str], Path]:
    def parse(text: str) -> Path:
        path = Path(text)
        if path.suffix.lower() != suffix:
            raise argparse.ArgumentTypeError(f"ожидается файл {suffix}, указан «{text}»")
        if path.exists() and path.is_dir():
            raise argparse.ArgumentTypeError(f"«{text}» — это папка")
        return path
    return parse


def _db_path(text: str) -> Path:
    path = Path(text)
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"файл базы данных не найден: {text}")
    return path


def add_common(parser: argparse.ArgumentParser, suffix: str) -> None:
    parser.add_argument("--db", type=_db_path, required=True, help="файл локальной базы данных")
    parser.add_argument("--org", required=True,
                        help="код организации в реестре (отчёт — по ней и всем нижестоящим)")
    parser.add_argument("--out", type=_out_path(suffix), required=True,
                        help=f"файл результата ({suffix})")


@contextlib.contextmanager
def open_db(path: Path) -> Iterator[Session]:
    """A read-only use of the database at ``path`` (the schema is brought to head first)."""
    from chairclient.db.engine import open_database

    database = open_database(path)
    try:
        with database.session() as session:
            yield session
            session.rollback()
    finally:
        database.close()

"""Command line: ``python -m chairclient [COMMAND] …``; without a command the app starts."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from chairclient import paths
from chairclient.version import __version__


def _cmd_demo_data(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m chairclient demo-data",
        description="Build a deterministic demo database (fictitious people only).",
    )
    parser.add_argument("--db", type=Path, required=True, help="database file to create")
    parser.add_argument("--members", type=int, default=2000, help="number of members")
    parser.add_argument("--seed", type=int, default=1, help="random seed")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    args = parser.parse_args(argv)
    from chairclient.demo.build import build_demo_database

    if args.db.exists() and not args.force:
        print(f"Файл {args.db} уже существует; добавьте --force, чтобы перезаписать его.",
              file=sys.stderr)
        return 2
    summary = build_demo_database(args.db, members=args.members, seed=args.seed)
    print(summary)
    return 0


def _cmd_report(argv: Sequence[str]) -> int:
    from reports.cli import main_report

    return main_report(argv)


def _cmd_print(argv: Sequence[str]) -> int:
    from reports.cli import main_print

    return main_print(argv)


def _cmd_import_members(argv: Sequence[str]) -> int:
    from chairclient.importing.command import main as import_members

    return import_members(argv)


def _cmd_self_check(argv: Sequence[str]) -> int:
    from chairclient.self_check import main as self_check

    return self_check(argv)


COMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "self-check": _cmd_self_check,
    "demo-data": _cmd_demo_data,
    "import-members": _cmd_import_members,
    "report": _cmd_report,
    "print": _cmd_print,
}


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m chairclient",
        description="Рабочее место председателя. Commands: " + ", ".join(COMMANDS),
    )
    parser.add_argument("--db", type=Path, help="local database file (default: user data dir)")
    parser.add_argument("--demo", action="store_true",
                        help="start an embedded demo registry and sign in to it")
    parser.add_argument("--server", help="registry address, e.g. https://reestr.example.ru")
    parser.add_argument("--screenshot", type=Path, help="save a PNG of the main window and exit")
    parser.add_argument("--version", action="version", version=f"chairclient {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        return COMMANDS[argv[0]](argv[1:])
    args = _gui_parser().parse_args(argv)
    from ui.app import run_app  # the only place the core hands over to Qt

    if args.demo or args.server:
        if args.demo and not paths.data_dir().joinpath("demo-registry.sqlite").exists():
            print("Создаётся демонстрационный реестр (один раз, около минуты)…",
                  file=sys.stderr)
        return run_app(args.db, screenshot=args.screenshot, server=args.server,
                       demo=args.demo)
    db_path = args.db or paths.default_database_path()
    return run_app(db_path, screenshot=args.screenshot)

"""``python -m ui.i18n update|compile|check``: maintain the Russian translation."""

from __future__ import annotations

import argparse
import sys

from ui.i18n.catalog import QM_PATH, TS_PATH
from ui.i18n.tools import lrelease, lupdate, untranslated


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.i18n", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    update = sub.add_parser("update", help="merge the strings of ui/**/*.py into the .ts")
    update.add_argument("--prune", action="store_true",
                        help="drop strings that are no longer in the sources")
    sub.add_parser("compile", help="compile the .ts into the shipped .qm")
    sub.add_parser("check", help="list strings without a finished Russian translation")
    args = parser.parse_args(argv)

    if args.command == "update":
        print(lupdate(TS_PATH, prune=args.prune).strip())
    elif args.command == "compile":
        lrelease(TS_PATH, QM_PATH)
        print(f"{QM_PATH} updated")
    missing = untranslated(TS_PATH) if TS_PATH.exists() else []
    for message in missing:
        print(f"untranslated: [{message.context}] {message.source!r}", file=sys.stderr)
    return 1 if args.command == "check" and missing else 0


if __name__ == "__main__":
    sys.exit(main())

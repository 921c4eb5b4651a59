"""``python -m bench [--members N] [--quick] [--db PATH [--skip-build]] [--skip-sync]``

Builds a demo database (100 000 members by default) with the real command, times the queries
the main window runs on it, the documents and reports, and sync against a registry served from
a throwaway PostgreSQL cluster; prints a table and writes ``bench/results/latest.json``. Exit
code 1 when a value misses its floor (the hard limit); the target is what we aim for.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench import (
    app_cases,
    bulk_cases,
    cases,
    closure_cases,
    dashboard_cases,
    encryption,
    import_cases,
    import_limits,
    report_cases,
    sync_cases,
    users_cases,
)
from bench.results import Result, table, write_json

DEFAULT_MEMBERS = 100_000
QUICK_MEMBERS = 20_000


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[2])
    parser.add_argument("--members", type=int, help=f"members in the demo database "
                        f"(default {DEFAULT_MEMBERS}, with --quick {QUICK_MEMBERS})")
    parser.add_argument("--quick", action="store_true",
                        help="smaller database and fewer repetitions")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", type=Path, help="build the database here and keep it")
    parser.add_argument("--skip-build", action="store_true",
                        help="with --db: measure the queries on the existing database")
    parser.add_argument("--skip-sync", action="store_true",
                        help="leave out the sync benchmarks (they need PostgreSQL)")
    parser.add_argument("--workers", type=int, default=2,
                        help="registry server worker processes for the sync benchmarks")
    parser.add_argument("--encrypted", action="store_true",
                        help="encrypt the database (SQLCipher, as the app's account database) "
                             "and time the app, queries, dashboard and sync on it")
    parser.add_argument("--json", type=Path, help="where to write the results "
                        "(default bench/results/latest.json)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    members = args.members or (QUICK_MEMBERS if args.quick else DEFAULT_MEMBERS)
    repeats = 3 if args.quick else 7
    if args.skip_build and not (args.db and args.db.exists()):
        _parser().error("--skip-build needs an existing --db")

    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="chairclient-bench-") as scratch:
        path = args.db or Path(scratch) / "bench.sqlite"
        if not args.skip_build:
            print(f"Building a demo database of {members} members…", flush=True)
            results += cases.build(path, members, args.seed)
        if args.encrypted:
            print("Encrypting the database…", flush=True)
            seconds = encryption.encrypt(path)
            results.append(Result("encrypt the database in place (first start after the "
                                  "update)", seconds, "s"))
        print("Timing the app (start, member list, search, save)…", flush=True)
        results += app_cases.app(path, 2 if args.quick else 3)
        print("Timing queries…", flush=True)
        results += cases.queries(path, repeats)
        results += dashboard_cases.dashboard(path, repeats)
        print("Timing the users list of a region…", flush=True)
        results += users_cases.users(Path(scratch), repeats)
        if not args.encrypted:  # (these copy the plain file; their SQL is the same)
            print("Timing documents and reports…", flush=True)
            results += report_cases.reports(path, Path(scratch))
        if not args.skip_sync:
            print("Timing sync against a PostgreSQL registry…", flush=True)
            results += sync_cases.sync(members, args.quick, Path(scratch), args.workers)
            print("Timing the closure of a 5 000-member organisation…", flush=True)
            results += closure_cases.closure()
        if not args.encrypted:
            print("Timing the import of a 10 000-row spreadsheet…", flush=True)
            results += import_cases.imports(path, Path(scratch), 2 if args.quick else 3)
            results += import_limits.limits(Path(scratch))
            print("Timing bulk actions…", flush=True)
            results += bulk_cases.bulk(path, Path(scratch), 3 if args.quick else 5)

    print()
    print(table(results))
    settings = {"members": members, "seed": args.seed, "quick": args.quick,
                "repeats": repeats, "skip_build": args.skip_build,
                "skip_sync": args.skip_sync, "encrypted": args.encrypted, "workers": args.workers}
    written = write_json(results, settings, args.json)
    print(f"\nResults written to {written}")
    failed = [r.name for r in results if not r.passed]
    if failed:
        print("Floor missed: " + "; ".join(failed))
        return 1
    return 0

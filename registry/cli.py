"""Command line: serve, init-db, seed-demo, create-user, reset-password, purge-tombstones,
card-batch, card-ship, card-receive, profcards-feed, duplicates, pd-erasure."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from registry import cli_cards
from registry.auth import create_user, find_user_id, normalise_login, now_utc, set_password
from registry.db import DEFAULT_THREADS, Database, init_db, open_database
from registry.models import ROLES, organisations
from registry.passwords import password_problem
from registry.user_admin import audit_cli

if TYPE_CHECKING:
    from fastapi import FastAPI

DEFAULT_DB = "sqlite:///registry.sqlite"
#: How ``serve --workers N`` hands the database URL to its worker processes.
_SERVE_DB = "REGISTRY_SERVE_DB"
_SERVE_THREADS = "REGISTRY_SERVE_THREADS"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m registry", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    def with_db(name: str, help_text: str) -> argparse.ArgumentParser:
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument(
            "--db", default=DEFAULT_DB,
            help="sqlite:///path or postgresql+psycopg://user:pass@host/db",
        )
        return cmd

    serve = with_db("serve", "run the HTTP server (migrates the database first)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8400)
    serve.add_argument("--workers", type=int, default=1,
                       help="worker processes (each with its own connection pool)")
    serve.add_argument("--threads", type=int, default=DEFAULT_THREADS,
                       help="requests each worker handles at once (default %(default)s)")
    serve.add_argument("--demo", action="store_true",
                       help="demo mode: no REGISTRY_SECRET needed (the key the database keeps)")
    serve.add_argument("--access-log", action="store_true",
                       help="log every request line (off: a proxy in front usually logs them)")
    with_db("init-db", "create or upgrade the schema")
    seed = with_db("seed-demo", "fill with the demo tree, members and users")
    seed.add_argument("--members", type=int, default=2000)
    seed.add_argument("--json", action="store_true", help="print the demo users as JSON")
    create = with_db("create-user", "add a user with one position")
    create.add_argument("--login", required=True)
    create.add_argument("--org", required=True, help="organisation id or registry code")
    create.add_argument("--role", required=True, choices=ROLES)
    create.add_argument("--full-name", default="")
    create.add_argument("--password", help="initial password (asked for when omitted)")
    reset = with_db("reset-password", "set a new password; it must be changed at next login")
    reset.add_argument("--login", required=True)
    reset.add_argument("--password", help="new password (asked for when omitted)")
    purge = with_db("purge-tombstones", "forget tombstones older than N days")
    purge.add_argument("--days", type=int, default=90)
    duplicates = with_db("duplicates",
                         "write the members on the register twice in an organisation's subtree")
    duplicates.add_argument("--org", required=True, help="organisation id or registry code")
    duplicates.add_argument("--out", type=Path, required=True, help="the .xlsx file to write")
    cli_cards.add_parsers(with_db)
    erasure = with_db("pd-erasure", "erase the data only a revoked consent covered (30 days "
                      "after the revocation); run daily")
    erasure.add_argument("--date", type=cli_cards.day_argument, required=True,
                         help="the day of the run YYYY-MM-DD")
    erasure.add_argument("--json", action="store_true", help="print the summary as JSON")
    return parser


def _ask_password(given: str | None, login: str) -> str:
    password = given if given is not None else getpass.getpass("Пароль: ")
    problem = password_problem(password, login=login)
    if problem:
        raise SystemExit(problem)
    return password


def _org_id(db: Database, ref: str) -> str:
    from sqlalchemy import or_, select

    with db.read() as session:
        found = session.scalar(
            select(organisations.c.id).where(
                or_(organisations.c.id == ref, organisations.c.code == ref),
                organisations.c.deleted.is_(False),
            )
        )
    if found is None:
        raise SystemExit(f"Организация не найдена: {ref}")
    return found


def serve_app() -> FastAPI:
    """The app of one worker of ``serve --workers N`` (each builds its own from the URL)."""
    from registry.app import create_app

    return create_app(os.environ[_SERVE_DB], threads=int(os.environ[_SERVE_THREADS]),
                      freeze_heap=True)


def _serve(args: argparse.Namespace, db: Database) -> int:
    """uvicorn's own proxy headers stay off: the app believes ``X-Forwarded-For`` only from
    ``REGISTRY_TRUSTED_PROXIES`` (registry.app), and uvicorn would trust 127.0.0.1's."""
    import uvicorn

    from registry.app import create_app
    from registry.settings import ConfigurationError, Settings

    if args.demo:
        os.environ["REGISTRY_DEMO"] = "1"  # also for the worker processes
    try:
        Settings.from_env().signing_secret("stored" if args.demo else None)
    except ConfigurationError as exc:  # before the server binds a port
        print(exc, file=sys.stderr)
        return 2
    if args.workers <= 1:
        uvicorn.run(create_app(db=db, threads=args.threads, freeze_heap=True),
                    host=args.host, port=args.port, proxy_headers=False,
                    log_level="info", access_log=args.access_log)
        return 0
    db.close()  # the workers open their own
    os.environ[_SERVE_DB] = args.db
    os.environ[_SERVE_THREADS] = str(args.threads)
    uvicorn.run("registry.cli:serve_app", factory=True, workers=args.workers,
                host=args.host, port=args.port, proxy_headers=False, log_level="info",
                access_log=args.access_log)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    db = open_database(args.db)
    try:
        return _run(args, db)
    finally:
        db.close()


def _run(args: argparse.Namespace, db: Database) -> int:
    init_db(db)
    if args.command in cli_cards.COMMANDS:
        return cli_cards.run(args, db, lambda ref: _org_id(db, ref))
    if args.command == "init-db":
        print("Схема базы данных реестра обновлена")
    elif args.command == "serve":
        return _serve(args, db)
    elif args.command == "seed-demo":
        from registry.seed import seed_demo, users_as_json

        demo_users = seed_demo(db, members=args.members)
        if args.json:
            json.dump(users_as_json(demo_users), sys.stdout, ensure_ascii=False, indent=2)
            print()
        else:
            for user in demo_users:
                print(f"{user.login:12} {user.password:20} {user.role:12} {user.org_name}")
    elif args.command == "create-user":
        org_id = _org_id(db, args.org)
        password = _ask_password(args.password, args.login)
        with db.write() as session:
            if find_user_id(session, args.login) is not None:
                raise SystemExit("Пользователь с таким логином уже есть")
            user_id = create_user(
                session, args.login, password, [(org_id, args.role)], full_name=args.full_name
            )
            audit_cli(session, user_id, "create", {
                "login": normalise_login(args.login), "full_name": args.full_name,
                "org_id": org_id, "role": args.role})
        print("Пользователь создан; при первом входе он сменит пароль")
    elif args.command == "reset-password":
        password = _ask_password(args.password, args.login)
        with db.write() as session:
            user_id = find_user_id(session, args.login)
            if user_id is None:
                raise SystemExit("Пользователь не найден")
            set_password(session, user_id, password, must_change=True)
            audit_cli(session, user_id, "reset", {"must_change_password": True})
        print("Пароль сброшен; при следующем входе его нужно сменить")
    elif args.command == "duplicates":
        from registry.duplicates import find_duplicates, write_workbook

        groups = find_duplicates(db, _org_id(db, args.org))
        rows = write_workbook(groups, args.out)
        print(f"Групп возможных дубликатов: {len(groups)}, карточек: {rows}. Файл: {args.out}")
    elif args.command == "pd-erasure":
        from registry.pd_erasure import erase_revoked

        report = erase_revoked(db, args.date)
        if args.json:
            json.dump({"date": args.date.isoformat(), "members": report.members,
                       "fields": report.fields}, sys.stdout, ensure_ascii=False, indent=2)
            print()
        else:
            print(f"Удаление данных по отозванным согласиям за {args.date:%d.%m.%Y}: "
                  f"членов Профсоюза {report.members}, полей {report.fields}")
    elif args.command == "purge-tombstones":
        from registry.changelog import purge_tombstones

        with db.write() as session:
            dropped = purge_tombstones(session, now_utc() - timedelta(days=args.days))
        print(f"Удалено отметок об удалении: {dropped}")
    return 0

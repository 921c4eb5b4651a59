"""Command line for reports and documents, wired into ``python -m chairclient``:

    report 5sp  --db PATH --org CODE --date YYYY-MM-DD --out FILE.xlsx
    report list KIND --db PATH --org CODE --out FILE.xlsx [--columns a,b] [--from D --to D]
    print consent  --db PATH --org CODE (--member ID … | --all-without-consent) --out FILE.pdf
    print handout  --db PATH --org CODE (--member ID … | --all | --received | --blank) --out …
    print handover --db PATH --org CODE (--member ID … | --received) [--date D] --out FILE.pdf

Exit status: 0 done, 1 nothing to write or a failure, 2 a wrong argument (message in Russian
naming it). Warnings go to stderr; personal data never do.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from reports.cli_args import RussianParser, add_common, iso_date, open_db
from reports.data.members import members_in_scope
from reports.data.orgs import UnknownOrganisation, org_by_code, scope_ids
from reports.excel.list_columns import MEMBER_COLUMNS
from reports.excel.lists import KINDS, ListError, ListRequest, write_list
from reports.stats.definition import DefinitionError, load_definition
from reports.stats.plausibility import plausibility_warnings

Handler = Callable[[argparse.Namespace], int]


class Nothing(Exception):
    """Nothing to write (the message says why, in Russian)."""


def _warn(lines: Sequence[str]) -> None:
    for line in lines:
        print(f"Предупреждение: {line}", file=sys.stderr)


def _done(what: str, count: int, out: Path) -> int:
    print(f"{what}: {count} → {out}")
    return 0


# ---------------------------------------------------------------- report


def _report_5sp(args: argparse.Namespace) -> int:
    from reports.excel.form_5sp import build_5sp_workbook
    from reports.excel.saving import save_workbook
    from reports.stats.sp5 import compute_5sp

    definition = load_definition(args.definition)
    with open_db(args.db) as session:
        org = org_by_code(session, args.org)
        result = compute_5sp(session, org.id, args.date, definition)
    warnings = plausibility_warnings(result)
    _warn(warnings)
    if warnings and args.strict:
        print("Отчёт не сохранён (--strict): исправьте данные или уберите --strict.",
              file=sys.stderr)
        return 1
    save_workbook(build_5sp_workbook(result), args.out)
    return _done("Форма 5-СП, организаций", len(result.orgs), args.out)


def _report_list(args: argparse.Namespace) -> int:
    columns = tuple(c.strip() for c in args.columns.split(",") if c.strip()) if args.columns else ()
    with open_db(args.db) as session:
        org = org_by_code(session, args.org)
        request = ListRequest(args.kind, org.id, columns, args.date_from, args.date_to,
                              args.include_removed)
        count = write_list(session, request, args.out, org_name=org.name)
    return _done(f"Список «{args.kind}», строк", count, args.out)


def _report_parser() -> RussianParser:
    parser = RussianParser(prog="python -m chairclient report",
                           description="Отчёты в Excel: форма 5-СП и списки.")
    sub = parser.add_subparsers(dest="what", required=True, parser_class=RussianParser,
                                metavar="{5sp,list}")
    sp5 = sub.add_parser("5sp", help="статистический отчёт «форма 5-СП»")
    add_common(sp5, ".xlsx")
    sp5.add_argument("--date", type=iso_date, required=True,
                     help="дата отчёта (состояние на начало этого дня), ГГГГ-ММ-ДД")
    sp5.add_argument("--definition", type=Path, help="файл описания строк (по умолчанию 5sp.json)")
    sp5.add_argument("--strict", action="store_true",
                     help="не сохранять отчёт, если есть предупреждения о неправдоподобных данных")
    sp5.set_defaults(handler=_report_5sp)
    lst = sub.add_parser("list", help="список членов Профсоюза")
    lst.add_argument("kind", choices=list(KINDS), help="вид списка")
    add_common(lst, ".xlsx")
    lst.add_argument("--columns", help="колонки через запятую: " + ", ".join(MEMBER_COLUMNS))
    lst.add_argument("--from", dest="date_from", type=iso_date, help="начало периода")
    lst.add_argument("--to", dest="date_to", type=iso_date, help="конец периода (включительно)")
    lst.add_argument("--include-removed", action="store_true",
                     help="в списке members — и снятые с учёта")
    lst.set_defaults(handler=_report_list)
    return parser


# ---------------------------------------------------------------- print


def _checked(session: Session, org_id: str, ids: Sequence[str] | None) -> None:
    """Refuse unknown member ids, naming the argument."""
    if ids:
        try:
            members_in_scope(session, scope_ids(session, org_id), ids)
        except LookupError as error:
            raise ValueError(f"--member: {error}") from error


def _print_consent(args: argparse.Namespace) -> int:
    from reports.pdf.consent import load_consent_batch, write_consents

    with open_db(args.db) as session:
        org = org_by_code(session, args.org)
        _checked(session, org.id, args.member)
        batch = load_consent_batch(session, org.id, None if args.all_without_consent
                                   else args.member)
    if not batch.members:
        raise Nothing("Нет членов Профсоюза без согласия на обработку персональных данных")
    _warn(batch.warnings())
    return _done("Согласия", write_consents(args.out, batch), args.out)


def _print_handout(args: argparse.Namespace) -> int:
    from reports.pdf.profcards_handout import load_handout_batch, write_handouts

    with open_db(args.db) as session:
        org = org_by_code(session, args.org)
        _checked(session, org.id, args.member)
        batch = load_handout_batch(session, org.id, args.member, received=args.received,
                                   everyone=args.all)
    if not batch.members and not args.blank:
        raise Nothing("Нет членов Профсоюза для памятки")
    return _done("Памятки ПРОФКАРДС", write_handouts(args.out, batch.members, batch.orgs),
                 args.out)


def _print_handover(args: argparse.Namespace) -> int:
    from reports.pdf.handover_sheet import load_handover, write_handover

    with open_db(args.db) as session:
        org = org_by_code(session, args.org)
        _checked(session, org.id, args.member)
        cards, orgs = load_handover(session, org.id, args.member)
    if not cards:
        raise Nothing("Нет билетов в статусе «ПОЛУЧЕН» для ведомости выдачи")
    return _done("Ведомость выдачи, билетов",
                 write_handover(args.out, cards, orgs, on=args.date), args.out)


def _print_parser() -> RussianParser:
    parser = RussianParser(prog="python -m chairclient print",
                           description="Документы в PDF: согласия, памятки ПРОФКАРДС, ведомости.")
    sub = parser.add_subparsers(dest="what", required=True, parser_class=RussianParser,
                                metavar="{consent,handout,handover}")
    member_help = "id члена Профсоюза (можно несколько раз)"
    consent = sub.add_parser("consent", help="согласие на обработку персональных данных")
    add_common(consent, ".pdf")
    who = consent.add_mutually_exclusive_group(required=True)
    who.add_argument("--member", action="append", help=member_help)
    who.add_argument("--all-without-consent", action="store_true",
                     help="всем на учёте без согласия")
    consent.set_defaults(handler=_print_consent)
    handout = sub.add_parser("handout", help="памятка ПРОФКАРДС")
    add_common(handout, ".pdf")
    who = handout.add_mutually_exclusive_group(required=True)
    who.add_argument("--member", action="append", help=member_help)
    who.add_argument("--all", action="store_true", help="всем на учёте")
    who.add_argument("--received", action="store_true",
                     help="тем, чьи билеты получены (статус «ПОЛУЧЕН»)")
    who.add_argument("--blank", action="store_true", help="одна памятка без персональных данных")
    handout.set_defaults(handler=_print_handout)
    handover = sub.add_parser("handover", help="ведомость выдачи ЭПБ")
    add_common(handover, ".pdf")
    who = handover.add_mutually_exclusive_group(required=True)
    who.add_argument("--member", action="append", help=member_help)
    who.add_argument("--received", action="store_true",
                     help="все билеты в статусе «ПОЛУЧЕН»")
    handover.add_argument("--date", type=iso_date, default=date.today(),
                          help="дата ведомости (по умолчанию сегодня)")
    handover.set_defaults(handler=_print_handover)
    return parser


# ---------------------------------------------------------------- entry points


def _run(parser: RussianParser, argv: Sequence[str]) -> int:
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as stop:  # argparse: --help (0) or a wrong argument (2), already printed
        return int(stop.code or 0)
    try:
        return args.handler(args)
    except UnknownOrganisation as error:
        print(f"Ошибка: --org: {error}", file=sys.stderr)
        return 2
    except Nothing as error:
        print(f"Нечего записывать: {error}", file=sys.stderr)
        return 1
    except (ValueError, ListError, DefinitionError, FileNotFoundError) as error:
        print(f"Ошибка: {error}", file=sys.stderr)
        return 2


def main_report(argv: Sequence[str]) -> int:
    """``python -m chairclient report …``"""
    return _run(_report_parser(), argv)


def main_print(argv: Sequence[str]) -> int:
    """``python -m chairclient print …``"""
    return _run(_print_parser(), argv)


if __name__ == "__main__":  # python -m reports.cli report|print …
    commands = {"report": main_report, "print": main_print}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print("Использование: python -m reports.cli report|print …", file=sys.stderr)
        sys.exit(2)
    sys.exit(commands[sys.argv[1]](sys.argv[2:]))

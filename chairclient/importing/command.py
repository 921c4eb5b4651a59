"""``python -m chairclient import-members``: the import engine from the command line.

Prints counts and reasons in Russian (row numbers and field names, never personal data).
Exit codes: 0 — something imported (or would be, with --dry-run); 1 — nothing could be
imported; 2 — the file or the arguments were refused.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select

from chairclient.importing.outcome import RowOutcome
from chairclient.importing.preview import label

MAX_REASONS = 50


def _safe_reason(item: RowOutcome) -> str:
    """Why a row was not imported, without the cell values (they may be personal data)."""
    if item.outcome == "skipped":
        return "дубликат (совпадает с членом Профсоюза в базе или с другой строкой файла)"
    if item.fields:
        names = ", ".join(f"«{label(f)}»" for f in item.fields)
        return f"отклонена, неверно заполнено: {names}"
    return "отклонена"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m chairclient import-members",
        description="Загрузка членов Профсоюза из таблицы (.xlsx, .xls, .csv) в локальную базу.",
    )
    parser.add_argument("file", type=Path, help="таблица с членами Профсоюза")
    parser.add_argument("--db", type=Path, required=True, help="файл локальной базы")
    parser.add_argument("--org", required=True, help="код организации в реестре")
    parser.add_argument("--dry-run", action="store_true", help="только проверить, не записывать")
    parser.add_argument("--report", type=Path, help="сохранить отчёт в .xlsx")
    parser.add_argument("--sheet", help="лист (по умолчанию первый)")
    parser.add_argument("--header-row", type=int, help="номер строки заголовков")
    parser.add_argument("--on-duplicate", choices=["skip", "update", "create"], default="skip",
                        help="что делать с дубликатами (по умолчанию skip — пропустить)")
    parser.add_argument("--template", action="store_true",
                        help="не загружать, а записать шаблон таблицы в FILE")
    return parser


def main(argv: Sequence[str]) -> int:
    """Run the command; returns the exit code."""
    args = build_parser().parse_args(argv)
    from chairclient.importing import (
        Decision,
        ImportRefused,
        build_preview,
        find_duplicates,
        guess_mapping,
        load_table,
        run_import,
        save_report,
        write_template,
    )

    if args.template:
        write_template(args.file)
        print(f"Шаблон записан: {args.file}")
        return 0
    if not args.db.exists():
        print(f"База данных {args.db} не найдена.", file=sys.stderr)
        return 2
    from chairclient.db.engine import open_database
    from chairclient.db.models import Organisation

    db = open_database(args.db)
    try:
        with db.session() as session:
            org_id = session.scalar(
                select(Organisation.id).where(
                    Organisation.code == args.org, Organisation.deleted.is_(False)
                )
            )
        if org_id is None:
            print(f"Организация с кодом «{args.org}» не найдена в базе.", file=sys.stderr)
            return 2
        try:
            table = load_table(args.file, args.sheet, args.header_row)
            preview = build_preview(table, guess_mapping(table.headers))
        except ImportRefused as exc:
            print(f"Файл не загружен: {exc}", file=sys.stderr)
            return 2
        with db.session() as session:
            duplicates = find_duplicates(preview, session)
        decision = Decision(args.on_duplicate)
        decisions = {d.row: decision for d in duplicates}
        report = run_import(db, org_id, preview, duplicates, decisions, dry_run=args.dry_run)
    finally:
        db.close()

    print(f"Лист «{table.sheet}», строка заголовков {table.header_row}, "
          f"строк данных: {len(preview.rows)}.")
    for line in report.summary_lines():
        print(line)
    reasons = [r for r in report.rows if r.outcome in ("refused", "skipped")]
    for item in reasons[:MAX_REASONS]:
        print(f"  Строка {item.row}: {_safe_reason(item)}")
    if len(reasons) > MAX_REASONS:
        print(f"  … и ещё {len(reasons) - MAX_REASONS}; все причины — в отчёте (--report).")
    if args.report:
        save_report(report, args.report, args.file.name)
        print(f"Отчёт сохранён: {args.report}")
    return 0 if report.saved else 1

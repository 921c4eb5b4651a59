"""Member lists to Excel: members, without consent, without ЭПБ, cards to hand out,
birthdays in a period, removed in a period.

Written in openpyxl's write-only mode (rows streamed from SQL to the file, flat memory); user
text is never stored as a formula; dates are real Excel dates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from chairclient.db.models import LIVE_CARD_STATUSES, Member, Organisation
from reports.excel.fast_rows import marker_cells, splice_rows
from reports.excel.list_columns import DEFAULT_COLUMNS, MEMBER_COLUMNS, joined, unknown_columns
from reports.excel.list_queries import birthdays_filter, birthdays_order, removed_rows, scope
from reports.excel.saving import scratch_next_to
from reports.excel.styles import (
    BOLD,
    BORDER,
    HEADER_FILL,
    SMALL,
    TITLE,
    WRAP,
    clean_text,
    setup_print,
)
from reports.output import atomic_target, sibling_part
from reports.ru import ru_date

_HEADER_ROW = 4


@dataclass(frozen=True)
class ListKind:
    key: str
    title: str
    columns: tuple[str, ...]
    needs_period: bool = False


KINDS: dict[str, ListKind] = {k.key: k for k in [
    ListKind("members", "Список членов Профсоюза", DEFAULT_COLUMNS),
    ListKind("without-consent", "Члены Профсоюза без согласия на обработку персональных данных",
             ("full_name", "birth_date", "organisation", "phone", "email", "address")),
    ListKind("without-card", "Члены Профсоюза без электронного профсоюзного билета",
             ("full_name", "birth_date", "organisation", "is_complete", "has_consent",
              "card_status")),
    ListKind("cards-to-hand-out", "Электронные профсоюзные билеты к выдаче (статус «ПОЛУЧЕН»)",
             ("full_name", "organisation", "card_number", "phone")),
    ListKind("birthdays", "Дни рождения членов Профсоюза",
             ("full_name", "birth_date", "organisation", "position", "phone"), True),
    ListKind("removed", "Члены Профсоюза, снятые с учёта", (), True),
]}


@dataclass(frozen=True)
class ListRequest:
    """What to list: kind, scope (organisation and its subtree), columns, period."""

    kind: str
    org_id: str
    columns: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    include_removed: bool = False
    #: Only these members (a selection in the member list), removed ones included.
    member_ids: tuple[str, ...] | None = None


SELECTION_TITLE = "Выбранные члены Профсоюза"

#: Progress of a long list: (rows written, rows in the list); may raise to stop the writing.
Progress = Callable[[int, int], None]
_PROGRESS_EVERY = 500


@dataclass(frozen=True)
class Header:
    title: str
    kind: str = "text"
    width: float = 14


class ListError(ValueError):
    """A wrong request (message in Russian, names the bad argument)."""


def check_request(request: ListRequest) -> ListKind:
    kind = KINDS.get(request.kind)
    if kind is None:
        raise ListError(f"Неизвестный вид списка «{request.kind}»; возможны: {', '.join(KINDS)}")
    bad = unknown_columns(list(request.columns))
    if bad:
        raise ListError(f"--columns: неизвестные колонки {', '.join(bad)}; возможны: "
                        f"{', '.join(MEMBER_COLUMNS)}")
    if kind.needs_period and (request.date_from is None or request.date_to is None):
        raise ListError(f"Для списка «{kind.key}» нужны --from и --to")
    if request.member_ids is not None and kind.key == "removed":
        raise ListError("Список снятых с учёта строится по периоду, а не по выбранным членам")
    if request.date_from and request.date_to and request.date_from > request.date_to:
        raise ListError("--from: дата начала периода позже даты окончания")
    return kind


def _selection(session: Session, member_ids: Sequence[str]) -> Any:
    """The chosen ids in a connection-local temporary table: a selection of 100 000 members
    is more than SQLite's limit on bound parameters of one query."""
    session.execute(text("CREATE TEMP TABLE IF NOT EXISTS list_selection (id TEXT PRIMARY KEY)"))
    session.execute(text("DELETE FROM list_selection"))
    if member_ids:
        session.execute(text("INSERT OR IGNORE INTO list_selection (id) VALUES (:id)"),
                        [{"id": member_id} for member_id in member_ids])
    return text("SELECT id FROM list_selection")


def _member_rows(session: Session, request: ListRequest, kind: ListKind
                 ) -> tuple[list[Header], Iterator[Sequence[Any]], Any]:
    keys = list(request.columns or kind.columns)
    columns = [MEMBER_COLUMNS[k] for k in keys]
    headers = [Header(c.header, c.kind, c.width) for c in columns]
    query = joined(select(*(c.expr for c in columns)).select_from(Member)).where(
        Member.deleted.is_(False), Member.org_id.in_(scope(request.org_id)))
    if request.member_ids is not None:
        query = query.where(Member.id.in_(_selection(session, request.member_ids)))
    elif not (request.kind == "members" and request.include_removed):
        query = query.where(Member.status == "active")
    order: list[Any] = [Member.last_name, Member.first_name, Member.patronymic, Member.id]
    extra = False
    if kind.key == "without-consent":
        query = query.where(Member.has_consent.is_(False))
    elif kind.key == "without-card":
        query = query.where(Member.card_status.not_in(sorted(LIVE_CARD_STATUSES)))
    elif kind.key == "cards-to-hand-out":
        query = query.where(Member.card_status == "received")
        order = [Organisation.code, *order]
        query = query.join(Organisation, Organisation.id == Member.org_id)
    elif kind.key == "birthdays":
        query = query.add_columns(Member.birth_date).where(
            birthdays_filter(request.date_from, request.date_to))
        order = [*birthdays_order(request.date_from), *order]
        headers += [Header("День рождения", "date", 13), Header("Исполняется лет", "number", 10)]
        extra = True
    converters = [c.convert for c in columns]
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    result = session.execute(query.order_by(*order), execution_options={"yield_per": 2000})

    def rows() -> Iterator[Sequence[Any]]:
        for row in result:
            values = [conv(v) if conv else v for conv, v in zip(converters, row, strict=False)]
            if extra:
                values += _birthday(row[-1], request.date_from, request.date_to)
            yield values

    return headers, rows(), total


def _birthday(born: date | None, start: date | None, end: date | None) -> list[Any]:
    """The birthday inside [start, end] and the age reached on it."""
    if born is None or start is None or end is None:
        return [None, None]
    for year in range(start.year, end.year + 1):
        try:
            day = born.replace(year=year)
        except ValueError:  # 29 February in a common year: celebrated on 1 March
            day = date(year, 3, 1)
        if start <= day <= end:
            return [day, year - born.year]
    return [None, None]


def list_rows(session: Session, request: ListRequest
              ) -> tuple[ListKind, list[Header], Iterator[Sequence[Any]]]:
    """The list's kind, headers and rows (streamed from SQL)."""
    kind, headers, rows, _total = _list_rows(session, request)
    return kind, headers, rows


def _list_rows(session: Session, request: ListRequest
               ) -> tuple[ListKind, list[Header], Iterator[Sequence[Any]], int | None]:
    kind = check_request(request)
    if kind.key == "removed":
        headers, rows = removed_rows(session, request.org_id, request.date_from,
                                     request.date_to)
        return kind, [Header(*h) for h in headers], rows, None
    headers, rows, total = _member_rows(session, request, kind)
    return kind, headers, rows, total


def _reporting(rows: Iterator[Sequence[Any]], total: int | None, progress: Progress | None
               ) -> Iterator[Sequence[Any]]:
    if progress is None:
        yield from rows
        return
    known = total or 0
    done = 0
    progress(0, known)
    for done, row in enumerate(rows, 1):
        if done % _PROGRESS_EVERY == 0:
            progress(done, max(known, done))
        yield row
    progress(done, max(known, done))


def _cell(ws: Any, value: Any, *, font: Any = None, fill: Any = None, border: Any = None,
          number_format: str | None = None, alignment: Any = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    for name, style in (("font", font), ("fill", fill), ("border", border),
                        ("alignment", alignment)):
        if style is not None:
            setattr(cell, name, style)
    if number_format:
        cell.number_format = number_format
    return cell


def write_list(session: Session, request: ListRequest, target: Path | str, *,
               org_name: str = "", today: date | None = None,
               progress: Progress | None = None) -> int:
    """Write the list to ``target`` (.xlsx); returns the number of data rows.

    openpyxl (write-only) lays out the sheet; the data rows are streamed from SQL into the
    file by :mod:`reports.excel.fast_rows`. ``progress`` is called every few thousand rows.
    """
    target = Path(target)
    kind, headers, rows, total = _list_rows(session, request)
    rows = _reporting(rows, total, progress)
    title = SELECTION_TITLE if request.member_ids is not None else kind.title
    today = today or date.today()
    last = get_column_letter(len(headers))
    scaffold = sibling_part(target, "scaffold.xlsx")
    with scratch_next_to(target):
        workbook = Workbook(write_only=True)
        ws = workbook.create_sheet("Список")
        for index, header in enumerate(headers, 1):
            ws.column_dimensions[get_column_letter(index)].width = header.width
        ws.freeze_panes = f"A{_HEADER_ROW + 1}"
        setup_print(ws, landscape=len(headers) > 6, title_rows=f"{_HEADER_ROW}:{_HEADER_ROW}",
                    footer=f"{title} · {ru_date(today)}")
        period = (f"; период {ru_date(request.date_from)} – {ru_date(request.date_to)}"
                  if kind.needs_period else "")
        ws.append([_cell(ws, title, font=TITLE)])
        ws.append([_cell(ws, clean_text(f"{org_name}{period}; сформирован {ru_date(today)}"),
                         font=SMALL)])
        ws.append([])
        ws.append([_cell(ws, h.title, font=BOLD, fill=HEADER_FILL, border=BORDER,
                         alignment=WRAP) for h in headers])
        ws.append(marker_cells(ws))
        ws.auto_filter.ref = f"A{_HEADER_ROW}:{last}{_HEADER_ROW + 1}"
        workbook.properties.title = title
        workbook.properties.creator = "Рабочее место председателя"
        try:
            workbook.save(scaffold)
            with atomic_target(target) as part:
                count = splice_rows(scaffold, part, rows, lambda n: f"Всего: {n}", last)
        finally:
            scaffold.unlink(missing_ok=True)
    return count

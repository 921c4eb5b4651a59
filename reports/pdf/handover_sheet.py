"""Hand-over sheet of electronic union cards (ведомость выдачи ЭПБ) with a signature column.

Made from chosen members or from every card in status ПОЛУЧЕН; one sheet per organisation,
each starting on a new page with its own page numbering.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from reports.data.members import (
    CardToHand,
    cards_of_members,
    members_in_scope,
    received_cards,
)
from reports.data.orgs import OrgInfo, orgs_by_id, scope_ids
from reports.fonts import SANS, bold
from reports.output import atomic_target
from reports.pdf.layout import (
    TEXT_WIDTH,
    DocumentStart,
    Progress,
    Styles,
    blank_line,
    build_pdf,
    make_styles,
    text,
)
from reports.ru import plural, ru_date

TITLE = "ВЕДОМОСТЬ"
SUBTITLE = "выдачи электронных профсоюзных билетов членам Профсоюза"
HEADER = ("№ п/п", "Фамилия, имя, отчество", "Номер электронного профсоюзного билета",
          "Дата получения", "Подпись члена Профсоюза")
_WIDTHS = (11 * mm, None, 42 * mm, 26 * mm, 40 * mm)
_ROW_HEIGHT = 9 * mm


def _table(styles: Styles, cards: Sequence[CardToHand]) -> Table:
    head = ParagraphStyle("head", styles.cell_bold, fontSize=styles.cell.fontSize - 1,
                          leading=(styles.cell.fontSize - 1) * 1.15, alignment=1)
    rows: list[list[object]] = [[Paragraph(h, head) for h in HEADER]]
    for n, card in enumerate(cards, 1):
        rows.append([str(n), Paragraph(text(card.member.full_name), styles.cell),
                     card.card_number or "", "", ""])
    fixed = sum(w for w in _WIDTHS if w)
    widths = [w or TEXT_WIDTH - fixed for w in _WIDTHS]
    table = Table(rows, colWidths=widths, repeatRows=1,
                  rowHeights=[None] + [_ROW_HEIGHT] * len(cards))
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("FONTNAME", (2, 1), (2, -1), bold(SANS)),
        ("FONTSIZE", (0, 1), (-1, -1), styles.cell.fontSize),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (2, -1), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")),
    ]))
    return table


def sheet_story(styles: Styles, org: OrgInfo, cards: Sequence[CardToHand], on: date,
                *, index: int = 0, total: int = 0, progress: Progress | None = None
                ) -> list[Flowable]:
    """One organisation's sheet: heading, table, totals and the chair's signature."""
    count = len(cards)
    chair = text(org.chair_name) if org.chair_name else ""
    return [
        DocumentStart(org.short_name or org.code, index, total, progress),
        Paragraph(TITLE, styles.title),
        Paragraph(SUBTITLE, styles.subtitle),
        Paragraph(f"Организация: <b>{text(org.name)}</b>", styles.cell),
        Spacer(0, 1 * mm),
        blank_line(styles, [("Код организации в реестре:", 30, ""),
                            ("Дата составления:", 30, "")],
                   filled={0: text(org.code), 1: ru_date(on)}),
        Spacer(0, 4 * mm),
        _table(styles, cards),
        Spacer(0, 3 * mm),
        Paragraph(f"Всего в ведомости: <b>{count}</b> "
                  f"{plural(count, 'билет', 'билета', 'билетов')}. "
                  "Выдано: ______ (прописью: ______________________________).", styles.body),
        Spacer(0, 5 * mm),
        Paragraph("Билеты выдал председатель первичной профсоюзной организации:", styles.body),
        Spacer(0, 3 * mm),
        blank_line(styles, [("", 40, "подпись"), ("/", 62, "расшифровка подписи"),
                            ("«", 9, ""), ("»", 30, ""), ("20", 8, ""), ("г.", 0, "")],
                   filled={1: chair}),
    ]


def load_handover(session: Session, org_id: str, member_ids: Sequence[str] | None = None
                  ) -> tuple[list[CardToHand], dict[str, OrgInfo]]:
    """The sheet's lines: the chosen members' cards, or every card ПОЛУЧЕН in the subtree."""
    scope = scope_ids(session, org_id)
    if member_ids:
        cards = cards_of_members(members_in_scope(session, scope, member_ids))
    else:
        cards = received_cards(session, scope)
    return cards, orgs_by_id(session, sorted({c.member.org_id for c in cards}))


def write_handover(target: Path | str, cards: Sequence[CardToHand], orgs: dict[str, OrgInfo],
                   *, on: date | None = None, progress: Progress | None = None) -> int:
    """Write the sheets (one per organisation, in the order given); returns the number of rows.

    Raises ValueError when there is no card to hand out.
    """
    if not cards:
        raise ValueError("Нет билетов для ведомости выдачи")
    on = on or date.today()
    styles = make_styles(SANS, size=10)
    by_org: dict[str, list[CardToHand]] = {}
    for card in cards:
        by_org.setdefault(card.member.org_id, []).append(card)
    groups = list(by_org.items())
    story: list[Flowable] = []
    for index, (org_id, rows) in enumerate(groups):
        if story:
            story.append(PageBreak())
        story += sheet_story(styles, orgs[org_id], rows, on, index=index, total=len(groups),
                             progress=progress)
    with atomic_target(target) as part:
        build_pdf(str(part), story, title=f"Ведомость выдачи ЭПБ от {ru_date(on)}",
                  footer_left=f"Ведомость выдачи электронных профсоюзных билетов от {ru_date(on)}")
    return len(cards)

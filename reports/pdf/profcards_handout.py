"""PROFCARDS handout: how to register on the bonus site, buy and withdraw (seed ``000_*``).

Personalised with the member's full name and card number when known; a batch puts each
member's handout on its own page; without members one generic handout with blanks is printed.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from sqlalchemy.orm import Session

from reports.data.members import MemberDoc, active_members, members_in_scope, received_cards
from reports.data.orgs import OrgInfo, orgs_by_id, scope_ids
from reports.fonts import SANS, bold
from reports.output import atomic_target
from reports.pdf.blocks import CachedBlock
from reports.pdf.layout import (
    TEXT_WIDTH,
    DocumentStart,
    Progress,
    Styles,
    build_pdf,
    make_styles,
    text,
)
from reports.resources import resource

_BOX = colors.HexColor("#1F4E79")
_TINT = colors.HexColor("#EAF1F8")


@lru_cache(maxsize=1)
def handout_text() -> dict[str, Any]:
    with resource("reports", "profcards_handout.toml").open("rb") as fh:
        return tomllib.load(fh)


def _greeting(tpl: dict[str, Any], member: MemberDoc) -> str:
    name = f"{member.first_name} {member.patronymic}" if member.patronymic else member.full_name
    key = {"F": "greeting_female", "M": "greeting_male"}.get(member.sex or "", "greeting_unknown")
    return tpl[key].format(name=text(name))


def _personal_box(styles: Styles, tpl: dict[str, Any], member: MemberDoc | None) -> Table:
    """The framed block with the data the member types in when registering."""
    rows: list[list[Any]] = []
    if member is not None:
        rows.append([Paragraph(_greeting(tpl, member), styles.cell_bold), ""])
    rows.append([Paragraph(tpl["greeting_text"], styles.cell), ""])
    name = text(member.full_name) if member else ""
    if member and member.card_number:
        number = f"<b>{text(member.card_number)}</b>"
    else:
        number = f"<i>{tpl['card_unknown']}</i>" if member else ""
    rows.append([Paragraph(tpl["name_label"], styles.cell),
                 Paragraph(f"<b>{name}</b>" if name else "", styles.cell)])
    rows.append([Paragraph(tpl["card_label"], styles.cell), Paragraph(number, styles.cell)])
    first_data = len(rows) - 2
    table = Table(rows, colWidths=[62 * mm, TEXT_WIDTH - 62 * mm - 2])
    commands: list[tuple] = [
        ("BOX", (0, 0), (-1, -1), 1, _BOX),
        ("BACKGROUND", (0, 0), (-1, -1), _TINT),
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("LINEBELOW", (1, first_data), (1, -1), 0.5, colors.black),
        ("TOPPADDING", (0, first_data), (-1, -1), 7),
    ]
    for row in range(first_data):
        commands.append(("SPAN", (0, row), (1, row)))
    table.setStyle(TableStyle(commands))
    return table


def _steps(styles: Styles, steps: Sequence[str]) -> ListFlowable:
    return ListFlowable(
        [ListItem(Paragraph(step, styles.body), leftIndent=14) for step in steps],
        bulletType="1", bulletFontName=bold(SANS), bulletFontSize=styles.body.fontSize,
        leftIndent=14, bulletFormat="%s.",
    )


def _table(styles: Styles, rows: list[list[str]]) -> Table:
    table = Table([[Paragraph(c, styles.cell) for c in row] for row in rows],
                  colWidths=[90 * mm, 40 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), _TINT),
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    return table


def _support_box(styles: Styles, tpl: dict[str, Any]) -> Table:
    support = tpl["support"]
    centred = ParagraphStyle("centred", styles.cell, alignment=TA_CENTER)
    heading = ParagraphStyle("centred_bold", styles.cell_bold, alignment=TA_CENTER,
                             fontSize=styles.cell.fontSize + 1.5,
                             leading=(styles.cell.fontSize + 1.5) * 1.2)
    body = support["text"].format(phone=tpl["support_phone"], email=tpl["support_email"],
                                  site=tpl["site"])
    table = Table([[Paragraph(support["heading"], heading)], [Paragraph(body, centred)]],
                  colWidths=[TEXT_WIDTH])
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 1, _BOX),
        ("BACKGROUND", (0, 0), (-1, -1), _TINT),
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("TOPPADDING", (0, 0), (-1, 0), 5),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
    ]))
    return table


def _section(styles: Styles, section: dict[str, Any]) -> CachedBlock:
    parts: list[Flowable] = [Paragraph(section["heading"], styles.heading)]
    if "text" in section:
        parts.append(Paragraph(section["text"], styles.body))
    if "steps" in section:
        parts.append(_steps(styles, section["steps"]))
    if "table" in section:
        parts += [Spacer(0, 1 * mm), _table(styles, section["table"])]
    if "note" in section:
        parts.append(Paragraph(section["note"], styles.body))
    return CachedBlock(parts)


class HandoutLayout:
    """Stories of handouts; the instruction text is laid out once per PDF."""

    def __init__(self) -> None:
        self.tpl = handout_text()
        self.styles = make_styles(SANS, size=9.5, justify=False)
        st, tpl = self.styles, self.tpl
        self.title = CachedBlock([Paragraph(tpl["title"], st.title),
                                  Paragraph(tpl["subtitle"], st.subtitle)])
        self.sections = [_section(st, s) for s in tpl["sections"]]
        self.support = CachedBlock([Spacer(0, 2 * mm), _support_box(st, tpl)])
        self._org_blocks: dict[str, CachedBlock] = {}

    def _org_block(self, org: OrgInfo | None) -> list[Flowable]:
        if org is None:
            return []
        if org.id not in self._org_blocks:
            support = self.tpl["support"]
            lines = [support["org"].format(org=text(org.name))]
            if org.chair_name:
                contacts = ", ".join(text(c) for c in (org.chair_phone, org.chair_email) if c)
                chair = text(org.chair_name) + (f", {contacts}" if contacts else "")
                lines.append(support["chair"].format(chair=chair))
            self._org_blocks[org.id] = CachedBlock(
                [Spacer(0, 2 * mm), Paragraph(" ".join(lines), self.styles.small)])
        return [self._org_blocks[org.id]]

    def story(self, member: MemberDoc | None, org: OrgInfo | None, *, index: int = 0,
              total: int = 0, progress: Progress | None = None) -> list[Flowable]:
        label = member.short_name if member else ""
        return [
            DocumentStart(label, index, total, progress), self.title,
            _personal_box(self.styles, self.tpl, member), Spacer(0, 1 * mm),
            *self.sections, self.support, *self._org_block(org),
        ]


@dataclass(frozen=True)
class HandoutBatch:
    """Members to print for (empty: one generic handout) and their organisations."""

    members: list[MemberDoc]
    orgs: dict[str, OrgInfo]


def load_handout_batch(session: Session, org_id: str, member_ids: Sequence[str] | None = None,
                       *, received: bool = False, everyone: bool = False) -> HandoutBatch:
    """Handouts for ``member_ids``, or the members whose cards are ПОЛУЧЕН (``received``), or
    everyone on the register (``everyone``) — all within ``org_id``'s subtree; with none of
    these, a generic handout for the organisation."""
    scope = scope_ids(session, org_id)
    if member_ids:
        members = members_in_scope(session, scope, member_ids)
    elif received:
        members = [card.member for card in received_cards(session, scope)]
    elif everyone:
        members = active_members(session, scope)
    else:
        members = []
    return HandoutBatch(members, orgs_by_id(session, sorted({m.org_id for m in members}
                                                            | {org_id})))


def write_handouts(target: Path | str, members: Sequence[MemberDoc],
                   orgs: dict[str, OrgInfo], *, progress: Progress | None = None) -> int:
    """One handout per member (each on a new page), or one generic handout if ``members`` is
    empty; returns the number of handouts written."""
    layout = HandoutLayout()
    story: list[Flowable] = []
    people: Sequence[MemberDoc | None] = list(members) or [None]
    for index, member in enumerate(people):
        if story:
            story.append(PageBreak())
        org = orgs.get(member.org_id) if member else next(iter(orgs.values()), None)
        story += layout.story(member, org, index=index, total=len(people), progress=progress)
    with atomic_target(target) as part:
        build_pdf(str(part), story, title=layout.tpl["title"], footer_left=layout.tpl["footer"])
    return len(people)


"""Consent to personal-data processing (152-ФЗ art. 9 part 4): one document per member.

All nine required elements are printed; passport data stay blanks to fill by hand (they never
enter the database). A member under 18 on the day of printing gets the representative section
marked as required, with a line for the representative's signature. The text comes from ``resources/reports/consent.toml``, whose version must
match the version the core stores on each consent record.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer
from sqlalchemy.orm import Session

from chairclient.domain.consent_rules import needs_representative
from chairclient.services.members import CONSENT_TEMPLATE_VERSION
from reports.data.members import MemberDoc, active_without_consent, members_in_scope
from reports.data.orgs import OperatorInfo, OrgInfo, operator_info, orgs_by_id, scope_ids
from reports.output import atomic_target
from reports.pdf.blocks import CachedBlock
from reports.pdf.layout import (
    DocumentStart,
    Progress,
    Styles,
    blank_line,
    build_pdf,
    make_styles,
    signature_block,
    text,
)
from reports.resources import resource
from reports.ru import ru_date


@lru_cache(maxsize=1)
def consent_template() -> dict[str, Any]:
    """The consent text; refuses a file whose version differs from the one stored on records."""
    with resource("reports", "consent.toml").open("rb") as fh:
        data = tomllib.load(fh)
    if data.get("version") != CONSENT_TEMPLATE_VERSION:
        raise RuntimeError(
            f"Версия текста согласия ({data.get('version')}) не совпадает с версией, "
            f"записываемой в базу ({CONSENT_TEMPLATE_VERSION})"
        )
    return data


@dataclass(frozen=True)
class ConsentBatch:
    """Everything the consents print, loaded up front (so the PDF can be built off-thread)."""

    members: list[MemberDoc]
    orgs: dict[str, OrgInfo]
    operators: dict[str, OperatorInfo]

    def warnings(self) -> list[str]:
        seen: list[str] = []
        for info in self.operators.values():
            for warning in info.warnings():
                if warning not in seen:
                    seen.append(warning)
        return seen


def load_consent_batch(session: Session, org_id: str, member_ids: Sequence[str] | None = None
                       ) -> ConsentBatch:
    """Consents for ``member_ids`` (on the register of ``org_id``'s subtree) or, when None, for
    every member of the subtree without a live consent."""
    scope = scope_ids(session, org_id)
    if member_ids is None:
        members = active_without_consent(session, scope)
    else:
        members = members_in_scope(session, scope, member_ids)
    org_ids = sorted({m.org_id for m in members} | {org_id})
    orgs = orgs_by_id(session, org_ids)
    operators = {oid: operator_info(session, oid) for oid in org_ids}
    return ConsentBatch(members, orgs, operators)


def _operator_part(styles: Styles, tpl: dict[str, Any], info: OperatorInfo, org: OrgInfo
                   ) -> list[Flowable]:
    heads, texts = tpl["headings"], tpl["texts"]
    out: list[Flowable] = [Paragraph(heads["operator"], styles.heading)]
    if info.operator is not None:
        address = text(info.operator.address) or "________________________________"
        out.append(Paragraph(f"<b>{text(info.operator.name)}</b>, адрес: {address}.",
                             styles.body))
    else:
        out.append(blank_line(styles, [("", None, "наименование оператора")]))
        out.append(blank_line(styles, [("", None, "адрес оператора")]))
    out.append(Paragraph(texts["operator_note"].format(org_name=text(org.name)), styles.small))
    return out


def _processors_part(styles: Styles, tpl: dict[str, Any], info: OperatorInfo) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(tpl["headings"]["processors"], styles.heading),
                           Paragraph(tpl["texts"]["processors_intro"], styles.body)]
    if info.processors:
        # One paragraph: the list must leave the whole form on one page.
        items = []
        for n, party in enumerate(info.processors, 1):
            role = f" ({text(party.role)})" if party.role else ""
            address = text(party.address) if party.address else "_" * 24  # filled by hand
            items.append(f"6.{n}. {text(party.name)}{role}, адрес: {address}")
        out.append(Paragraph("; ".join(items) + ".", styles.body))
    else:
        for n in (1, 2):
            out.append(blank_line(styles, [(f"6.{n}.", None, "наименование, адрес")]))
    return out


def _member_lines(styles: Styles, member: MemberDoc) -> list[Flowable]:
    """The only lines that differ from one member to the next."""
    address = text(member.address) if member.address else ""
    return [
        blank_line(styles, [("Я,", None, "фамилия, имя, отчество")],
                   filled={0: text(member.full_name)}),
        blank_line(styles, [("дата рождения", 30, ""),
                            ("адрес", None, "адрес места жительства (регистрации)")],
                   filled={0: ru_date(member.birth_date), 1: address}),
    ]


def _passport_lines(styles: Styles) -> list[Flowable]:
    return [
        blank_line(styles, [("документ, удостоверяющий личность:", None, "вид документа"),
                            ("серия", 20, ""), ("номер", 32, "")]),
        blank_line(styles, [("дата выдачи", 30, ""), ("кем выдан", None, ""),
                            ("код подразделения", 22, "")]),
        blank_line(styles, [("", None, "наименование органа, выдавшего документ (окончание)")]),
    ]


def _representative_part(styles: Styles, tpl: dict[str, Any], *, required: bool = False
                         ) -> list[Flowable]:
    """Section 2: optional (a note says when to fill it), or required for a member under 18
    (marked, with the representative's own signature line)."""
    texts = tpl["texts"]
    heading = tpl["headings"]["representative"]
    if required:
        head = [Paragraph(f"{heading} *", styles.heading),
                Paragraph(f"* {texts['representative_required']}.", styles.body)]
    else:
        head = [Paragraph(f'{heading} <font name="{styles.small.fontName}" '
                          f'size="{styles.small.fontSize}">({texts["representative_note"]})'
                          "</font>", styles.heading)]
    tail = [signature_block(styles, texts["representative_signature"])] if required else []
    return [
        *head,
        blank_line(styles, [("ФИО представителя", None, ""), ("адрес", 70, "")]),
        blank_line(styles, [("документ, удостоверяющий личность: серия", 16, ""),
                            ("номер", 26, ""), ("выдан", None, "кем и когда выдан")]),
        blank_line(styles, [("документ, подтверждающий полномочия:", None,
                             "наименование, номер и дата доверенности или иного документа")]),
        *tail,
    ]


class ConsentLayout:
    """Builds consent stories; text shared by all members (or by an organisation) is laid out
    once per PDF as a :class:`CachedBlock`."""

    def __init__(self, styles: Styles | None = None, *, today: date | None = None) -> None:
        self.tpl = consent_template()
        self.today = today or date.today()
        self.styles = styles or make_styles(size=8.0)
        self._per_org: dict[str, tuple[CachedBlock, CachedBlock, CachedBlock]] = {}
        tpl, st = self.tpl, self.styles
        heads, texts = tpl["headings"], tpl["texts"]
        self.title = CachedBlock([
            Paragraph(tpl["title"], st.title), Paragraph(tpl["subtitle"], st.subtitle),
            Paragraph(tpl["basis"], st.caption), Spacer(0, 1 * mm),
            Paragraph(heads["subject"], st.heading),
        ])
        self.passport = CachedBlock([*_passport_lines(st), Paragraph(tpl["intro"], st.body)])
        self.representative = CachedBlock(_representative_part(st, tpl))
        self.representative_required = CachedBlock(_representative_part(st, tpl, required=True))
        self.middle = [
            CachedBlock([Paragraph(heads[key], st.heading), Paragraph(texts[key], st.body)])
            for key in ("purpose", "data")
        ]
        self.tail = [
            CachedBlock([Paragraph(heads[key], st.heading), Paragraph(texts[key], st.body)])
            for key in ("actions", "term")
        ]
        self.signature = CachedBlock([
            Paragraph(heads["signature"], st.heading), Paragraph(texts["confirm"], st.body),
            Spacer(0, 2 * mm), signature_block(st),
        ])

    def _org_blocks(self, org: OrgInfo, info: OperatorInfo
                    ) -> tuple[CachedBlock, CachedBlock, CachedBlock]:
        if org.id not in self._per_org:
            version = self.tpl["version_label"].format(version=self.tpl["version"])
            header = CachedBlock([Paragraph(
                f"{text(org.short_name or org.name)} · {text(version)}", self.styles.right)])
            self._per_org[org.id] = (
                header,
                CachedBlock(_operator_part(self.styles, self.tpl, info, org)),
                CachedBlock(_processors_part(self.styles, self.tpl, info)),
            )
        return self._per_org[org.id]

    def story(self, member: MemberDoc, org: OrgInfo, info: OperatorInfo, *, index: int = 0,
              total: int = 0, progress: Progress | None = None) -> list[Flowable]:
        """The flowables of one member's consent (starting with its footer marker)."""
        header, operator, processors = self._org_blocks(org, info)
        return [
            DocumentStart(member.short_name, index, total, progress),
            header, self.title, *_member_lines(self.styles, member), self.passport,
            self.representative_required if needs_representative(member.birth_date, self.today)
            else self.representative, operator, *self.middle, processors, *self.tail,
            self.signature,
        ]


def write_consents(target: Path | str, batch: ConsentBatch, *,
                   progress: Progress | None = None, today: date | None = None) -> int:
    """Write one PDF with a consent per member, each starting on a new page; returns the count.

    Raises ValueError when the batch is empty (nothing to print).
    """
    if not batch.members:
        raise ValueError("Нет членов Профсоюза, для которых нужно напечатать согласие")
    layout = ConsentLayout(today=today)
    tpl = layout.tpl
    story: list[Flowable] = []
    total = len(batch.members)
    for index, member in enumerate(batch.members):
        if story:
            story.append(PageBreak())
        story += layout.story(member, batch.orgs[member.org_id], batch.operators[member.org_id],
                              index=index, total=total, progress=progress)
    with atomic_target(target) as part:
        build_pdf(str(part), story, title=f"{tpl['title'].capitalize()} {tpl['subtitle']}",
                  footer_left=tpl["footer"].format(version=tpl["version"]))
    return total

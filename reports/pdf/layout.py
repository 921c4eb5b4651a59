"""Shared PDF layout: A4 page, Cyrillic styles, blanks to fill by hand, per-document footers.

A PDF may hold several documents (a batch of consents, one hand-over sheet per organisation).
Each starts with a :class:`DocumentStart` marker; the footer then numbers pages within that
document («стр. 1 из 2») and repeats its label, so loose sheets can be matched again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from reports.fonts import SANS, SERIF, bold, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 25 * mm, 12 * mm, 10 * mm, 15 * mm
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT
GREY = colors.HexColor("#555555")

# Binary (Flate only) page streams: a quarter smaller and faster than ASCII85-wrapped ones.
rl_config.useA85 = 0

#: progress(done, total): called as each document starts; raise from it to cancel the build.
Progress = Callable[[int, int], None]


def text(value: object | None) -> str:
    """A value made safe for a reportlab Paragraph (markup characters escaped)."""
    return "" if value is None else escape(str(value))


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one document family (serif for forms, sans for handouts)."""

    body: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    right: ParagraphStyle
    caption: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle


def make_styles(family: str = SERIF, size: float = 9.5, *, justify: bool = True) -> Styles:
    """Styles for ``family`` with body text of ``size`` points."""
    register_fonts()
    lead = size * 1.17
    body = ParagraphStyle(
        "body", fontName=family, fontSize=size, leading=lead,
        alignment=TA_JUSTIFY if justify else TA_LEFT,
        spaceAfter=size * 0.25,
    )
    return Styles(
        body=body,
        small=ParagraphStyle("small", body, fontSize=size - 1.5, leading=(size - 1.5) * 1.2),
        title=ParagraphStyle(
            "title", body, fontName=bold(family), fontSize=size + 4, leading=(size + 4) * 1.2,
            alignment=TA_CENTER, spaceAfter=1 * mm,
        ),
        subtitle=ParagraphStyle(
            "subtitle", body, fontSize=size - 0.5, alignment=TA_CENTER, spaceAfter=3 * mm,
        ),
        heading=ParagraphStyle(
            "heading", body, fontName=bold(family), alignment=0, spaceBefore=size * 0.35,
            spaceAfter=size * 0.15, keepWithNext=1,
        ),
        right=ParagraphStyle("right", body, alignment=TA_RIGHT, fontSize=size - 1.5,
                             leading=(size - 1.5) * 1.2),
        caption=ParagraphStyle(
            "caption", body, fontSize=size - 3, leading=(size - 3) * 1.15, alignment=TA_CENTER,
            textColor=GREY, spaceAfter=0,
        ),
        cell=ParagraphStyle("cell", body, alignment=0, spaceAfter=0),
        cell_bold=ParagraphStyle("cell_bold", body, fontName=bold(family), alignment=0,
                                 spaceAfter=0),
    )


Field = tuple[str, float | None, str]


def blank_line(styles: Styles, fields: Sequence[Field], *, filled: dict[int, str] | None = None
               ) -> Table:
    """One line of a form made of ``(label, width_mm, caption)`` pieces.

    Each piece prints its label, then a line to fill by hand of ``width_mm`` (``None``: share the
    rest of the text width; ``0``: no line) with a small caption under it. ``filled`` puts
    printed text (markup allowed) on the line of the piece with that index.
    """
    filled = filled or {}
    widths: list[float | None] = []
    top: list[object] = []
    bottom: list[object] = []
    lines: list[int] = []
    for index, (label, width, caption) in enumerate(fields):
        if label:
            top.append(Paragraph(label, styles.cell))
            bottom.append("")
            plain = _plain(label)
            widths.append(stringWidth(plain, styles.cell.fontName, styles.cell.fontSize) * 1.03
                          + 2.5)
        if width != 0:
            lines.append(len(top))
            top.append(Paragraph(filled.get(index, ""), styles.cell_bold))
            bottom.append(Paragraph(caption, styles.caption) if caption else "")
            widths.append(width * mm if width else None)
    fixed = sum(w for w in widths if w is not None)
    free = [i for i, w in enumerate(widths) if w is None]
    for i in free:
        widths[i] = max((TEXT_WIDTH - fixed) / len(free), 10 * mm)
    has_captions = any(b for b in bottom)
    line_height = styles.cell.leading + 2
    for col, cell in enumerate(top):
        if isinstance(cell, Paragraph) and col in lines and widths[col]:
            line_height = max(line_height, cell.wrap(widths[col] - 2, 1000)[1] + 2)
    table = Table([top, bottom] if has_captions else [top], colWidths=widths, hAlign="LEFT",
                  rowHeights=[line_height, None] if has_captions else [line_height + 3])
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),
        ("LEFTPADDING", (0, 0), (-1, -1), 1),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 1),
    ]
    if has_captions:
        commands += [("TOPPADDING", (0, 1), (-1, 1), 0), ("BOTTOMPADDING", (0, 1), (-1, 1), 0),
                     ("VALIGN", (0, 1), (-1, 1), "TOP")]
    else:
        commands.append(("TOPPADDING", (0, 0), (-1, 0), 3))
    for col in lines:
        commands.append(("LINEBELOW", (col, 0), (col, 0), 0.5, colors.black))
    table.setStyle(TableStyle(commands))
    return table


def _plain(label: str) -> str:
    """Label text without markup, for a width estimate."""
    out, inside = [], False
    for ch in label:
        if ch == "<":
            inside = True
        elif ch == ">":
            inside = False
        elif not inside:
            out.append(ch)
    return "".join(out).replace("&laquo;", "«").replace("&amp;", "&")


def signature_block(styles: Styles, who: str = "Подпись") -> Table:
    """«Подпись ____ / ______ (расшифровка)   «__» ______ 20__ г.» with captions."""
    return blank_line(
        styles,
        [
            (who, 38, "подпись"),
            ("/", None, "расшифровка подписи (фамилия, инициалы)"),
            ("/ «", 9, ""),
            ("»", 30, ""),
            ("20", 8, ""),
            ("г.", 0, ""),
        ],
    )


class DocumentStart(Flowable):
    """Zero-size marker: a new document (label for the footer) begins on this page."""

    def __init__(self, label: str, index: int = 0, total: int = 0,
                 progress: Progress | None = None) -> None:
        super().__init__()
        self.label = label
        self.index = index
        self.total = total
        self.progress = progress

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        canv._doc_serial = getattr(canv, "_doc_serial", 0) + 1
        canv._doc_label = self.label
        if self.progress is not None:
            self.progress(self.index, self.total)


def _numbered_canvas(footer_left: str) -> type[Canvas]:
    """A canvas that holds pages until the end to print «стр. k из n» per document."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []
            self._doc_serial = 0
            self._doc_label = ""

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            totals: dict[int, int] = {}
            for state in self._pages:
                totals[state["_doc_serial"]] = totals.get(state["_doc_serial"], 0) + 1
            seen: dict[int, int] = {}
            for state in self._pages:
                self.__dict__.update(state)
                serial = state["_doc_serial"]
                seen[serial] = seen.get(serial, 0) + 1
                self._footer(seen[serial], totals[serial])
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, page: int, total: int) -> None:
            self.saveState()
            self.setFont(SANS, 7)
            self.setFillColor(GREY)
            y = BOTTOM - 7 * mm
            self.drawString(LEFT, y, footer_left)
            label = self._doc_label
            right = f"{label} · стр. {page} из {total}" if label else f"стр. {page} из {total}"
            self.drawRightString(PAGE_WIDTH - RIGHT, y, right)
            self.restoreState()

    return NumberedCanvas


def build_pdf(target: object, story: list[Flowable], *, title: str, footer_left: str,
              subject: str = "") -> None:
    """Lay ``story`` out on A4 pages and write the PDF to ``target`` (a path or a binary file)."""
    register_fonts()
    doc = BaseDocTemplate(
        target, pagesize=A4, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP,
        bottomMargin=BOTTOM, title=title, subject=subject,
        author="Рабочее место председателя", creator="Рабочее место председателя",
        lang="ru-RU", initialFontName=SERIF, initialFontSize=10,
    )
    frame = Frame(LEFT, BOTTOM, TEXT_WIDTH, PAGE_HEIGHT - TOP - BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=_numbered_canvas(footer_left))

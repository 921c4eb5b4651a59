"""The membership structure chart: horizontal bars by category, sex and age group.

Drawn with QPainter (PySide6-Essentials has no QtCharts). Groups stand side by side when the
widget is wide enough, else one under another; each bar is labelled with its count and share.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.i18n.formats import format_number

BAR_MIN_WIDTH = 90  # the longest bar of a group is at least this long
GROUP_GAP = 28
BAR_GAP = 8
LABEL_GAP = 14  # between a label and its bar
UNKNOWN_COLOUR = QColor("#b0b0b0")


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    colour: QColor
    optional: bool = False  # not drawn when the count is 0 (e.g. «не заполнено»)


@dataclass(frozen=True)
class BarGroup:
    title: str
    bars: list[Bar]


def percent_text(part: int, whole: int) -> str:
    """«66 %» (rounded; «<1 %» for a small non-zero share), or empty when ``whole`` is 0."""
    if whole <= 0:
        return ""
    share = part * 100 / whole
    if 0 < share < 1:
        return "<1\u00a0%"
    return f"{round(share)}\u00a0%"


class StructureChart(QWidget):
    """Bar groups over the same total (members on the register)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: list[BarGroup] = []
        self._total = 0
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_groups(self, groups: list[BarGroup], total: int) -> None:
        self._groups = [BarGroup(g.title, [b for b in g.bars if b.count or not b.optional])
                        for g in groups]
        self._total = total
        self.updateGeometry()
        self.update()

    @property
    def groups(self) -> list[BarGroup]:
        return self._groups

    # -- geometry -----------------------------------------------------------------------------

    def _row_height(self) -> int:
        return QFontMetrics(self.font()).height() + BAR_GAP

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _group_height(self, group: BarGroup) -> int:
        return QFontMetrics(self._title_font()).height() + 6 + len(group.bars) * self._row_height()

    def _natural_widths(self) -> list[int]:
        """Per group: its longest label and value, and room for a bar."""
        metrics = QFontMetrics(self.font())
        widths = []
        for group in self._groups:
            label = max((metrics.horizontalAdvance(b.label) for b in group.bars), default=0)
            value = max((metrics.horizontalAdvance(self._value_text(b)) for b in group.bars),
                        default=0)
            title = QFontMetrics(self._title_font()).horizontalAdvance(group.title)
            widths.append(max(label + LABEL_GAP + value + 16 + BAR_MIN_WIDTH, title))
        return widths

    def _column_widths(self, width: int) -> list[int] | None:
        """Widths of the groups side by side (the room left over shared equally), or None
        when they do not fit and go one under another."""
        natural = self._natural_widths()
        spare = width - sum(natural) - GROUP_GAP * max(len(natural) - 1, 0)
        if not natural or spare < 0:
            return None
        return [w + spare // len(natural) for w in natural]

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        heights = [self._group_height(g) for g in self._groups] or [0]
        if self._column_widths(width) is not None:
            return max(heights)
        return sum(heights) + GROUP_GAP * (len(heights) - 1)

    def sizeHint(self) -> QSize:  # noqa: N802
        width = sum(self._natural_widths()) + GROUP_GAP * max(len(self._groups) - 1, 0)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        width = max(self._natural_widths(), default=0)
        return QSize(width, self.heightForWidth(width))

    def group_rects(self) -> list[QRect]:
        """Where each group is drawn (also used by the tests)."""
        width = self.width()
        columns = self._column_widths(width)
        if columns is not None:
            rects, x = [], 0
            for group, column in zip(self._groups, columns, strict=True):
                rects.append(QRect(x, 0, column, self._group_height(group)))
                x += column + GROUP_GAP
            return rects
        rects, y = [], 0
        width = min(width, max(self._natural_widths(), default=0) * 3 // 2)  # bars stay short
        for group in self._groups:
            height = self._group_height(group)
            rects.append(QRect(0, y, width, height))
            y += height + GROUP_GAP
        return rects

    # -- painting -----------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for group, rect in zip(self._groups, self.group_rects(), strict=True):
            self._paint_group(painter, group, rect)
        painter.end()

    def _paint_group(self, painter: QPainter, group: BarGroup, rect: QRect) -> None:
        text_colour = self.palette().color(QPalette.ColorRole.Text)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        title_font = self._title_font()
        title_height = QFontMetrics(title_font).height()
        painter.setFont(title_font)
        painter.setPen(text_colour)
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), title_height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, group.title)

        metrics = QFontMetrics(self.font())
        painter.setFont(self.font())
        label_width = min(max((metrics.horizontalAdvance(b.label) for b in group.bars),
                              default=0) + LABEL_GAP, rect.width() * 2 // 3)
        values = [self._value_text(b) for b in group.bars]
        value_width = max((metrics.horizontalAdvance(v) for v in values), default=0) + 10
        bar_left = rect.left() + label_width
        bar_space = max(rect.width() - label_width - value_width, 10)
        largest = max((b.count for b in group.bars), default=0)
        row = self._row_height()
        y = rect.top() + title_height + 6
        for bar, value in zip(group.bars, values, strict=True):
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight,
                                       label_width - LABEL_GAP + 4)
            painter.setPen(text_colour)
            painter.drawText(QRect(rect.left(), y, label_width - LABEL_GAP + 4, row),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
            length = bar_space * bar.count / largest if largest else 0
            if bar.count and length < 2:
                length = 2  # a non-zero count stays visible
            bar_rect = QRectF(bar_left, y + BAR_GAP / 2 + 1, length, row - BAR_GAP - 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(bar.colour)
            painter.drawRoundedRect(bar_rect, 2, 2)
            painter.setPen(text_colour if bar.count else muted)
            painter.drawText(QRect(int(bar_left + length) + 6, y, value_width, row),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, value)
            y += row

    def _value_text(self, bar: Bar) -> str:
        share = percent_text(bar.count, self._total)
        return format_number(bar.count) + (f" · {share}" if share else "")

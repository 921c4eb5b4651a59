"""Dashboard tiles: a big number over a caption, a button that opens the list behind it;
and the flow layout that wraps them to the width of the page."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QAbstractButton, QLayout, QLayoutItem, QSizePolicy, QWidget

from ui.i18n.formats import format_number

#: Colour of the number: a problem to act on, a good outcome, or neutral.
TONES = {"warning": QColor("#b3261e"), "good": QColor("#1b6e3a"), "neutral": QColor("#1f3b63")}
MUTED = QColor("#7a7a7a")
PADDING = 10


class TileButton(QAbstractButton):
    """A count and what it counts; clicking (or Space) opens the matching member list."""

    def __init__(self, key: str, caption: str, tooltip: str, tone: str = "neutral",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.tone = tone
        self.caption = caption
        self.count: int | None = None
        self.share = ""  # «12 %» of those on the register, or empty
        self.setToolTip(tooltip)
        self.setAccessibleName(caption)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)

    def set_count(self, count: int | None, share: str = "") -> None:
        self.count, self.share = count, share
        self.setText("…" if count is None else format_number(count))
        self.setAccessibleDescription(f"{self.caption}: {self.text()}")
        self.update()

    def _number_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        return font

    def sizeHint(self) -> QSize:  # noqa: N802
        metrics = QFontMetrics(self.font())
        width = max(metrics.averageCharWidth() * 21, 150)
        return QSize(width, QFontMetrics(self._number_font()).height() + metrics.height() * 2
                     + PADDING * 2 + 4)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        frame = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        background = palette.color(QPalette.ColorRole.Base)
        if self.isDown():
            background = highlight.lighter(185)
        elif self.underMouse():
            background = highlight.lighter(200)
        painter.setBrush(background)
        border = highlight if self.hasFocus() else palette.color(QPalette.ColorRole.Mid)
        painter.setPen(QPen(border, 2 if self.hasFocus() else 1))
        painter.drawRoundedRect(frame, 6, 6)

        inner = self.rect().adjusted(PADDING, PADDING - 2, -PADDING, -PADDING)
        number_font = self._number_font()
        number_height = QFontMetrics(number_font).height()
        colour = MUTED if not self.count else TONES.get(self.tone, TONES["neutral"])
        painter.setFont(number_font)
        painter.setPen(colour)
        number_rect = QRect(inner.left(), inner.top(), inner.width(), number_height)
        painter.drawText(number_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.text())
        if self.share:
            painter.setFont(self.font())
            painter.setPen(MUTED)
            painter.drawText(number_rect,
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             self.share)
        painter.setFont(self.font())
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        caption_rect = QRect(inner.left(), inner.top() + number_height + 2, inner.width(),
                             inner.height() - number_height - 2)
        painter.drawText(caption_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                         | Qt.TextFlag.TextWordWrap, self.caption)
        painter.end()


class FlowLayout(QLayout):
    """Lays its items out left to right, wrapping onto new rows (Qt's flow layout example)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8, *,
                 balanced: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        # Items of one width: when they need several rows, rows get equal numbers (3 + 3
        # rather than 5 + 1).
        self._balanced = balanced
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _per_row(self, items: list[QLayoutItem], width: int) -> int:
        """How many items a row takes (balanced layouts), or 0 for «as many as fit»."""
        if not self._balanced or not items:
            return 0
        item_width = max(item.sizeHint().width() for item in items)
        fit = max(1, (width + self._spacing) // (item_width + self._spacing))
        rows = -(-len(items) // fit)
        return -(-len(items) // rows)

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        items = [i for i in self._items if i.widget() is None or not i.widget().isHidden()]
        per_row = self._per_row(items, rect.width())
        stretched = 0  # balanced rows fill the width (up to half again the usual width)
        if per_row:
            usual = max(item.sizeHint().width() for item in items)
            room = (rect.width() - (per_row - 1) * self._spacing) // per_row
            stretched = max(usual, min(room, usual * 3 // 2))
        x, y, row_height, in_row = rect.x(), rect.y(), 0, 0
        for item in items:
            hint = item.sizeHint()
            if stretched:
                hint.setWidth(stretched)
            full = in_row == per_row if per_row else x + hint.width() > rect.right() + 1
            if in_row and full:
                x, y, row_height, in_row = rect.x(), y + row_height + self._spacing, 0, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            in_row += 1
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()

"""A coloured strip at the top of a form: what is missing, what went wrong, what was saved."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

_STYLES = {
    "warning": ("#fff4ce", "#c8a600", "#3b2f00"),
    "error": ("#fde7e9", "#b3261e", "#5c0f0b"),
    "info": ("#e8f0fe", "#1a73e8", "#0b2e5c"),
}


class Banner(QFrame):
    """A word-wrapped message with links; ``link_activated`` carries the link's href."""

    link_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.TextFormat.RichText)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self._label.linkActivated.connect(self.link_activated)
        layout.addWidget(self._label)
        self.hide()

    def show_message(self, html: str, kind: str = "warning") -> None:
        """Show ``html`` (rich text); an empty text hides the banner."""
        if not html:
            self.hide()
            return
        background, border, text = _STYLES[kind]
        self.setStyleSheet(
            f"QFrame#banner {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }} QLabel {{ color: {text}; }}"
            f" QLabel a {{ color: {text}; }}"
        )
        self._label.setText(html)
        self.show()

    def text(self) -> str:
        """The banner's text without markup (empty when hidden)."""
        if self.isHidden():
            return ""
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(self._label.text())
        return doc.toPlainText()

"""The guide's window: the HTML pages of resources/help/ in a QTextBrowser."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from chairclient.resources import resource_dir

HOME = "index.html"


def help_dir():
    return resource_dir() / "help"


class GuideWindow(QDialog):
    """A non-modal window beside the main one; links between pages, back and contents."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chair's guide"))
        self.setModal(False)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(help_dir())])
        self.back = QPushButton(self.tr("Back"), self)
        self.back.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        self.back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back.setEnabled)
        self.back.setEnabled(False)
        self.contents = QPushButton(self.tr("Contents"), self)
        self.contents.clicked.connect(lambda: self.show_page(HOME))
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.back, self.contents):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        column = QVBoxLayout(self)
        column.addWidget(self.browser, 1)
        column.addLayout(buttons)
        self.resize(900, 680)  # fits 1366×768 beside the taskbar

    def show_page(self, page: str) -> None:
        """Open ``page`` (a file name under resources/help/, optionally with #anchor)."""
        self.browser.setSource(QUrl(page))
        self.show()
        self.raise_()
        self.activateWindow()

    @property
    def page(self) -> str:
        return self.browser.source().fileName()

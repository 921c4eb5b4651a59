"""«Справка»: «Руководство председателя» (F1: the page of the current tab) and «О программе»
with the version and the registry's address."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from chairclient import paths
from chairclient.version import __version__
from ui.help.window import HOME, GuideWindow


class HelpActions(QObject):
    """The Help menu of the main window. ``current_page()`` names the page for F1."""

    def __init__(self, window: QMainWindow, menu: QMenu,
                 current_page: Callable[[], str]) -> None:
        super().__init__(window)
        self._window = window
        self.menu = menu
        self._current_page = current_page
        self.registry_address: str | None = None  # set once signed in to a registry
        self.guide: GuideWindow | None = None
        self.guide_action = QAction(self.tr("Chair's &guide"), window)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.guide_action.triggered.connect(self.show_context_help)
        self.about_action = QAction(self.tr("&About"), window)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        menu.addAction(self.guide_action)
        menu.addSeparator()
        menu.addAction(self.about_action)

    @classmethod
    def attach(cls, window: QMainWindow, current_page: Callable[[], str]) -> HelpActions:
        menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        return cls(window, menu, current_page)

    def show_page(self, page: str = HOME) -> GuideWindow:
        if self.guide is None:
            self.guide = GuideWindow(self._window)
        self.guide.show_page(page)
        return self.guide

    def show_context_help(self) -> GuideWindow:
        """F1: the page about what the person is looking at."""
        return self.show_page(self._current_page() or HOME)

    def about_text(self) -> str:
        registry = self.registry_address or self.tr("not connected (working offline)")
        lines = [
            "<b>" + html.escape(QCoreApplication.translate("MainWindow", "Chair's Workplace"))
            + "</b>",
            html.escape(self.tr("Version %1").replace("%1", __version__)),
            html.escape(self.tr("Registry: %1").replace("%1", registry)),
            html.escape(self.tr("Data folder: %1").replace("%1", str(paths.data_dir()))),
            html.escape(self.tr("The register of members of the education workers' union for "
                                "chairs of primary, local and regional organisations.")),
        ]
        return "<br><br>".join(lines)

    def show_about(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About"), self.about_text(),
                          QMessageBox.StandardButton.Ok, self._window)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        box.setModal(False)
        box.show()
        return box

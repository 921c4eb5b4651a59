"""«Справка»: the chair's guide in a Qt window (F1: the page of the current tab), every page's
links and pictures resolving, and «О программе» with the version and the registry address."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from chairclient.version import __version__
from tests.ui.test_main_window import open_window
from ui.help.window import help_dir

PAGES = sorted(p.name for p in help_dir().glob("*.html"))


def test_every_page_is_russian_and_its_links_and_pictures_exist() -> None:
    assert {"index.html", "sign-in.html", "passport.html", "members.html", "consents.html",
            "cards.html", "sync.html", "reports.html"} <= set(PAGES)
    index = (help_dir() / "index.html").read_text(encoding="utf-8")
    for page in PAGES:
        text = (help_dir() / page).read_text(encoding="utf-8")
        assert re.search("[а-яё]{4}", text), page
        for link in re.findall(r'href="([^"#:]+)', text):
            assert (help_dir() / link).exists(), f"{page}: {link}"
        for picture in re.findall(r'src="([^"]+)"', text):
            image = QImage(str(help_dir() / picture))
            assert not image.isNull() and image.width() >= 400, f"{page}: {picture}"
        if page != "index.html":
            assert f'href="{page}"' in index, f"{page} is not in the contents"


@pytest.fixture
def window(qtbot, demo):
    return open_window(qtbot, demo[1])


def test_the_guide_opens_from_the_menu(qtbot, window) -> None:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Справка")
    texts = [a.text() for a in menu.actions()]
    assert "&Руководство председателя" in texts and "&О программе" in texts
    window.help.guide_action.trigger()
    guide = window.help.guide
    qtbot.waitUntil(lambda: guide.isVisible())
    assert guide.windowTitle() == "Руководство председателя"
    assert "Члены Профсоюза" in guide.browser.toPlainText()  # F1 on the member list's tab
    assert guide.page == "members.html"
    guide.contents.click()
    assert guide.page == "index.html"
    assert "Содержание" in guide.browser.toPlainText()


@pytest.mark.parametrize(("tab", "page"), [("passport", "passport.html"),
                                            ("card_requests", "cards.html"),
                                            ("dashboard", "reports.html"),
                                            ("members", "members.html")])
def test_f1_opens_the_page_of_the_current_tab(qtbot, window, tab, page) -> None:
    window.tabs.setCurrentWidget(getattr(window, tab))
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.help.guide is not None and window.help.guide.isVisible())
    assert window.help.guide.page == page
    assert len(window.help.guide.browser.toPlainText()) > 300


def test_about_names_the_version_and_the_registry(qtbot, window) -> None:
    assert f"Версия {__version__}" in window.help.about_text()
    assert "без связи" in window.help.about_text()  # no registry: working offline
    window.help.registry_address = "https://reestr.example.ru"
    box = window.help.show_about()
    qtbot.addWidget(box)
    assert "Реестр: https://reestr.example.ru" in box.text()

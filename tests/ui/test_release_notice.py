"""The app and a registry announcing client versions: «Доступна новая версия X» with the
download address, and an outdated app that refuses to sync with a clear Russian message while
its local data stay readable (a real registry on loopback)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from registry.app import create_app
from registry.settings import ClientRelease, Settings
from sync.client import RegistryClient
from tests.registry.servers import ServerThread
from tests.ui import test_sync_support as support
from tests.ui.test_sync_support import open_and_sync
from ui.login.start import Account
from ui.sync import controller as sync_state

seeded, server, sign_in_options = support.seeded, support.server, support.sign_in_options
memory_keyring = support.memory_keyring
URL = "https://reestr.example.ru/download/chairclient-0.9.0.exe"


@pytest.fixture
def announcing(server):
    settings = Settings(secret="s" * 32, release=ClientRelease("0.9.0", "0.2.0", URL))
    thread = ServerThread(server.db, app=create_app(db=server.db, settings=settings)).start()
    yield thread.base_url
    thread.stop()


def _account(base_url: str, version: str, password: str) -> Account:
    client = RegistryClient(base_url, version=version)
    client.login("chair1", password)
    return Account(base_url, base_url, "chair1", client)


def test_a_newer_version_is_announced_with_its_address(qtbot, server, announcing,
                                                       sign_in_options, memory_keyring) -> None:
    account = _account(announcing, "0.2.0", server.users["chair1"].password)
    session = open_and_sync(qtbot, account, sign_in_options)
    try:
        notice = session.window.sync_indicator.update_notice
        qtbot.waitUntil(lambda: notice.isVisibleTo(session.window), timeout=10_000)
        assert "Доступна новая версия 0.9.0" in notice.text()
        assert f'href="{URL}"' in notice.text()
        assert session.controller.state == sync_state.DONE
    finally:
        session.close()
        account.client.close()


def test_an_outdated_version_refuses_to_sync_and_keeps_the_data(
        qtbot, server, announcing, sign_in_options, memory_keyring) -> None:
    password = server.users["chair1"].password
    first = _account(announcing, "0.2.0", password)
    session = open_and_sync(qtbot, first, sign_in_options)  # data on this computer
    session.close()
    first.client.close()

    old = _account(announcing, "0.1.0", password)
    session = open_and_sync(qtbot, old, sign_in_options)
    try:
        window, controller = session.window, session.controller
        assert controller.state == sync_state.TOO_OLD
        assert "0.1.0 устарела" in controller.error_text and URL in controller.error_text
        assert window.sync_indicator.state.text() == (
            "Версия программы устарела: синхронизация отключена")
        box = window.sync_indicator.too_old_box
        assert isinstance(box, QMessageBox) and "0.2.0 и новее" in box.text()
        box.close()
        qtbot.waitUntil(lambda: window.members.model.rowCount() > 0, timeout=10_000)
        window.refresh_action.trigger()  # F5 tries again: refused again, nothing sent
        qtbot.waitUntil(lambda: controller.runs == 2, timeout=10_000)
        assert controller.state == sync_state.TOO_OLD
    finally:
        session.close()
        old.client.close()

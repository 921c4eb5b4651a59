"""«Работать без связи» in the login dialog, and signing in again when the session ends."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.registry.servers import free_port
from tests.ui import test_sync_support as support
from tests.ui.test_sync_support import log_in_with_dialog, open_and_sync
from ui.login.dialog import LoginDialog
from ui.login.start import Account
from ui.sync import controller as sync_state

seeded, server, sign_in_options = support.seeded, support.server, support.sign_in_options
memory_keyring = support.memory_keyring


def _unreachable_dialog(qtbot, has_local_data) -> LoginDialog:
    dialog = LoginDialog(f"http://127.0.0.1:{free_port()}", has_local_data=has_local_data)
    qtbot.addWidget(dialog)
    dialog.login.setText("chair1")
    dialog.password.setText("demo-chair1")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message.isVisibleTo(dialog), timeout=10_000)
    return dialog


def test_work_offline_is_offered_only_with_local_data(qtbot) -> None:
    without = _unreachable_dialog(qtbot, lambda login: False)
    assert not without.work_offline.isVisibleTo(without)
    asked: list[str] = []
    dialog = _unreachable_dialog(qtbot, lambda login: asked.append(login) or True)
    assert asked == ["chair1"]
    assert dialog.work_offline.isVisibleTo(dialog)
    assert dialog.work_offline.text() == "Работать без связи"
    dialog.work_offline.click()
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.offline and dialog.client is not None and not dialog.client.signed_in
    dialog.client.close()


def test_offline_session_without_tokens_opens_the_local_data(qtbot, server, sign_in_options,
                                                            memory_keyring) -> None:
    account = log_in_with_dialog(qtbot, sign_in_options, "chair1", "demo-chair1")
    session = open_and_sync(qtbot, account, sign_in_options)
    session.close()
    account.client.close()
    server.thread.stop()
    dialog = LoginDialog(server.base_url, has_local_data=lambda login: account.db_path(
        sign_in_options.data_dir).exists())
    qtbot.addWidget(dialog)
    dialog.login.setText("chair1")
    dialog.password.setText("demo-chair1")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.work_offline.isVisibleTo(dialog), timeout=10_000)
    dialog.work_offline.click()
    dialog.client.retries = 0
    offline = Account(server.base_url, sign_in_options.server_id, "chair1", dialog.client,
                      offline=True)
    session = open_and_sync(qtbot, offline, sign_in_options)
    try:
        assert session.controller.state == sync_state.OFFLINE
        org = server.users["chair1"].org_name
        qtbot.waitUntil(lambda: session.window.org_title.text() == org, timeout=10_000)
    finally:
        session.close()


def test_expired_session_opens_the_login_dialog_over_the_window(qtbot, server,
                                                               sign_in_options) -> None:
    account = log_in_with_dialog(qtbot, sign_in_options, "chair1", "demo-chair1")
    session = open_and_sync(qtbot, account, sign_in_options)
    try:
        client = account.client
        client.access_token, client.refresh_token = None, "r1.revoked-or-expired"
        session.controller.sync_now()
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), LoginDialog),
                        timeout=15_000)
        dialog = QApplication.activeModalWidget()
        assert session.controller.state == sync_state.SIGNED_OUT
        assert session.window.isVisible()  # the local data stay open
        assert dialog.parent() is session.window
        assert dialog.login.text() == "chair1" and dialog.login.isReadOnly()
        runs = session.controller.runs
        dialog.password.setText("demo-chair1")
        dialog.submit()
        qtbot.waitUntil(lambda: session.controller.runs > runs, timeout=15_000)
        assert session.controller.state == sync_state.DONE
        assert client.signed_in
    finally:
        session.close()

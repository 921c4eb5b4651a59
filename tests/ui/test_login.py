"""Signing in: the dialog, remembered sessions in the keyring, offline start, logout."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from sync import credentials
from sync.client import AuthError, RegistryClient
from tests.ui import test_sync_support as support
from tests.ui.test_sync_support import log_in_with_dialog, open_and_sync
from ui.login.dialog import LoginDialog
from ui.login.start import sign_in
from ui.sync import controller as sync_state

# fixtures shared with the sync tests
seeded, server, sign_in_options = support.seeded, support.server, support.sign_in_options
memory_keyring, no_keyring = support.memory_keyring, support.no_keyring


def _close_any_dialog_later() -> QTimer:
    """Safety net: a test that expects no dialog must not hang if one appears."""
    def close() -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None:
            widget.reject()

    timer = QTimer()
    timer.setInterval(3000)
    timer.timeout.connect(close)
    timer.start()
    return timer


def test_login_then_the_main_window_shows_the_synced_org(qtbot, server, sign_in_options,
                                                        memory_keyring) -> None:
    account = log_in_with_dialog(qtbot, sign_in_options, "chair1", "demo-chair1")
    session = open_and_sync(qtbot, account, sign_in_options)
    try:
        assert session.controller.state == sync_state.DONE
        org = server.users["chair1"].org_name
        qtbot.waitUntil(lambda: session.window.org_title.text() == org, timeout=10_000)
        assert "Синхронизировано в" in session.window.sync_indicator.state.text()
        assert session.db_path.name == f"chair1@127.0.0.1_{server.base_url.rsplit(':', 1)[1]}.sqlite"
    finally:
        session.close()


def test_wrong_password_is_explained_in_the_dialog(qtbot, sign_in_options) -> None:
    dialog = LoginDialog(sign_in_options.server)
    qtbot.addWidget(dialog)
    dialog.login.setText("chair1")
    dialog.password.setText("не тот пароль")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message.isVisibleTo(dialog), timeout=10_000)
    assert "Неверный логин или пароль" in dialog.message.text()
    assert dialog.result() != LoginDialog.DialogCode.Accepted


def test_unreachable_server_is_explained_in_the_dialog(qtbot) -> None:
    from tests.registry.servers import free_port

    dialog = LoginDialog(f"http://127.0.0.1:{free_port()}")
    qtbot.addWidget(dialog)
    dialog.login.setText("chair1")
    dialog.password.setText("demo-chair1")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message.isVisibleTo(dialog), timeout=10_000)
    assert "Не удалось связаться с сервером" in dialog.message.text()


def test_remember_me_keeps_the_token_and_the_next_start_asks_nothing(
        qtbot, sign_in_options, memory_keyring) -> None:
    log_in_with_dialog(qtbot, sign_in_options, "chair1", "demo-chair1", remember=True)
    account_name = credentials.account_name("chair1", sign_in_options.server_id)
    assert (credentials.SERVICE, account_name) in memory_keyring.store
    assert not list((sign_in_options.data_dir).glob("*token*"))
    timer = _close_any_dialog_later()
    again = sign_in(sign_in_options)
    timer.stop()
    assert again is not None and again.login == "chair1" and not again.offline
    # the rotated token replaced the old one in the keyring
    assert memory_keyring.store[(credentials.SERVICE, account_name)] == again.client.refresh_token
    again.client.close()


def test_offline_start_opens_the_last_synced_data(qtbot, server, sign_in_options,
                                                  memory_keyring) -> None:
    account = log_in_with_dialog(qtbot, sign_in_options, "chair1", "demo-chair1",
                                 remember=True)
    session = open_and_sync(qtbot, account, sign_in_options)
    session.close()
    account.client.close()
    server.thread.stop()
    timer = _close_any_dialog_later()
    offline = sign_in(sign_in_options)
    timer.stop()
    assert offline is not None and offline.offline
    offline.client.retries = 0
    session = open_and_sync(qtbot, offline, sign_in_options)
    try:
        assert session.controller.state == sync_state.OFFLINE
        assert "Нет связи с сервером" in session.window.sync_indicator.state.text()
        org = server.users["chair1"].org_name
        qtbot.waitUntil(lambda: session.window.org_title.text() == org, timeout=10_000)
    finally:
        session.close()


def test_logout_removes_the_token(qtbot, server, sign_in_options, memory_keyring) -> None:
    account = log_in_with_dialog(qtbot, sign_in_options, "chair1", "demo-chair1",
                                 remember=True)
    token = account.client.refresh_token
    assert memory_keyring.store
    account.forget()
    assert memory_keyring.store == {}
    with RegistryClient(server.base_url) as client:  # revoked on the server too
        try:
            client.refresh(token)
        except AuthError:
            pass
        else:
            raise AssertionError("the refresh token still works after logout")


def test_without_a_keyring_remember_me_is_unavailable(qtbot, no_keyring) -> None:
    dialog = LoginDialog("http://127.0.0.1:1")
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled()
    assert "недоступно" in dialog.remember_note.text()
    assert credentials.save_token("chair1", "x", "secret") is False


def test_local_database_path_is_per_user_and_server(tmp_path) -> None:
    path = credentials.account_db_path(tmp_path, "chair1", "https://reestr.example.ru:8443/x")
    assert path == tmp_path / "accounts" / "chair1@reestr.example.ru_8443.sqlite"
    assert credentials.safe_name("../../etc/пароль").startswith("etc")

"""«Администрирование → Пользователи» through the real widgets against a real registry on
loopback: creating a login and printing its access sheet, resetting and unlocking, the menu
only for managers, and a clear message when the registry is gone."""

from __future__ import annotations

import httpx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from registry.models import audit_history, users
from tests.reports.pdftools import fonts, pdf_text
from tests.ui import test_sync_support as support
from tests.ui.test_sync_support import log_in_with_dialog, open_and_sync

seeded, server, sign_in_options = support.seeded, support.server, support.sign_in_options
memory_keyring = support.memory_keyring


def _open_users(qtbot, window):
    assert window.admin.menu.menuAction().isVisible()
    window.admin.users_action.trigger()
    dialog = window.admin.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.total > 0 and dialog.orgs is not None and not
                    dialog.busy, timeout=20_000)
    return dialog


def _sign_in(base_url: str, login: str, password: str) -> httpx.Response:
    return httpx.post(f"{base_url}/api/v1/auth/login",
                      json={"login": login, "password": password}, timeout=30)


def test_create_a_login_and_print_its_access_sheet(qtbot, server, sign_in_options,
                                                   memory_keyring) -> None:
    account = log_in_with_dialog(qtbot, sign_in_options, "territory1", "demo-territory1")
    session = open_and_sync(qtbot, account, sign_in_options)
    try:
        dialog = _open_users(qtbot, session.window)
        listed = {dialog.model.user(r).login for r in range(dialog.model.rowCount())}
        assert {"chair1", "chair2"} <= listed and "territory1" not in listed
        assert "chair3" not in listed and "admin" not in listed
        create = dialog.create_login()
        qtbot.waitExposed(create)
        chair_org = server.users["chair1"].org_id
        assert all(org.roles == ["primary"] for org in dialog.orgs)
        create.select_org(chair_org)
        create.login.setText("Petrova.School")
        create.full_name.setText("  Петрова   Мария Ивановна ")
        qtbot.mouseClick(create.ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.issued is not None, timeout=20_000)
        issued = dialog.issued
        password = issued.password_label.text()
        assert issued.login_label.text() == "petrova.school"
        assert dialog.current_user().login == "petrova.school"
        assert "создана" in dialog.message.text()

        qtbot.mouseClick(issued.print_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: issued.sheet_path is not None, timeout=20_000)
        text = pdf_text(issued.sheet_path)
        for expected in ("Лист доступа", "petrova.school", password, server.base_url,
                         "Петрова Мария Ивановна", "председатель ППО", "Первые шаги",
                         "не короче 10 символов"):
            assert expected in text, expected
        assert all(row["emb"] == "yes" for row in fonts(issued.sheet_path))
        sheet = issued.sheet_path
        issued.preview.close()
        qtbot.waitUntil(lambda: not sheet.exists(), timeout=5000)  # no copy left behind

        first = _sign_in(server.base_url, "petrova.school", password)
        assert first.status_code == 200 and first.json()["must_change_password"] is True
        with server.db.read() as db_session:
            user_id = db_session.scalar(select(users.c.id).where(
                users.c.login == "petrova.school"))
            audit = db_session.execute(select(audit_history).where(
                audit_history.c.entity_id == user_id)).one()
        assert (audit.op, audit.org_id) == ("create", chair_org)
        assert audit.new_value["full_name"] == "Петрова Мария Ивановна"
        issued.close()
        dialog.close()
        _first_sign_in(qtbot, server.base_url, "petrova.school", password)
    finally:
        session.close()


def _first_sign_in(qtbot, base_url: str, login: str, password: str) -> None:
    """The new chair signs in with the sheet's password and must choose their own: a common
    one is refused in Russian before anything is sent."""
    from ui.login.dialog import LoginDialog

    login_dialog = LoginDialog(base_url)
    qtbot.addWidget(login_dialog)
    login_dialog.login.setText(login)
    login_dialog.password.setText(password)
    login_dialog.submit()
    qtbot.waitUntil(lambda: login_dialog.changing_password, timeout=20_000)
    assert any("не короче 10 символов" in label.text()
               for label in login_dialog.findChildren(QLabel))
    for field in (login_dialog.new_password, login_dialog.repeat_password):
        field.setText("Пароль2024!")
    login_dialog.submit()
    assert "распространён" in login_dialog.message.text()
    for field in (login_dialog.new_password, login_dialog.repeat_password):
        field.setText("ветер-глобус-черника")
    login_dialog.submit()
    qtbot.waitUntil(lambda: login_dialog.result() == LoginDialog.DialogCode.Accepted,
                    timeout=20_000)
    assert _sign_in(base_url, login, "ветер-глобус-черника").json()[
        "must_change_password"] is False
    login_dialog.client.close()


def test_unlock_and_reset_a_password(qtbot, server, sign_in_options, memory_keyring) -> None:
    for _ in range(5):
        assert _sign_in(server.base_url, "chair2", "wrong-password-x").status_code == 401
    assert _sign_in(server.base_url, "chair2", "demo-chair2").status_code == 429
    account = log_in_with_dialog(qtbot, sign_in_options, "territory1", "demo-territory1")
    session = open_and_sync(qtbot, account, sign_in_options)
    try:
        dialog = _open_users(qtbot, session.window)
        dialog.confirm = lambda *_args: True
        dialog.search.setText("chair2")
        assert dialog.model.rowCount() == 1
        assert dialog.select(dialog.model.user(0).id)
        assert dialog.model.index(0, 5).data() == "заблокирована"
        assert dialog.unlock_button.isEnabled()
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.busy and not dialog.current_user().locked,
                        timeout=20_000)
        assert "разблокирована" in dialog.message.text()
        assert _sign_in(server.base_url, "chair2", "demo-chair2").status_code == 200

        qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.issued is not None, timeout=20_000)
        password = dialog.issued.password_label.text()
        assert dialog.current_user().must_change_password is True
        assert _sign_in(server.base_url, "chair2", "demo-chair2").status_code == 401
        assert _sign_in(server.base_url, "chair2", password).json()["must_change_password"]
        dialog.issued.close()

        qtbot.mouseClick(dialog.disable_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.busy and not dialog.current_user().active,
                        timeout=20_000)
        assert dialog.disable_button.text() == "Включить"
        assert dialog.model.index(0, 6).data() == "отключена"
        dialog.close()
    finally:
        session.close()


def test_a_primary_chair_has_no_administration_menu(qtbot, server, sign_in_options,
                                                    memory_keyring) -> None:
    account = log_in_with_dialog(qtbot, sign_in_options, "chair1", "demo-chair1")
    session = open_and_sync(qtbot, account, sign_in_options)
    try:
        assert not session.window.admin.menu.menuAction().isVisible()
    finally:
        session.close()


def test_without_the_registry_the_screen_says_so(qtbot, server, sign_in_options,
                                                 memory_keyring) -> None:
    account = log_in_with_dialog(qtbot, sign_in_options, "region", "demo-region")
    session = open_and_sync(qtbot, account, sign_in_options)
    try:
        dialog = _open_users(qtbot, session.window)
        total = dialog.model.total
        session.controller.stop()
        server.thread.stop()
        account.client.retries = 0
        dialog.reload()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
        assert "нет связи" in dialog.message.text() or "недоступен" in dialog.message.text()
        assert dialog.model.total == total  # the list stays as it was
        dialog.close()
    finally:
        session.close()

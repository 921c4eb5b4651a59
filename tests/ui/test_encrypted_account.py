"""An account's database is encrypted with a key the keyring keeps (a test backend stands in
for the OS store); without a keyring the person is told so and a passphrase opens it; a plain
database of an older version is converted on its first opening."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy import func, select

from chairclient.db import cipher
from chairclient.db.engine import open_database
from chairclient.db.models import Member
from sync import credentials, db_key
from tests.ui import test_sync_support as support
from tests.ui.test_sync_support import log_in_with_dialog, open_and_sync
from ui.login import db_key as ask
from ui.sync.session import delete_local_data

seeded, server, sign_in_options = support.seeded, support.server, support.sign_in_options
memory_keyring, no_keyring = support.memory_keyring, support.no_keyring


def _members(db_path, key) -> int:
    db = open_database(db_path, key=key)
    try:
        with db.session() as session:
            return session.scalar(select(func.count()).select_from(Member))
    finally:
        db.close()


def test_a_new_accounts_database_is_encrypted_with_the_keyrings_key(
        qtbot, server, sign_in_options, memory_keyring) -> None:
    account = log_in_with_dialog(qtbot, sign_in_options, "chair1", "demo-chair1")
    session = open_and_sync(qtbot, account, sign_in_options)
    path = session.db_path
    session.close()
    account.client.close()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()
    name = f"db-key:{credentials.account_name('chair1', sign_in_options.server_id)}"
    stored = memory_keyring.store[(credentials.SERVICE, name)]
    assert len(bytes.fromhex(stored)) == 32
    assert _members(path, bytes.fromhex(stored)) > 0
    with pytest.raises(cipher.WrongKey):
        _members(path, cipher.new_key())


def test_a_plain_database_from_before_is_converted_at_sign_in(
        qtbot, server, sign_in_options, memory_keyring, tmp_path) -> None:
    account = log_in_with_dialog(qtbot, sign_in_options, "chair1", "demo-chair1")
    path = account.db_path(sign_in_options.data_dir)
    open_database(path).close()  # what the previous version left: plain SQLite
    assert cipher.is_plain(path)
    session = open_and_sync(qtbot, account, sign_in_options)
    session.close()
    account.client.close()
    assert cipher.is_encrypted(path)
    assert [p for p in path.parent.iterdir() if cipher.is_plain(p)] == []


def test_without_a_keyring_a_passphrase_opens_the_data(qtbot, no_keyring, tmp_path,
                                                       monkeypatch) -> None:
    told: list[str] = []
    typed = iter(["коротко", "кодовая фраза 1", "кодовая фраза 1"])
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _p, title, _text: told.append(title))
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *_a, **_k: (next(typed), True))
    path = tmp_path / "accounts" / "chair1@host.sqlite"
    key = ask.database_key("chair1", "https://r", path)
    assert told == ["Нет хранилища паролей"]
    open_database(path, key=key).close()
    assert cipher.is_encrypted(path) and db_key.uses_passphrase(path)
    assert "кодовая" not in db_key.kdf_file(path).read_text()  # only the salt is kept

    typed = iter(["не та фраза", "кодовая фраза 1"])  # the next start: wrong, then right
    assert ask.database_key("chair1", "https://r", path) == key
    with pytest.raises(ask.Cancelled):
        ask.database_key("chair1", "https://r", path, interactive=False)
    delete_local_data(path)
    assert not path.exists() and not db_key.kdf_file(path).exists()


def test_a_lost_key_cannot_open_the_data(memory_keyring, tmp_path) -> None:
    path = tmp_path / "chair1@host.sqlite"
    key = db_key.keyring_key("chair1", "https://r", path)
    open_database(path, key=key).close()
    memory_keyring.store.clear()  # a new Windows profile: the credential store is empty
    with pytest.raises(db_key.KeyLost):
        db_key.keyring_key("chair1", "https://r", path)

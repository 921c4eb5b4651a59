"""A signed-in session: the account's local database, the main window and background sync.

Loops back to the login dialog after «Выйти из учётной записи».
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from chairclient.db.engine import open_database
from sync import conflicts, db_key
from ui.login.logout import LogoutDialog
from ui.login.start import Account, SignIn, sign_in

log = logging.getLogger(__name__)


@dataclass
class Outcome:
    code: int = 0
    logged_out: bool = False
    delete_data: bool = False


class _Ready(QObject):
    """Fires once the first sync finished and the window shows the synced data."""

    ready = Signal()


def delete_local_data(db_path: Path) -> None:
    """Remove the account's SQLite file with its WAL and shared-memory companions (and the
    salt of its passphrase)."""
    for suffix in ("", "-wal", "-shm", db_key.KDF_SUFFIX):
        path = db_path.with_name(db_path.name + suffix)
        path.unlink(missing_ok=True)


def run_signed_in(app: QApplication, options: SignIn, db_override: Path | None = None,
                  screenshot: Path | None = None) -> int:
    """Sign in, work, and after a logout sign in again; the process exit code."""
    while True:
        account = sign_in(options)
        if account is None:
            return 0
        db_path = db_override or account.db_path(options.data_dir)
        outcome = _run_session(app, account, db_path, screenshot)
        if not outcome.logged_out:
            account.client.close()
            return outcome.code
        account.forget()
        if outcome.delete_data:
            delete_local_data(db_path)
            db_key.forget_key(account.login, account.server_id, db_path)
        if screenshot is not None:
            return outcome.code


@dataclass
class Session:
    """An open account: its database, background operations, main window and sync."""

    account: Account
    db_path: Path
    db: object
    operations: object
    window: object
    controller: object
    outcome: Outcome

    def close(self) -> None:
        self.controller.stop()
        self.window.close()
        self.operations.wait(30_000)
        self.window.deleteLater()
        self.db.close()


def account_key(account: Account, db_path: Path, *, interactive: bool = True) -> bytes:
    """The key of the account's encrypted database (keyring, or a passphrase asked); when the
    keyring lost it, the person may start afresh (the data deleted and downloaded again).
    Raises :class:`ui.login.db_key.Cancelled` when no key is given."""
    from ui.login import db_key as ask

    try:
        return ask.database_key(account.login, account.server_id, db_path,
                                interactive=interactive)
    except db_key.KeyLost:
        if not (interactive and ask.offer_fresh_start()):
            raise ask.Cancelled from None
        delete_local_data(db_path)
        db_key.forget_key(account.login, account.server_id, db_path)
        return ask.database_key(account.login, account.server_id, db_path,
                                interactive=interactive)


def open_session(account: Account, db_path: Path, *, remember_geometry: bool = True,
                 interactive: bool = True) -> Session:
    """Open the account's encrypted database and its main window with sync attached (not
    yet started).

    Raises what :func:`open_database` raises when the file cannot be opened, and
    :class:`ui.login.db_key.Cancelled` when no key for it was given.
    """
    from ui.main_window import MainWindow
    from ui.operations import Operations
    from ui.sync.controller import SyncController

    key = account_key(account, db_path, interactive=interactive)
    db = open_database(db_path, key=key)
    operations = Operations(db)
    window = MainWindow(operations, remember_geometry=remember_geometry)
    controller = SyncController(operations, account.client, offline=account.offline,
                                parent=window)
    window.attach_sync(controller)
    from ui.login.reauth import Reauthenticator

    Reauthenticator(account, controller, window)  # parented to the window
    session = Session(account, db_path, db, operations, window, controller, Outcome())

    def ask(pending: int) -> None:
        dialog = LogoutDialog(pending, window)
        if dialog.exec() == LogoutDialog.DialogCode.Accepted:
            session.outcome.logged_out = True
            session.outcome.delete_data = dialog.delete_data
            window.close()

    window.logout_requested.connect(
        lambda: operations.read(conflicts.counts, lambda counts: ask(counts.pending)))
    return session


def _run_session(app: QApplication, account: Account, db_path: Path,
                 screenshot: Path | None) -> Outcome:
    from ui.app import SCREENSHOT_SIZE, report_open_failure, take_screenshot
    from ui.login.db_key import Cancelled

    try:
        session = open_session(account, db_path, remember_geometry=screenshot is None,
                               interactive=screenshot is None)
    except Cancelled:
        if screenshot is not None:
            print("Нет ключа шифрования данных: хранилище паролей недоступно", file=sys.stderr)
        return Outcome(code=1)
    except Exception as exc:  # tell the person, never a traceback window
        report_open_failure(db_path, exc, interactive=screenshot is None)
        return Outcome(code=1)
    window, controller = session.window, session.controller
    if screenshot is not None:
        window.resize(*SCREENSHOT_SIZE)
    window.show()
    controller.start()
    try:
        if screenshot is not None:
            ready = _Ready(window)

            def first_sync_done(_result: object) -> None:
                window.content_ready.connect(ready.ready.emit)
                window.reload_data()

            controller.finished.connect(first_sync_done)
            return Outcome(code=take_screenshot(app, window, screenshot, ready=ready.ready))
        session.outcome.code = app.exec()
        return session.outcome
    finally:
        session.close()

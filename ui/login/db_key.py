"""Asking for the key of the account's encrypted database when the keyring cannot give it.

The usual case asks nothing: the key is in the OS keyring (made at the first sign-in). Where
no keyring works the person is told so once and keeps working with a passphrase typed at
every start (twice when it is chosen). A database whose key is lost cannot be opened: the
person may delete it and download the organisation again from the registry.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from sync import db_key


class Cancelled(Exception):
    """The person did not give a passphrase: the account's data stay closed."""


def _ask(parent: QWidget | None, label: str) -> str:
    text, ok = QInputDialog.getText(parent, QCoreApplication.translate("DatabaseKey", "Database passphrase"), label,
                                    QLineEdit.EchoMode.Password)
    if not ok:
        raise Cancelled
    return text


def ask_passphrase(db_path: Path, parent: QWidget | None = None) -> bytes:
    """The key from a passphrase: chosen (twice) for a new database, else typed until right."""
    if not db_key.uses_passphrase(db_path) or not db_path.exists():
        label = QCoreApplication.translate("DatabaseKey", "The data on this computer will be encrypted with a passphrase. Choose "
                    "one of at least %1 characters; it will be asked at every start and "
                    "cannot be recovered:").replace("%1", str(db_key.MIN_PASSPHRASE))
        while True:
            first = _ask(parent, label)
            if len(first) < db_key.MIN_PASSPHRASE:
                label = QCoreApplication.translate("DatabaseKey", "Too short: at least %1 characters. Choose a passphrase:").replace(
                    "%1", str(db_key.MIN_PASSPHRASE))
                continue
            if _ask(parent, QCoreApplication.translate("DatabaseKey", "Type the passphrase again:")) == first:
                return db_key.passphrase_key(db_path, first)
            label = QCoreApplication.translate("DatabaseKey", "The two passphrases differ. Choose a passphrase:")
    label = QCoreApplication.translate("DatabaseKey", "Passphrase of the data on this computer:")
    while True:
        key = db_key.passphrase_key(db_path, _ask(parent, label))
        if db_key.opens(db_path, key):
            return key
        label = QCoreApplication.translate("DatabaseKey", "Wrong passphrase. Passphrase of the data on this computer:")


def database_key(login: str, server_id: str, db_path: Path, *, interactive: bool = True,
                 parent: QWidget | None = None) -> bytes:
    """The key that opens (or will encrypt) ``db_path``; :class:`Cancelled` when the person
    gives none, :class:`db_key.KeyLost` when the keyring lost it."""
    if not db_key.uses_passphrase(db_path):
        key = db_key.keyring_key(login, server_id, db_path)
        if key is not None:
            return key
        if server_id == "demo":  # the demo's made-up people: no passphrase to type
            return db_key.demo_key(login)
        if interactive:
            QMessageBox.information(parent, QCoreApplication.translate("DatabaseKey", "No password store"), QCoreApplication.translate("DatabaseKey",
                "This computer has no working password store (keyring), so the key that "
                "encrypts your members' data cannot be kept in it. The data will be "
                "encrypted with a passphrase instead, asked at every start."))
    if not interactive:
        raise Cancelled
    return ask_passphrase(db_path, parent)


def offer_fresh_start(parent: QWidget | None = None) -> bool:
    """The key is lost: delete the local data and download them again? True for yes."""
    answer = QMessageBox.question(parent, QCoreApplication.translate("DatabaseKey", "Encryption key not found"), QCoreApplication.translate("DatabaseKey",
        "The data on this computer are encrypted, and their key is no longer in the "
        "password store of this computer (a new user profile, or the store was cleared). "
        "They cannot be opened.\n\nDelete them and download your organisation again from "
        "the registry? Changes that were never synchronised are lost."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes

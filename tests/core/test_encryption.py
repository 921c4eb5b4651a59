"""The account database encrypted at rest (SQLCipher): not readable as plain SQLite, opened
only with its key; a plain database of an older version converted on its first opening with
a key, every row and the outbox kept, no plain copy left behind."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from chairclient.db import cipher
from chairclient.db.engine import open_database
from chairclient.db.models import Member, OutboxEntry
from chairclient.demo.build import build_demo_database
from chairclient.services.members import save_member


def _tables(db) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order."""
    with db.session() as session:
        names = session.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")).scalars().all()
        return {name: sorted(map(tuple, session.execute(text(f'SELECT * FROM "{name}"'))),
                             key=repr) for name in names}


def _unreadable_as_plain(path: Path) -> None:
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    assert not cipher.is_plain(path)


def test_a_new_database_is_encrypted_and_opens_only_with_its_key(tmp_path: Path) -> None:
    key = cipher.new_key()
    path = tmp_path / "account.sqlite"
    db = open_database(path, key=key)
    with db.transaction() as session:
        org = session.execute(text("SELECT count(*) FROM ref_categories")).scalar()
    db.close()
    assert org > 0
    _unreadable_as_plain(path)
    assert b"ref_categories" not in path.read_bytes()  # not even the schema shows
    with pytest.raises(cipher.WrongKey):
        open_database(path, key=cipher.new_key())
    again = open_database(path, key=key)
    again.close()


def test_a_plain_database_is_converted_with_every_row_and_the_outbox(tmp_path: Path) -> None:
    path = tmp_path / "account.sqlite"
    build_demo_database(path, members=120, seed=3)
    plain = open_database(path)
    with plain.transaction() as session:
        for member in session.scalars(select(Member).order_by(Member.id).limit(3)):
            save_member(session, member.org_id, {"phone": "+7 900 111-22-33"}, member.id)
    before = _tables(plain)
    plain.close()
    assert len(before["outbox"]) >= 3 and len(before["members"]) >= 120

    key = cipher.new_key()
    db = open_database(path, key=key)
    try:
        assert _tables(db) == before
        with db.session() as session:
            assert session.scalar(select(OutboxEntry).limit(1)) is not None
    finally:
        db.close()
    _unreadable_as_plain(path)
    backups = sorted(tmp_path.glob("account.backup-before-encryption-*.sqlite"))
    assert len(backups) == 1
    _unreadable_as_plain(backups[0])  # the backup is encrypted too once the copy is checked
    backup = open_database(backups[0], key=key, upgrade=False)
    try:
        assert _tables(backup) == before
    finally:
        backup.close()
    leftovers = [p for p in tmp_path.iterdir() if cipher.is_plain(p)]
    assert leftovers == []


def test_older_plain_backups_are_encrypted_too(tmp_path: Path) -> None:
    path = tmp_path / "account.sqlite"
    open_database(path).close()
    old = tmp_path / "account.backup-before-0004-20260101-000000.sqlite"
    old.write_bytes(path.read_bytes())
    key = cipher.new_key()
    open_database(path, key=key).close()
    _unreadable_as_plain(old)
    cipher.connect(old, key).close()


def test_a_migration_backup_of_an_encrypted_database_is_encrypted(tmp_path: Path) -> None:
    from chairclient.db.engine import backup_file

    key = cipher.new_key()
    path = tmp_path / "account.sqlite"
    open_database(path, key=key).close()
    copy = backup_file(path, "test", key)
    _unreadable_as_plain(copy)
    cipher.connect(copy, key).close()

"""Opening the local SQLite database: WAL, foreign keys, migrations with a backup first."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from chairclient.db import cipher, migrate
from chairclient.private_files import create_private, private_dir

log = logging.getLogger(__name__)


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA cache_size=-32000")
    # Sorts, temporary tables and indexes stay in memory: SQLite would otherwise spill them,
    # personal data included, to files in the system temp directory.
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


def make_engine(path: Path, key: bytes | None = None) -> Engine:
    """An engine on ``path`` with our pragmas on every pooled connection; with ``key`` the
    file is a SQLCipher database (:mod:`chairclient.db.cipher`), opened through the same
    SQLite dialect: the rest of the code cannot tell."""
    if key is None:
        engine = create_engine(f"sqlite:///{path}", future=True)
    else:
        # The dialect's module is SQLCipher's, so its errors are the ones SQLAlchemy wraps;
        # the URL keeps the file pool (a connection per thread, as for a plain file).
        engine = create_engine(
            f"sqlite:///{path}", future=True, module=cipher.dbapi(),
            creator=lambda: cipher.connect(path, key, check_same_thread=False))
    event.listen(engine, "connect", _set_pragmas)
    return engine


@dataclass
class Database:
    """The local store: one file, one engine, sessions on demand (one per thread)."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]

    def session(self) -> Session:
        return self.sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session inside one transaction: committed on success, rolled back on error."""
        with self.sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def backup_file(path: Path, reason: str, key: bytes | None = None) -> Path:
    """Copy the database next to itself with SQLite's online backup (consistent under WAL);
    an encrypted database (``key``) gives an encrypted copy."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = create_private(path.with_name(f"{path.stem}.backup-{reason}-{stamp}{path.suffix}"))
    if key is None:
        copy_database(path, target)
    else:
        cipher.copy_encrypted(path, target, key)
    return target


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of the SQLite file ``source`` (even while it is open, in WAL mode)."""
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def open_database(path: Path | str, *, upgrade: bool = True,
                  key: bytes | None = None) -> Database:
    """Open (creating if needed) the database at ``path`` and bring its schema to head.

    An existing database whose schema is behind is backed up before the migration runs, so a
    failed or unwanted upgrade can always be undone by hand. With ``key`` the database is
    encrypted (SQLCipher); a plain one of an older version is converted first
    (:func:`chairclient.db.cipher.encrypt_in_place`, a backup before). A wrong key raises
    :class:`chairclient.db.cipher.WrongKey`.
    """
    path = Path(path)
    private_dir(path.parent, tighten=False)
    if key is not None:
        if cipher.is_plain(path):
            cipher.encrypt_in_place(path, key)
        for leftover in cipher.plain_backups(path):  # a conversion cut short
            cipher.encrypt_in_place(leftover, key, backup=False)
        if cipher.is_encrypted(path):
            cipher.connect(path, key).close()  # WrongKey now, not deep inside a migration
    create_private(path)  # SQLite gives its -wal and -shm files the mode of the database
    engine = make_engine(path, key)
    if upgrade:
        current = migrate.current_revision(engine)
        head = migrate.head_revision()
        if current != head:
            if current is not None:
                copy = backup_file(path, f"before-{head}", key)
                log.info("Database backed up to %s before migrating %s → %s", copy, current, head)
            migrate.upgrade(engine)
        _finish_first_download(engine)
    return Database(path=path, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))


def _finish_first_download(engine: Engine) -> None:
    """Finish a first download that never finished (the app was killed): the member columns
    it left and the indexes it dropped (:mod:`chairclient.services.first_download`)."""
    from chairclient.services import first_download  # (services build on this module)

    with engine.connect() as connection:
        if first_download.unfinished(connection):
            log.info("Finishing what an unfinished first sync left out")
            with Session(bind=connection) as session:
                first_download.finish(session)
            connection.commit()

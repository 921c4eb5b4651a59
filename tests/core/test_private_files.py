"""Personal data at rest on POSIX: the app's folders 0700, every file with personal data 0600
from its first byte — databases (and their WAL, backups), exports, documents, order files,
feeds, the account file; one helper writes them all (a grep keeps it that way)."""

from __future__ import annotations

import os
import re
import stat
from datetime import date, datetime
from pathlib import Path

import pytest

from chairclient.db.engine import backup_file, open_database
from chairclient.private_files import atomic_private, private_dir, write_private_text

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
ROOT = Path(__file__).resolve().parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask():
    """A permissive umask (022 is common, 002 on some desktops): the modes must not rely on it."""
    previous = os.umask(0o002)
    yield
    os.umask(previous)


def test_a_database_its_wal_and_its_backup_are_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "accounts" / "deep"
    db = open_database(folder / "a.sqlite")
    try:
        with db.engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE t (x)")
        wal = folder / "a.sqlite-wal"
        assert wal.exists() and mode(wal) == 0o600
        assert mode(folder / "a.sqlite") == 0o600
        assert mode(folder) == 0o700 and mode(folder.parent) == 0o700
        assert mode(backup_file(folder / "a.sqlite", "test")) == 0o600
    finally:
        db.close()


def test_an_old_world_readable_database_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    open_database(path).close()
    os.chmod(path, 0o644)
    open_database(path).close()
    assert mode(path) == 0o600


def test_a_folder_the_person_chose_is_left_alone_but_new_ones_are_private(tmp_path) -> None:
    chosen = tmp_path / "Documents"
    chosen.mkdir(mode=0o755)
    os.chmod(chosen, 0o755)
    with atomic_private(chosen / "new" / "list.xlsx") as part:
        assert mode(part) == 0o600  # before the first byte
        part.write_bytes(b"x")
    assert mode(chosen / "new" / "list.xlsx") == 0o600
    assert mode(chosen / "new") == 0o700 and mode(chosen) == 0o755
    assert mode(private_dir(chosen)) == 0o700  # the app's own folders are tightened


def test_a_failed_write_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), atomic_private(tmp_path / "x.csv") as part:
        part.write_text("half")
        raise RuntimeError
    assert list(tmp_path.iterdir()) == []


def test_exports_are_owner_only(tmp_path: Path) -> None:
    from chairclient.db.models import Organisation
    from chairclient.demo.build import build_demo_database
    from reports.excel.lists import ListRequest, write_list

    build_demo_database(tmp_path / "demo.sqlite", members=30, seed=1)
    assert mode(tmp_path / "demo.sqlite") == 0o600
    db = open_database(tmp_path / "demo.sqlite")
    try:
        with db.session() as session:
            org = session.query(Organisation).filter_by(level="primary").first()
            write_list(session, ListRequest("members", org.id), tmp_path / "l.xlsx")
    finally:
        db.close()
    assert mode(tmp_path / "l.xlsx") == 0o600


def test_order_files_and_feeds_are_owner_only(tmp_path: Path) -> None:
    from registry.card_orders import OrderLine, write_order_files
    from registry.profcards import Feed, write_feed_files

    line = OrderLine(*(["x"] * len(OrderLine.__dataclass_fields__)))
    for path in write_order_files([line], tmp_path / "orders", date(2026, 12, 15)):
        assert mode(path) == 0o600
    assert mode(tmp_path / "orders") == 0o700
    feed = Feed(feed_date=date(2026, 12, 4), created_at=datetime(2026, 12, 4), created=True)
    for path in write_feed_files(feed, tmp_path / "feeds"):
        assert mode(path) == 0o600


def test_the_account_file_is_owner_only(tmp_path: Path) -> None:
    from sync.credentials import LastAccount, save_last

    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    os.chmod(data, 0o755)
    save_last(data, LastAccount("https://r", "chair", True))
    assert mode(data / "account.json") == 0o600 and mode(data) == 0o700
    assert mode(write_private_text(data / "x.json", "{}")) == 0o600


#: Writing calls that would create a file with the default mode. Allowed only in the helper,
#: and in tools that write no personal data (the translation tools, benchmarks' inputs).
_RAW_WRITE = re.compile(r"\.write_text\(|\.write_bytes\(|open\([^)]*[\"'][wax]b?[\"']|"
                        r"\bbook\.save\(|os\.open\(")
_ALLOWED = {"chairclient/private_files.py", "ui/i18n/tools.py", "chairclient/importing/bench.py",
            "chairclient/importing/template.py"}


def test_no_file_is_written_around_the_helper() -> None:
    offenders = []
    for package in ("chairclient", "ui", "sync", "reports", "registry"):
        for path in (ROOT / package).rglob("*.py"):
            name = path.relative_to(ROOT).as_posix()
            if name in _ALLOWED or "/migrations/" in name:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if _RAW_WRITE.search(line) and "part" not in line:
                    offenders.append(f"{name}:{number}: {line.strip()}")
    assert offenders == []

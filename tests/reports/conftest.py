"""A real demo database (≈1500 members) built once per session with the demo-data command."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from chairclient.db.engine import Database, open_database

DEMO_MEMBERS = 1500


@dataclass(frozen=True)
class Demo:
    path: Path
    db: Database
    region: str  # registry codes
    territorial: str
    primary: str  # a primary organisation with members, consents and received cards


def _codes(db: Database) -> tuple[str, str, str]:
    with db.session() as s:
        region = s.execute(text(
            "SELECT code FROM organisations WHERE level = 'regional'")).scalar_one()
        territorial = s.execute(text(
            "SELECT o.code FROM organisations o JOIN members m ON m.org_id IN "
            "(SELECT id FROM organisations c WHERE c.parent_id = o.id) "
            "WHERE o.level = 'territorial' GROUP BY o.code ORDER BY count(*) DESC")).scalars()
        primary = s.execute(text(
            "SELECT o.code FROM organisations o JOIN members m ON m.org_id = o.id "
            "WHERE o.level = 'primary' AND m.status = 'active' GROUP BY o.code "
            "HAVING sum(m.has_consent = 0) >= 3 AND sum(m.card_status = 'received') >= 2 "
            "ORDER BY count(*) DESC")).scalars()
        return region, next(iter(territorial)), next(iter(primary))


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    subprocess.run(
        [sys.executable, "-m", "chairclient", "demo-data", "--db", str(path),
         "--members", str(DEMO_MEMBERS), "--seed", "1"],
        check=True, capture_output=True, cwd=Path(__file__).resolve().parents[2],
    )
    db = open_database(path)
    yield Demo(path, db, *_codes(db))
    db.close()


@pytest.fixture
def session(demo: Demo) -> Iterator[Session]:
    with demo.db.session() as s:
        yield s
        s.rollback()


def need(tool: str) -> str:
    """The path of a command-line tool, or skip (CI installs poppler-utils / LibreOffice)."""
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} не найден (apt-get install poppler-utils / libreoffice-calc-nogui)")
    return found

"""Same seed → byte-identical tables; another seed → other people."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def _dump(path: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(path)
    try:
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: connection.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall()
                for t in tables}
    finally:
        connection.close()


def test_same_seed_gives_identical_tables(demo_db: Path, same_seed_db: Path) -> None:
    first, second = _dump(demo_db), _dump(same_seed_db)
    assert first.keys() == second.keys()
    for table in first:
        assert first[table] == second[table], table
    assert len(first["members"]) > 0


def test_other_seed_gives_other_members(demo_db: Path, other_seed_db: Path) -> None:
    first, other = _dump(demo_db)["members"], _dump(other_seed_db)["members"]
    assert len(first) == len(other)
    assert first != other
    assert _ids(demo_db).isdisjoint(_ids(other_seed_db))


def _ids(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {r[0] for r in connection.execute("SELECT id FROM members")}
    finally:
        connection.close()

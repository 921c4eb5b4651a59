"""The ``demo-data`` command: creates a database, refuses to overwrite without --force."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from chairclient import cli
from chairclient.demo import build

ROOT = Path(__file__).resolve().parents[2]


def _members(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM members").fetchone()[0]
    finally:
        connection.close()


def _dump(path: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(path)
    try:
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: connection.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall()
                for t in tables}
    finally:
        connection.close()


def test_command_creates_database(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "demo.sqlite"
    # Another hash seed than this process: the output must not depend on set/dict hashing.
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run(
        [sys.executable, "-m", "chairclient", "demo-data", "--db", str(target),
         "--members", "300", "--seed", "3"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False, env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "Демонстрационная база создана" in result.stdout
    assert "300" in result.stdout
    assert _members(target) == 300
    leftovers = [p.name for p in target.parent.iterdir() if "building" in p.name]
    assert leftovers == []

    in_process = tmp_path / "again.sqlite"
    build.build_demo_database(in_process, members=300, seed=3)
    assert _dump(in_process) == _dump(target)


def test_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "demo.sqlite"
    target.write_bytes(b"precious")
    code = cli.main(["demo-data", "--db", str(target), "--members", "40"])
    assert code == 2
    assert target.read_bytes() == b"precious"
    assert "--force" in capsys.readouterr().err

    code = cli.main(["demo-data", "--db", str(target), "--members", "40", "--force"])
    assert code == 0
    assert _members(target) == 40


def test_failed_build_leaves_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "demo.sqlite"
    target.write_bytes(b"old")

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(build, "insert_rows", broken)
    with pytest.raises(RuntimeError):
        build.build_demo_database(target, members=30, seed=1)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.sqlite"]

"""Starting the application as the command line does: ``python -m chairclient --screenshot``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.pop("QT_QPA_PLATFORM", None)  # run_app must choose offscreen by itself
    return subprocess.run([sys.executable, "-m", "chairclient", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_screenshot_of_the_main_window(demo_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    done = run_cli("--db", str(demo_db_path), "--screenshot", str(out))
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)
    assert out.stat().st_size > 30_000  # a real window with rows, not a blank image


def test_screenshot_of_an_empty_database(tmp_path: Path) -> None:
    out = tmp_path / "empty.png"
    done = run_cli("--db", str(tmp_path / "new.sqlite"), "--screenshot", str(out))
    assert done.returncode == 0, done.stderr
    assert not QImage(str(out)).isNull()


def test_a_broken_database_file_exits_with_a_message(tmp_path: Path) -> None:
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    done = run_cli("--db", str(broken), "--screenshot", str(tmp_path / "x.png"))
    assert done.returncode == 1
    assert "Не удалось открыть базу данных" in done.stderr
    assert not (tmp_path / "x.png").exists()

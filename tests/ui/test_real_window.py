"""A real window on Linux: the app on the xcb platform (not offscreen) under Xvfb, its
screenshot taken from the X server's pixels, and the picture is not blank.

Needs ``Xvfb`` and the xcb libraries (README, ``.ci/run``). Skipped locally without Xvfb; in
CI (``CI=true``) a missing Xvfb fails the test instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
XVFB = shutil.which("Xvfb")
pytestmark = pytest.mark.skipif(XVFB is None and os.environ.get("CI") != "true",
                                reason="Xvfb is not installed (apt-get install xvfb)")


@pytest.fixture
def display():
    """A private X server; its display number chosen by Xvfb itself (-displayfd)."""
    assert XVFB is not None, "CI must install xvfb"
    read, write = os.pipe()
    server = subprocess.Popen([XVFB, "-displayfd", str(write), "-screen", "0", "1366x768x24",
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not start"
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


def test_the_app_shows_a_real_window_under_xvfb(display, demo_db_path, tmp_path) -> None:
    from PySide6.QtGui import QImage

    from chairclient.db.engine import copy_database

    db = tmp_path / "demo.sqlite"
    copy_database(demo_db_path, db)  # the session's database is read-only for tests
    shot = tmp_path / "xcb.png"
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run([sys.executable, "-m", "chairclient", "--db", str(db),
                           "--screenshot", str(shot)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert shot.stat().st_mode & 0o077 == 0  # it shows personal data: owner-only
    image = QImage(str(shot))
    assert image.width() >= 1000 and image.height() >= 600
    # Not blank: many colours (text, table lines, the tree), no colour covering nearly all.
    colours: dict[int, int] = {}
    step = 7
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            pixel = image.pixel(x, y)
            colours[pixel] = colours.get(pixel, 0) + 1
    samples = sum(colours.values())
    assert len(colours) > 50
    assert max(colours.values()) < 0.9 * samples

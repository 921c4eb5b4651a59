"""``python -m ui.help.shots [--db DEMO.sqlite] [--out resources/help/img]``: the guide's
pictures, taken from the real screens on a demo database (fictitious people), offscreen.

Run it again after a screen changes; the pictures are scaled to the guide's width.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WIDTH = 860  # the guide's text column


def _settle(app, seconds: float = 0.8, until: Callable[[], bool] | None = None) -> None:
    deadline = time.monotonic() + 20
    end = time.monotonic() + seconds
    while time.monotonic() < end or (until is not None and not until()):
        app.processEvents()
        time.sleep(0.01)
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not get ready")


def _save(widget, path: Path) -> None:
    from PySide6.QtCore import Qt

    image = widget.grab().toImage()
    if image.width() > WIDTH:
        image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    image.save(str(path), "PNG")
    print(path)


def take(db_path: Path, out: Path) -> None:
    from chairclient.db.engine import open_database
    from ui.app import SCREENSHOT_SIZE, _application
    from ui.login.dialog import LoginDialog
    from ui.main_window import MainWindow
    from ui.operations import Operations

    app = _application()
    out.mkdir(parents=True, exist_ok=True)
    login = LoginDialog("https://reestr.eseur.ru")
    login.login.setText("ivanova.school5")
    login.show()
    _settle(app, 0.3)
    _save(login, out / "login.png")
    login.close()

    db = open_database(db_path)
    operations = Operations(db)
    window = MainWindow(operations, remember_geometry=False)
    window.resize(*SCREENSHOT_SIZE)
    ready: list[bool] = []
    window.content_ready.connect(lambda: ready.append(True))
    window.show()
    _settle(app, 0.5, until=lambda: bool(ready))
    _settle(app, 0.5)
    _save(window, out / "members.png")
    for tab, name in ((window.passport, "passport.png"), (window.card_requests, "cards.png"),
                      (window.dashboard, "summary.png")):
        window.tabs.setCurrentWidget(tab)
        _settle(app, 1.5)
        _save(window, out / name)
    window.tabs.setCurrentWidget(window.members)
    _settle(app, 0.5)
    window.members.table.selectRow(0)
    window.members.open_current()
    from ui.member_card.dialog import MemberCardDialog

    _settle(app, 1.0, until=lambda: bool(window.findChildren(MemberCardDialog)))
    card = window.findChildren(MemberCardDialog)[0]
    _settle(app, 1.0)
    _save(card, out / "member-card.png")
    card.close()
    window.close()
    operations.wait(10_000)
    db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.help.shots", description=__doc__)
    parser.add_argument("--db", type=Path, help="a demo database (built when omitted)")
    parser.add_argument("--out", type=Path, default=Path("resources/help/img"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="chairclient-shots-") as scratch:
        db = args.db
        if db is None:
            from chairclient.demo.build import build_demo_database

            db = Path(scratch) / "demo.sqlite"
            build_demo_database(db, members=300, seed=1)
        take(db, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

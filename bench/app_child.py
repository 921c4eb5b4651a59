"""``python -m bench.app_child DB``: the desktop app, timed from the inside (a child process).

Started by :mod:`bench.app_cases`, which times the cold start from ``Popen`` to the line
``painted`` this process prints as soon as the main window shows an organisation and its first
member rows. Then, in the same running app (offscreen): selecting a ~5,000-member organisation
until its rows are on screen, the member search per keystroke (query and first page, without
the typing debounce), saving one member card (service call and commit, as the writer thread
does), and the peak resident memory of the whole run. The last line is JSON.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: What a chair types, letter by letter: each prefix is one keystroke.
TYPED = ("Иванова", "Смирн", "Кузнецов", "Петр", "Соколова", "Попов", "Лебедев", "Козлов")
LIST_REPEATS = 6
SAVES = 30


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _wait(app, done, timeout: float = 30.0) -> None:
    """Run the event loop until ``done()``: the loop sleeps between checks (every 1 ms), as the
    app sleeps in ``exec()``; a busy loop here would take the GIL from the reader threads."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout
    expired = []

    def check() -> None:
        if done():
            loop.quit()
        elif time.perf_counter() > deadline:
            expired.append(True)
            loop.quit()

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if expired:
        raise TimeoutError("the window did not get there in time")


def _org_near(session, size: int) -> tuple[str, str, int]:
    """A primary organisation with about ``size`` members on the register (the closest), and
    another large one to switch from."""
    from sqlalchemy import func, select

    from chairclient.db.models import Member

    counts = session.execute(
        select(Member.org_id, func.count()).where(Member.status == "active",
                                                  Member.deleted.is_(False))
        .group_by(Member.org_id)
    ).all()
    ordered = sorted(counts, key=lambda row: abs(row[1] - size))
    return ordered[0][0], ordered[1][0], ordered[0][1]


class _RowsReady:
    """Counts the member list's ``rows_ready`` signals."""

    def __init__(self, panel) -> None:
        self.count = 0
        panel.rows_ready.connect(self._bump)

    def _bump(self) -> None:
        self.count += 1


def main(db_path: str) -> int:
    from PySide6.QtWidgets import QApplication

    from chairclient.db.engine import open_database
    from ui.app import _application
    from ui.main_window import MainWindow
    from ui.operations import Operations

    app = _application()
    from bench.encryption import bench_key

    db = open_database(Path(db_path), key=bench_key())
    operations = Operations(db)
    window = MainWindow(operations, remember_geometry=False)
    window.resize(1366, 900)
    ready = {"shown": False}
    window.content_ready.connect(lambda: ready.update(shown=True))
    window.show()
    _wait(app, lambda: ready["shown"])
    app.processEvents()
    print("painted", flush=True)

    result: dict = {}
    with db.session() as session:
        org_id, other_id, size = _org_near(session, 5000)
    panel = window.members
    rows = _RowsReady(panel)

    list_ms = []
    for number in range(LIST_REPEATS):
        target = org_id if number % 2 == 0 else other_id
        seen = rows.count
        started = time.perf_counter()
        window.tree.select(target)
        _wait(app, lambda s=seen, t=target: rows.count > s and panel.org_id == t)
        elapsed = (time.perf_counter() - started) * 1000
        if target == org_id:
            list_ms.append(elapsed)
    result["list_ms"] = list_ms
    result["list_org_members"] = size

    keystroke_ms, query_ms = [], []
    for word in TYPED:
        for length in range(1, len(word) + 1):
            seen = rows.count
            started = time.perf_counter()
            panel.search.setText(word[:length])
            panel._requery()  # what the debounce timer does after the last keystroke
            _wait(app, lambda s=seen: rows.count > s)
            keystroke_ms.append((time.perf_counter() - started) * 1000)
            query_ms.append(panel.model.last_query_seconds * 1000)
        panel.search.clear()
        panel._requery()
        _wait(app, lambda: not panel.model.querying)
    result["keystroke_ms"] = keystroke_ms
    result["query_ms"] = query_ms

    result["save_ms"] = _time_saves(db, org_id)
    window.close()
    operations.wait(10_000)
    result["peak_rss_mb"] = _peak_rss_mb()
    db.close()
    QApplication.processEvents()
    print(json.dumps(result), flush=True)
    return 0


def _time_saves(db, org_id: str) -> list[float]:
    """Save one member card (a changed phone) as the card dialog's Save does: validate, write
    the row and its outbox entry, commit."""
    from sqlalchemy import select

    from chairclient.db.models import Member
    from chairclient.services.members import save_member

    with db.session() as session:
        member_id = session.scalar(
            select(Member.id).where(Member.org_id == org_id, Member.deleted.is_(False),
                                    Member.status == "active").limit(1))
    times = []
    for number in range(SAVES):
        phone = f"+7912{number:07d}"
        started = time.perf_counter()
        with db.transaction() as session:
            save_member(session, org_id, {"phone": phone}, member_id)
        times.append((time.perf_counter() - started) * 1000)
    return times


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

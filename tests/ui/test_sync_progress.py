"""A first download shows a percentage computed from the server's per-organisation counts."""

from __future__ import annotations

from ui.sync import controller as c
from ui.sync.indicator import SyncIndicator


class _Ops:
    def read(self, *_args, **_kwargs) -> None:
        pass


def test_first_download_shows_a_percentage(qtbot) -> None:
    controller = c.SyncController(_Ops(), client=None)  # type: ignore[arg-type]
    indicator = SyncIndicator(controller)
    qtbot.addWidget(indicator)
    controller.state = c.RUNNING
    controller._on_progress(400, 0, "total")
    controller._on_progress(100, 0, "pull")
    assert controller.percent == 25
    assert indicator.state.text() == "Загрузка данных… 25%"
    assert (indicator.progress.maximum(), indicator.progress.value()) == (100, 25)
    controller._on_progress(400, 0, "pull")
    assert controller.percent == 100


def test_engine_announces_the_total_before_a_first_download(tmp_path) -> None:
    from datetime import UTC, datetime

    from chairclient.db.engine import open_database
    from sync.engine import SyncEngine
    from sync.protocol import PullResponse, PushResponse, SyncMeta, UserInfo

    now = datetime.now(UTC)

    class Api:
        def meta(self) -> SyncMeta:
            return SyncMeta(server_time=now, user=UserInfo(id="u", login="x"), scope=["a"],
                            counts={"a": {"member": 7, "organisation": 1}, "b": {"member": 2}})

        def push(self, mutations) -> PushResponse:
            return PushResponse(results=[], server_time=now)

        def pull(self, cursors, limit=1000) -> PullResponse:
            return PullResponse(changes=[], cursors={}, server_time=now)

    seen: list[tuple[str, int]] = []
    db = open_database(tmp_path / "local.sqlite")
    try:
        SyncEngine(db, Api(), lambda phase, done: seen.append((phase, done))).run()
    finally:
        db.close()
    assert ("total", 10) in seen

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

"""Network calls made before a database is open (login, refresh, logout), off the UI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Signal

_live: set[_Relay] = set()


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None]) -> None:
    """Run ``fn`` in a thread; ``on_done(result)`` or ``on_error(exc)`` on the UI thread."""
    relay = _Relay()  # created on the UI thread: the callbacks run there
    _live.add(relay)
    relay.done.connect(on_done)
    relay.failed.connect(on_error)
    relay.done.connect(lambda _r: _live.discard(relay))
    relay.failed.connect(lambda _e: _live.discard(relay))

    def work() -> None:
        try:
            result = fn()
        except BaseException as exc:  # delivered to the UI thread, never lost
            relay.failed.emit(exc)
        else:
            relay.done.emit(result)

    threading.Thread(target=work, name="chairclient-login", daemon=True).start()


def wait_in_background(fn: Callable[[], Any]) -> Any:
    """Run ``fn`` in a thread while the UI thread keeps processing events; its result or error.

    Only for the start-up and shut-down steps where no window waits for input.
    """
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(result: Any) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    run_in_background(fn, done, failed)
    if not outcome:
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")

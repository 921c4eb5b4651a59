"""Starting the desktop application: Qt set-up, translations, the database, the main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from chairclient.db.engine import open_database
from chairclient.paths import APP_AUTHOR, APP_NAME, secure_data_dirs
from chairclient.private_files import atomic_private, make_private
from ui.i18n import install_translators

log = logging.getLogger(__name__)

SCREENSHOT_TIMEOUT_MS = 20_000
SCREENSHOT_SIZE = (1366, 768)  # the most common small laptop screen


def configure_application(app: QCoreApplication) -> None:
    """Names, style and the Russian translation (once per application object)."""
    if app.property("chairclient_configured"):
        return
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    if isinstance(app, QApplication):
        app.setStyle("Fusion")
    install_translators(app)
    app.setProperty("chairclient_configured", True)


def _needs_offscreen() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform in ("win32", "darwin"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "chairclient"])
    assert isinstance(app, QApplication)
    configure_application(app)
    return app


def report_open_failure(db_path: Path, exc: BaseException, *, interactive: bool) -> None:
    log.error("could not open the database: %s", type(exc).__name__)
    text = QCoreApplication.translate("App", "Could not open the database:\n%1\n\nCheck that the disk is available and the "
               "file is not damaged. Error: %2").replace("%1", str(db_path))
    text = text.replace("%2", type(exc).__name__)
    if interactive:
        QMessageBox.critical(None, QCoreApplication.translate("App", "Chair's Workplace"), text)
    else:
        print(text, file=sys.stderr)


def run_app(db_path: Path | str | None, screenshot: Path | str | None = None, *,
            server: str | None = None, demo: bool = False) -> int:
    """Run the application; returns the process exit code.

    Without ``server`` and ``demo`` it works offline on ``db_path`` (no sign-in). With
    ``server`` (a registry URL) or ``demo`` (an embedded registry) the person signs in first
    and the local database of that account is synchronised in the background; ``db_path``
    then overrides the account's database file.

    With ``screenshot`` the main window is saved as a PNG as soon as an organisation and its
    first member rows are on screen, and the application exits (no display needed); in demo
    mode it signs in as ``chair1`` and synchronises first.
    """
    secure_data_dirs()
    if screenshot is not None and _needs_offscreen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = _application()
    if server is not None or demo:
        return _run_online(app, db_path, screenshot, server=server, demo=demo)
    assert db_path is not None
    db_path = Path(db_path)
    try:
        db = open_database(db_path)
    except Exception as exc:  # any failure: tell the person, never a traceback window
        report_open_failure(db_path, exc, interactive=screenshot is None)
        return 1

    from ui.main_window import MainWindow
    from ui.operations import Operations

    operations = Operations(db)
    window = MainWindow(operations, remember_geometry=screenshot is None)
    if screenshot is not None:
        window.resize(*SCREENSHOT_SIZE)
    window.show()
    try:
        if screenshot is not None:
            return take_screenshot(app, window, Path(screenshot))
        return app.exec()
    finally:
        window.close()
        operations.wait(10_000)
        window.deleteLater()
        db.close()


def _run_online(app: QApplication, db_path: Path | str | None, screenshot: Path | str | None,
                *, server: str | None, demo: bool) -> int:
    from chairclient.paths import data_dir
    from ui.login.start import SignIn
    from ui.sync.session import run_signed_in

    shot = Path(screenshot) if screenshot is not None else None
    override = Path(db_path) if db_path is not None else None
    if not demo:
        assert server is not None
        return run_signed_in(app, SignIn(server, data_dir()), override, shot)
    try:
        from registry.embedded import EmbeddedRegistry
    except ImportError:  # the installed app carries no registry server
        print(QCoreApplication.translate(
            "App", "The demo mode needs the registry server, which this installation does "
            "not include; run the program from its source (python3 dev.py demo)."),
            file=sys.stderr)
        return 2
    registry = EmbeddedRegistry().start()
    try:
        options = SignIn(registry.base_url, data_dir(), server_id="demo",
                         demo_users=registry.users,
                         auto_login="chair1" if shot is not None else None)
        return run_signed_in(app, options, override, shot)
    finally:
        registry.stop()


def _grab(window):
    """The window as a picture: from the display server's own pixels when there is one (on
    xcb this proves the window really reached the screen), rendered offscreen otherwise."""
    from PySide6.QtGui import QGuiApplication

    screen = window.screen()
    if QGuiApplication.platformName() != "offscreen" and screen is not None:
        frame = window.frameGeometry()
        shot = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        if not shot.isNull():
            return shot
    return window.grab()


def take_screenshot(app: QApplication, window, path: Path,
                    timeout_ms: int = SCREENSHOT_TIMEOUT_MS, *, ready=None) -> int:
    """Wait for ``ready`` (default ``window.content_ready``) or time out, save a PNG; exit code."""
    outcome: dict[str, int] = {}

    def grab() -> None:
        if outcome:
            return
        try:
            with atomic_private(path) as part:  # the window shows personal data: 0600
                if not _grab(window).save(str(part), "PNG"):
                    raise OSError("the PNG was not written")
                make_private(part)  # Qt may write a new file in place of the 0600 part
            saved = True
        except OSError:
            saved = False
        if not saved:
            print(QCoreApplication.translate("App", "Could not save the screenshot to %1").replace("%1", str(path)),
                  file=sys.stderr)
        outcome["code"] = 0 if saved else 3
        app.quit()

    def timed_out() -> None:
        if outcome:
            return
        print(QCoreApplication.translate("App", "The window did not finish loading within %1 seconds; no screenshot taken.")
              .replace("%1", str(timeout_ms // 1000)), file=sys.stderr)
        outcome["code"] = 2
        app.quit()

    # Let the layout settle and the freshly arrived rows paint before grabbing.
    (ready or window.content_ready).connect(lambda: QTimer.singleShot(150, grab))
    QTimer.singleShot(timeout_ms, timed_out)
    app.exec()
    return outcome.get("code", 2)

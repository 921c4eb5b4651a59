"""Finding and installing the compiled Russian translation at start-up."""

from __future__ import annotations

import hashlib
import logging
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ui.i18n.tools import ROOT, ToolMissing, lrelease

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = ROOT / "resources" / "translations"
TS_PATH = TRANSLATIONS_DIR / "chairclient_ru.ts"
QM_PATH = TRANSLATIONS_DIR / "chairclient_ru.qm"


def _cache_dir() -> Path:
    from platformdirs import user_cache_dir

    from chairclient.paths import APP_AUTHOR, APP_NAME

    return Path(user_cache_dir(APP_NAME, APP_AUTHOR)) / "translations"


def compiled_translation() -> Path | None:
    """The ``.qm`` to load: the shipped one, or a fresh compile when the ``.ts`` is newer.

    A developer who edited the ``.ts`` sees the change without compiling by hand; the compiled
    copy goes to the user cache, named by the ``.ts`` content, so it is built only once.
    """
    shipped_ok = QM_PATH.exists() and (
        not TS_PATH.exists() or QM_PATH.stat().st_mtime >= TS_PATH.stat().st_mtime
    )
    if shipped_ok or not TS_PATH.exists():
        return QM_PATH if QM_PATH.exists() else None
    digest = hashlib.sha1(TS_PATH.read_bytes()).hexdigest()[:12]
    cached = _cache_dir() / f"chairclient_ru-{digest}.qm"
    if not cached.exists():
        try:
            lrelease(TS_PATH, cached)
        except (ToolMissing, OSError, subprocess.CalledProcessError) as exc:
            log.warning("could not compile translations: %s", type(exc).__name__)
            return QM_PATH if QM_PATH.exists() else None
    return cached


def install_translators(app: QCoreApplication) -> list[QTranslator]:
    """Install Qt's own Russian strings and ours; the app then speaks Russian.

    The translators are kept on the application object so they live as long as it does.
    """
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load("qtbase_ru", qt_dir):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    ours = compiled_translation()
    translator = QTranslator(app)
    if ours is not None and translator.load(str(ours)):
        app.installTranslator(translator)
        installed.append(translator)
    else:
        log.warning("Russian translation not found; the interface will be in English")
    return installed

"""Qt translations of the UI: source strings are English, the app ships Russian.

Rules for UI code:

* wrap every visible string in ``self.tr("…")`` (inside a QObject subclass) or
  ``QCoreApplication.translate("Context", "…")``; for tables of names use
  ``QT_TRANSLATE_NOOP("Context", "…")`` and translate when shown;
* counts go through Qt's plural forms: ``self.tr("%Ln member(s)", "", n)``;
* PySide6 takes the context of ``self.tr`` from the *runtime* class name, so a class that
  translates with ``self.tr`` must not be subclassed (the subclass would lose its strings).

``python -m ui.i18n update`` refreshes ``resources/translations/chairclient_ru.ts`` from the
sources (existing translations are kept), ``python -m ui.i18n compile`` builds the ``.qm``.
"""

from ui.i18n.catalog import QM_PATH, TS_PATH, install_translators
from ui.i18n.plural import plural_ru

__all__ = ["QM_PATH", "TS_PATH", "install_translators", "plural_ru"]

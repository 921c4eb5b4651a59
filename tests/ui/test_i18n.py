"""The Russian translation: complete, compiled, and in use once the app is set up."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ui.i18n import QM_PATH, TS_PATH
from ui.i18n.tools import lrelease, lupdate, read_ts, untranslated


def test_every_source_string_has_a_russian_translation(tmp_path: Path) -> None:
    """lupdate over the current sources into a copy of the shipped .ts: nothing unfinished."""
    ts = tmp_path / "current_ru.ts"
    shutil.copy(TS_PATH, ts)
    lupdate(ts)
    missing = [f"[{m.context}] {m.source!r}" for m in untranslated(ts)]
    assert not missing, (
        f"{len(missing)} UI string(s) without a finished Russian translation "
        "(run `python -m ui.i18n update`, translate, then `python -m ui.i18n compile`):\n"
        + "\n".join(missing)
    )


def test_shipped_qm_is_compiled_from_the_shipped_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    lrelease(TS_PATH, fresh)
    assert QM_PATH.exists(), "resources/translations/chairclient_ru.qm is missing"
    assert fresh.read_bytes() == QM_PATH.read_bytes(), (
        "chairclient_ru.qm is out of date: run `python -m ui.i18n compile`")


def test_numerus_translations_have_three_russian_forms() -> None:
    for message in read_ts(TS_PATH):
        if message.numerus and message.live:
            assert len(message.forms) == 3, message.source


def test_the_app_speaks_russian_after_setup(qapp) -> None:
    # conftest sets the application up with ui.app.configure_application, as run_app does
    assert QCoreApplication.translate("MainWindow", "Chair's Workplace") == \
        "Рабочее место председателя"
    assert QCoreApplication.translate("CardStatus", "SHIPPED TO REGION") == "ОТПРАВЛЕН В РЕГИОН"


def test_qt_own_strings_are_russian_too(qapp) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Отмена"


def test_a_newer_ts_is_compiled_into_the_cache(tmp_path: Path, monkeypatch) -> None:
    """A developer's edited .ts is used at start-up even before `compile` was run."""
    from PySide6.QtCore import QTranslator

    from ui.i18n import catalog

    ts = tmp_path / "chairclient_ru.ts"
    shutil.copy(TS_PATH, ts)
    monkeypatch.setattr(catalog, "TS_PATH", ts)
    monkeypatch.setattr(catalog, "QM_PATH", tmp_path / "missing.qm")
    monkeypatch.setattr(catalog, "_cache_dir", lambda: tmp_path / "cache")
    compiled = catalog.compiled_translation()
    assert compiled is not None and compiled.parent == tmp_path / "cache"
    translator = QTranslator()
    assert translator.load(str(compiled))
    assert translator.translate("MainWindow", "Chair's Workplace") == "Рабочее место председателя"
    assert catalog.compiled_translation() == compiled  # built once, then reused

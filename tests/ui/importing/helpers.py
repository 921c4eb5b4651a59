"""Driving the import wizard step by step, and a stand-in registry answer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard

from chairclient.importing import OrgHint, PersonKey
from ui.importing import ImportWizard

NEXT = QWizard.WizardButton.NextButton
COMMIT = QWizard.WizardButton.CommitButton
UNAVAILABLE = "Проверка по реестру недоступна без связи"


def make_wizard(qtbot, local, lookup=None) -> ImportWizard:
    _db, ops, org_id = local
    wizard = ImportWizard(ops, org_id, "ППО МБОУ СОШ № 1", registry_lookup=lookup)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def click(qtbot, wizard: ImportWizard, which=NEXT) -> None:
    page = wizard.currentPage()
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    wizard.button(which).click()
    assert wizard.currentPage() is not page


def to_preview(qtbot, wizard: ImportWizard, path: Path) -> None:
    wizard.file_page.load(path)
    click(qtbot, wizard)  # → sheet and header row
    click(qtbot, wizard)  # → columns
    click(qtbot, wizard)  # → preview
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=10_000)


def registry(keys: list[PersonKey]) -> dict[int, OrgHint]:
    """The registry's answer: Белова is registered in another primary organisation."""
    return {k.row: OrgHint("ППО гимназии № 2", "П-2") for k in keys if k.last_name == "Белова"}

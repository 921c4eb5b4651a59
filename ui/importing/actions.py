"""«Файл → Загрузить членов из таблицы…» and «Файл → Сохранить шаблон для загрузки…»."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from ui.operations import Operations
from ui.org_tree import OrgScope
from ui.printing import files
from ui.printing.background import BackgroundTask, run_in_background
from ui.reports.saving import open_in_system, save_cancellable, saved_box, warn_later

if TYPE_CHECKING:  # the spreadsheet engine (openpyxl, xlrd) loads when first used, not at start
    from chairclient.importing import RegistryLookup
    from ui.importing.wizard import ChooseFile, ImportWizard


def _ask_open_path(parent: QWidget) -> Path | None:
    from ui.importing.wizard import ask_open_path

    return ask_open_path(parent)

log = logging.getLogger(__name__)


class ImportActions(QObject):
    """The two File-menu actions of the main window.

    The wizard imports into the organisation chosen in the tree (:meth:`set_scope`).
    :attr:`registry_lookup` checks the rows against the registry; :meth:`set_sync` sets it from
    the signed-in session (None: the wizard says the check is unavailable). Tests replace
    :attr:`choose_file`, :attr:`choose_path` and :attr:`open_url`; :attr:`wizard` is the
    wizard opened last.
    """

    #: An import finished: the member list and the counts should be read again.
    imported = Signal()

    def __init__(self, operations: Operations, parent: QWidget,
                 scope: OrgScope | None = None) -> None:
        super().__init__(parent)
        self._ops = operations
        self._scope = scope
        self.registry_lookup: RegistryLookup | None = None
        self.choose_file: ChooseFile = _ask_open_path
        self.choose_path: files.ChoosePath = files.ask_save_path
        self.open_url: Callable[[QUrl], bool] = open_in_system
        self.wizard: ImportWizard | None = None
        #: «Запросить перевод» of a row found elsewhere (the transfer actions' search).
        self.request_transfer: Callable[[dict[str, object]], object] | None = None
        self.task: BackgroundTask | None = None
        self.saved_box = None
        self.load_action = QAction(self.tr("&Load members from a spreadsheet…"), self)
        self.load_action.triggered.connect(self.open_wizard)
        self.template_action = QAction(self.tr("Save the import &template…"), self)
        self.template_action.triggered.connect(self.save_template)

    @classmethod
    def attach(cls, window: Any, *, operations: Operations, menu: QMenu) -> ImportActions:
        """The actions of the main ``window``, at the top of its File ``menu``; they follow the
        organisation chosen in the tree and refresh the views once an import is done."""
        actions = cls(operations, window)
        transfers = getattr(window, "transfers", None)
        actions.request_transfer = transfers.accept_with if transfers is not None else None
        actions.add_to_menu(menu)
        window.tree.organisation_selected.connect(actions.set_scope)
        actions.imported.connect(window._after_decision)
        return actions

    @property
    def _parent(self) -> QWidget:
        return self.parent()

    def set_scope(self, scope: OrgScope | None) -> None:
        """The organisation chosen in the tree: members are registered in it."""
        self._scope = scope

    def set_sync(self, controller: Any) -> None:
        """Check rows against the registry through the session's client while it is online."""
        from sync.import_lookup import registry_lookup
        from ui.sync.controller import OFFLINE, SIGNED_OUT

        self.registry_lookup = registry_lookup(
            controller.client, lambda: controller.state not in (OFFLINE, SIGNED_OUT))

    def add_to_menu(self, menu: QMenu) -> None:
        """Put both actions at the top of ``menu``, followed by a separator."""
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, [self.load_action, self.template_action])
        menu.insertSeparator(first)
        menu.aboutToShow.connect(self.update_enabled)

    def update_enabled(self) -> None:
        self.load_action.setEnabled(self._scope is not None)

    def open_wizard(self) -> ImportWizard | None:
        """The wizard for the organisation chosen in the tree (non-blocking)."""
        scope = self._scope
        if scope is None:
            return None
        from ui.importing.wizard import ImportWizard

        wizard = ImportWizard(self._ops, scope.id, scope.name, self._parent,
                              registry_lookup=self.registry_lookup)
        wizard.choose_file = lambda parent: self.choose_file(parent)
        wizard.choose_path = lambda *args: self.choose_path(*args)
        wizard.open_url = lambda url: self.open_url(url)
        wizard.request_transfer = self.request_transfer
        wizard.imported.connect(lambda _report: self.imported.emit())
        wizard.template_requested.connect(lambda: self.save_template(wizard))
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.wizard = wizard
        wizard.open()
        return wizard

    def save_template(self, parent: QWidget | None = None) -> bool:
        """Ask where, then write the engine's template (.xlsx) in the background."""
        parent = parent if isinstance(parent, QWidget) else self._parent
        target = self.choose_path(parent, self.tr("Template for loading members.xlsx"),
                                  files.excel_filter())
        if target is None:
            return False

        def work(step) -> Path:
            from chairclient.importing import write_template

            save_cancellable(target, write_template, step)
            return target

        def written(path: Path) -> None:
            self.task = None
            self.saved_box = saved_box(parent, path, self.open_url)

        def failed(exc: BaseException) -> None:
            self.task = None
            log.error("import template not saved: %s", type(exc).__name__)
            warn_later(parent, self.tr("Import template"), self.tr(
                "The template could not be saved. Check that the file is not open in Excel "
                "and try again."))

        self.task = run_in_background(self._ops, parent, self.tr("Saving the template…"), work,
                                      written, failed)
        return True

"""The «Отчёты» menu: form 5-СП, member lists, the list's selection to Excel."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from ui.operations import Operations
from ui.org_tree import OrgScope
from ui.printing import files
from ui.printing.background import BackgroundTask, run_in_background
from ui.reports.list_dialog import ListDialog
from ui.reports.list_kinds import ListChoice, list_choices
from ui.reports.saving import open_in_system, save_cancellable, saved_box, warn_later
from ui.reports.sp5_dialog import Sp5Dialog

log = logging.getLogger(__name__)

Scope = Callable[[], OrgScope | None]
Selection = Callable[[], list[str]]


class ReportActions(QObject):
    """Report actions of the main window (the chosen organisation, the list's selection).

    :attr:`choose_path` and :attr:`open_url` are handed to every dialog (tests replace them);
    :attr:`dialog` is the report dialog opened last.
    """

    def __init__(self, operations: Operations, parent: QWidget, scope: Scope,
                 selection: Selection) -> None:
        super().__init__(parent)
        self._ops = operations
        self._scope = scope
        self._selection = selection
        self.choose_path: files.ChoosePath = files.ask_save_path
        self.open_url: Callable[[QUrl], bool] = open_in_system
        self.dialog: Sp5Dialog | ListDialog | None = None
        self.task: BackgroundTask | None = None
        self.saved_box = None
        self.sp5_action = QAction(self.tr("Form &5-SP…"), self)
        self.sp5_action.triggered.connect(self.open_sp5)
        self.list_actions: dict[str, QAction] = {}
        for choice in list_choices():
            action = QAction(choice.menu_text, self)
            action.triggered.connect(lambda _checked=False, c=choice: self.open_list(c))
            self.list_actions[choice.key] = action
        self.selection_action = QAction(self.tr("&Selected members to Excel…"), self)
        self.selection_action.triggered.connect(self.export_selection)

    @property
    def _parent(self) -> QWidget:
        """The window (looked up, not stored: no reference cycle keeps it alive)."""
        return self.parent()

    def add_menu(self, bar: QMenuBar, before: QAction | None = None) -> QMenu:
        menu = QMenu(self.tr("&Reports"), bar)
        menu.addAction(self.sp5_action)
        menu.addSeparator()
        lists = menu.addMenu(self.tr("&Lists to Excel"))
        lists.addActions(list(self.list_actions.values()))
        menu.addAction(self.selection_action)
        menu.aboutToShow.connect(self.update_enabled)
        if before is None:
            bar.addMenu(menu)
        else:
            bar.insertMenu(before, menu)
        return menu

    def update_enabled(self) -> None:
        has_org = self._scope() is not None
        for action in (self.sp5_action, *self.list_actions.values()):
            action.setEnabled(has_org)
        self.selection_action.setEnabled(has_org and bool(self._selection()))

    # -- entry points -------------------------------------------------------------------------

    def open_sp5(self) -> Sp5Dialog | None:
        scope = self._scope()
        if scope is None:
            return None
        dialog = Sp5Dialog(self._ops, scope, self._parent)
        return self._show(dialog)

    def open_list(self, choice: ListChoice) -> ListDialog | None:
        """Lists with a period or columns ask for them; the others go straight to saving."""
        scope = self._scope()
        if scope is None:
            return None
        dialog = ListDialog(self._ops, scope, choice, self._parent)
        self._show(dialog, visible=choice.needs_period or choice.has_columns)
        if not (choice.needs_period or choice.has_columns) and not dialog.save():
            dialog.deleteLater()
        return dialog

    def _show(self, dialog, *, visible: bool = True):
        dialog.choose_path = lambda *args: self.choose_path(*args)
        dialog.open_url = lambda url: self.open_url(url)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        if visible:
            dialog.open()
        return dialog

    def export_selection(self) -> bool:
        """The members selected in the list, to Excel."""
        from reports.excel.lists import ListRequest, write_list

        scope, ids = self._scope(), list(self._selection())
        if scope is None or not ids:
            return False
        target = self.choose_path(self._parent, "Выбранные члены Профсоюза.xlsx",
                                  files.excel_filter())
        if target is None:
            return False
        db = self._ops.db
        request = ListRequest("members", scope.id, member_ids=tuple(ids))

        def work(step) -> Path:
            def write(part: Path) -> int:
                with db.session() as session:
                    return write_list(session, request, part, org_name=scope.name,
                                      progress=step)

            save_cancellable(target, write, step)
            return target

        self.task = run_in_background(self._ops, self._parent, self.tr("Saving the list…"),
                                      work, self._written, self._failed)
        return True

    def _written(self, path: Path) -> None:
        self.task = None
        self.saved_box = saved_box(self._parent, path, self.open_url)

    def _failed(self, error: BaseException) -> None:
        self.task = None
        log.error("selection export failed: %s", type(error).__name__)
        warn_later(self._parent, self.tr("List"), self.tr(
            "The list could not be saved. Check that the file is not open in Excel and try "
            "again."))

"""Wiring the bulk actions into the main window: menus, the list's context menu and top row,
Правка → Отменить, and the views they refresh."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ui.bulk.actions import BulkActions
from ui.operations import Operations


def attach_bulk_actions(window: Any, *, operations: Operations, menu: QMenu) -> BulkActions:
    """«Действия с выбранными» in ``menu`` (the «Члены Профсоюза» menu), in the member list's
    context menu and top row; «Правка» with Отменить (Ctrl+Z) before ``menu``."""
    members = window.members
    export = getattr(getattr(window, "reports", None), "selection_action", None)
    actions = BulkActions(operations, window, members.selected_member_ids,
                          [export] if export is not None else None)
    menu.addSeparator()
    menu.addMenu(actions.menu)

    edit = QMenu(QCoreApplication.translate("MainWindow", "&Edit"), window.menuBar())
    edit.setToolTipsVisible(True)  # a disabled Отменить says why
    edit.addAction(actions.undo_action)
    edit.aboutToShow.connect(actions.refresh_undo)
    window.menuBar().insertMenu(menu.menuAction(), edit)
    window.edit_menu = edit

    table = members.table
    separator = QAction(actions)
    separator.setSeparator(True)
    # «Снять с учёта…» and «Восстановить…» also stand in the context menu itself.
    table.addActions([separator, actions.remove_action, actions.restore_action,
                      actions.menu.menuAction()])
    top_row = getattr(members, "top_row", None)
    if top_row is not None:
        actions.button = actions.tool_button(members)
        top_row.insertWidget(top_row.count() - 1, actions.button)
    table.selectionModel().selectionChanged.connect(
        lambda *_: actions.update_enabled(members.selected_count()))
    actions.update_enabled(0)

    actions.changed.connect(lambda _ids: window._after_decision())
    dashboard = getattr(window, "dashboard", None)
    if dashboard is not None and hasattr(dashboard, "invalidate"):
        actions.changed.connect(lambda _ids: dashboard.invalidate())
    actions.message.connect(lambda text: window.status.showMessage(text, 10000))
    members.member_saved.connect(lambda _id: actions.refresh_undo())
    actions.refresh_undo()
    return actions

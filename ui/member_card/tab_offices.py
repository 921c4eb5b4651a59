"""«Профсоюзные должности»: the member's union offices, and appointing, ending, deleting one.

The changes run on the writer thread as the offices service's undoable steps (so Правка →
Отменить takes them back like any bulk action); the dialogs stay open with the service's
refusal (another chair in the period, a member not on the register …).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from chairclient.domain.role_rules import BODIES
from chairclient.queries.roles import OfficeRow
from chairclient.services import roles
from chairclient.services.steps import BulkRefused, BulkResult
from ui.operations import Operations
from ui.roles import EndOfficeDialog, RoleDialog
from ui.widgets import HINT_COLOR, format_date, small_label

log = logging.getLogger(__name__)


class OfficesTab(QWidget):
    def __init__(self, operations: Operations, done: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = operations
        self._done = done
        self._member_id: str | None = None
        self._name = ""
        self._roles: list[tuple[str, str]] = []
        self._offices: list[OfficeRow] = []
        self.dialog: RoleDialog | EndOfficeDialog | None = None
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("officesTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Office"), self.tr("Body"), self.tr("From"), self.tr("To")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.appoint_button = QPushButton(self.tr("Appoint to an office…"), self)
        self.end_button = QPushButton(self.tr("End the office…"), self)
        self.delete_button = QPushButton(self.tr("Delete a mistaken entry"), self)
        self.delete_button.setToolTip(self.tr(
            "For an office entered by mistake; an office that was held is ended instead"))
        for button in (self.appoint_button, self.end_button, self.delete_button):
            button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.appoint_button)
        row.addWidget(self.end_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.table, 1)
        column.addLayout(row)
        column.addWidget(small_label(self.tr(
            "The offices count in section III of the 5-SP report; the chair and the deputy "
            "of the organisation's passport are taken from them."), HINT_COLOR))
        self.appoint_button.clicked.connect(self.appoint)
        self.end_button.clicked.connect(self.end_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_member(self, member_id: str | None, name: str, offices: list[OfficeRow],
                   union_roles: list[tuple[str, str]]) -> None:
        self._member_id, self._name, self._roles = member_id, name, union_roles
        self._offices = offices
        self.table.setRowCount(len(offices))
        today = date.today()
        for index, office in enumerate(offices):
            body = BODIES.get(office.body or "", office.body or "")
            if office.body_name:
                body += f": {office.body_name}"
            cells = (office.role_name, body, format_date(office.since),
                     format_date(office.until) if office.until else self.tr("now"))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not office.held_on(today):
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(index, col, item)
        self.appoint_button.setEnabled(member_id is not None)
        self._update_buttons()

    def _current(self) -> OfficeRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self._offices[rows[0].row()] if rows else None

    def select_office(self, office_id: str) -> None:
        for index, office in enumerate(self._offices):
            if office.id == office_id:
                self.table.selectRow(index)

    def _update_buttons(self) -> None:
        current = self._current()
        self.end_button.setEnabled(current is not None and current.until is None)
        self.delete_button.setEnabled(current is not None)

    # -- the changes --------------------------------------------------------------------------

    def appoint(self) -> None:
        if self._member_id is None or self.dialog is not None:
            return
        member_id = self._member_id
        dialog = RoleDialog(self.window(), self._roles, name=self._name)

        def submit(_d) -> None:
            role, since = dialog.chosen_role(), dialog.chosen_since()
            until, body, body_name = (dialog.chosen_until(), dialog.chosen_body(),
                                      dialog.chosen_body_name())
            assert role is not None and since is not None
            self._run(dialog, lambda s: roles.appoint(s, [member_id], role, since, until=until,
                                                      body=body, body_name=body_name))

        dialog._submit = submit
        self._open(dialog)

    def end_current(self) -> None:
        office = self._current()
        if office is None or self.dialog is not None:
            return
        dialog = EndOfficeDialog(self.window(), office.role_name)

        def submit(_d) -> None:
            until = dialog.chosen_until()
            assert until is not None
            self._run(dialog, lambda s: roles.end_office(s, office.id, until))

        dialog._submit = submit
        self._open(dialog)

    def delete_current(self) -> None:
        office = self._current()
        if office is None or self.dialog is not None:
            return
        self._run(None, lambda s: roles.delete_office(s, office.id))

    def _open(self, dialog: RoleDialog | EndOfficeDialog) -> None:
        self.dialog = dialog

        def closed(_code: int) -> None:
            self.dialog = None
            dialog.deleteLater()

        dialog.finished.connect(closed)
        dialog.open()

    def _run(self, dialog, work: Callable[[object], BulkResult]) -> None:
        member_id = self._member_id

        def finished(result: BulkResult) -> None:
            if dialog is not None and not isValid(dialog):
                return
            if result.done:
                if dialog is not None:
                    dialog.succeeded()
                if isValid(self) and member_id is not None:
                    self._done(member_id)
            elif dialog is not None:
                text = result.skipped[0].reason if result.skipped else ""
                dialog.failed(text[:1].upper() + text[1:])

        def failed(error: BaseException) -> None:
            if isinstance(error, BulkRefused):
                if dialog is not None and isValid(dialog):
                    dialog.failed(str(error))
                return
            log.error("union office change failed: %s", type(error).__name__)
            if dialog is not None and isValid(dialog):
                dialog.failed(self.tr("Nothing was saved because of an internal error."))

        self._ops.write(work, finished, failed)

"""«Дубликаты членов Профсоюза на учёте»: cards of one person in the chosen organisation's
subtree (the same rule and columns as ``python -m registry duplicates``), for the staff of a
territorial, regional or central organisation. A primary chair's register is one organisation:
its duplicates are refused or warned about when the card is saved."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from chairclient.domain.duplicates import DuplicateGroup, mask_snils
from chairclient.queries.duplicates import region_duplicates
from ui.operations import Operations
from ui.org_tree import OrgScope
from ui.widgets import ERROR_COLOR, HINT_COLOR

log = logging.getLogger(__name__)


class DuplicatesDialog(QDialog):
    """The groups of one organisation's subtree, one row per card."""

    def __init__(self, operations: Operations, scope: OrgScope,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Duplicates of members on the register"))
        self.groups: list[DuplicateGroup] = []
        intro = QLabel(self.tr(
            "Cards on the register in your organisations that are one person: the same SNILS, "
            "or the same full name and date of birth without a SNILS"), self)
        intro.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Matched by"), self.tr("SNILS (last digits)"), self.tr("Full name"),
            self.tr("Date of birth"), self.tr("Organisation (code)"), self.tr("Status"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addWidget(self.summary)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        self.resize(960, 520)
        org_ids = list(scope.org_ids)
        operations.read(lambda session: region_duplicates(session, org_ids), self._loaded,
                        self._failed)

    def _loaded(self, groups: list[DuplicateGroup]) -> None:
        if not isValid(self):
            return
        self.groups = groups
        rows = [(group, row) for group in groups for row in group.rows]
        self.table.setRowCount(len(rows))
        for index, (group, row) in enumerate(rows):
            name = " ".join(p for p in (row["last_name"], row["first_name"], row["patronymic"])
                            if p)
            born = row["birth_date"].strftime("%d.%m.%Y") if row["birth_date"] else ""
            org = f"{row['short_name'] or row['full_name'] or ''} ({row['code']})"
            values = [self.tr("SNILS") if group.by == "snils"
                      else self.tr("full name and date of birth"),
                      mask_snils(row["snils"]), name, born, org, self.tr("on the register")]
            for column, value in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(value))
        if groups:
            self.summary.setText(self.tr(
                "Groups of cards that may be one person: %1. Leave one card on the register "
                "and remove the others as «ошибочная запись/дубликат», or transfer.").replace(
                    "%1", str(len(groups))))
        else:
            self.summary.setText(self.tr("No duplicates among the members on the register."))
        self.summary.setStyleSheet(f"color: {HINT_COLOR};")

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        log.error("reading the duplicates failed: %s", type(exc).__name__)
        self.summary.setText(self.tr("Could not read the duplicates."))
        self.summary.setStyleSheet(f"color: {ERROR_COLOR};")


class DuplicatesActions(QObject):
    """«Дубликаты членов Профсоюза на учёте…» in the members menu, for an organisation that
    has organisations below it (territorial, regional, central)."""

    def __init__(self, operations: Operations, parent: QWidget) -> None:
        super().__init__(parent)
        self._ops, self._window = operations, parent
        self._scope: OrgScope | None = None
        self.action = QAction(self.tr("Duplicates of members on the register…"), self)
        self.action.setVisible(False)
        self.action.triggered.connect(self.show)

    @classmethod
    def attach(cls, window: Any, *, operations: Operations, menu: QMenu) -> DuplicatesActions:
        actions = cls(operations, window)
        menu.addAction(actions.action)
        window.tree.organisation_selected.connect(actions.set_scope)
        return actions

    def set_scope(self, scope: OrgScope) -> None:
        self._scope = scope
        self.action.setVisible(scope.level != "primary")

    def show(self) -> DuplicatesDialog | None:
        if self._scope is None or self._scope.level == "primary":
            return None
        dialog = DuplicatesDialog(self._ops, self._scope, self._window)
        dialog.show()
        return dialog

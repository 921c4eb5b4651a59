"""The questions of the «Заявки на ЭПБ» workspace: which members to add, a lost or damaged card."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from chairclient.text import fold, search_tokens
from ui.bulk.dialogs import BulkDateDialog


class BrokenCardDialog(BulkDateDialog):
    """«Утерян / Испорчен»: which of the two, the date, and whether to order a new card."""

    def __init__(self, parent: QWidget, count: int, *, today: date | None = None) -> None:
        super().__init__(parent, self.tr("Card lost or damaged"), self.tr("Date:"), count,
                         today=today)
        self.lost = QRadioButton(self.tr("Lost"), self)
        self.damaged = QRadioButton(self.tr("Damaged"), self)
        self.lost.setChecked(True)
        self.reissue = QCheckBox(self.tr("Order a new card (add to the draft request)"), self)
        self.reissue.setChecked(True)
        column = self.layout()
        assert isinstance(column, QVBoxLayout)
        column.insertWidget(1, self.lost)
        column.insertWidget(2, self.damaged)
        column.insertWidget(column.count() - 2, self.reissue)

    def chosen_status(self) -> str:
        return "lost" if self.lost.isChecked() else "damaged"


class PickMembersDialog(QDialog):
    """«Добавить в заявку…»: tick members among those who may enter (search by name)."""

    def __init__(self, parent: QWidget, members: list[tuple[str, str]]) -> None:
        """``members``: (id, name) of everyone who may enter the request now."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add to the card request"))
        self.resize(460, 520)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find by name…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        for member_id, name in members:
            item = QListWidgetItem(name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, member_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.count = QLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Search:"), self.search)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.list, 1)
        column.addWidget(self.count)
        column.addWidget(self.buttons)
        self.search.textChanged.connect(self._filter)
        self.list.itemChanged.connect(lambda _item: self._count())
        self.list.itemActivated.connect(self._toggle)
        self._count()

    def chosen(self) -> list[str]:
        return [self.list.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(self.list.count())
                if self.list.item(row).checkState() == Qt.CheckState.Checked]

    def _toggle(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _filter(self, text: str) -> None:
        tokens = search_tokens(text)
        for row in range(self.list.count()):
            item = self.list.item(row)
            name = fold(item.text())
            item.setHidden(bool(tokens) and not all(t in name for t in tokens))

    def _count(self) -> None:
        chosen = len(self.chosen())
        self.count.setText(self.tr("Chosen: %n union member(s)", "", chosen))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(chosen > 0)

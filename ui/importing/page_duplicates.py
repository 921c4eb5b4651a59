"""Wizard step 5: the chair decides per duplicate — skip, update the existing card, or create."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from chairclient.importing import Decision, Duplicate
from ui.i18n.formats import format_number
from ui.importing.page_file import hint
from ui.importing.state import REGISTRY_CHECKING, REGISTRY_DONE, ImportState
from ui.widgets.date_field import format_date

if TYPE_CHECKING:
    from ui.importing.wizard import ImportWizard

Index = QModelIndex | QPersistentModelIndex
DECISION_COLUMN = 4
#: Up to this many duplicates the decision combos are always open (else: on click).
OPEN_EDITORS = 300

DECISION_TEXT = {
    Decision.SKIP: QT_TRANSLATE_NOOP("ImportDuplicates", "Skip"),
    Decision.UPDATE: QT_TRANSLATE_NOOP("ImportDuplicates", "Update the existing card"),
    Decision.CREATE: QT_TRANSLATE_NOOP("ImportDuplicates", "Create anyway"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("ImportDuplicates", "Row"),
    QT_TRANSLATE_NOOP("ImportDuplicates", "In the file"),
    QT_TRANSLATE_NOOP("ImportDuplicates", "Matches"),
    QT_TRANSLATE_NOOP("ImportDuplicates", "Why"),
    QT_TRANSLATE_NOOP("ImportDuplicates", "Decision"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDuplicates", text)


def choices(duplicate: Duplicate) -> list[Decision]:
    """The decisions offered: a card elsewhere in the registry cannot be updated from here."""
    if duplicate.can_update:
        return [Decision.SKIP, Decision.UPDATE, Decision.CREATE]
    return [Decision.SKIP, Decision.CREATE]


def matches(duplicate: Duplicate) -> str:
    translate = QCoreApplication.translate
    if duplicate.existing is not None:
        born = format_date(duplicate.existing.birth_date)
        name = duplicate.existing.display_name + (f", {born}" if born else "")
        return translate("ImportDuplicates", "Card in the database: %1").replace("%1", name)
    if duplicate.registry is not None:
        text = translate("ImportDuplicates", "Registered in another organisation: %1")
        return text.replace("%1", duplicate.registry.display)
    text = translate("ImportDuplicates", "Row %1 of the file")
    return text.replace("%1", str(duplicate.other_row))


class DuplicatesModel(QAbstractTableModel):
    """The duplicates and their decisions (kept in the wizard's state)."""

    def __init__(self, state: ImportState, parent=None) -> None:
        super().__init__(parent)
        self._state = state
        self.duplicates: list[Duplicate] = []
        self._names: dict[int, str] = {}

    def reload(self) -> None:
        self.beginResetModel()
        state = self._state
        self.duplicates = state.all_duplicates
        rows = {r.row: r for r in state.preview.rows} if state.preview is not None else {}
        self._names = {}
        for d in self.duplicates:
            row = rows.get(d.row)
            if row is not None:
                born = format_date(row.values.get("birth_date"))
                self._names[d.row] = row.display_name + (f", {born}" if born else "")
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.duplicates)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == DECISION_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        duplicate = self.duplicates[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.EditRole and column == DECISION_COLUMN:
            return self._state.decision(duplicate.row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return duplicate.text()
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return duplicate.row
        if column == 1:
            return self._names.get(duplicate.row, "")
        if column == 2:
            return matches(duplicate)
        if column == 3:
            return duplicate.reason
        return _tr(DECISION_TEXT[self._state.decision(duplicate.row)])

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != DECISION_COLUMN:
            return False
        duplicate = self.duplicates[index.row()]
        decision = Decision(value)
        if decision not in choices(duplicate):
            return False
        self._state.decisions[duplicate.row] = decision
        self.dataChanged.emit(index, index)
        return True

    def decide_all(self, decision: Decision) -> None:
        """The same decision for every duplicate it applies to."""
        for duplicate in self.duplicates:
            if decision in choices(duplicate):
                self._state.decisions[duplicate.row] = decision
        if self.duplicates:
            self.dataChanged.emit(self.index(0, DECISION_COLUMN),
                                  self.index(len(self.duplicates) - 1, DECISION_COLUMN))


class DecisionDelegate(QStyledItemDelegate):
    """A combo with the decisions a duplicate allows."""

    def createEditor(self, parent: QWidget, _option, index: Index) -> QWidget:  # noqa: N802
        model: DuplicatesModel = index.model()
        combo = QComboBox(parent)
        for decision in choices(model.duplicates[index.row()]):
            combo.addItem(_tr(DECISION_TEXT[decision]), decision.value)
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setCurrentIndex(max(0, editor.findData(Decision(value).value)))

    def setModelData(self, editor: QWidget, model, index: Index) -> None:  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DuplicatesPage(QWizardPage):
    """The duplicates within the file, in the local database and (online) in the registry."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Duplicates"))
        self.setSubTitle(self.tr(
            "These rows name a person who is already on record: the same СНИЛС, or the same "
            "surname, name and birth date. Decide for each one what to do."))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.registry = hint("", self)
        self.skip_registry = QPushButton(self.tr("Do not wait for the registry"), self)
        self.skip_registry.clicked.connect(wizard.skip_registry_check)
        self.skip_registry.hide()
        registry = QHBoxLayout()
        registry.addWidget(self.registry, 1)
        registry.addWidget(self.skip_registry)
        self.model = DuplicatesModel(wizard.state, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setItemDelegateForColumn(DECISION_COLUMN, DecisionDelegate(self.view))
        self.view.setEditTriggers(QTableView.EditTrigger.AllEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("For all:"), self))
        self.all_buttons: dict[Decision, QPushButton] = {}
        for decision in Decision:
            button = QPushButton(_tr(DECISION_TEXT[decision]), self)
            button.clicked.connect(lambda _c=False, d=decision: self.decide_all(d))
            buttons.addWidget(button)
            self.all_buttons[decision] = button
        buttons.addStretch(1)
        self.request_button = QPushButton(self.tr("Request a transfer…"), self)
        self.request_button.setToolTip(self.tr(
            "The person is on the register in another organisation: ask it to let them go"))
        self.request_button.setEnabled(False)
        self.request_button.clicked.connect(self.request_transfer)
        buttons.addWidget(self.request_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(registry)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        wizard.registry_checked.connect(self._refresh)
        self.view.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_request())

    def initializePage(self) -> None:  # noqa: N802
        self._refresh()

    def _refresh(self) -> None:
        state = self._wizard.state
        self.model.reload()
        count = len(self.model.duplicates)
        if count:
            self.summary.setText(self.tr("Possible duplicates: %1. Until you decide otherwise "
                                         "they are skipped.").replace("%1", format_number(count)))
        else:
            self.summary.setText(self.tr("No duplicates found."))
        for button in self.all_buttons.values():
            button.setEnabled(count > 0)
        if state.registry_status == REGISTRY_CHECKING:
            text = self.tr("Checking against the union registry…")
        elif state.registry_status == REGISTRY_DONE:
            text = self.tr("Checked against the union registry: %1 found in other "
                           "organisations.").replace("%1", format_number(
                               len(state.registry_duplicates)))
        else:
            text = self.tr("The check against the registry is unavailable without a connection.")
        self.registry.setText(text)
        self.skip_registry.setVisible(state.registry_status == REGISTRY_CHECKING)
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(2, min(self.view.columnWidth(2), 360))
        if count <= OPEN_EDITORS:
            for row in range(count):
                self.view.openPersistentEditor(self.model.index(row, DECISION_COLUMN))
        self.view.setColumnWidth(DECISION_COLUMN, max(self.view.columnWidth(DECISION_COLUMN),
                                                      240))
        self._update_request()
        self.completeChanged.emit()

    def decide_all(self, decision: Decision) -> None:
        self.model.decide_all(decision)

    def _chosen_elsewhere(self) -> Duplicate | None:
        row = self.view.currentIndex().row()
        if 0 <= row < len(self.model.duplicates) and self.model.duplicates[row].in_registry:
            return self.model.duplicates[row]
        return None

    def _update_request(self) -> None:
        self.request_button.setEnabled(
            self._wizard.request_transfer is not None and self._chosen_elsewhere() is not None)

    def request_transfer(self) -> None:
        """«Запросить перевод» for the chosen row found in another organisation: the search
        of «Принять переводом» opens with what the row says (the row itself stays skipped)."""
        duplicate = self._chosen_elsewhere()
        preview = self._wizard.state.preview
        if duplicate is None or preview is None or self._wizard.request_transfer is None:
            return
        values = next((r.values for r in preview.rows if r.row == duplicate.row), {})
        query = ({"snils": values["snils"]} if values.get("snils") else
                 {key: values.get(key) for key in ("last_name", "first_name", "birth_date")})
        self._wizard.request_transfer(query)

    def set_decision(self, file_row: int, decision: Decision) -> bool:
        """Choose ``decision`` for the duplicate of ``file_row`` (as the combo does)."""
        for row, duplicate in enumerate(self.model.duplicates):
            if duplicate.row == file_row:
                return self.model.setData(self.model.index(row, DECISION_COLUMN), decision.value)
        return False

    def isComplete(self) -> bool:  # noqa: N802
        return self._wizard.state.registry_status != REGISTRY_CHECKING

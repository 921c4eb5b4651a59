"""«Членство»: membership dates and method, status, and the read-only membership history."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chairclient.validation import CATEGORY_CHOICES, FIELD_LABELS, REGISTRATION_METHOD_CHOICES
from ui.member_card.data import HistoryEntry, References
from ui.widgets import HINT_COLOR, CodeCombo, DateField, FieldSet, format_date, small_label
from ui.widgets.layout import form_layout, natural_width

MEMBERSHIP_FIELDS = ("member_since", "registered_on", "registration_method")


class MembershipTab(QWidget):
    def __init__(self, fields: FieldSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        form = form_layout()
        layout.addLayout(form)

        self.organisation = QLabel()
        self.organisation.setWordWrap(True)
        form.addRow(self.tr("Organisation of registration"), self.organisation)
        self.member_since = DateField()
        fields.add_row("member_since", FIELD_LABELS["member_since"],
                       natural_width(self.member_since),
                       hint=self.tr("For a transfer: the date of joining the union, "
                                    "not of joining this organisation"))
        fields.bind("member_since", self.member_since)
        self.registered_on = DateField()
        fields.add_row("registered_on", FIELD_LABELS["registered_on"],
                       natural_width(self.registered_on))
        fields.bind("registered_on", self.registered_on)
        self.method = CodeCombo()
        fields.add("registration_method", self.method, FIELD_LABELS["registration_method"])
        fields.place(form, *MEMBERSHIP_FIELDS)
        self.status = QLabel()
        self.status.setWordWrap(True)
        # «Снять с учёта…» / «Восстановить…»: the card dialog runs them (one is shown).
        self.remove_button = QPushButton(self.tr("Remove from the register…"))
        self.remove_button.setObjectName("removeMemberButton")
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setObjectName("restoreMemberButton")
        status_row = QWidget()
        row = QHBoxLayout(status_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status, 1)
        for button in (self.remove_button, self.restore_button):
            button.setAutoDefault(False)
            button.setVisible(False)
            row.addWidget(button)
        form.addRow(FIELD_LABELS["status"], status_row)

        title = QLabel(self.tr("Membership history"))
        title.setStyleSheet("font-weight: bold;")
        layout.addSpacing(8)
        layout.addWidget(title)
        self.history = QTableWidget(0, 3)
        self.history.setObjectName("membershipHistory")
        self.history.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Event"), self.tr("Details")])
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.verticalHeader().hide()
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.history, 1)
        layout.addWidget(small_label(self.tr(
            "The history is kept by separate actions (transfer, removal from the register, "
            "restoration) and cannot be edited here."), HINT_COLOR))

    def set_references(self, references: References) -> None:
        self.method.set_items(references.registration_methods)

    def set_status(self, organisation: str, status: str, removed_on: object,
                   reason: str | None, *, saved: bool = True) -> None:
        """What the card's status line says; ``saved``: the card exists (a new one is neither
        removed nor restored)."""
        self.organisation.setText(organisation)
        self.remove_button.setVisible(saved and status != "removed")
        self.restore_button.setVisible(saved and status == "removed")
        if status == "removed":
            text = self.tr("Removed from the register")
            if removed_on:
                text += " " + self.tr("on {date}").format(date=format_date(removed_on))
            if reason:
                text += f" ({reason})"
        else:
            text = self.tr("On the register")
        self.status.setText(text)

    def set_history(self, entries: list[HistoryEntry]) -> None:
        self.history.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (format_date(entry.event_date), self._kind(entry.kind), self._details(entry))
            for column, text in enumerate(cells):
                self.history.setItem(row, column, QTableWidgetItem(text))
        if not entries:
            self.history.setRowCount(1)
            item = QTableWidgetItem(self.tr("No events yet: they appear after saving"))
            self.history.setItem(0, 1, item)

    def _kind(self, kind: str) -> str:
        names = {
            "joined": self.tr("Registered"),
            "transferred_in": self.tr("Transferred in"),
            "transferred_out": self.tr("Transferred out"),
            "category_changed": self.tr("Category changed"),
            "removed": self.tr("Removed from the register"),
            "restored": self.tr("Restored"),
        }
        return names.get(kind, kind)

    def _details(self, entry: HistoryEntry) -> str:
        parts: list[str] = []
        if entry.registration_method:
            parts.append(REGISTRATION_METHOD_CHOICES.get(entry.registration_method,
                                                         entry.registration_method))
        if entry.old_category and entry.new_category:
            parts.append(f"{CATEGORY_CHOICES.get(entry.old_category, entry.old_category)} → "
                         f"{CATEGORY_CHOICES.get(entry.new_category, entry.new_category)}")
        elif entry.new_category:
            parts.append(CATEGORY_CHOICES.get(entry.new_category, entry.new_category))
        if entry.from_org:
            parts.append(self.tr("from {org}").format(org=entry.from_org))
        if entry.to_org:
            parts.append(self.tr("to {org}").format(org=entry.to_org))
        if entry.reason:
            parts.append(entry.reason)
        if entry.note:
            parts.append(entry.note)
        return "; ".join(parts)

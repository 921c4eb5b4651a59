"""«Работа и учёба»: workplace, position, students' fields, education, dues."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from chairclient.validation import FIELD_LABELS, POSITION, STUDY_FORM_CHOICES, STUDY_LEVEL_CHOICES
from ui.member_card.data import References
from ui.widgets import HINT_COLOR, CodeCombo, FieldSet, IntField, TextCombo
from ui.widgets.layout import form_layout, natural_width

WORK_ROWS = ("workplace", POSITION, "staff_category")
STUDY_ROWS = ("study_level", "study_course", "study_form")
OTHER_ROWS = ("education_level", "academic_degree", "dues_form")
# The fields of this tab (for completeness marks on the tab title).
WORK_FIELDS = (*WORK_ROWS, "position_code", "position_text", *STUDY_ROWS, *OTHER_ROWS)
# Shown (and kept) only for the matching category.
STUDENT_ONLY = ("study_level", "study_course", "study_form")
NOT_FOR_STUDENTS = ("position_code", "position_text", "staff_category")

STAFF_CATEGORIES = (
    "Педагогические работники",
    "Руководящие работники",
    "Учебно-вспомогательный персонал",
    "Обслуживающий персонал",
)
DEGREES = ("Кандидат наук", "Доктор наук")


class WorkTab(QWidget):
    """Work or study: the rows shown depend on the member's category."""

    def __init__(self, fields: FieldSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields = fields
        self._pedagogical: frozenset[str] = frozenset()
        layout = QVBoxLayout(self)
        form = form_layout()
        layout.addLayout(form)

        workplace = QLineEdit()
        workplace.setMaxLength(500)
        workplace.setPlaceholderText(self.tr("e.g. МБОУ «СОШ № 5» of the village of Ivanovka"))
        fields.add("workplace", workplace, FIELD_LABELS["workplace"])

        self.position = CodeCombo(empty_label=self.tr("— not in the list —"))
        self.position_text = QLineEdit()
        self.position_text.setMaxLength(200)
        self.position_text.setPlaceholderText(self.tr("or type the position as it is written"))
        self.pedagogical = QLabel()
        self.pedagogical.setStyleSheet(f"color: {HINT_COLOR};")
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.position)
        column.addWidget(self.position_text)
        column.addWidget(self.pedagogical)
        fields.add_row(POSITION, FIELD_LABELS[POSITION], box)
        fields.bind("position_code", self.position, row=POSITION)
        fields.bind("position_text", self.position_text, row=POSITION)
        self.position.currentIndexChanged.connect(self._update_pedagogical)

        fields.add("staff_category", TextCombo(STAFF_CATEGORIES), FIELD_LABELS["staff_category"])

        level = CodeCombo()
        level.set_items(STUDY_LEVEL_CHOICES.items())
        level.setMinimumContentsLength(8)
        fields.add_row("study_level", FIELD_LABELS["study_level"], natural_width(level))
        fields.bind("study_level", level)
        course = IntField(digits=1)
        course.setMaximumWidth(60)
        fields.add_row("study_course", FIELD_LABELS["study_course"], natural_width(course))
        fields.bind("study_course", course)
        form_of_study = CodeCombo()
        form_of_study.set_items(STUDY_FORM_CHOICES.items())
        form_of_study.setMinimumContentsLength(14)
        fields.add_row("study_form", FIELD_LABELS["study_form"], natural_width(form_of_study))
        fields.bind("study_form", form_of_study)

        self.education = CodeCombo()
        fields.add("education_level", self.education, FIELD_LABELS["education_level"])
        fields.add("academic_degree", TextCombo(DEGREES), FIELD_LABELS["academic_degree"])
        self.dues = CodeCombo()
        fields.add("dues_form", self.dues, FIELD_LABELS["dues_form"])
        fields.place(form, *WORK_ROWS, *STUDY_ROWS, *OTHER_ROWS)
        layout.addStretch(1)
        self.set_category(None)

    def set_references(self, references: References) -> None:
        self._pedagogical = references.pedagogical
        self.position.set_items(references.positions)
        self.education.set_items(references.education_levels)
        self.dues.set_items(references.dues_forms)
        self._update_pedagogical()

    def set_category(self, category: str | None) -> None:
        """Show the students' rows for students and the position rows for everyone else."""
        student = category == "student"
        for key in STUDY_ROWS:
            self._fields.set_row_visible(key, student)
        for key in (POSITION, "staff_category"):
            self._fields.set_row_visible(key, not student)

    @staticmethod
    def effective(values: dict[str, Any]) -> dict[str, Any]:
        """``values`` with the rows hidden for this category emptied (what gets saved)."""
        hidden = NOT_FOR_STUDENTS if values.get("category") == "student" else STUDENT_ONLY
        return {**values, **dict.fromkeys(hidden)}

    def _update_pedagogical(self) -> None:
        code = self.position.value()
        if code is None:
            self.pedagogical.setText("")
        elif code in self._pedagogical:
            self.pedagogical.setText(self.tr("✓ Pedagogical position"))
        else:
            self.pedagogical.setText(self.tr("Not a pedagogical position"))

"""Which editor each passport field gets."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from chairclient.validation import KIND_CHOICES
from ui.widgets import CodeCombo, DateField, IntField, LongTextField

DATE_FIELDS = frozenset({"founded_on", "chair_elected_on", "chair_term_until", "staff_as_of",
                         "agreement_concluded_on", "agreement_valid_until"})
BOOL_FIELDS = frozenset({"is_legal_entity", "chair_released", "collective_agreement"})
INT_FIELDS = frozenset({"committee_count", "revision_count", "safety_reps_count",
                        "employees_total", "employees_women", "employees_youth",
                        "employees_pedagogical", "students_total"})
# Short codes and numbers: a narrow field of the given length.
SHORT_FIELDS = {"inn": 12, "kpp": 9, "ogrn": 15, "employer_inn": 12, "employer_kpp": 9,
                "employer_ogrn": 15, "postal_index": 6, "chair_phone": 20, "phone": 20}
LONG_TEXT = {"full_name": 500, "employer_full_name": 500, "employer_address": 500,
             "address": 500, "pd_operator_name": 500, "pd_operator_address": 500}
CHOICE_FIELDS = frozenset({"kind", "employer_type"})
# Official names run to 150–300 characters: shown wrapped so they can be checked in full.
WRAPPED_FIELDS = frozenset({"full_name", "employer_full_name", "pd_operator_name"})


def make_editor(name: str, yes_text: str) -> QWidget:
    """A fresh editor for passport field ``name`` (``yes_text`` labels the yes/no boxes)."""
    if name in DATE_FIELDS:
        return DateField()
    if name in BOOL_FIELDS:
        return QCheckBox(yes_text)
    if name in INT_FIELDS:
        return IntField(digits=6)
    if name in WRAPPED_FIELDS:
        return LongTextField(max_length=LONG_TEXT[name])
    if name in CHOICE_FIELDS:
        combo = CodeCombo()
        if name == "kind":
            combo.set_items(KIND_CHOICES.items())
        return combo
    editor = QLineEdit()
    if name in SHORT_FIELDS:
        editor.setMaxLength(SHORT_FIELDS[name] + 6)  # room for spaces and dashes typed
        editor.setMaximumWidth(200)
    else:
        editor.setMaxLength(LONG_TEXT.get(name, 200))
    return editor


def is_stretchy(name: str) -> bool:
    """Whether the field should fill the form's width (text) or keep its natural width."""
    return name not in DATE_FIELDS | BOOL_FIELDS | INT_FIELDS | SHORT_FIELDS.keys()

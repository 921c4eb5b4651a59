"""Reusable widgets of the forms: date field, typed editors, field set, banner, prompts."""

from ui.widgets.banner import Banner
from ui.widgets.date_field import DateField, format_date
from ui.widgets.editors import (
    ClickableLabel,
    CodeCombo,
    IntField,
    MaskedField,
    TextCombo,
    read_value,
    write_value,
)
from ui.widgets.field_set import ERROR_COLOR, HINT_COLOR, WARNING_COLOR, FieldSet, small_label
from ui.widgets.focus import bring_into_view
from ui.widgets.long_text import LongTextField
from ui.widgets.prompts import (
    Answer,
    ask_unsaved_changes,
    ask_unsaved_changes_later,
    unsaved_changes_box,
)
from ui.widgets.tabs import completeness_title, set_tab_state, tabs_with

__all__ = [
    "Answer",
    "Banner",
    "ClickableLabel",
    "CodeCombo",
    "DateField",
    "ERROR_COLOR",
    "FieldSet",
    "HINT_COLOR",
    "IntField",
    "LongTextField",
    "MaskedField",
    "TextCombo",
    "WARNING_COLOR",
    "ask_unsaved_changes",
    "ask_unsaved_changes_later",
    "bring_into_view",
    "completeness_title",
    "format_date",
    "read_value",
    "set_tab_state",
    "small_label",
    "tabs_with",
    "unsaved_changes_box",
    "write_value",
]

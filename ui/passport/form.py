"""The organisation passport (паспорт ППО): tabs with completeness marks, inline checks, save."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from chairclient.domain.role_rules import LEADERSHIP_FIELDS
from chairclient.services.organisations import save_passport
from chairclient.validation import (
    FIELD_LABELS,
    PASSPORT_TABS,
    TAB_LABELS,
    ValidationError,
    field_label,
    required_passport_fields,
    tab_completeness,
    validate_passport,
)
from ui.operations import Operations
from ui.passport.data import PassportData, load_passport
from ui.passport.tab_fields import PassportTab
from ui.passport.tab_operator import OPERATOR_FIELDS, OperatorTab
from ui.widgets import (
    ERROR_COLOR,
    HINT_COLOR,
    Answer,
    Banner,
    FieldSet,
    ask_unsaved_changes,
    completeness_title,
    set_tab_state,
    tabs_with,
)

log = logging.getLogger(__name__)

_LEGAL_ENTITY_ROWS = ("inn", "kpp", "ogrn")
_AGREEMENT_DATES = ("agreement_concluded_on", "agreement_valid_until")
_PRIMARY_ONLY_ROWS = ("kind", "employer_type")


class PassportForm(QWidget):
    """The passport of one organisation; :meth:`set_org` switches organisations.

    The main window asks :meth:`maybe_discard` before switching; :attr:`saved` carries the
    organisation id after each successful save.
    """

    saved = Signal(str)

    def __init__(self, operations: Operations, org_id: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passportForm")
        self.operations = operations
        self.org_id: str | None = None
        self._data: PassportData | None = None
        self._busy = False
        self._after_save: Callable[[], None] | None = None
        self._token = 0
        self.fields = FieldSet(self)
        self._build()
        self.fields.edited.connect(self._on_edited)
        self.fields.left.connect(lambda _name: self._revalidate())
        self.set_org(org_id)

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.stack = QStackedWidget()
        self.placeholder = QLabel(self.tr("Choose an organisation in the tree on the left."))
        self.placeholder.setObjectName("placeholderLabel")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack.addWidget(self.placeholder)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        self.banner = Banner()
        self.banner.link_activated.connect(self._jump_to)
        column.addWidget(self.banner)
        self.tabs = QTabWidget()
        self._add_tabs()
        column.addWidget(self.tabs, 1)
        self.stack.addWidget(content)

        self.status = QLabel()
        self.status.setObjectName("statusLabel")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the passport (Ctrl+S)"))
        self.cancel_button = QPushButton(self.tr("Cancel changes"))
        self.cancel_button.setToolTip(self.tr("Return to the values last saved"))
        self.save_button.clicked.connect(lambda: self.save())
        self.cancel_button.clicked.connect(self.revert)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        self.button_row = QWidget()
        buttons = QHBoxLayout(self.button_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.button_row)

    def _add_tabs(self) -> None:
        yes = self.tr("Yes")
        hints = {
            "full_name": self.tr("A change of the name is kept in the name history."),
            "short_name": self.tr("Shown in lists, reports and on printed forms."),
            "inn": self.tr("10 digits"),
            "ogrn": self.tr("13 digits"),
            "employer_inn": self.tr("10 digits for an organisation, 12 for an entrepreneur"),
            "chair_term_until": self.tr("No more than 5 years after the election"),
            "staff_as_of": self.tr("These numbers are the denominators of the 5-SP report "
                                   "(union coverage)."),
            "employees_youth": self.tr("Aged 35 or younger"),
            "postal_index": self.tr("6 digits"),
            "website": self.tr("For example school5.ru"),
        }
        self.code = QLabel()
        self.superior = QLabel()
        inpo_rows = list(PASSPORT_TABS["inpo"])
        inpo_rows.insert(inpo_rows.index("short_name") + 1, "superior")
        fixed = {"code": (FIELD_LABELS["code"], self.code),
                 "superior": (self.tr("Superior organisation"), self.superior)}
        self._tab_keys: list[str] = []
        for key in PASSPORT_TABS:
            if key == "pd_operator":
                self.operator = OperatorTab(self.fields)
                page: QWidget = self.operator
            else:
                rows = inpo_rows if key == "inpo" else PASSPORT_TABS[key]
                page = PassportTab(self.fields, rows, yes_text=yes, hints=hints,
                                   fixed=fixed if key == "inpo" else None)
            self.tabs.addTab(page, TAB_LABELS[key])
            self._tab_keys.append(key)
        # The full «Социальное партнёрство» pushes the last tab off a laptop-wide window.
        self._titles = {**TAB_LABELS, "partnership": self.tr("Social partnership")}
        self.fields.editor("employer_type").setMinimumContentsLength(30)

    # -- loading -------------------------------------------------------------------------------

    def set_org(self, org_id: str | None) -> None:
        """Show ``org_id``'s passport (unsaved edits are dropped: ask :meth:`maybe_discard`)."""
        self._token += 1
        token = self._token
        self.org_id = org_id
        self._data = None
        self._after_save = None
        self._show_status("")
        if org_id is None:
            self.placeholder.setText(self.tr("Choose an organisation in the tree on the left."))
            self.stack.setCurrentWidget(self.placeholder)
            self.button_row.setEnabled(False)
            return
        self.placeholder.setText(self.tr("Loading…"))
        self.stack.setCurrentWidget(self.placeholder)
        self.button_row.setEnabled(False)
        self.operations.read(lambda session: load_passport(session, org_id),
                             lambda data: self._loaded(token, data),
                             lambda exc: self._load_failed(token, exc))

    def _reload(self) -> None:
        token = self._token
        org_id = self.org_id
        self.operations.read(lambda session: load_passport(session, org_id),
                             lambda data: self._loaded(token, data),
                             lambda exc: self._load_failed(token, exc))

    def _loaded(self, token: int, data: PassportData) -> None:
        if not isValid(self) or token != self._token:
            return
        self._data = data
        self.fields.editor("employer_type").set_items(data.employer_types)
        self.fields.set_values(data.values)
        self.code.setText(data.code)
        self.superior.setText(data.superior or "—")
        self.operator.set_data(data)
        self._show_derived(data.derived)
        self._apply_conditions()
        self.stack.setCurrentIndex(1)
        self.button_row.setEnabled(True)
        self._set_busy(False)
        self._revalidate()

    def _show_derived(self, derived: frozenset[str]) -> None:
        """The «Руководство» fields a primary organisation takes from its members' offices:
        read-only, saying where they come from."""
        tip = self.tr("Taken from the union offices of the members: change them in the member "
                      "card, tab «Union offices»")
        for name in LEADERSHIP_FIELDS:
            editor = self.fields.editor(name)
            editor.setEnabled(name not in derived)
            editor.setToolTip(tip if name in derived else "")

    def _load_failed(self, token: int, exc: BaseException) -> None:
        if not isValid(self) or token != self._token:
            return
        log.warning("passport could not be loaded: %s", type(exc).__name__)
        self._set_busy(False)
        if self._data is None:
            self.placeholder.setText(self.tr("The passport could not be opened."))

    # -- checking ------------------------------------------------------------------------------

    def _values(self) -> dict[str, Any]:
        stored = self._data.values if self._data else {}
        return {**stored, **self.fields.values()}

    def _on_edited(self, name: str) -> None:
        if name in ("is_legal_entity", "collective_agreement", "kind"):
            self._apply_conditions()
        self._revalidate()

    def _apply_conditions(self) -> None:
        current = self.fields.values()
        # A local or regional organisation has no kind or employer of its own: those rows are
        # shown only when the registry already holds a value for them.
        primary = self._data is None or self._data.level == "primary"
        for key in _PRIMARY_ONLY_ROWS:
            self.fields.set_row_visible(key, primary or bool(current[key]))
        for key in _LEGAL_ENTITY_ROWS:
            self.fields.set_row_visible(key, bool(current["is_legal_entity"]) or bool(current[key]))
        for key in _AGREEMENT_DATES:
            self.fields.editor(key).setEnabled(bool(current["collective_agreement"]))
        kind = current["kind"]
        for key in ("employees_total", "employees_women", "employees_youth",
                    "employees_pedagogical"):
            self.fields.set_row_visible(key, kind != "students")
        self.fields.set_row_visible("students_total", kind != "workers")

    def _revalidate(self) -> dict[str, str]:
        values = self._values()
        result = validate_passport(values)
        self.fields.show_messages(result.errors, result.warnings)
        required = required_passport_fields(values)
        self.fields.set_required(name for names in required.values() for name in names)
        progress = tab_completeness(values)
        wrong = tabs_with(self.tabs, self.fields.invalid_editors())
        for index, key in enumerate(self._tab_keys):
            filled, total = progress.get(key, (0, 0))
            tip = TAB_LABELS[key]
            if total:
                tip += ". " + self.tr("Required fields filled: {filled} of {total}").format(
                    filled=filled, total=total)
            title = completeness_title(self._titles[key], filled, total, error=index in wrong)
            set_tab_state(self.tabs, index, title, tip, error=index in wrong)
        if result.missing:
            links = ", ".join(f'<a href="{n}">{field_label(n)}</a>' for n in result.missing)
            text = self.tr("The passport is not complete: {fields}.").format(fields=links)
            self.banner.show_message(f"<b>{text}</b>")
        else:
            self.banner.show_message("")
        return result.errors

    def _jump_to(self, name: str) -> None:
        self.fields.focus_row(self.fields.row_of(name))

    # -- saving --------------------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self._data is not None and bool(self._changes())

    def _changes(self) -> dict[str, Any]:
        changes = self.fields.changed()
        if self._data is not None and not self._data.operator_editable:
            for name in OPERATOR_FIELDS:
                changes.pop(name, None)
        for name in self._data.derived if self._data is not None else ():
            changes.pop(name, None)
        return changes

    def save(self) -> bool:
        """Check and save; returns whether saving started (it finishes later)."""
        if self._busy or self._data is None or self.org_id is None:
            return False
        errors = self._revalidate()
        if errors:
            self.fields.reveal_all()
            self._revalidate()
            self._focus_first_error(errors)
            self._show_status(self.tr("Fix the fields marked in red; nothing was saved."),
                              error=True)
            return False
        changes = self._changes()
        if not changes:
            self._show_status(self.tr("No changes to save."))
            return False
        org_id = self.org_id
        self._set_busy(True)
        self._show_status(self.tr("Saving…"))
        self.operations.write(lambda session: self._write(session, org_id, changes),
                              lambda _changed: self._saved(org_id), self._save_failed)
        return True

    @staticmethod
    def _write(session: Session, org_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        return save_passport(session, org_id, changes)

    def _saved(self, org_id: str) -> None:
        if not isValid(self) or org_id != self.org_id:
            return
        self.fields.mark_saved()
        self._show_status(self.tr("Saved at {time}.").format(
            time=datetime.now().strftime("%H:%M")))
        self.saved.emit(org_id)
        proceed, self._after_save = self._after_save, None
        if proceed is not None:
            self._set_busy(False)
            proceed()
        else:
            self._reload()

    def _save_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._set_busy(False)
        self._after_save = None
        if isinstance(exc, ValidationError):
            self.fields.set_server_errors(exc.result.errors)
            errors = self._revalidate()
            self._focus_first_error({**exc.result.errors, **errors})
            self._show_status(self.tr("Fix the fields marked in red; nothing was saved."),
                              error=True)
            return
        log.error("saving a passport failed: %s", type(exc).__name__)
        self._show_status(self.tr("The passport was not saved."), error=True)
        QMessageBox.warning(self, self.tr("The passport was not saved"), self.tr(
            "The passport could not be saved because of an internal error. Your entries are "
            "still in the form: try again later."))

    def _focus_first_error(self, errors: dict[str, str]) -> None:
        key = self.fields.first_row_with(errors)
        if key is not None:
            self.fields.focus_row(key)

    # -- leaving -------------------------------------------------------------------------------

    def revert(self) -> None:
        """Drop unsaved edits: show the values last saved."""
        if self._data is None or self._busy:
            return
        self.fields.set_values(self.fields.saved_values())
        self._apply_conditions()
        self._revalidate()
        self._show_status("")

    def maybe_discard(self, proceed: Callable[[], None] | None = None) -> bool:
        """Ask «Сохранить изменения?» when there are unsaved edits.

        True: nothing to keep (no edits, or the person chose not to save) — go ahead. False:
        stay; when the person chose to save, ``proceed`` (if given) runs after a successful save.
        """
        if self._busy:
            return False
        if not self.has_unsaved_changes():
            return True
        answer = ask_unsaved_changes(self, self.tr("The passport of {name} has unsaved changes.")
                                     .format(name=self._data.name if self._data else ""))
        if answer is Answer.DISCARD:
            self.revert()
            return True
        if answer is Answer.SAVE and self.save():
            self._after_save = proceed
        return False

    # -- small things --------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.tabs.setEnabled(not busy)
        self.save_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOR if error else HINT_COLOR};")

"""The member card (учётная карточка) dialog: load, edit with inline checks, save in one step."""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from chairclient.domain.consent_rules import check_revoked_on
from chairclient.services.members import save_member, set_consent
from chairclient.validation import ValidationError, required_member_fields, validate_member
from ui.member_card import values as card_values
from ui.member_card.data import MemberCardData, load_member_card
from ui.member_card.elsewhere import PersonCheck
from ui.member_card.lifecycle import CardLifecycle
from ui.member_card.tab_card import CardTab
from ui.member_card.tab_contacts import ContactsTab
from ui.member_card.tab_general import (
    CONSENT_GIVEN,
    CONSENT_REVOKED_ON,
    CONSENT_SIGNED_ON,
    GeneralTab,
)
from ui.member_card.tab_membership import MembershipTab
from ui.member_card.tab_offices import OfficesTab
from ui.member_card.tab_work import WorkTab
from ui.operations import Operations
from ui.printing.actions import CardPrinting
from ui.widgets import (
    ERROR_COLOR,
    HINT_COLOR,
    Answer,
    Banner,
    FieldSet,
    ask_unsaved_changes_later,
    completeness_title,
    set_tab_state,
    tabs_with,
)

log = logging.getLogger(__name__)


class MemberCardDialog(QDialog):
    """Create (``member_id`` None) or edit one member's card; emits :attr:`saved` with the id."""

    saved = Signal(str)

    def __init__(self, operations: Operations, org_id: str, member_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberCardDialog")
        self.operations = operations
        self.org_id = org_id
        self.member_id = member_id
        self._data: MemberCardData | None = None
        self._busy = False
        self._close_after_save = False
        self._since_follows = False  # "member since" follows the registration date (new cards)
        self._load_token = 0
        #: Checks a new card against this database and the registry before saving (set by
        #: the member list; None: saved without asking). ``_checked``: the chair decided.
        self.person_check: PersonCheck | None = None
        self._checked = False
        self.fields = FieldSet(self)
        self.resize(800, 700)
        self._build()
        self._update_title()
        self.fields.edited.connect(self._on_edited)
        self.fields.left.connect(lambda _name: self._revalidate())
        self._load()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.stack = QStackedWidget()
        self.loading = QLabel(self.tr("Loading…"))
        self.loading.setObjectName("loadingLabel")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        self.banner = Banner()
        self.banner.link_activated.connect(self._jump_to)
        column.addWidget(self.banner)
        self.tabs = QTabWidget()
        self.general = GeneralTab(self.fields)
        self.work = WorkTab(self.fields)
        self.contacts = ContactsTab(self.fields)
        self.membership = MembershipTab(self.fields)
        self.card = CardTab()
        self.offices = OfficesTab(self.operations, self._lifecycle_done)
        self.lifecycle = CardLifecycle(self.operations, self, self._lifecycle_done,
                                       lambda text: self._show_status(text, error=True))
        self.membership.remove_button.clicked.connect(lambda: self._lifecycle("remove"))
        self.membership.restore_button.clicked.connect(lambda: self._lifecycle("restore"))
        self._tab_titles = {
            "general": self.tr("General"),
            "work": self.tr("Work and study"),
            "contacts": self.tr("Contacts"),
            "membership": self.tr("Membership"),
            "card": self.tr("Union card"),
            "offices": self.tr("Union offices"),
        }
        for key, page in (("general", self.general), ("work", self.work),
                          ("contacts", self.contacts), ("membership", self.membership),
                          ("card", self.card), ("offices", self.offices)):
            self.tabs.addTab(page, self._tab_titles[key])
        column.addWidget(self.tabs, 1)
        self.stack.addWidget(content)

        self.status = QLabel()
        self.status.setObjectName("statusLabel")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save and keep the card open (Ctrl+S)"))
        self.save_close_button = QPushButton(self.tr("Save and close"))
        self.save_close_button.setToolTip(self.tr("Save and close the card (Ctrl+Enter)"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        for button in (self.save_button, self.save_close_button, self.cancel_button):
            button.setAutoDefault(False)
        self.printing = CardPrinting(self.operations, self)
        self.printing.printer.message.connect(self._show_status)
        self.save_button.clicked.connect(lambda: self.save())
        self.save_close_button.clicked.connect(lambda: self.save(close=True))
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.printing.button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.save_close_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

    # -- loading -------------------------------------------------------------------------------

    def _load(self) -> None:
        self._load_token += 1
        token = self._load_token
        org_id, member_id = self.org_id, self.member_id
        if self._data is None:
            self.stack.setCurrentWidget(self.loading)
        self._set_busy(True)
        self.operations.read(
            lambda session: load_member_card(session, org_id, member_id),
            lambda data: self._loaded(token, data),
            lambda exc: self._load_failed(token, exc),
        )

    def _loaded(self, token: int, data: MemberCardData) -> None:
        if not isValid(self) or token != self._load_token:
            return
        first_time = self._data is None
        self._data = data
        for tab in (self.general, self.work, self.membership):
            tab.set_references(data.references)
        values = dict(data.values) or card_values.new_member_defaults(date.today())
        self._since_follows = data.member_id is None
        consent = data.consent
        self.fields.set_values({**values, CONSENT_GIVEN: consent.given,
                                CONSENT_SIGNED_ON: consent.signed_on,
                                CONSENT_REVOKED_ON: None})
        self.general.set_consent_info(consent)
        self.work.set_category(values.get("category"))
        reason = data.references.removal_reasons.get(values.get("removal_reason") or "")
        self.membership.set_status(data.org_name, values.get("status", "active"),
                                   values.get("removed_on"), reason,
                                   saved=data.member_id is not None)
        self.membership.set_history(data.history)
        self.card.set_card(data.card)
        name = " ".join(p for p in (values.get("last_name"), values.get("first_name"),
                                    values.get("patronymic")) if p)
        self.offices.set_member(data.member_id, name, data.offices,
                                data.references.union_roles)
        self.stack.setCurrentIndex(1)
        self._set_busy(False)
        self._revalidate()
        self._update_title()
        if first_time:
            self.tabs.setCurrentIndex(0)
            self.fields.focus_row("last_name")

    def _load_failed(self, token: int, exc: BaseException) -> None:
        if not isValid(self) or token != self._load_token:
            return
        log.warning("member card could not be loaded: %s", type(exc).__name__)
        if self._data is None:
            self.loading.setText(self.tr("The card could not be opened. It may have been "
                                         "deleted; close this window and refresh the list."))
            self.cancel_button.setEnabled(True)
        else:
            self._set_busy(False)
            self._show_status(self.tr("Saved, but the card could not be re-read."), error=True)

    # -- checking as the person types ----------------------------------------------------------

    def _stored(self) -> dict[str, Any]:
        if self._data and self._data.values:
            return self._data.values
        return {"status": "active"}

    def _member_values(self) -> dict[str, Any]:
        return card_values.member_part(self.fields.values(), self._stored())

    def _on_edited(self, name: str) -> None:
        if name == "member_since":
            self._since_follows = False
        elif name == "category":
            self.work.set_category(self.fields.values()["category"])
        elif name in ("registered_on", "registration_method") and self._since_follows:
            current = self.fields.values()
            registered = current["registered_on"]
            follows = current["registration_method"] == "application"
            copy = registered if follows and isinstance(registered, date) else None
            self.fields.set_value("member_since", copy)
            self._since_follows = True
        self._revalidate()

    def _consent_errors(self) -> dict[str, str]:
        current = self.fields.values()
        if self._data is None:
            return {}
        if not current[CONSENT_GIVEN] and self._data.consent.given:
            return self._revocation_errors(current[CONSENT_REVOKED_ON])
        if not current[CONSENT_GIVEN] or self._data.consent.given:
            return {}
        signed_on = current[CONSENT_SIGNED_ON]
        if signed_on is None:
            return {CONSENT_SIGNED_ON: self.tr("Enter the date the consent was signed")}
        if not isinstance(signed_on, date):
            return {CONSENT_SIGNED_ON: self.tr("Enter the date as dd.mm.yyyy")}
        if signed_on > date.today():
            return {CONSENT_SIGNED_ON: self.tr("The date cannot be in the future")}
        return {}

    def _revocation_errors(self, revoked_on: object) -> dict[str, str]:
        """The revocation date: the consent rules' checks (the service runs them again)."""
        if revoked_on is None:
            return {CONSENT_REVOKED_ON: self.tr("Enter the date the consent was revoked")}
        if not isinstance(revoked_on, date):
            return {CONSENT_REVOKED_ON: self.tr("Enter the date as dd.mm.yyyy")}
        reason = check_revoked_on(revoked_on, self._data.consent.signed_on, date.today())
        return {CONSENT_REVOKED_ON: reason} if reason else {}

    def _revalidate(self) -> tuple[dict[str, str], list[str]]:
        """Check the card, show messages, marks and the banner; returns (errors, missing)."""
        values = self._member_values()
        result = validate_member(values)
        errors = {**result.errors, **self._consent_errors()}
        self.fields.show_messages(errors, result.warnings)
        required = required_member_fields(values)
        self.fields.set_required(required)
        self._show_missing(result.missing)
        progress = card_values.tab_progress(required, result.missing)
        wrong = tabs_with(self.tabs, self.fields.invalid_editors())
        for index, key in enumerate(self._tab_titles):
            filled, total = progress.get(key, (0, 0))
            title = completeness_title(self._tab_titles[key], filled, total,
                                       error=index in wrong)
            tip = self.tr("Required fields filled: {filled} of {total}").format(
                filled=filled, total=total) if total else ""
            set_tab_state(self.tabs, index, title, tip, error=index in wrong)
        self._update_title()
        return errors, result.missing

    def _show_missing(self, missing: list[str]) -> None:
        if not missing:
            self.banner.show_message("")
            return
        text = self.tr("The card is not complete: {fields}.").format(
            fields=card_values.missing_links(missing))
        hint = self.tr("You can save it as it is and fill in the rest later.")
        self.banner.show_message(f"<b>{text}</b> {hint}")

    def _jump_to(self, name: str) -> None:
        self.fields.focus_row(self.fields.row_of(name))

    # -- saving --------------------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self._data is not None and self.fields.is_modified()

    def save(self, close: bool = False) -> bool:
        """Check and save the card; returns whether saving started (it finishes later)."""
        if self._busy or self._data is None:
            return False
        errors, _missing = self._revalidate()
        if errors:
            self.fields.reveal_all()
            self._revalidate()
            self._focus_first_error(errors)
            self._show_status(self.tr("Fix the fields marked in red; nothing was saved."),
                              error=True)
            return False
        form, before = self.fields.values(), self.fields.saved_values()
        new = self.member_id is None
        changes = card_values.payload(form, before, new)
        consent = card_values.consent_change(form, before)
        if not new and not changes and consent is None:
            self._show_status(self.tr("No changes to save."))
            if close:
                self.accept()
            return False
        if new and self.person_check is not None and not self._checked:
            self._check_person(form, close)
            return True
        org_id, member_id = self.org_id, self.member_id

        def work(session: Session) -> str:
            saved = save_member(session, org_id, changes, member_id)
            if consent is not None:
                given, day = consent
                set_consent(session, saved.member_id, given,
                            signed_on=day if given else None, revoked_on=None if given else day)
            return saved.member_id

        self._close_after_save = close
        self._set_busy(True)
        self._show_status(self.tr("Saving…"))
        self.operations.write(work, self._saved, self._save_failed)
        return True

    def _check_person(self, form: dict[str, Any], close: bool) -> None:
        """Ask about possible duplicates first; save when there are none or the chair says so."""
        assert self.person_check is not None
        check = self.person_check
        self._set_busy(True)
        self._show_status(self.tr("Checking whether the person is already on record…"))

        def checked(found) -> None:
            if not isValid(self):
                return
            self._set_busy(False)
            if not found.lines:
                self._checked = True
                self.save(close)
                return
            self._show_status(self.tr("The person may already be on record."), error=True)
            self.duplicate_box = check.ask(self, found, lambda: self._save_anyway(close))

        check.run(form, checked)

    def _save_anyway(self, close: bool) -> None:
        self._checked = True
        self.save(close)

    def _saved(self, member_id: str) -> None:
        if not isValid(self):
            return
        self.member_id = member_id
        self.fields.mark_saved()
        self._set_busy(False)
        self.saved.emit(member_id)
        if self._close_after_save:
            self.accept()
            return
        self._show_status(self.tr("Saved at {time}.").format(
            time=datetime.now().strftime("%H:%M")))
        self._load()  # show the stored form (normalised names, history, consent record)

    def _save_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._set_busy(False)
        self._close_after_save = False
        if isinstance(exc, ValidationError):
            self.fields.set_server_errors(exc.result.errors)
            errors, _missing = self._revalidate()
            self._focus_first_error({**exc.result.errors, **errors})
            self._show_status(self.tr("Fix the fields marked in red; nothing was saved."),
                              error=True)
            return
        log.error("saving a member card failed: %s", type(exc).__name__)
        self._show_status(self.tr("The card was not saved."), error=True)
        QMessageBox.warning(self, self.tr("The card was not saved"), self.tr(
            "The card could not be saved because of an internal error. Your entries are "
            "still in the form: try again, or write them down and contact support."))

    def _focus_first_error(self, errors: dict[str, str]) -> None:
        key = self.fields.first_row_with(errors)
        if key is not None:
            self.fields.focus_row(key)

    # -- removal and restoration ---------------------------------------------------------------

    def _lifecycle(self, mode: str) -> None:
        if self._busy:
            return
        current = self.fields.values()
        name = " ".join(p for p in (current.get("last_name"), current.get("first_name"),
                                    current.get("patronymic")) if p)
        self.lifecycle.open(mode, self._data, name, self.has_unsaved_changes())

    def _lifecycle_done(self, member_id: str) -> None:
        if not isValid(self):
            return
        self.saved.emit(member_id)
        self._show_status(self.tr("Saved at {time}.").format(
            time=datetime.now().strftime("%H:%M")))
        self._load()  # the status, the history and the cancelled card

    # -- closing -------------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel / Esc / the window's close button: ask first when something would be lost."""
        if self._busy and self._data is not None:
            return
        if not self.has_unsaved_changes():
            super().reject()
            return
        def answered(answer: Answer) -> None:
            if answer is Answer.SAVE:
                self.save(close=True)
            elif answer is Answer.DISCARD:
                QDialog.reject(self)

        ask_unsaved_changes_later(self, answered)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter moves to the next field (as in 1C); Ctrl+Enter saves and closes."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.save(close=True)
                return
            if isinstance(self.focusWidget(), QLineEdit | QComboBox):
                self.focusNextChild()
                return
        super().keyPressEvent(event)

    # -- small things --------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.tabs.setEnabled(not busy)
        self.save_button.setEnabled(not busy)
        self.save_close_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy or self._data is None)

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOR if error else HINT_COLOR};")

    def _update_title(self) -> None:
        if self.member_id is None:
            title = self.tr("New union member")
        else:
            current = self.fields.values()
            name = " ".join(p for p in (current.get("last_name"), current.get("first_name"),
                                        current.get("patronymic")) if p)
            title = self.tr("Member card: {name}").format(name=name) if name else \
                self.tr("Member card")
        if self.has_unsaved_changes():
            title += " *"
        if self.windowTitle() != title:
            self.setWindowTitle(title)

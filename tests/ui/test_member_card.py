"""The member card dialog against a real SQLite file: create, edit, validate, consent, close."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox
from sqlalchemy import func, select

from chairclient.db.engine import Database, open_database
from chairclient.db.models import Consent, Member, MembershipEvent, OutboxEntry
from chairclient.services.members import CONSENT_TEMPLATE_VERSION, save_member
from tests.core.factories import add_org, member_values
from ui.member_card import MemberCardDialog
from ui.operations import Operations

VALID_SNILS = "112-233-445 95"
WRONG_SNILS = "11223344596"


@pytest.fixture
def store(tmp_path: Path, qapp) -> Iterator[tuple[Database, Operations, str]]:
    """(database, operations, id of a primary organisation) on a fresh database file."""
    db = open_database(tmp_path / "card.sqlite")
    org_id = add_org(db, code="01-001")
    operations = Operations(db)
    yield db, operations, org_id
    operations.wait(20_000)
    db.close()


def open_card(qtbot, operations: Operations, org_id: str,
              member_id: str | None = None) -> MemberCardDialog:
    dialog = MemberCardDialog(operations, org_id, member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == 1)
    return dialog


def type_into(qtbot, editor: QLineEdit, text: str) -> None:
    """Replace the field's text key by key, as a person would, then leave the field (Enter).

    Key events carry the characters themselves: QTest's keyClicks only knows ASCII.
    """
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    editor.setCursorPosition(0)
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     char))
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def choose(dialog: MemberCardDialog, name: str, code: str) -> None:
    combo = dialog.fields.editor(name)
    combo.setCurrentIndex(combo.findData(code))


def fill_required(qtbot, dialog: MemberCardDialog) -> None:
    fields = dialog.fields
    type_into(qtbot, fields.editor("last_name"), "петрова")
    type_into(qtbot, fields.editor("first_name"), "Анна")
    type_into(qtbot, fields.editor("patronymic"), "Сергеевна")
    type_into(qtbot, fields.editor("birth_date"), "14031985")
    choose(dialog, "sex", "F")
    type_into(qtbot, fields.editor("workplace"), "МБОУ СОШ № 1 с. Ивановка")
    choose(dialog, "position_code", "teacher")
    choose(dialog, "education_level", "higher_bachelor")
    choose(dialog, "dues_form", "cashless")


def count(db: Database, model: type, *where) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def add_member(db: Database, org_id: str, **over) -> str:
    with db.transaction() as session:
        return save_member(session, org_id, member_values(**over)).member_id


def test_the_dialog_says_loading_until_the_card_is_read(qtbot, store) -> None:
    _db, operations, org_id = store
    dialog = MemberCardDialog(operations, org_id)
    qtbot.addWidget(dialog)
    assert dialog.stack.currentWidget() is dialog.loading
    assert dialog.loading.text() == "Загрузка…"
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == 1)
    assert dialog.windowTitle() == "Новый член Профсоюза"


def test_new_member_is_created_with_history_and_outbox(qtbot, store) -> None:
    db, operations, org_id = store
    dialog = open_card(qtbot, operations, org_id)
    assert dialog.fields.values()["registered_on"] == date.today()
    assert dialog.fields.editor("category").value() == "working"
    assert dialog.fields.editor("registration_method").value() == "application"
    fill_required(qtbot, dialog)
    type_into(qtbot, dialog.fields.editor("snils"), VALID_SNILS.replace("-", "").replace(" ", ""))
    type_into(qtbot, dialog.fields.editor("phone"), "8 912 345-67-89")
    assert dialog.banner.isHidden()

    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        dialog.save_close_button.click()
    member_id = saved.args[0]
    qtbot.waitUntil(lambda: not dialog.isVisible())

    with db.session() as session:
        member = session.get(Member, member_id)
        assert (member.last_name, member.first_name, member.org_id) == ("Петрова", "Анна", org_id)
        assert member.snils == VALID_SNILS and member.phone == "+79123456789"
        assert member.birth_date == date(1985, 3, 14) and member.is_complete
        events = session.scalars(select(MembershipEvent.kind)
                                 .where(MembershipEvent.member_id == member_id)).all()
        assert events == ["joined"]
        entries = session.execute(select(OutboxEntry.entity, OutboxEntry.op)).all()
        assert ("member", "create") in entries and ("membership_event", "create") in entries


def test_editing_a_member_records_an_update(qtbot, store) -> None:
    db, operations, org_id = store
    member_id = add_member(db, org_id)
    dialog = open_card(qtbot, operations, org_id, member_id)
    assert dialog.windowTitle() == "Учётная карточка: Иванова Мария Петровна"
    history = dialog.membership.history
    assert history.rowCount() == 1 and history.item(0, 1).text() == "Постановка на учёт"

    type_into(qtbot, dialog.fields.editor("phone"), "+7 (912) 000-11-22")
    assert dialog.has_unsaved_changes() and dialog.windowTitle().endswith(" *")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Сохранено"))
    qtbot.waitUntil(lambda: not dialog._busy)
    assert not dialog.has_unsaved_changes()
    assert dialog.fields.editor("phone").text() == "+79120001122"  # re-read after saving

    with db.session() as session:
        assert session.get(Member, member_id).phone == "+79120001122"
        update = session.scalars(select(OutboxEntry).where(OutboxEntry.op == "update")).one()
        assert update.entity_id == member_id and update.fields == {"phone": "+79120001122"}


def test_wrong_snils_is_shown_next_to_the_field_and_blocks_saving(qtbot, store) -> None:
    db, operations, org_id = store
    dialog = open_card(qtbot, operations, org_id)
    fill_required(qtbot, dialog)
    snils = dialog.fields.editor("snils")
    type_into(qtbot, snils, WRONG_SNILS)
    assert dialog.fields.message("snils") == "Неверная контрольная сумма"
    assert dialog.tabs.tabText(0) == "Общие ⚠"

    dialog.tabs.setCurrentWidget(dialog.contacts)
    assert not dialog.save()
    assert dialog.tabs.currentIndex() == 0  # brought back to the wrong field
    assert QApplication.focusWidget() is snils
    assert "ничего не сохранено" in dialog.status.text()
    dialog.operations.wait()
    assert count(db, Member) == 0

    type_into(qtbot, snils, VALID_SNILS.replace("-", "").replace(" ", ""))
    assert dialog.fields.message("snils") == ""
    assert dialog.tabs.tabText(0) == "Общие ✓"


def test_a_duplicate_snils_from_the_store_is_shown_next_to_the_field(qtbot, store) -> None:
    db, operations, org_id = store
    add_member(db, org_id, snils=VALID_SNILS)
    dialog = open_card(qtbot, operations, org_id)
    fill_required(qtbot, dialog)
    type_into(qtbot, dialog.fields.editor("snils"), VALID_SNILS.replace("-", "").replace(" ", ""))
    assert dialog.save()
    qtbot.waitUntil(lambda: "уже есть" in dialog.fields.message("snils"), timeout=10_000)
    assert dialog.isVisible() and dialog.member_id is None
    assert count(db, Member) == 1


def test_an_incomplete_card_is_saved_and_the_banner_names_what_is_missing(qtbot, store) -> None:
    db, operations, org_id = store
    dialog = open_card(qtbot, operations, org_id)
    type_into(qtbot, dialog.fields.editor("last_name"), "Сидоров")
    type_into(qtbot, dialog.fields.editor("first_name"), "Пётр")
    banner = dialog.banner.text()
    assert banner.startswith("Карточка не заполнена:")
    for label in ("Дата рождения", "Пол", "Место работы (учёбы)", "Должность", "Образование",
                  "Форма уплаты взносов"):
        assert label in banner
    assert "Фамилия" not in banner
    assert dialog.tabs.tabText(0) == "Общие (3/5)"
    assert dialog.tabs.tabText(1) == "Работа и учёба (0/4)"
    assert dialog.tabs.tabText(3) == "Членство ✓"
    assert "*" in dialog.fields.row_widgets("birth_date")[0].text()

    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        dialog.save_button.click()
    with db.session() as session:
        member = session.get(Member, saved.args[0])
        assert member.last_name == "Сидоров" and not member.is_complete


def test_the_banner_link_jumps_to_the_missing_field(qtbot, store) -> None:
    _db, operations, org_id = store
    dialog = open_card(qtbot, operations, org_id)
    dialog.banner.link_activated.emit("dues_form")
    assert dialog.tabs.currentIndex() == 1


def test_ticking_the_consent_creates_a_consent_record(qtbot, store) -> None:
    db, operations, org_id = store
    member_id = add_member(db, org_id)
    dialog = open_card(qtbot, operations, org_id, member_id)
    texts = [label.text() for label in dialog.general.findChildren(QLabel)]
    assert "В соответствии с Федеральным законом № 152-ФЗ «О персональных данных» даю своё " \
        "согласие на обработку моих персональных данных" in texts
    dialog.general.consent.click()
    assert dialog.fields.values()["consent_signed_on"] == date.today()
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: CONSENT_TEMPLATE_VERSION in dialog.general.consent_info.text(),
                    timeout=10_000)

    with db.session() as session:
        consent = session.scalars(select(Consent).where(Consent.member_id == member_id)).one()
        assert consent.signed_on == date.today()
        assert consent.template_version == CONSENT_TEMPLATE_VERSION
        assert session.get(Member, member_id).has_consent
    assert dialog.general.signed_on.isReadOnly()  # a recorded consent keeps its date


def test_revoking_asks_the_date_and_checks_it(qtbot, store) -> None:
    db, operations, org_id = store
    member_id = add_member(db, org_id)
    dialog = open_card(qtbot, operations, org_id, member_id)
    dialog.general.consent.click()
    dialog.fields.set_value("consent_signed_on", date(2025, 10, 1))
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.general.signed_on.isReadOnly(), timeout=10_000)
    revoked = dialog.fields.editor("consent_revoked_on")
    assert not dialog.fields.is_row_visible("consent_revoked_on")
    dialog.general.consent.click()  # untick: the revocation date is asked, today by default
    assert dialog.fields.is_row_visible("consent_revoked_on")
    assert dialog.general.revoke_warning.isVisibleTo(dialog.general)
    assert "30 дней" in dialog.general.revoke_warning.text()
    assert dialog.fields.values()["consent_revoked_on"] == date.today()
    for typed, fragment in (("01.09.2025", "раньше даты его подписания (01.10.2025)"),
                            ("01.01.2099", "в будущем")):
        type_into(qtbot, revoked, typed)
        assert not dialog.save()
        assert fragment in dialog.fields.message("consent_revoked_on")
    type_into(qtbot, revoked, "15.11.2025")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    with db.session() as session:
        consent = session.scalars(select(Consent).where(Consent.member_id == member_id)).one()
        assert consent.revoked_on == date(2025, 11, 15)
        assert not session.get(Member, member_id).has_consent
        [entry] = session.scalars(select(OutboxEntry).where(
            OutboxEntry.entity == "consent", OutboxEntry.op == "update")).all()
        assert entry.fields == {"revoked_on": "2025-11-15"}
    qtbot.waitUntil(lambda: "15.11.2025" in dialog.general.consent_info.text(), timeout=10_000)
    assert not dialog.fields.is_row_visible("consent_revoked_on")


def test_students_see_study_fields_instead_of_the_position(qtbot, store) -> None:
    _db, operations, org_id = store
    dialog = open_card(qtbot, operations, org_id)
    course = dialog.fields.editor("study_course")
    position = dialog.fields.editor("position_code")
    assert not course.isVisibleTo(dialog.work) and position.isVisibleTo(dialog.work)
    choose(dialog, "category", "student")
    assert course.isVisibleTo(dialog.work) and not position.isVisibleTo(dialog.work)
    assert "Курс" in dialog.banner.text() and "Должность" not in dialog.banner.text()


def test_member_since_follows_registration_until_typed(qtbot, store) -> None:
    _db, operations, org_id = store
    dialog = open_card(qtbot, operations, org_id)
    choose(dialog, "registration_method", "transfer")
    assert dialog.fields.values()["member_since"] is None  # a transfer: ask for the real date
    assert "Член профсоюза с" in dialog.banner.text()


def test_cancel_with_unsaved_changes_asks_and_can_discard(qtbot, store) -> None:
    db, operations, org_id = store
    dialog = open_card(qtbot, operations, org_id)
    type_into(qtbot, dialog.fields.editor("last_name"), "Кузнецова")
    dialog.cancel_button.click()
    box = dialog.findChild(QMessageBox, "unsavedChangesBox")
    assert box is not None and box.text() == "Сохранить изменения?"
    labels = [b.text() for b in box.buttons()]
    assert {"Сохранить", "Не сохранять", "Отмена"} <= set(labels)
    assert dialog.isVisible()
    next(b for b in box.buttons() if b.text() == "Не сохранять").click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert count(db, Member) == 0


def test_escape_with_unsaved_changes_can_save_and_close(qtbot, store) -> None:
    db, operations, org_id = store
    dialog = open_card(qtbot, operations, org_id)
    type_into(qtbot, dialog.fields.editor("last_name"), "Кузнецова")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = dialog.findChild(QMessageBox, "unsavedChangesBox")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        next(b for b in box.buttons() if b.text() == "Сохранить").click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert count(db, Member, Member.last_name == "Кузнецова") == 1


def test_cancel_without_changes_closes_at_once(qtbot, store) -> None:
    _db, operations, org_id = store
    dialog = open_card(qtbot, operations, org_id)
    dialog.cancel_button.click()
    assert not dialog.isVisible()
    assert dialog.findChild(QMessageBox, "unsavedChangesBox") is None

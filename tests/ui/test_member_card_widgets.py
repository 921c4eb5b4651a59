"""The form widgets the member card is built from: date field, field set, consent revocation."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget
from sqlalchemy import select

from chairclient.db.models import Consent, Member
from chairclient.services.members import set_consent
from tests.ui.test_member_card import add_member, open_card, store, type_into  # noqa: F401
from ui.widgets import DateField, FieldSet, IntField


def test_date_field_may_be_empty_and_keeps_what_it_cannot_read(qtbot) -> None:
    field = DateField()
    qtbot.addWidget(field)
    assert field.value() is None and field.is_blank()
    qtbot.keyClicks(field, "01022024")
    assert field.value() == date(2024, 2, 1) and field.text() == "01.02.2024"
    field.clear()
    qtbot.keyClicks(field, "310220")
    assert field.value() == "31.02.20"  # unreadable: left for validation to report
    field.set_value(None)
    assert field.value() is None


def test_field_set_tracks_changes_and_shows_messages_after_leaving(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    fields = FieldSet(host)
    name, count = QLineEdit(), IntField()
    fields.add("name", name, "Имя")
    fields.add("count", count, "Число")
    fields.place(QFormLayout(host), "name", "count")  # the rows now belong to the host
    fields.set_values({"name": "Анна", "count": 3})
    assert not fields.is_modified()
    count.setText("4")
    assert fields.changed() == {"count": 4}
    fields.show_messages({"count": "Слишком много"}, {})
    assert fields.message("count") == ""  # not shown while the person is still typing
    count.editingFinished.emit()
    fields.show_messages({"count": "Слишком много"}, {})
    assert fields.message("count") == "Слишком много"
    fields.set_required(["name"])
    assert "*" in fields.row_widgets("name")[0].text()
    assert "*" not in fields.row_widgets("count")[0].text()


def test_enter_moves_to_the_next_field(qtbot, store) -> None:  # noqa: F811
    _db, operations, org_id = store
    dialog = open_card(qtbot, operations, org_id)
    last_name = dialog.fields.editor("last_name")
    last_name.setFocus()
    qtbot.keyClick(last_name, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.fields.editor("first_name")
    assert dialog.isVisible()


def test_unticking_the_consent_revokes_it(qtbot, store) -> None:  # noqa: F811
    db, operations, org_id = store
    member_id = add_member(db, org_id)
    with db.transaction() as session:
        set_consent(session, member_id, True, signed_on=date(2025, 9, 15))
    dialog = open_card(qtbot, operations, org_id, member_id)
    assert dialog.general.consent.isChecked()
    assert dialog.fields.editor("consent_signed_on").text() == "15.09.2025"
    dialog.general.consent.click()
    assert dialog.general.revoke_warning.isVisibleTo(dialog.general)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: "Отозвано" in dialog.general.consent_info.text(), timeout=10_000)
    with db.session() as session:
        consent = session.scalars(select(Consent).where(Consent.member_id == member_id)).one()
        assert consent.revoked_on == date.today()
        assert not session.get(Member, member_id).has_consent

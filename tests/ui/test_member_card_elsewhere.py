"""A new card of someone already on record: a namesake born the same day is a warning the
chair decides; a СНИЛС on the register in another organisation offers «Запросить перевод»
instead of saving (the registry would refuse the card)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from chairclient.db.models import Member
from tests.ui import test_transfer_dialog as transfer_ui
from tests.ui.test_member_card import add_member, count, fill_required, open_card, store, type_into
from ui.member_card.elsewhere import PersonCheck

seeded, server, chair3 = transfer_ui.seeded, transfer_ui.server, transfer_ui.chair3  # fixtures
store = store  # fixture


def _button(box: QMessageBox, text: str):
    return next((b for b in box.buttons() if b.text() == text), None)


def test_a_namesake_is_a_warning_the_chair_decides(qtbot, store) -> None:
    db, operations, org_id = store
    add_member(db, org_id, last_name="Петрова", first_name="Анна", patronymic="Сергеевна")
    dialog = open_card(qtbot, operations, org_id)
    dialog.person_check = PersonCheck(operations, None, None)
    fill_required(qtbot, dialog)  # Петрова Анна Сергеевна, 14.03.1985, no СНИЛС
    dialog.save_button.click()
    qtbot.waitUntil(lambda: getattr(dialog, "duplicate_box", None) is not None, timeout=10_000)
    box = dialog.duplicate_box
    assert "Петрова Анна Сергеевна" in box.text()
    assert _button(box, "Запросить перевод…") is None  # nobody elsewhere
    assert count(db, Member) == 1  # nothing saved while the chair decides
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        _button(box, "Всё равно сохранить").click()
    assert count(db, Member) == 2


def test_a_snils_on_the_register_elsewhere_offers_a_transfer_request(
    qtbot, server, chair3
) -> None:
    person = transfer_ui.someone_elsewhere(server)
    asked: list[dict] = []
    dialog = open_card(qtbot, chair3.ops, chair3.org_id)
    dialog.person_check = PersonCheck(chair3.ops, chair3.client.find_member, asked.append)
    fill_required(qtbot, dialog)
    type_into(qtbot, dialog.fields.editor("snils"),
              person["snils"].replace("-", "").replace(" ", ""))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: getattr(dialog, "duplicate_box", None) is not None, timeout=10_000)
    box = dialog.duplicate_box
    assert server.users["chair1"].org_name in box.text()
    assert person["last_name"] not in box.text()
    assert _button(box, "Всё равно сохранить") is None  # the registry would refuse it
    _button(box, "Запросить перевод…").click()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert asked == [{"snils": person["snils"]}]
    assert transfer_ui.outbox(chair3.db) == []  # nothing saved

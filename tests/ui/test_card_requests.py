"""The «Заявки на ЭПБ» tab on a copy of the demo database: add everyone eligible, submit, the
next processing date, hand out received cards and print the hand-over sheet."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from chairclient.db.models import Card, OutboxEntry
from chairclient.services.card_rules import expected_arrival, next_processing_date
from tests.ui.test_main_window import open_window
from tests.ui.test_printing import pdf_text, wait_preview
from ui.bulk.dialogs import BulkDateDialog
from ui.card_requests import CardRequestsPanel
from ui.i18n.formats import format_date


def open_tab(qtbot, ops, org_id: str | None = None) -> tuple[object, CardRequestsPanel]:
    window = open_window(qtbot, ops)
    if org_id is not None and window.scope.id != org_id:
        window.tree.select(org_id)
        qtbot.waitUntil(lambda: window.scope is not None and window.scope.id == org_id)
    panel = window.card_requests
    with qtbot.waitSignal(panel.loaded, timeout=15_000):
        window.tabs.setCurrentWidget(panel)
    return window, panel


def test_add_everyone_eligible_then_submit(qtbot, writable) -> None:
    db, ops = writable
    window, panel = open_tab(qtbot, ops)
    ws = panel.workspace
    assert panel.next_label.text() == "Ближайшая обработка заявок: " + format_date(
        next_processing_date(date.today()))
    assert format_date(expected_arrival(next_processing_date(date.today()))) in \
        panel.arrival_label.text()
    assert window.tabs.tabText(window.tabs.indexOf(panel)) == "Заявки на ЭПБ"
    eligible = panel.addable()
    assert eligible and panel.add_all_button.isEnabled()
    assert panel.add_all_button.text().startswith("Добавить всех, кто может получить ЭПБ")
    assert panel.ineligible_table.rowCount() == len(ws.eligibility.ineligible) > 0
    before = len(ws.draft)

    with qtbot.waitSignal(panel.changed, timeout=15_000):
        panel.add_all_button.click()
    qtbot.waitUntil(lambda: panel.workspace is not None
                    and len(panel.workspace.draft) == before + len(eligible), timeout=15_000)
    assert panel.addable() == [] and not panel.add_all_button.isEnabled()
    assert panel.draft_table.rowCount() == before + len(eligible)
    assert "В черновике заявки" in panel.draft_title.text()
    draft_id = panel.workspace.draft_id

    panel.submit_button.click()
    box = panel.actions.dialog
    assert isinstance(box, QMessageBox)
    assert format_date(next_processing_date(date.today())) in box.informativeText()
    send = next(b for b in box.buttons() if b.text() == "Отправить")
    with qtbot.waitSignal(panel.changed, timeout=15_000):
        send.click()
    qtbot.waitUntil(lambda: panel.workspace is not None and panel.workspace.draft == [],
                    timeout=15_000)
    assert "ждёт на этом компьютере" in panel.banner.text()  # offline: it waits in the outbox
    [request] = [r for r in panel.workspace.requests if r.id == draft_id]
    assert request.waiting_sync and request.state == "submitted"
    assert {line.status for line in request.lines} == {"ordered"}
    assert panel.tree.topLevelItem(0).text(2) == "ждёт отправки"
    with db.session() as session:
        commands = session.scalars(select(OutboxEntry.fields).where(
            OutboxEntry.entity_id == draft_id, OutboxEntry.op == "command")).all()
    assert [c["command"] for c in commands] == ["submit_card_request"]
    assert window.bulk.last is None or window.bulk.last.action  # Ctrl+Z names the step
    qtbot.waitUntil(lambda: window.bulk.last is not None
                    and window.bulk.last.action == "card_submit", timeout=10_000)


def _org_with_received(db) -> str:
    with db.session() as session:
        return session.execute(
            select(Card.org_id).where(Card.status == "received", Card.deleted.is_(False))
            .group_by(Card.org_id).order_by(func.count().desc()).limit(1)).scalar_one()


def test_print_the_sheet_then_hand_out_a_card(qtbot, writable) -> None:
    db, ops = writable
    org_id = _org_with_received(db)
    _window, panel = open_tab(qtbot, ops, org_id)
    received = panel.workspace.received
    assert received and panel.received_table.rowCount() == len(received)
    panel.pages.setCurrentIndex(1)

    assert panel.print_button.isEnabled()
    assert panel.actions.print_sheet()
    preview = wait_preview(qtbot, panel.actions.printer)
    text = " ".join(pdf_text(preview.pdf).split())
    assert "ВЕДОМОСТЬ" in text.upper()
    assert received[0].name.split()[0] in text
    preview.reject()

    panel.received_table.selectRow(0)
    first = panel.received_table.item(0, 0).data(0x0100)
    panel.issue_button.click()
    dialog = panel.actions.dialog
    assert isinstance(dialog, BulkDateDialog)
    with qtbot.waitSignal(panel.changed, timeout=15_000):
        dialog.accept()
    qtbot.waitUntil(lambda: len(panel.workspace.received) == len(received) - 1,
                    timeout=15_000)
    assert "«ВЫДАН»" in panel.banner.text()
    with db.session() as session:
        card = session.scalars(select(Card).where(Card.member_id == first,
                                                  Card.org_id == org_id,
                                                  Card.status == "issued")).first()
        assert card is not None and card.issued_on == date.today()
        step = session.scalars(select(OutboxEntry).where(OutboxEntry.entity_id == card.id)).one()
    assert (step.op, step.fields["command"], step.fields["status"]) == (
        "command", "card_step", "issued")


def test_lost_card_from_a_past_request_is_reissued(qtbot, writable) -> None:
    db, ops = writable
    with db.session() as session:
        member_id, org_id = session.execute(
            select(Card.member_id, Card.org_id).where(
                Card.status == "issued", Card.deleted.is_(False), Card.request_id.is_not(None))
            .order_by(Card.member_id).limit(1)).one()
    _window, panel = open_tab(qtbot, ops, org_id)
    panel.pages.setCurrentIndex(2)
    tree = panel.tree
    line = next(tree.topLevelItem(i).child(j) for i in range(tree.topLevelItemCount())
                for j in range(tree.topLevelItem(i).childCount())
                if tree.topLevelItem(i).child(j).data(0, 0x0100) == member_id)
    assert line.childCount() >= 1  # its status history
    line.setSelected(True)
    assert panel.tree_broken_button.isEnabled()
    panel.tree_broken_button.click()
    dialog = panel.actions.dialog
    assert dialog.reissue.isChecked()
    dialog.damaged.setChecked(True)
    with qtbot.waitSignal(panel.changed, timeout=15_000):
        dialog.accept()
    qtbot.waitUntil(lambda: member_id in panel.workspace.draft_members, timeout=15_000)
    [new] = [x for x in panel.workspace.draft if x.member_id == member_id]
    assert new.replaces_id is not None
    row = next(r for r in range(panel.draft_table.rowCount())
               if panel.draft_table.item(r, 0).data(0x0100) == member_id)
    assert panel.draft_table.item(row, 3).text() == "перевыпуск"
    assert "добавлена в черновик заявки" in panel.banner.text()

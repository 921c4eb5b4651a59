"""The transfer dialogs against a real registry on loopback: search, accept (queued), offline
messages, transfer out; and where the main window offers them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select

from chairclient.db.engine import Database as LocalDatabase
from chairclient.db.engine import open_database as open_local
from chairclient.db.models import Member, MembershipEvent
from chairclient.validation import normalise_snils
from registry.models import members
from sync.client import RegistryClient
from sync.engine import SyncEngine
from tests.registry.servers import free_port
from tests.sync.helpers import any_member, local_member_ids, outbox
from tests.ui import test_sync_support as support
from ui.operations import Operations
from ui.transfers.accept_dialog import AcceptTransferDialog
from ui.transfers.out_dialog import TransferOutDialog
from ui.transfers.requests_dialog import TransferRequestsDialog

seeded, server = support.seeded, support.server  # fixtures


@dataclass
class Chair:
    org_id: str
    db: LocalDatabase
    ops: Operations
    client: RegistryClient


@pytest.fixture
def chair3(server, tmp_path, qapp) -> Iterator[Chair]:
    """chair3's client database after a first sync, with background operations."""
    db = open_local(tmp_path / "chair3.sqlite")
    client = RegistryClient(server.base_url)
    client.login("chair3", server.users["chair3"].password)
    SyncEngine(db, client).run()
    ops = Operations(db)
    yield Chair(server.users["chair3"].org_id, db, ops, client)
    ops.wait(20_000)
    client.close()
    db.close()


def someone_elsewhere(server) -> dict:
    """A member of chair1's organisation with a СНИЛС (outside chair3's scope)."""
    with server.db.read() as session:
        return dict(session.execute(select(members).where(
            members.c.org_id == server.users["chair1"].org_id, members.c.status == "active",
            members.c.snils.is_not(None), members.c.deleted.is_(False),
        ).order_by(members.c.id).limit(1)).mappings().one())


def dialog_for(qtbot, chair: Chair, client: RegistryClient | None) -> AcceptTransferDialog:
    dialog = AcceptTransferDialog(chair.ops, chair.org_id, "ППО школы № 3", client)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture
def chair1(server, tmp_path, qapp) -> Iterator[Chair]:
    """The sending chair's client, synchronised, with background operations."""
    db = open_local(tmp_path / "chair1.sqlite")
    client = RegistryClient(server.base_url)
    client.login("chair1", server.users["chair1"].password)
    SyncEngine(db, client).run()
    ops = Operations(db)
    yield Chair(server.users["chair1"].org_id, db, ops, client)
    ops.wait(20_000)
    client.close()
    db.close()


def history_kinds(chair: Chair, member_id: str) -> list[str]:
    with chair.db.transaction() as session:
        return sorted(e.kind for e in session.scalars(select(MembershipEvent).where(
            MembershipEvent.member_id == member_id, MembershipEvent.deleted.is_(False))))


def requests_dialog(qtbot, chair: Chair) -> TransferRequestsDialog:
    dialog = TransferRequestsDialog(chair.ops)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(dialog.rows), timeout=10_000)
    return dialog


def test_request_a_transfer_and_the_sender_agrees_through_the_widgets(
    qtbot, server, chair3, chair1
) -> None:
    person = someone_elsewhere(server)
    dialog = dialog_for(qtbot, chair3, chair3.client)
    assert not dialog.accept_button.isEnabled() and not dialog.request_button.isEnabled()
    qtbot.keyClicks(dialog.snils, person["snils"].replace("-", "").replace(" ", ""))
    dialog.search_button.click()
    qtbot.waitUntil(lambda: dialog.result.text().startswith("Найден в организации"),
                    timeout=10_000)
    assert server.users["chair1"].org_name in dialog.result.text()
    assert "Запросить перевод" in dialog.result.text()
    assert person["last_name"] not in dialog.result.text()
    # On the register there and not marked: it can only be asked for, not taken.
    assert dialog.request_button.isEnabled() and not dialog.accept_button.isEnabled()
    dialog.comment.setText("Переходит к нам на работу")
    with qtbot.waitSignal(dialog.requested, timeout=10_000):
        dialog.request_button.click()
    assert "следующей синхронизации" in dialog.result.text()
    [entry] = outbox(chair3.db)
    assert (entry.fields["command"], entry.org_id) == ("request_transfer", chair3.org_id)
    assert entry.fields["handle"] != person["id"]
    assert SyncEngine(chair3.db, chair3.client).run().applied == 1
    assert person["id"] not in local_member_ids(chair3.db)
    mine = requests_dialog(qtbot, chair3)
    [asked] = mine.rows
    assert (asked.side, asked.state, asked.person_label) == (
        "receiver", "pending", f"СНИЛС {normalise_snils(person['snils'])}")
    mine.table.selectRow(0)
    assert mine.withdraw_button.isEnabled() and not mine.accept_button.isEnabled()
    assert mine.table.item(0, 5).text() == "ждёт решения"

    SyncEngine(chair1.db, chair1.client).run()
    theirs = requests_dialog(qtbot, chair1)
    [incoming] = theirs.rows
    assert (incoming.side, incoming.comment) == ("sender", "Переходит к нам на работу")
    assert incoming.person_label.startswith(person["last_name"])
    theirs.table.selectRow(0)
    assert theirs.accept_button.isEnabled() and theirs.decline_button.isEnabled()
    theirs.decline_button.click()  # a refusal needs a reason
    qtbot.waitUntil(lambda: "причину" in theirs.message.text(), timeout=10_000)
    theirs.comment.setText("Согласовано")
    with qtbot.waitSignal(theirs.changed, timeout=10_000):
        theirs.accept_button.click()
    qtbot.waitUntil(lambda: theirs.rows and theirs.rows[0].state == "accepted", timeout=10_000)
    assert "ещё не отправлено" in theirs.table.item(0, 5).text()
    report = SyncEngine(chair1.db, chair1.client).run()
    assert (report.applied, report.rejected) == (1, 0), report.rejected_reasons
    assert person["id"] not in local_member_ids(chair1.db)
    assert history_kinds(chair1, person["id"]) == ["transferred_out"]
    theirs.reload()
    qtbot.waitUntil(lambda: theirs.table.item(0, 5).text() == "согласован", timeout=10_000)
    assert "Согласовано" in theirs.table.item(0, 7).text()

    SyncEngine(chair3.db, chair3.client).run()
    assert person["id"] in local_member_ids(chair3.db, {chair3.org_id})
    assert "transferred_in" in history_kinds(chair3, person["id"])
    mine.reload()
    qtbot.waitUntil(lambda: mine.table.item(0, 5).text() == "согласован", timeout=10_000)
    assert f"«{server.users['chair1'].org_name}»" in mine.table.item(0, 7).text()


def test_find_by_name_and_birth_date(qtbot, server, chair3) -> None:
    person = someone_elsewhere(server)
    dialog = dialog_for(qtbot, chair3, chair3.client)
    dialog.by_name.setChecked(True)
    assert not dialog.snils.isEnabled() and dialog.last_name.isEnabled()
    dialog.search_button.click()
    assert dialog.result.text().startswith("Введите фамилию, имя и дату рождения")
    dialog.last_name.setText(person["last_name"].lower())  # keyClicks types ASCII only
    dialog.first_name.setText(person["first_name"])
    dialog.birth_date.set_value(person["birth_date"])
    dialog.search_button.click()
    qtbot.waitUntil(lambda: "Найден" in dialog.result.text(), timeout=10_000)
    assert dialog.matches and dialog.matches[0].org_id == person["org_id"]
    assert dialog.matches[0].handle != person["id"]  # opaque, never the row id


def test_the_search_needs_a_connection(qtbot, chair3) -> None:
    unreachable = RegistryClient(f"http://127.0.0.1:{free_port()}", retries=0, timeout=2)
    unreachable.access_token = "expired-or-not"  # a session whose registry went away
    dialog = dialog_for(qtbot, chair3, unreachable)
    qtbot.keyClicks(dialog.snils, "11223344595")
    dialog.search_button.click()
    qtbot.waitUntil(lambda: dialog.result.text().startswith("Для поиска нужно подключение"),
                    timeout=10_000)
    assert not dialog.accept_button.isEnabled()
    unreachable.close()
    offline = dialog_for(qtbot, chair3, None)  # the program was opened without a registry
    assert offline.result.text().startswith("Для поиска нужно подключение")
    offline.search_button.click()
    assert offline.result.text().startswith("Для поиска нужно подключение")
    assert outbox(chair3.db) == []


def test_transfer_out_dialog_queues_the_command(qtbot, chair3) -> None:
    member_id = any_member(chair3.db, chair3.org_id)
    dialog = TransferOutDialog(chair3.ops, member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ok.isEnabled(), timeout=10_000)
    assert dialog.who.text().startswith("Перевести «")
    dialog.destination.setText("МБОУ СОШ № 7")
    with qtbot.waitSignal(dialog.done, timeout=10_000):
        dialog.ok.click()
    [entry] = outbox(chair3.db)
    assert entry.fields["command"] == "transfer_out"
    assert entry.fields["note"] == "Куда: МБОУ СОШ № 7"
    with chair3.db.transaction() as session:
        member = session.get(Member, member_id)
        assert (member.status, member.removal_reason, member.removed_on) == (
            "removed", "transfer", date.today())
    again = TransferOutDialog(chair3.ops, member_id)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: "уже снят" in again.message.text(), timeout=10_000)
    assert not again.ok.isEnabled()


def test_the_main_window_offers_both_actions(qtbot, chair3) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(chair3.ops, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.scope is not None, timeout=10_000)
    transfers = window.transfers
    table_actions = window.members.table.actions()
    assert transfers.accept_action in table_actions and transfers.out_action in table_actions
    assert transfers.accept_action.isEnabled()
    assert transfers.accept_action.text().startswith("Принять")
    dialog = transfers.accept_transfer()  # no registry attached: says the search needs one
    assert dialog is not None and dialog.result.text().startswith("Для поиска нужно")
    dialog.close()
    assert transfers.requests_action.text() == "&Запросы на перевод…"
    assert not transfers.counter.isVisible()  # no requests yet
    listing = transfers.show_requests()
    qtbot.waitUntil(lambda: listing.message.text() == "Запросов на перевод нет.", timeout=10_000)
    listing.close()
    assert window.members.person_check is not None  # new cards are checked before saving

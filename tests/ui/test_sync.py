"""Background sync in the main window: F5, the status bar, conflicts and rejected changes."""

from __future__ import annotations

from chairclient.db.engine import open_database as open_local
from chairclient.db.models import Member
from chairclient.services.members import save_member
from sync.client import RegistryClient
from sync.engine import SyncEngine
from tests.sync.helpers import any_member, outbox, server_member
from tests.ui import test_sync_support as support
from tests.ui.test_sync_support import log_in_with_dialog, open_and_sync
from ui.sync import controller as sync_state

# fixtures shared with the login tests
seeded, server, sign_in_options = support.seeded, support.server, support.sign_in_options
memory_keyring = support.memory_keyring


def _edit(db, member_id: str, **values) -> None:
    with db.transaction() as session:
        member = session.get(Member, member_id)
        save_member(session, member.org_id, values, member_id)


def test_f5_synchronises_and_the_status_bar_follows(qtbot, server, sign_in_options,
                                                    memory_keyring) -> None:
    account = log_in_with_dialog(qtbot, sign_in_options, "chair1", "demo-chair1")
    session = open_and_sync(qtbot, account, sign_in_options)
    try:
        window, controller = session.window, session.controller
        member_id = any_member(session.db, server.users["chair1"].org_id)
        _edit(session.db, member_id, note="Проверка F5")
        controller.refresh_counts()
        qtbot.waitUntil(lambda: window.sync_indicator.pending.text() != "", timeout=5000)
        assert window.sync_indicator.pending.text() == "1 изменение не отправлено"
        runs = controller.runs
        window.refresh_action.trigger()  # F5
        assert controller.state == sync_state.RUNNING
        assert window.sync_indicator.state.text().startswith("Синхронизация")
        assert not controller.sync_now()  # never two at once
        qtbot.waitUntil(lambda: controller.runs == runs + 1, timeout=20_000)
        assert window.sync_indicator.state.text().startswith("Синхронизировано в")
        assert not window.sync_indicator.pending.isVisibleTo(window)
        assert outbox(session.db) == []
    finally:
        session.close()


def test_a_conflict_resolved_as_mine_reaches_the_server(qtbot, server, sign_in_options,
                                                        memory_keyring, tmp_path) -> None:
    account = log_in_with_dialog(qtbot, sign_in_options, "chair1", "demo-chair1")
    session = open_and_sync(qtbot, account, sign_in_options)
    other_db = open_local(tmp_path / "territory.sqlite")
    other = RegistryClient(server.base_url)
    try:
        other.login("territory1", "demo-territory1")
        SyncEngine(other_db, other).run()
        member_id = any_member(session.db, server.users["chair1"].org_id)
        _edit(session.db, member_id, note="моё примечание")
        _edit(other_db, member_id, note="их примечание")
        SyncEngine(other_db, other).run()
        assert server_member(server.db, member_id)["note"] == "их примечание"

        controller, window = session.controller, session.window
        runs = controller.runs
        window.refresh_action.trigger()
        qtbot.waitUntil(lambda: controller.runs == runs + 1, timeout=20_000)
        assert controller.counts.conflicts == 1
        assert window.sync_indicator.conflicts.text() == "Конфликты: 1"

        dialog = window.show_conflicts()
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
        texts = [dialog.table.item(0, col).text() for col in range(1, 5)]
        assert texts[1:] == ["—", "моё примечание", "их примечание"]
        dialog.choose(0, "mine")
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=5000)
        qtbot.waitUntil(lambda: controller.counts.conflicts == 0, timeout=5000)
        assert controller.counts.pending == 1

        runs = controller.runs
        window.refresh_action.trigger()
        qtbot.waitUntil(lambda: controller.runs == runs + 1, timeout=20_000)
        assert controller.state == sync_state.DONE
        assert server_member(server.db, member_id)["note"] == "моё примечание"
        assert outbox(session.db) == []
    finally:
        other.close()
        other_db.close()
        session.close()

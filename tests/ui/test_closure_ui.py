"""«Закрыть организацию…» and «Открыть снова» through the real tree context menu, dialog and
confirmation, against a real registry on loopback: after the sync the tree, the lists and
the registry show the closure."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from chairclient.db.models import Card, Member, Organisation
from chairclient.services.card_requests import remove_from_draft
from registry.models import members, organisations
from sync.client import RegistryClient
from tests.registry.closure_helpers import close
from tests.ui import test_sync_support as support
from tests.ui.test_sync_support import open_and_sync
from ui.login.start import Account

seeded, server, sign_in_options = support.seeded, support.server, support.sign_in_options
memory_keyring = support.memory_keyring


def _session(qtbot, server, options, login: str):
    client = RegistryClient(server.base_url)
    client.login(login, server.users[login].password)
    account = Account(options.server, options.server_id, login, client)
    return open_and_sync(qtbot, account, options)


def _menu_action(window, text: str):
    """The tree's context-menu action with ``text`` (the menu shows the view's actions)."""
    view = window.tree.view
    assert view.contextMenuPolicy() == view.contextMenuPolicy().ActionsContextMenu
    [action] = [a for a in view.actions() if a.text().replace("&", "") == text]
    return action


def _choose(qtbot, window, org_id: str) -> None:
    """Choose ``org_id`` in the tree once the synced tree holds it, and wait for what the
    closure actions read of it."""
    qtbot.waitUntil(lambda: window.tree.node(org_id) is not None, timeout=10_000)
    assert window.tree.select(org_id)
    qtbot.waitUntil(lambda: window.closure._facts is not None
                    and window.closure._facts.org_id == org_id, timeout=10_000)


def _accept(box) -> None:
    [yes] = [b for b in box.buttons() if box.buttonRole(b) == box.ButtonRole.AcceptRole]
    yes.click()


def _merge_into(dialog, target: str) -> None:
    dialog.merger.click()
    index = dialog.target.findData(target)
    assert index >= 0
    dialog.target.setCurrentIndex(index)


def _draft_members(db, org_id: str) -> list[str]:
    with db.transaction() as s:
        return list(s.scalars(select(Card.member_id).where(
            Card.org_id == org_id, Card.status == "in_request", Card.deleted.is_(False))))


def _on_register(server, org_id: str) -> int:
    with server.db.read() as session:
        return session.scalar(select(func.count()).select_from(members).where(
            members.c.org_id == org_id, members.c.status == "active",
            members.c.deleted.is_(False)))


def test_a_territorial_chair_merges_an_organisation(qtbot, server, sign_in_options,
                                                    memory_keyring) -> None:
    closing, receiving = server.users["chair2"].org_id, server.users["chair1"].org_id
    moving, staying = _on_register(server, closing), _on_register(server, receiving)
    assert moving > 0
    session = _session(qtbot, server, sign_in_options, "territory1")
    try:
        window, controller = session.window, session.controller
        action = _menu_action(window, "Закрыть организацию…")
        territory = server.users["territory1"].org_id
        _choose(qtbot, window, territory)  # its own organisation: only its superior closes it
        assert not action.isVisible() and not action.isEnabled()
        _choose(qtbot, window, closing)
        assert action.isEnabled()
        drafted = _draft_members(session.db, closing)
        if drafted:  # a merger waits for the draft card request: the dialog says so
            action.trigger()
            _merge_into(window.closure.dialog, receiving)
            window.closure.dialog.ok.click()
            _accept(window.closure.dialog.confirmation)
            qtbot.waitUntil(lambda: "черновике" in window.closure.dialog.message.text(),
                            timeout=10_000)
            window.closure.dialog.reject()
            with session.db.transaction() as s:  # as the card request panel does it
                remove_from_draft(s, drafted)
        action.trigger()
        dialog = window.closure.dialog
        assert dialog is not None and dialog.isVisible()
        _merge_into(dialog, receiving)
        assert all(dialog.target.itemData(i) != territory for i in range(dialog.target.count()))
        dialog.note.setText("Решение конференции № 5")
        dialog.ok.click()
        box = dialog.confirmation
        assert box is not None
        assert f"{moving} член" in box.informativeText() and "перевед" in box.informativeText()
        runs = controller.runs
        with qtbot.waitSignal(window.closure.queued, timeout=10_000):
            _accept(box)
        qtbot.waitUntil(lambda: controller.runs > runs, timeout=30_000)
        with server.db.read() as s:
            closed = s.execute(select(organisations).where(
                organisations.c.id == closing)).mappings().one()
        assert (closed["closure_kind"], closed["merged_into_id"]) == ("merger", receiving)
        assert closed["closure_note"] == "Решение конференции № 5"
        assert _on_register(server, receiving) == moving + staying
        # The tree: the closed one is hidden until «Закрытые» is ticked, then shown as closed.
        qtbot.waitUntil(lambda: window.tree.show_closed.isVisibleTo(window), timeout=10_000)
        assert closing not in window.tree._items and window.tree.current.id != closing
        window.tree.show_closed.setChecked(True)
        label = window.tree._items[closing].text()
        assert f"закрыта {date.today():%d.%m.%Y}" in label
        with session.db.transaction() as s:
            assert s.get(Organisation, closing).closed_on == date.today()
            here = s.scalar(select(func.count()).select_from(Member).where(
                Member.org_id == receiving, Member.status == "active",
                Member.deleted.is_(False)))
        assert here == moving + staying
        window.tree.select(receiving)
        qtbot.waitUntil(lambda: window.members.model.rowCount() == moving + staying,
                        timeout=10_000)
        _choose(qtbot, window, closing)  # closed: no second closure offered
        assert not action.isEnabled()
        assert not _menu_action(window, "Открыть снова").isVisible()  # not the administrator
    finally:
        session.close()


def test_the_administrator_reopens(qtbot, server, sign_in_options, memory_keyring) -> None:
    closing = server.users["chair2"].org_id
    from tests.registry.helpers import Api

    api = Api(server.base_url)
    try:
        response = api.http.post("/api/v1/auth/login", json={
            "login": "territory1", "password": server.users["territory1"].password})
        token = response.json()["access_token"]
        answer = api.http.post("/api/v1/sync/push", json={"mutations": [
            close(closing, "liquidation", date.today().isoformat())]},
            headers={"Authorization": f"Bearer {token}"}).json()
        assert answer["results"][0]["status"] == "applied", answer
    finally:
        api.close()
    session = _session(qtbot, server, sign_in_options, "admin")
    try:
        window, controller = session.window, session.controller
        reopen = _menu_action(window, "Открыть снова")
        _choose(qtbot, window, closing)  # ticks «Закрытые» to show it
        assert window.tree.show_closed.isChecked()
        assert reopen.isEnabled()
        assert not _menu_action(window, "Закрыть организацию…").isEnabled()
        reopen.trigger()
        box = window.closure.dialog
        runs = controller.runs
        with qtbot.waitSignal(window.closure.queued, timeout=10_000):
            _accept(box)
        qtbot.waitUntil(lambda: controller.runs > runs, timeout=30_000)
        with server.db.read() as s:
            assert s.scalar(select(organisations.c.closed_on).where(
                organisations.c.id == closing)) is None
        qtbot.waitUntil(lambda: "закрыта" not in window.tree._items[closing].text(),
                        timeout=10_000)
    finally:
        session.close()

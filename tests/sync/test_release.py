"""Client versions: the registry announces the newest and the oldest supported version with a
download address in ``/sync/meta``; a client older than the oldest is refused (426) on every
data path and its local data stay exactly as they were."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from chairclient.db.models import Member, OutboxEntry
from chairclient.services.members import save_member
from chairclient.version import __version__
from registry.app import create_app
from registry.settings import ClientRelease, Settings
from sync.client import ClientTooOld, RegistryClient
from sync.engine import SyncEngine
from sync.protocol import ClientReleaseInfo
from sync.release import judge
from tests.registry.servers import ServerThread
from tests.sync.conftest import BACKENDS

URL = "https://reestr.example.ru/download/chairclient-0.9.0.exe"
RELEASE = ClientRelease(latest="0.9.0", minimum="0.2.0", download_url=URL)


@pytest.fixture
def releasing(server) -> Iterator[str]:
    """The same registry database served by an app that announces :data:`RELEASE`."""
    settings = Settings(secret="s" * 32, release=RELEASE)
    thread = ServerThread(server.db, app=create_app(db=server.db, settings=settings)).start()
    yield thread.base_url
    thread.stop()


@pytest.mark.parametrize("server", BACKENDS, indirect=True)
def test_meta_announces_the_release_and_a_current_client_syncs(server, releasing) -> None:
    chair = server.users["chair1"]
    with RegistryClient(releasing) as client:
        client.login("chair1", chair.password)
        status = judge(client.meta().client, client.version)
    assert (status.latest, status.minimum, status.download_url) == ("0.9.0", "0.2.0", URL)
    assert status.update_available and not status.too_old
    newest = judge(ClientReleaseInfo(latest="0.9.0", minimum="0.2.0"), current="0.9.0")
    assert not newest.update_available and not newest.too_old


@pytest.mark.parametrize("server", BACKENDS, indirect=True)
def test_an_outdated_client_is_refused_and_keeps_its_data(server, releasing, tmp_path) -> None:
    from chairclient.db.engine import open_database

    chair = server.users["chair1"]
    db = open_database(tmp_path / "client.sqlite")
    try:
        with RegistryClient(releasing) as current:  # the current version syncs fine
            current.login("chair1", chair.password)
            SyncEngine(db, current).run()
        with db.transaction() as session:
            member = session.scalars(select(Member).order_by(Member.id).limit(1)).one()
            save_member(session, member.org_id, {"phone": "+7 900 000-00-01"}, member.id)
        before = _snapshot(db)
        assert before[1] == 1  # one change waits in the outbox

        with RegistryClient(releasing, version="0.1.9") as old:
            old.login("chair1", chair.password)  # signing in still works
            assert judge(old.meta().client, old.version).too_old
            with pytest.raises(ClientTooOld) as refused:
                SyncEngine(db, old).run()
        assert refused.value.status == 426
        assert "0.1.9 устарела" in str(refused.value) and "0.2.0" in str(refused.value)
        assert _snapshot(db) == before  # nothing sent, nothing pulled, nothing lost
    finally:
        db.close()


def test_a_client_without_the_header_is_not_judged(server, releasing) -> None:
    import httpx

    chair = server.users["chair1"]
    with httpx.Client(base_url=releasing + "/api/v1") as http:
        token = http.post("/auth/login", json={"login": "chair1",
                                                "password": chair.password}).json()
        answer = http.post("/sync/pull", json={"cursors": {}},
                           headers={"Authorization": f"Bearer {token['access_token']}"})
    assert answer.status_code == 200


def test_the_app_sends_its_own_version() -> None:
    with RegistryClient("http://127.0.0.1:9") as client:
        assert client.http.headers["X-Client-Version"] == __version__


def _snapshot(db) -> tuple[int, int, list[tuple[str, str | None]]]:
    with db.session() as session:
        members = session.scalar(select(func.count()).select_from(Member))
        outbox = session.scalar(select(func.count()).select_from(OutboxEntry))
        phones = session.execute(select(Member.id, Member.phone).order_by(Member.id)).all()
    return members, outbox, [tuple(row) for row in phones]

"""The registry process is killed mid-sync (SIGKILL); after a restart both sides converge."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from sqlalchemy import func, select

from chairclient.db.engine import copy_database
from chairclient.db.engine import open_database as open_local
from registry.db import open_database
from registry.models import audit_history
from sync.client import Offline, RegistryClient
from sync.engine import SyncEngine
from tests.registry.servers import free_port
from tests.sync.conftest import Seeded
from tests.sync.helpers import (
    any_member,
    is_page,
    is_push,
    local_member_ids,
    outbox,
    server_member_ids,
)
from tests.sync.test_edits import edit

ROOT = Path(__file__).resolve().parents[2]


class Process:
    """``python -m registry serve`` on a fixed port, restartable."""

    def __init__(self, db_path: Path) -> None:
        self.url = f"sqlite:///{db_path}"
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "registry", "serve", "--db", self.url, "--port",
             str(self.port)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.base_url}/api/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        raise RuntimeError("registry process did not start")

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait(timeout=10)
            self.proc = None


class KillOnPush(httpx.HTTPTransport):
    """Kills the server right after it applied the first push, before the answer is read."""

    def __init__(self, process: Process) -> None:
        super().__init__()
        self.process = process
        self.armed = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if self.armed and is_push(request):
            self.armed = False
            self.process.kill()
            raise httpx.ReadError("server died", request=request)
        return response


@pytest.fixture
def process(seeded: Seeded, tmp_path: Path) -> Iterator[Process]:
    path = tmp_path / "registry.sqlite"
    copy_database(seeded.path, path)
    proc = Process(path)
    proc.start()
    yield proc
    proc.kill()


def test_server_killed_mid_push_converges_after_restart(process: Process, tmp_path) -> None:
    transport = KillOnPush(process)
    client = RegistryClient(process.base_url, transport=transport, retries=1, backoff=0)
    local = open_local(tmp_path / "client.sqlite")
    try:
        client.login("chair1", "demo-chair1")
        engine = SyncEngine(local, client, page_limit=50)
        engine.run()
        org_id = _org(local)
        member_id = any_member(local, org_id)
        edit(SimpleNamespace(db=local), member_id, note="до падения")
        transport.armed = True
        with pytest.raises(Offline):
            engine.run()
        assert len(outbox(local, "pending")) == 1  # order kept, nothing marked
        process.start()
        client.login("chair1", "demo-chair1")
        report = engine.run()
        assert report.applied == 1 and outbox(local) == []
        server = open_database(process.url)
        try:
            with server.read() as session:
                audits = session.scalar(
                    select(func.count()).select_from(audit_history)
                    .where(audit_history.c.entity_id == member_id)
                )
            assert audits == 1  # applied once, answered as a duplicate after the restart
            assert local_member_ids(local) == server_member_ids(server, {org_id})
        finally:
            server.close()
    finally:
        client.close()
        local.close()


def _org(local) -> str:
    from chairclient.db.models import Member

    with local.transaction() as session:
        return session.scalar(select(Member.org_id).limit(1))


class KillOnPull(httpx.HTTPTransport):
    """Kills the server after answering the second pull page (the page itself arrives)."""

    def __init__(self, process: Process) -> None:
        super().__init__()
        self.process = process
        self.pulls = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if is_page(request):
            self.pulls += 1
            if self.pulls == 2:
                response.read()
                self.process.kill()
        return response


def test_server_killed_mid_download_converges_after_restart(process: Process, tmp_path) -> None:
    client = RegistryClient(process.base_url, transport=KillOnPull(process), retries=1,
                            backoff=0)
    local = open_local(tmp_path / "client.sqlite")
    try:
        client.login("territory1", "demo-territory1")
        engine = SyncEngine(local, client, page_limit=40)
        with pytest.raises(Offline):
            engine.run()
        partial = local_member_ids(local)
        process.start()
        client.login("territory1", "demo-territory1")
        engine.run()
        scope = set(client.meta().scope)
        server = open_database(process.url)
        try:
            assert partial < local_member_ids(local) == server_member_ids(server, scope)
        finally:
            server.close()
    finally:
        client.close()
        local.close()

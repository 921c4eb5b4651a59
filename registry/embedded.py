"""An embedded registry for ``--demo``: uvicorn on 127.0.0.1 in a background thread.

The registry's SQLite lives in the user data directory and is initialised and seeded with the
demo organisation tree, members and users the first time only.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from chairclient import paths
from chairclient.private_files import private_dir

log = logging.getLogger(__name__)

DEMO_MEMBERS = 3000
START_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def default_path() -> Path:
    return paths.data_dir() / "demo-registry.sqlite"


@dataclass
class DemoLogin:
    """A demo account offered in the login dialog."""

    login: str
    password: str
    role: str
    org_name: str


@dataclass
class EmbeddedRegistry:
    """Start with :meth:`start`, stop with :meth:`stop` (also usable as a context manager)."""

    path: Path = field(default_factory=default_path)
    members: int = DEMO_MEMBERS
    base_url: str = ""
    users: list[DemoLogin] = field(default_factory=list)
    seeded_now: bool = False

    def start(self) -> EmbeddedRegistry:
        import uvicorn

        from registry.app import create_app
        from registry.db import init_db, open_database
        from registry.models import organisations
        from registry.seed import seed_demo
        from registry.settings import Settings

        private_dir(self.path.parent)
        self._db = open_database(f"sqlite:///{self.path}")
        init_db(self._db)
        with self._db.read() as session:
            self.seeded_now = session.scalar(select(organisations.c.id).limit(1)) is None
        if self.seeded_now:
            log.info("seeding the demo registry (%d members)", self.members)
        users = seed_demo(self._db, members=self.members)
        self.users = [DemoLogin(u.login, u.password, u.role, u.org_name) for u in users]
        port = free_port()
        self.base_url = f"http://127.0.0.1:{port}"
        # Demo mode: the signing key the demo database generated for itself is good enough.
        app = create_app(db=self._db, settings=Settings.from_env(demo=True))
        config = uvicorn.Config(app, host="127.0.0.1", port=port,
                                log_level="warning", access_log=False, proxy_headers=False)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="demo-registry",
                                        daemon=True)
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                self.stop()
                raise RuntimeError("the embedded registry did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        server = getattr(self, "_server", None)
        if server is not None:
            server.should_exit = True
            self._thread.join(timeout=10)
            self._server = None
        db = getattr(self, "_db", None)
        if db is not None:
            db.close()
            self._db = None

    def __enter__(self) -> EmbeddedRegistry:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

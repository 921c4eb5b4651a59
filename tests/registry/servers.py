"""Throwaway PostgreSQL clusters and a real uvicorn server on loopback, for the registry tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn

from registry.app import create_app
from registry.db import Database


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_binaries() -> tuple[str, str] | None:
    """``(initdb, pg_ctl)`` from PATH or the Debian layout; None when PostgreSQL is missing."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        return initdb, pg_ctl
    for version in ("17", "16", "15", "14", "13"):
        base = Path(f"/usr/lib/postgresql/{version}/bin")
        if (base / "initdb").exists() and (base / "pg_ctl").exists():
            return str(base / "initdb"), str(base / "pg_ctl")
    return None


@dataclass
class PostgresCluster:
    """A cluster in a temporary directory, trust auth, a unix socket dir of its own."""

    root: Path
    port: int
    pg_ctl: str

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    @classmethod
    def start(cls) -> PostgresCluster:
        binaries = postgres_binaries()
        if binaries is None:
            raise RuntimeError("PostgreSQL binaries not found")
        initdb, pg_ctl = binaries
        root = Path(tempfile.mkdtemp(prefix="registry-pg-"))
        cluster = cls(root=root, port=free_port(), pg_ctl=pg_ctl)
        (root / "sock").mkdir()
        as_root = os.geteuid() == 0  # initdb refuses to run as root: use the postgres account
        if as_root:
            shutil.chown(root, "postgres", "postgres")
            shutil.chown(root / "sock", "postgres", "postgres")
        cluster._run(
            [initdb, "-D", str(cluster.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
             "--no-sync", "--locale=C.UTF-8"]
        )
        options = (
            f"-p {cluster.port} -k {root / 'sock'} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=200"
        )
        cluster._run(
            [pg_ctl, "-D", str(cluster.data), "-o", options, "-l", str(root / "log"), "-w",
             "start"]
        )
        return cluster

    def _run(self, command: list[str]) -> None:
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.root)

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run([self.pg_ctl, "-D", str(self.data), "-m", "immediate", "stop"])
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


class ServerThread:
    """The registry app served by uvicorn on 127.0.0.1 in a background thread."""

    def __init__(self, db: Database, app: Any = None) -> None:
        """Serve ``app`` (by default the registry app on ``db``)."""
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            app or create_app(db=db), host="127.0.0.1", port=self.port, log_level="warning",
            access_log=False, proxy_headers=False,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("registry server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

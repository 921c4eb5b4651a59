"""Load generator for the server benchmark: ``python -m bench.sync_load --server URL --users F``.

Each virtual client (one per user in the JSON file, its own HTTP connection) logs in, pulls its
scope once, prints nothing until all are ready; the process then prints ``ready`` and waits for
a line on stdin, and every client loops for ``--duration`` seconds doing what the desktop
client's incremental sync sends: one ``/sync/exchange`` that pushes one change (a member's
note, with its base value) and brings the page after its cursors with the counts for the check
(more pages, if any, are fetched the same way). The time of each such sync is recorded.
At the end one JSON line: the latencies, errors, and this process's CPU time over the measured
window (to show whether the load generator itself was the limit).

The clients speak the wire protocol directly over a minimal HTTP/1.1 keep-alive connection
(:class:`Http`) and keep no local database: the generator shares the machine's cores with the
server it measures, so it should cost as little CPU as it can.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sync.protocol_runs import changes_of

API = "/api/v1"


class Http:
    """One keep-alive HTTP/1.1 connection: a JSON body out, the status and body bytes in.
    (httpx costs the generator about as much CPU per request as the server's own routing.)"""

    def __init__(self, base_url: str) -> None:
        host, _, port = base_url.removeprefix("http://").rstrip("/").partition(":")
        self.host, self.port = host, int(port or 80)
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: Any, headers: dict[str, str]
                      ) -> tuple[int, bytes]:
        data = b"" if body is None else json.dumps(body, ensure_ascii=False).encode()
        if self.writer is not None:
            try:
                return await self._send(method, path, data, headers)
            except (ConnectionError, asyncio.IncompleteReadError) as exc:
                # The server closed an idle keep-alive connection: reconnect and send again
                # (safe: a push repeats its mutation ids), only when nothing came back.
                if isinstance(exc, asyncio.IncompleteReadError) and exc.partial:
                    raise
                await self.aclose()
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        return await self._send(method, path, data, headers)

    async def _send(self, method: str, path: str, data: bytes, headers: dict[str, str]
                    ) -> tuple[int, bytes]:
        assert self.reader is not None and self.writer is not None
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}",
                 f"Content-Length: {len(data)}", "Content-Type: application/json",
                 *(f"{k}: {v}" for k, v in headers.items())]
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + data)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
            elif name.strip().lower() == b"transfer-encoding":
                raise RuntimeError("chunked answers are not expected from the registry")
        return status, await self.reader.readexactly(length)

    async def aclose(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


@dataclass
class VirtualClient:
    login: str
    password: str
    org_id: str
    member_id: str
    http: Http
    headers: dict[str, str] = field(default_factory=dict)
    cursors: dict[str, int] = field(default_factory=dict)
    note: str | None = None
    version: int = 0
    count: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    async def call(self, method: str, path: str, body: Any = None) -> Any:
        status, data = await self.http.request(method, API + path, body, self.headers)
        if status != 200:
            raise RuntimeError(f"{method} {path}: {status} {data[:200].decode(errors='replace')}")
        return json.loads(data)

    async def login_and_download(self) -> None:
        tokens = await self.call("POST", "/auth/login",
                                 {"login": self.login, "password": self.password})
        self.headers = {"Authorization": f"Bearer {tokens['access_token']}"}
        for change in await self.pull():
            if change["entity"] == "member" and change["id"] == self.member_id:
                self.note, self.version = change["row"]["note"], change["version"]

    async def pull(self) -> list[dict[str, Any]]:
        changes: list[dict[str, Any]] = []
        while True:
            page = await self.call("POST", "/sync/pull", {"cursors": self.cursors,
                                                          "limit": 1000})
            changes += changes_of(page["runs"])
            for org_id in page["revoked"]:
                self.cursors.pop(org_id, None)
            self.cursors.update(page["cursors"])
            if not page["more"]:
                return changes

    async def sync_once(self) -> None:
        """The desktop client's sync: one exchange (more only if a page is not the last)."""
        self.count += 1
        note = f"Нагрузочный тест {self.login} {self.count}"
        mutation = {
            "mutation_id": str(uuid.uuid4()), "entity": "member", "entity_id": self.member_id,
            "org_id": self.org_id, "op": "update", "fields": {"note": note},
            "base": {"note": self.note}, "base_version": self.version,
        }
        answer = await self.call("POST", "/sync/exchange", {
            "mutations": [mutation], "cursors": self.cursors, "limit": 1000})
        result = answer["results"][0]
        if result["status"] != "applied":
            raise RuntimeError(f"push: {result['status']} {result.get('reason')}")
        self.note, self.version = note, result["version"]
        changes = 0
        while True:
            page = answer["page"]
            changes += len(changes_of(page["runs"]))
            for org_id in page["revoked"]:
                self.cursors.pop(org_id, None)
            self.cursors.update(page["cursors"])
            if not page["more"]:
                break
            answer = await self.call("POST", "/sync/exchange",
                                     {"cursors": self.cursors, "limit": 1000})
        if not changes:
            raise RuntimeError("pull: the pushed change did not come back")
        if not answer["counts"]:
            raise RuntimeError("exchange: no counts with the last page")

    async def loop(self, go: asyncio.Event, stop: list[float]) -> None:
        await go.wait()
        while time.perf_counter() < stop[0]:
            started = time.perf_counter()
            try:
                await self.sync_once()
            except (OSError, asyncio.IncompleteReadError, RuntimeError) as exc:
                self.errors.append(f"{type(exc).__name__}: {exc}"[:300])
                await self.http.aclose()
                await asyncio.sleep(0.05)
                continue
            self.latencies_ms.append((time.perf_counter() - started) * 1000)


def _cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


async def run(server: str, users: list[dict[str, str]], duration: float) -> dict[str, Any]:
    clients = [
        VirtualClient(u["login"], u["password"], u["org_id"], u["member_id"], Http(server))
        for u in users
    ]
    try:
        for client in clients:  # one at a time: logins are deliberately slow (argon2)
            await client.login_and_download()
        go, stop = asyncio.Event(), [0.0]
        tasks = [asyncio.create_task(c.loop(go, stop)) for c in clients]
        print("ready", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        cpu, started = _cpu_seconds(), time.perf_counter()
        stop[0] = started + duration
        go.set()
        await asyncio.gather(*tasks)
        wall, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    finally:
        for client in clients:
            await client.http.aclose()
    return {
        "latencies_ms": [round(x, 2) for c in clients for x in c.latencies_ms],
        "errors": [e for c in clients for e in c.errors][:20],
        "error_count": sum(len(c.errors) for c in clients),
        "wall_s": wall, "cpu_s": cpu, "clients": len(clients),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sync_load")
    parser.add_argument("--server", required=True)
    parser.add_argument("--users", type=Path, required=True, help="JSON list of users")
    parser.add_argument("--duration", type=float, default=20.0)
    args = parser.parse_args(argv)
    users = json.loads(args.users.read_text(encoding="utf-8"))
    print(json.dumps(asyncio.run(run(args.server, users, args.duration))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

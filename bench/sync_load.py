"""Load generator for the server benchmark: ``python -m bench.sync_load --server URL --users F``.

Each virtual client (one per user in the JSON file, its own HTTP connection) logs in, pulls its
scope once, prints nothing until all are ready; the process then prints ``ready`` and waits for
a line on stdin, and every client loops for ``--duration`` seconds doing what the desktop
client's incremental sync sends: push one change (a member's note, with its base value), pull
until no more pages, fetch ``meta`` (the count check). The time of each such sync is recorded.
At the end one JSON line: the latencies, errors, and this process's CPU time over the measured
window (to show whether the load generator itself was the limit).

The clients speak the wire protocol directly with ``httpx.AsyncClient`` and keep no local
database, so the generator costs little CPU next to the server it measures.
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

import httpx

API = "/api/v1"


@dataclass
class VirtualClient:
    login: str
    password: str
    org_id: str
    member_id: str
    http: httpx.AsyncClient
    headers: dict[str, str] = field(default_factory=dict)
    cursors: dict[str, int] = field(default_factory=dict)
    note: str | None = None
    version: int = 0
    count: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    async def call(self, method: str, path: str, body: Any = None) -> Any:
        response = await self.http.request(method, API + path, json=body, headers=self.headers)
        if response.status_code != 200:
            raise RuntimeError(f"{method} {path}: {response.status_code} {response.text[:200]}")
        return response.json()

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
            changes += page["changes"]
            for org_id in page["revoked"]:
                self.cursors.pop(org_id, None)
            self.cursors.update(page["cursors"])
            if not page["more"]:
                return changes

    async def sync_once(self) -> None:
        self.count += 1
        note = f"Нагрузочный тест {self.login} {self.count}"
        mutation = {
            "mutation_id": str(uuid.uuid4()), "entity": "member", "entity_id": self.member_id,
            "org_id": self.org_id, "op": "update", "fields": {"note": note},
            "base": {"note": self.note}, "base_version": self.version,
        }
        result = (await self.call("POST", "/sync/push", {"mutations": [mutation]}))["results"][0]
        if result["status"] != "applied":
            raise RuntimeError(f"push: {result['status']} {result.get('reason')}")
        self.note, self.version = note, result["version"]
        if not await self.pull():
            raise RuntimeError("pull: the pushed change did not come back")
        await self.call("GET", "/sync/meta")

    async def loop(self, go: asyncio.Event, stop: list[float]) -> None:
        await go.wait()
        while time.perf_counter() < stop[0]:
            started = time.perf_counter()
            try:
                await self.sync_once()
            except (httpx.HTTPError, RuntimeError) as exc:
                self.errors.append(f"{type(exc).__name__}: {exc}"[:300])
                await asyncio.sleep(0.05)
                continue
            self.latencies_ms.append((time.perf_counter() - started) * 1000)


def _cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


async def run(server: str, users: list[dict[str, str]], duration: float) -> dict[str, Any]:
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    clients = [
        VirtualClient(u["login"], u["password"], u["org_id"], u["member_id"],
                      httpx.AsyncClient(base_url=server, limits=limits, timeout=60.0))
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

"""Sync against a real registry: a throwaway PostgreSQL cluster, ``python -m registry serve``
on loopback, the demo data seeded with ``python -m registry seed-demo``.

* first download of the whole region (every member) into an empty client, in a child process
  (:mod:`bench.sync_client`): wall time and the client's peak RSS;
* incremental sync of that client with 50 local and 50 remote changes;
* member lookups across the whole registry and a transfer acceptance
  (:mod:`bench.transfer_cases`);
* 50 concurrent clients (primary chairs, one organisation each) looping the desktop client's
  sync, one ``/sync/exchange`` each (:mod:`bench.sync_load`, in several processes): syncs per
  second and latency percentiles, with the CPU time of the server, PostgreSQL and the load
  generator over the window.
"""

from __future__ import annotations

import json
import os
import secrets
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench import transfer_cases
from bench.results import Result
from registry.db import DEFAULT_THREADS

ROOT = Path(__file__).resolve().parents[1]

LOAD_CLIENTS = 50
LOAD_PROCESSES = 2
LOAD_PASSWORD = "bench-load-password"
#: Region-wide client (first download, incremental) and the chair editing "remotely".
REGION, CHAIR = "region", "chair1"


def _python(*args: str) -> list[str]:
    return [sys.executable, "-m", *args]


def _json_child(command: list[str], what: str) -> dict[str, Any]:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its live descendants (Linux ``/proc``)."""
    total = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except (OSError, IndexError, ValueError):
            continue
        pending += [int(child) for child in children]
    return total


class RegistryServer:
    """``python -m registry serve`` in a child process on a free loopback port."""

    def __init__(self, url: str, log: Path, workers: int) -> None:
        from tests.registry.servers import free_port

        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self._log = log.open("w", encoding="utf-8")
        command = _python("registry", "serve", "--db", url, "--host", "127.0.0.1",
                          "--port", str(self.port), "--workers", str(workers))
        # Every load client signs in from loopback at once, as chairs behind one NAT would;
        # a production-mode server needs its signing key from the environment.
        env = {**os.environ, "REGISTRY_SIGN_IN_RATE": "100000",
               "REGISTRY_SECRET": os.environ.get("REGISTRY_SECRET") or secrets.token_hex(32)}
        self.process = subprocess.Popen(command, cwd=ROOT, stdout=self._log,
                                        stderr=subprocess.STDOUT, env=env)
        self._wait_ready(log)

    def _wait_ready(self, log: Path) -> None:
        import httpx

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("registry server exited:\n" + log.read_text()[-3000:])
            try:
                if httpx.get(self.base_url + "/api/v1/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError("registry server did not start in 60 s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log.close()


@contextmanager
def _postgres() -> Iterator[Any]:
    from tests.registry.servers import PostgresCluster

    cluster = PostgresCluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()


def _postmaster_pid(cluster: Any) -> int | None:
    try:
        return int((cluster.data / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _seed(url: str, members: int) -> tuple[Result, dict[str, dict[str, str]]]:
    started = time.perf_counter()
    command = _python("registry", "seed-demo", "--db", url, "--members", str(members), "--json")
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"seed-demo failed:\n{done.stderr[-3000:]}")
    users = {u["login"]: u for u in json.loads(done.stdout)}
    label = f"{members:,}".replace(",", " ")
    return Result(f"registry seed-demo ({label} members, PostgreSQL)", seconds, "s",
                  target=120.0), users


def _load_users(url: str, count: int, skip_orgs: set[str]) -> list[dict[str, str]]:
    """``count`` primary chairs of distinct organisations, each with one member to edit."""
    from sqlalchemy import select

    from registry.auth import create_user
    from registry.db import open_database
    from registry.models import members, organisations
    from registry.passwords import hash_password

    db = open_database(url)
    users: list[dict[str, str]] = []
    try:
        with db.write() as session:
            org_ids = [o for o in session.scalars(
                select(organisations.c.id).where(organisations.c.level == "primary",
                                                 organisations.c.deleted.is_(False))
                .order_by(organisations.c.code)) if o not in skip_orgs]
            password_hash = hash_password(LOAD_PASSWORD)
            for number, org_id in enumerate(org_ids):
                member_id = session.scalar(
                    select(members.c.id).where(members.c.org_id == org_id,
                                               members.c.deleted.is_(False))
                    .order_by(members.c.id).limit(1))
                if member_id is None:
                    continue
                login = f"bench-load-{number}"
                create_user(session, login, LOAD_PASSWORD, [(org_id, "primary")],
                            must_change_password=False, password_hash=password_hash)
                users.append({"login": login, "password": LOAD_PASSWORD, "org_id": org_id,
                              "member_id": member_id})
                if len(users) == count:
                    break
    finally:
        db.close()
    if len(users) < count:
        raise RuntimeError(f"only {len(users)} primary organisations with members for the load")
    return users


def _download(server: RegistryServer, users: dict[str, dict[str, str]], scratch: Path,
              members: int) -> list[Result]:
    user = users[REGION]
    got = _json_child(_python("bench.sync_client", "download", "--server", server.base_url,
                              "--login", REGION, "--password", user["password"],
                              "--db", str(scratch / "sync-region.sqlite")), "first download")
    label = f"{members:,}".replace(",", " ")
    detail = {k: v for k, v in got.items() if k not in ("seconds", "peak_mb")}
    return [
        Result(f"sync: first download, {label}-member scope", got["seconds"], "s",
               floor=20.0, target=10.0, detail=detail),
        Result("sync: first download, client peak RSS", got["peak_mb"], "MB",
               floor=500.0, target=300.0),
    ]


def _incremental(server: RegistryServer, users: dict[str, dict[str, str]], scratch: Path,
                 rounds: int) -> list[Result]:
    got = _json_child(_python(
        "bench.sync_client", "incremental", "--server", server.base_url,
        "--login", REGION, "--password", users[REGION]["password"],
        "--db", str(scratch / "sync-region.sqlite"),
        "--remote-login", CHAIR, "--remote-password", users[CHAIR]["password"],
        "--remote-db", str(scratch / "sync-chair.sqlite"),
        "--changes", "50", "--rounds", str(rounds)), "incremental sync")
    detail = {k: v for k, v in got.items() if k != "median_ms"}
    return [Result("sync: incremental, 50 local + 50 remote changes (median)", got["median_ms"],
                   "ms", floor=300.0, target=150.0, detail=detail)]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _load(server: RegistryServer, users: list[dict[str, str]], scratch: Path,
          duration: float, postmaster: int | None) -> list[Result]:
    processes: list[subprocess.Popen[str]] = []
    for number in range(LOAD_PROCESSES):
        part = scratch / f"load-users-{number}.json"
        part.write_text(json.dumps(users[number::LOAD_PROCESSES]), encoding="utf-8")
        processes.append(subprocess.Popen(
            _python("bench.sync_load", "--server", server.base_url, "--users", str(part),
                    "--duration", str(duration)),
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True))
    for process in processes:  # each logs its clients in and pulls their scopes first
        assert process.stdout is not None
        if process.stdout.readline().strip() != "ready":
            raise RuntimeError("load generator failed to start")
    server_cpu, pg_cpu = _cpu_seconds(server.process.pid), _cpu_seconds(postmaster or 0)
    started = time.perf_counter()
    outputs = []
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    for process in processes:
        out, _ = process.communicate(timeout=duration + 120)
        if process.returncode != 0:
            raise RuntimeError("load generator failed")
        outputs.append(json.loads(out.strip().splitlines()[-1]))
    wall = time.perf_counter() - started
    server_cpu = _cpu_seconds(server.process.pid) - server_cpu
    pg_cpu = _cpu_seconds(postmaster or 0) - pg_cpu
    latencies = [x for out in outputs for x in out["latencies_ms"]]
    measured = max(out["wall_s"] for out in outputs)
    errors = sum(out["error_count"] for out in outputs)
    detail = {
        "clients": LOAD_CLIENTS, "load_processes": LOAD_PROCESSES,
        "server_workers": server.workers, "threads_per_worker": DEFAULT_THREADS, "duration_s": round(measured, 2), "syncs": len(latencies),
        "errors": errors, "first_errors": [e for out in outputs for e in out["errors"]][:5],
        "median_ms": round(statistics.median(latencies), 1) if latencies else None,
        "p99_ms": round(_percentile(latencies, 0.99), 1) if latencies else None,
        "sync": "one /sync/exchange: push 1 mutation, the page after the cursors, the "
                "counts (as the desktop client's sync)",
        "cpu_share_of_one_core": {
            "server": round(server_cpu / wall, 2),
            "postgresql": round(pg_cpu / wall, 2),
            "load_generator": round(sum(out["cpu_s"] for out in outputs) / wall, 2),
            "cores_on_machine": os.cpu_count(),
        },
    }
    rate = len(latencies) / measured if measured else None
    p95 = _percentile(latencies, 0.95) if latencies else None
    return [
        Result(f"sync server: {LOAD_CLIENTS} clients, incremental syncs per second", rate,
               "syncs/s", floor=200.0, target=400.0, higher_is_better=True, detail=detail),
        Result(f"sync server: {LOAD_CLIENTS} clients, sync latency p95", p95, "ms",
               floor=250.0, target=100.0),
    ]


def sync(members: int, quick: bool, scratch: Path, workers: int = 2) -> list[Result]:
    """All sync benchmarks; an empty list (with a note) where PostgreSQL is not installed."""
    from tests.registry.servers import postgres_binaries

    if sys.platform == "win32" or postgres_binaries() is None:
        print("PostgreSQL (initdb, pg_ctl) not found: sync benchmarks skipped", flush=True)
        return []
    results: list[Result] = []
    with _postgres() as cluster:
        url = cluster.create_database("bench_registry")
        print(f"Seeding the registry with {members} members…", flush=True)
        seeded, users = _seed(url, members)
        results.append(seeded)
        load_users = _load_users(url, LOAD_CLIENTS, {users[CHAIR]["org_id"]})
        server = RegistryServer(url, scratch / "registry-server.log", workers)
        try:
            print("Timing the first download and incremental syncs…", flush=True)
            results += _download(server, users, scratch, members)
            results += _incremental(server, users, scratch, 3 if quick else 5)
            print("Timing member lookups and a transfer acceptance…", flush=True)
            results += transfer_cases.lookups(server.base_url, url, users)
            print(f"Timing {LOAD_CLIENTS} concurrent clients…", flush=True)
            results += _load(server, load_users, scratch, 6.0 if quick else 20.0,
                             _postmaster_pid(cluster))
        finally:
            server.stop()
    return results

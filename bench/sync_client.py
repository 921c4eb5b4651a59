"""The client side of the sync benchmarks, run in a child process of its own so that its peak
memory is the client's alone: ``python -m bench.sync_client download|incremental ARGS``.

Prints one JSON line. Everything goes through the product's own code: the local SQLite store,
the member card service (which writes the outbox) and :class:`sync.engine.SyncEngine` over
:class:`sync.client.RegistryClient`.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bench.encryption import bench_key
from chairclient.db.engine import Database, open_database
from chairclient.db.models import Member
from chairclient.services.members import save_member
from sync.client import RegistryClient
from sync.engine import SyncEngine


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


def _side(server: str, login: str, password: str, path: Path) -> tuple[Database, SyncEngine]:
    db = open_database(path, key=bench_key())
    client = RegistryClient(server)
    client.login(login, password)
    return db, SyncEngine(db, client)


def download(args: argparse.Namespace) -> dict[str, Any]:
    """First sync of an empty local database: wall time of ``SyncEngine.run`` and peak RSS."""
    started = time.perf_counter()
    db, engine = _side(args.server, args.login, args.password, args.db)
    ready, cpu = time.perf_counter(), _cpu_seconds()
    report = engine.run()
    seconds, cpu = time.perf_counter() - ready, _cpu_seconds() - cpu
    with db.transaction() as session:
        members = session.scalar(select(func.count()).select_from(Member))
    db.close()
    return {
        "seconds": seconds, "peak_mb": _peak_mb(), "pulled": report.pulled,
        "members": members, "redownloaded": len(report.orgs_redownloaded),
        "client_cpu_s": round(cpu, 2), "open_and_login_s": round(ready - started, 3),
        "file_mb": round(args.db.stat().st_size / 2**20, 1),
    }


def _members(db: Database, count: int, *, inside: str | None, outside: str | None) -> list[str]:
    """``count`` member ids in org ``inside``, or outside org ``outside`` (deterministic)."""
    query = select(Member.id).where(Member.deleted.is_(False), Member.status == "active")
    if inside:
        query = query.where(Member.org_id == inside)
    if outside:
        query = query.where(Member.org_id != outside)
    with db.transaction() as session:
        ids = list(session.scalars(query.order_by(Member.id).limit(count)))
    if len(ids) < count:
        raise SystemExit(f"only {len(ids)} members to edit, {count} needed")
    return ids


def _edit(db: Database, member_ids: Sequence[str], note: str) -> None:
    """One transaction per edit, as the member card's Save does."""
    for member_id in member_ids:
        with db.transaction() as session:
            member = session.get(Member, member_id)
            assert member is not None
            save_member(session, member.org_id, {"note": f"{note} {member_id[:8]}"}, member_id)


def incremental(args: argparse.Namespace) -> dict[str, Any]:
    """Rounds of: another chair edits ``changes`` members of its org and syncs; this client
    edits ``changes`` other members; then this client's sync is timed (push + pull + count
    check). The local database is the one the first download filled."""
    db, engine = _side(args.server, args.login, args.password, args.db)
    remote_db, remote = _side(args.server, args.remote_login, args.remote_password,
                              args.remote_db)
    remote.run()  # the other chair's own first download (untimed)
    remote_org = remote.client.meta().user.positions[0].org_id
    remote_ids = _members(remote_db, args.changes, inside=remote_org, outside=None)
    local_ids = _members(db, args.changes, inside=None, outside=remote_org)
    engine.run()  # settle anything left from the download (untimed)
    runs: list[float] = []
    reports: list[dict[str, int]] = []
    for number in range(1, args.rounds + 1):
        _edit(remote_db, remote_ids, f"Удалённая правка {number}")
        remote.run()
        _edit(db, local_ids, f"Местная правка {number}")
        started = time.perf_counter()
        report = engine.run()
        runs.append((time.perf_counter() - started) * 1000)
        reports.append({"pushed": report.pushed, "applied": report.applied,
                        "pulled": report.pulled, "conflicts": report.conflicts,
                        "redownloaded": len(report.orgs_redownloaded)})
    db.close()
    remote_db.close()
    return {"median_ms": statistics.median(runs), "runs_ms": [round(r, 1) for r in runs],
            "reports": reports, "peak_mb": _peak_mb()}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench.sync_client")
    sub = parser.add_subparsers(dest="case", required=True)
    for name in ("download", "incremental"):
        cmd = sub.add_parser(name)
        cmd.add_argument("--server", required=True)
        cmd.add_argument("--login", required=True)
        cmd.add_argument("--password", required=True)
        cmd.add_argument("--db", type=Path, required=True)
    inc = sub.choices["incremental"]
    inc.add_argument("--remote-login", required=True)
    inc.add_argument("--remote-password", required=True)
    inc.add_argument("--remote-db", type=Path, required=True)
    inc.add_argument("--changes", type=int, default=50)
    inc.add_argument("--rounds", type=int, default=5)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    result = download(args) if args.case == "download" else incremental(args)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

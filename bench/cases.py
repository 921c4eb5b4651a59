"""The measurements: building the demo database, and the queries behind the main window."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.results import Result

ROOT = Path(__file__).resolve().parents[1]

# Limits in milliseconds for the interactive queries: the target keeps typing in the search box
# fluid; the floor is where the member list would start to feel stuck.
QUERY_TARGET_MS = 100.0
QUERY_FLOOR_MS = 500.0
PAGE_TARGET_MS = 10.0
PAGE_FLOOR_MS = 50.0


def _peak_children_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def build(path: Path, members: int, seed: int) -> list[Result]:
    """Run the real command in a child process: wall time and the child's peak memory."""
    command = [sys.executable, "-m", "chairclient", "demo-data", "--db", str(path),
               "--members", str(members), "--seed", str(seed), "--force"]
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if completed.returncode != 0:
        raise RuntimeError(f"demo-data failed:\n{completed.stderr}")
    label = f"{members:,}".replace(",", " ")
    return [
        Result(f"demo-data build ({label} members)", seconds, "s", floor=60.0, target=30.0,
               detail={"summary": completed.stdout.strip(),
                       "file_mb": round(path.stat().st_size / 2**20, 1)}),
        Result("demo-data build peak RSS", _peak_children_rss_mb(), "MB", floor=2048.0,
               target=1024.0),
    ]


def _timed(call: Callable[[], Any], repeats: int) -> tuple[float, list[float], Any]:
    """(median ms, all ms, last result) after one untimed warm-up call."""
    result = call()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), times, result


def queries(path: Path, repeats: int) -> list[Result]:
    from sqlalchemy import func, select

    from bench.encryption import bench_key
    from chairclient.db.engine import open_database
    from chairclient.db.models import Member, Organisation
    from chairclient.queries.members import MemberFilter, fetch_rows, member_ids
    from chairclient.queries.organisations import org_tree, subtree_ids

    results: list[Result] = []

    def open_and_tree() -> int:
        db = open_database(path, key=bench_key())
        try:
            with db.session() as session:
                return len(org_tree(session))
        finally:
            db.close()

    ms, times, count = _timed(open_and_tree, repeats)
    results.append(Result("open database + org tree", ms, "ms", floor=1000.0, target=300.0,
                          detail={"runs_ms": times, "organisations": count}))

    db = open_database(path, key=bench_key())
    try:
        with db.session() as session:
            ms, times, _ = _timed(lambda: org_tree(session), repeats)
            results.append(Result("org tree query", ms, "ms", floor=500.0, target=100.0,
                                  detail={"runs_ms": times}))

            largest, size = session.execute(
                select(Member.org_id, func.count())
                .where(Member.status == "active", Member.deleted.is_(False))
                .group_by(Member.org_id).order_by(func.count().desc()).limit(1)
            ).one()
            regional = session.scalar(
                select(Organisation.id).where(Organisation.level == "regional")
            )
            scopes = {
                f"largest org ({size} active)": (largest,),
                "regional subtree": tuple(subtree_ids(session, regional)),
            }
            snils = session.scalar(
                select(Member.snils).where(Member.org_id == largest, Member.snils.is_not(None))
                .order_by(Member.id).limit(1)
            )
            snils_fragment = (snils or "123-456")[:6]  # «123-45»: one digit token «12345»
            for scope_name, org_ids in scopes.items():
                results += _member_list(session, scope_name, org_ids, snils_fragment, repeats,
                                        MemberFilter, member_ids, fetch_rows)
    finally:
        db.close()
    return results


def _member_list(
    session: Any, scope: str, org_ids: tuple[str, ...], snils_fragment: str, repeats: int,
    member_filter: Any, member_ids: Any, fetch_rows: Any,
) -> list[Result]:
    cases = {
        "no filter": member_filter(org_ids=org_ids),
        "search «иван»": member_filter(org_ids=org_ids, text="иван"),
        f"search СНИЛС «{snils_fragment}»": member_filter(org_ids=org_ids, text=snils_fragment),
        "sorted by birth date": member_filter(org_ids=org_ids, sort_key="birth_date"),
    }
    results = []
    first_page: list[str] = []
    for case, flt in cases.items():
        ms, times, ids = _timed(lambda flt=flt: member_ids(session, flt), repeats)
        if not first_page:
            first_page = ids[:100]
        results.append(Result(f"member_ids, {scope}, {case}", ms, "ms", floor=QUERY_FLOOR_MS,
                              target=QUERY_TARGET_MS, detail={"runs_ms": times,
                                                              "rows": len(ids)}))
    ms, times, rows = _timed(lambda: fetch_rows(session, first_page), repeats)
    results.append(Result(f"fetch_rows, {scope}, page of {len(first_page)}", ms, "ms",
                          floor=PAGE_FLOOR_MS, target=PAGE_TARGET_MS,
                          detail={"runs_ms": times, "rows": len(rows)}))
    return results

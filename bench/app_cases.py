"""The desktop app on a 100,000-member database (issue 2's floors), in child processes.

Each run starts :mod:`bench.app_child` the way a chair starts the app and times it until the
member list is painted (cold start: interpreter, imports, database, window, first rows); the
child then times, inside the running app, opening the member list of a ~5,000-member
organisation, the search per keystroke, saving a member card, and reports its peak memory.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.results import Result

ROOT = Path(__file__).resolve().parents[1]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _one_run(path: Path) -> tuple[float, dict]:
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "bench.app_child", str(path)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert child.stdout is not None
    line = child.stdout.readline().strip()
    start_s = time.perf_counter() - started
    out, err = child.communicate(timeout=600)
    if line != "painted" or child.returncode != 0:
        raise RuntimeError(f"the app benchmark failed:\n{line}\n{err[-3000:]}")
    return start_s, json.loads(out.strip().splitlines()[-1])


def app(path: Path, runs: int = 3) -> list[Result]:
    starts, details = [], []
    for _ in range(runs):
        start_s, detail = _one_run(path)
        starts.append(start_s)
        details.append(detail)
    lists = [ms for d in details for ms in d["list_ms"]]
    keys = [ms for d in details for ms in d["keystroke_ms"]]
    queries = [ms for d in details for ms in d["query_ms"]]
    saves = [ms for d in details for ms in d["save_ms"]]
    size = details[0]["list_org_members"]
    return [
        Result("app: cold start to a painted member list", statistics.median(starts), "s",
               floor=1.5, target=1.0, detail={"runs_s": [round(s, 3) for s in starts]}),
        Result(f"app: open the member list of a {size}-member organisation",
               statistics.median(lists), "ms", floor=150.0, target=75.0,
               detail={"runs_ms": [round(x, 1) for x in lists]}),
        Result("app: search per keystroke, query in the running app (p95)",
               _percentile(queries, 0.95), "ms", floor=20.0, target=10.0,
               detail={"keystrokes": len(queries),
                       "median_ms": round(statistics.median(queries), 2),
                       "max_ms": round(max(queries), 2),
                       "what": "reader thread: ordered ids, total, first page of rows"}),
        Result("app: search per keystroke until the rows are on screen (p95)",
               _percentile(keys, 0.95), "ms", target=50.0,
               detail={"keystrokes": len(keys), "median_ms": round(statistics.median(keys), 2),
                       "max_ms": round(max(keys), 2)}),
        Result("app: save one member card (median)", statistics.median(saves), "ms",
               floor=30.0, target=15.0,
               detail={"saves": len(saves), "p95_ms": round(_percentile(saves, 0.95), 2)}),
        Result("app: peak memory (whole run)", max(d["peak_rss_mb"] for d in details), "MB",
               floor=300.0, target=200.0),
    ]

"""Documents and reports: 1,000 consents, 5-СП of the whole region, the member list to Excel.

Each runs in a child process of its own, so its peak memory is its own (not the build's).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.results import Result

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from sqlalchemy import select
from chairclient.db.engine import open_database
from chairclient.db.models import Member, Organisation
from chairclient.queries.organisations import subtree_ids

db_path, out_dir, case = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
db = open_database(db_path)
with db.session() as s:
    region = s.scalar(select(Organisation).where(Organisation.level == "regional"))
    region_id, region_name = region.id, region.short_name
    ids = list(s.scalars(select(Member.id).where(Member.org_id.in_(subtree_ids(s, region_id)),
                                                  Member.status == "active")
                        .order_by(Member.id).limit(1000)))
started = time.perf_counter()
if case == "consents":
    from reports.pdf.consent import load_consent_batch, write_consents
    with db.session() as s:
        batch = load_consent_batch(s, region_id, ids)
    count = write_consents(out_dir / "consents.pdf", batch)
elif case == "5sp":
    from datetime import date
    from reports.excel.form_5sp import build_5sp_workbook
    from reports.excel.saving import save_workbook
    from reports.stats.definition import load_definition
    from reports.stats.sp5 import compute_5sp
    with db.session() as s:
        result = compute_5sp(s, region_id, date(2026, 1, 1), load_definition(None))
    save_workbook(build_5sp_workbook(result), out_dir / "5sp.xlsx")
    count = len(result.orgs)
else:
    from reports.excel.lists import ListRequest, write_list
    with db.session() as s:
        count = write_list(s, ListRequest("members", region_id, (), None, None, False),
                           out_dir / "members.xlsx", org_name=region_name)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "count": count}))
"""


def _child(db: Path, out_dir: Path, case: str) -> dict:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(db), str(out_dir), case],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"report benchmark {case} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def reports(db: Path, out_dir: Path) -> list[Result]:
    if sys.platform == "win32":  # the child measures its peak with the resource module
        return []
    consents = _child(db, out_dir, "consents")
    sp5 = _child(db, out_dir, "5sp")
    members = _child(db, out_dir, "members")
    return [
        Result(f"consent PDF, batch of {consents['count']}", consents["seconds"], "s",
               floor=5.0, target=3.0),
        Result(f"5-СП, regional subtree ({sp5['count']} orgs)", sp5["seconds"], "s",
               floor=2.0, target=1.0),
        Result(f"member list to Excel ({members['count']} rows)", members["seconds"], "s",
               floor=15.0, target=8.0),
        Result("member list to Excel, peak RSS", members["peak_mb"], "MB", floor=200.0,
               target=150.0),
    ]

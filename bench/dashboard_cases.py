"""The completeness dashboard: every count, the structure and the subordinate table.

Timed for the whole region (the largest scope a territorial or regional user has), one
territorial organisation and the largest primary one. Target: well under a second for the
region, so the dashboard tab fills in without a noticeable wait (it is computed off the UI
thread either way).
"""

from __future__ import annotations

from pathlib import Path

from bench.cases import _timed
from bench.results import Result

REGION_TARGET_MS = 300.0
REGION_FLOOR_MS = 1000.0


def dashboard(path: Path, repeats: int) -> list[Result]:
    from sqlalchemy import func, select

    from chairclient.db.engine import open_database
    from chairclient.db.models import Member, Organisation
    from chairclient.queries.dashboard import compute_dashboard
    from chairclient.queries.organisations import subtree_ids

    results = []
    from bench.encryption import bench_key

    db = open_database(path, key=bench_key())
    try:
        with db.session() as session:
            region = session.scalar(select(Organisation.id).where(Organisation.level == "regional"))
            territorial = session.scalar(
                select(Organisation.id).where(Organisation.level == "territorial")
                .order_by(Organisation.code).limit(1))
            largest = session.scalar(
                select(Member.org_id).where(Member.status == "active", Member.deleted.is_(False))
                .group_by(Member.org_id).order_by(func.count().desc()).limit(1))
            for name, org_id in (("region", region), ("territorial org", territorial),
                                 ("largest primary org", largest)):
                org_ids = tuple(subtree_ids(session, org_id))
                ms, times, found = _timed(
                    lambda org_id=org_id, org_ids=org_ids: compute_dashboard(
                        session, org_id, org_ids), repeats)
                results.append(Result(
                    f"dashboard, {name}", ms, "ms", floor=REGION_FLOOR_MS,
                    target=REGION_TARGET_MS,
                    detail={"runs_ms": times, "organisations": len(org_ids),
                            "members": found.counts["on_register"],
                            "subordinate_rows": len(found.subordinates)}))
    finally:
        db.close()
    return results

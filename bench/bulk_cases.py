"""Bulk actions: mark consent for 10 000 members in one transaction, and undo it.

Runs on a copy of the benchmark database (the other cases keep their data). The chosen members'
consents are removed first (untimed), so every one of them gets a new consent record, an outbox
entry and a derived-column update.
"""

from __future__ import annotations

import statistics
import time
from datetime import date
from pathlib import Path

from bench.results import Result
from chairclient.db.engine import copy_database

MEMBERS = 10_000


def bulk(path: Path, scratch: Path, repeats: int) -> list[Result]:
    from sqlalchemy import delete, select, update

    from chairclient.db.engine import open_database
    from chairclient.db.models import Consent, Member
    from chairclient.services.bulk import mark_consent
    from chairclient.services.undo import last_step, undo_last_step

    copy = scratch / "bulk.sqlite"
    copy_database(path, copy)
    db = open_database(copy)
    try:
        with db.transaction() as session:
            ids = list(session.scalars(
                select(Member.id).where(Member.status == "active", Member.deleted.is_(False))
                .order_by(Member.id).limit(MEMBERS)))
            for start in range(0, len(ids), 500):
                part = ids[start:start + 500]
                session.execute(delete(Consent).where(Consent.member_id.in_(part)))
                session.execute(update(Member).where(Member.id.in_(part))
                                .values(has_consent=False))
        marks, undos, menus = [], [], []
        for _ in range(max(1, repeats)):
            started = time.perf_counter()
            with db.transaction() as session:
                result = mark_consent(session, ids, date.today())
            marks.append(time.perf_counter() - started)
            assert len(result.done) == len(ids)
            started = time.perf_counter()
            with db.session() as session:
                assert last_step(session) is not None
            menus.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            with db.transaction() as session:
                undo_last_step(session, result.step_id)
            undos.append(time.perf_counter() - started)
    finally:
        db.close()
        copy.unlink(missing_ok=True)
    label = f"{len(ids):,}".replace(",", " ")
    return [
        Result(f"bulk: mark consent, {label} members (one transaction)",
               statistics.median(marks), "s", floor=5.0, target=2.0,
               detail={"runs_s": marks}),
        Result(f"bulk: undo that step ({label} consents)", statistics.median(undos), "s",
               floor=5.0, target=2.0, detail={"runs_s": undos}),
        Result("bulk: read the last step for Правка → Отменить", statistics.median(menus), "ms",
               floor=500.0, target=100.0, detail={"runs_ms": menus}),
    ]

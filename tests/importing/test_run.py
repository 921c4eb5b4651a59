"""The import run: progress, cancellation and dry run leave the database as it was; the bulk
writer produces exactly what save_member produces."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from chairclient.db.models import Member, MembershipEvent, OutboxEntry, new_id
from chairclient.importing import ImportCancelled, build_preview, load_table, run_import
from chairclient.importing.bench import write_file
from chairclient.importing.mapping import guess_mapping
from chairclient.importing.writer import MemberWriter
from chairclient.services.derived import member_values
from chairclient.services.members import save_member
from chairclient.validation import ValidationError
from tests.core.factories import member_values as card
from tests.importing.helpers import counts


def bench_preview(tmp_path: Path, rows: int = 250):
    table = load_table(write_file(tmp_path / "many.xlsx", rows))
    return build_preview(table, guess_mapping(table.headers))


def test_progress_reaches_total(tmp_path: Path, db, org_id) -> None:
    preview = bench_preview(tmp_path)
    seen: list[tuple[int, int]] = []
    report = run_import(db, org_id, preview, progress=lambda d, t: seen.append((d, t)))
    assert report.counts["imported"] == 250
    assert seen[-1] == (250, 250) and seen == sorted(seen)
    assert counts(db) == (250, 250, 500)


def test_cancel_halfway_leaves_database_unchanged(tmp_path: Path, db, org_id) -> None:
    preview = bench_preview(tmp_path)
    before = counts(db)

    def stop_at_half(done: int, total: int) -> None:
        if done >= total // 2:
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        run_import(db, org_id, preview, progress=stop_at_half)
    assert counts(db) == before
    calls = iter(range(1000))
    with pytest.raises(ImportCancelled, match="отменена"):
        run_import(db, org_id, preview, cancel=lambda: next(calls) >= 120)
    assert counts(db) == before


def test_failure_halfway_rolls_back(tmp_path: Path, db, org_id) -> None:
    preview = bench_preview(tmp_path)

    def boom(done: int, total: int) -> None:
        if done > 100:
            raise OSError("disk full")

    with pytest.raises(OSError):
        run_import(db, org_id, preview, progress=boom)
    assert counts(db) == (0, 0, 0)


def test_dry_run_writes_nothing_but_reports(tmp_path: Path, db, org_id) -> None:
    preview = bench_preview(tmp_path, 20)
    report = run_import(db, org_id, preview, dry_run=True)
    assert report.dry_run and report.counts["imported"] == 20
    assert counts(db) == (0, 0, 0)
    assert report.summary_lines()[0].startswith("Проверка без записи")


def test_writer_matches_save_member(db, org_id) -> None:
    values = card(snils="112-233-445 95", phone="+79123456789", email="a@b.ru")
    with db.transaction() as s:
        via_service = save_member(s, org_id, values, step_id="s1").member_id
    with db.transaction() as s:
        s.get(Member, via_service).deleted = True  # free the СНИЛС for the second copy
        writer = MemberWriter(s, org_id, "s2")
        assert writer._snils == set()
        via_writer = writer.create(values)
        writer.flush()
    with db.session() as s:
        a, b = s.get(Member, via_service), s.get(Member, via_writer)
        assert member_values(a) == member_values(b)
        for column in ("is_complete", "has_consent", "card_status", "card_number",
                       "search_text", "version", "org_id", "status"):
            assert getattr(a, column) == getattr(b, column), column
        ev = {e.member_id: e for e in s.scalars(select(MembershipEvent))}
        for column in ("kind", "event_date", "registration_method", "new_category", "org_id"):
            assert getattr(ev[a.id], column) == getattr(ev[b.id], column)
        entries = {(o.step_id, o.entity): o for o in s.scalars(select(OutboxEntry))}
    for entity in ("member", "membership_event"):
        one, two = entries[("s1", entity)], entries[("s2", entity)]
        strip = {"member_id"}
        assert {k: v for k, v in one.fields.items() if k not in strip} == {
            k: v for k, v in two.fields.items() if k not in strip}
        assert one.base == two.base and one.op == two.op == "create"
        assert one.base_version == two.base_version


def test_writer_refuses_taken_snils_and_bad_values(db, org_id) -> None:
    with db.transaction() as s:
        save_member(s, org_id, card(snils="112-233-445 95"))
    with db.transaction() as s:
        writer = MemberWriter(s, org_id, new_id(), today=date(2025, 1, 1))
        with pytest.raises(ValidationError, match="СНИЛС"):
            writer.create(card(snils="112-233-445 95"))
        with pytest.raises(ValidationError, match="не моложе"):
            writer.create(card(birth_date=date(2020, 1, 1)))
    assert counts(db)[0] == 1

"""5-СП counts what the app's actions record: a removal in its group's row, a restoration in
its own row (not among the admitted), and the offices in section III."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from chairclient.db.engine import open_database
from chairclient.services import bulk_lifecycle, roles
from chairclient.services.members import save_member
from reports.stats.definition import load_definition
from reports.stats.sp5 import compute_5sp
from tests.core.factories import add_org, member_values

CUTOFF = date(2026, 1, 1)
TODAY = date(2025, 12, 1)


def test_removals_restorations_and_offices_count(tmp_path: Path) -> None:
    db = open_database(tmp_path / "local.sqlite")
    try:
        org = add_org(db, code="01-001")
        with db.transaction() as s:
            old = [save_member(s, org, member_values(last_name=f"Старова-{c}")).member_id
                   for c in "абвг"]
            new = save_member(s, org, member_values(
                last_name="Новикова", registered_on=date(2025, 4, 1),
                member_since=date(2025, 4, 1))).member_id
        with db.transaction() as s:
            bulk_lifecycle.remove_members(s, old[:2], "voluntary", date(2025, 2, 1), today=TODAY)
            bulk_lifecycle.remove_members(s, old[2:3], "dismissal", date(2025, 2, 1),
                                          today=TODAY)
            bulk_lifecycle.remove_members(s, old[3:], "erroneous", date(2025, 2, 1),
                                          today=TODAY)  # a duplicate: outside statistics
        with db.transaction() as s:
            bulk_lifecycle.restore_members(s, old[:1], date(2025, 6, 1), today=TODAY)
            roles.appoint(s, old[:1], "chair", date(2025, 6, 2), today=TODAY)
            roles.appoint(s, [new], "committee_member", date(2025, 5, 1), today=TODAY)
            roles.appoint(s, [new], "safety_rep", date(2025, 5, 1), today=TODAY)
        with db.session() as s:
            result = compute_5sp(s, org, CUTOFF, load_definition())
    finally:
        db.close()
    total = result.total
    assert total["employees_admitted"] == {"end": 1, "women": 1}  # only Новикова joined
    assert total["restored"] == {"end": 1, "women": 1}  # the restoration apart
    assert total["left_voluntary"] == {"end": 2, "women": 2}
    assert total["removed_other"] == {"end": 1, "women": 1}
    assert total["expelled"] == {"end": 0, "women": 0}
    assert total["all_members"]["end"] == 2  # the restored one and Новикова
    assert total["chairs_not_released"]["end"] == 1 and total["chairs_not_released"]["start"] == 0
    assert total["committee"]["end"] == 1 and total["safety"]["end"] == 1

"""Independent SQL counts of the 5-СП numbers (window functions, no Python replay).

Semantics as documented in resources/reports/5sp.json: the state «на дату X» is the state at
the beginning of day X; the reporting year is [X − 1 year, X).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

SUBTREE = """
WITH RECURSIVE subtree(id) AS (
    SELECT id FROM organisations WHERE code = :code
    UNION ALL SELECT o.id FROM organisations o JOIN subtree s ON o.parent_id = s.id
)"""

#: Members on the register of the subtree at the beginning of :x, with their traits then.
STOCK = SUBTREE + """,
last_event AS (
    SELECT e.member_id, e.kind, COALESCE(e.to_org_id, e.org_id) AS target,
           ROW_NUMBER() OVER (
               PARTITION BY e.member_id
               ORDER BY e.event_date DESC,
                        CASE WHEN e.kind IN ('removed', 'transferred_out') THEN 0 ELSE 1 END DESC
           ) AS rn
    FROM membership_events e
    WHERE e.deleted = 0 AND e.event_date < :x
      AND e.kind IN ('joined', 'transferred_in', 'restored', 'removed', 'transferred_out')
),
stock AS (
    SELECT m.id, m.sex, m.birth_date, COALESCE(p.pedagogical, 0) AS pedagogical,
           COALESCE((SELECT c.old_category FROM membership_events c
                     WHERE c.member_id = m.id AND c.deleted = 0
                       AND c.kind = 'category_changed' AND c.event_date >= :x
                     ORDER BY c.event_date LIMIT 1), m.category) AS category
    FROM last_event r
    JOIN members m ON m.id = r.member_id AND m.deleted = 0
    LEFT JOIN ref_positions p ON p.code = m.position_code
    WHERE r.rn = 1 AND r.kind IN ('joined', 'transferred_in', 'restored')
      AND r.target IN (SELECT id FROM subtree)
      AND NOT EXISTS (
          SELECT 1 FROM membership_events x JOIN ref_removal_reasons rr ON rr.code = x.reason
          WHERE x.member_id = m.id AND x.kind = 'removed' AND rr.excluded_from_stats = 1
            AND x.event_date >= :x)
)
"""


def stock(session: Session, code: str, x: date, where: str = "1", women: bool = False) -> int:
    sql = STOCK + f"SELECT count(*) FROM stock WHERE {where}" + (" AND sex = 'F'" if women else "")
    return session.execute(text(sql), {"code": code, "x": x.isoformat()}).scalar_one()


def youth_born_after(x: date, max_age: int = 35) -> str:
    return x.replace(year=x.year - max_age - 1).isoformat()


def admitted(session: Session, code: str, start: date, end: date, category: str | None,
             women: bool = False, kind: str = "joined") -> int:
    """New members (``kind`` «joined») or restorations («restored») of the year;
    ``category`` None: any."""
    sql = SUBTREE + f"""
        SELECT count(*) FROM membership_events e JOIN members m ON m.id = e.member_id
        WHERE e.deleted = 0 AND m.deleted = 0 AND e.kind = '{kind}'
          AND e.event_date >= :start AND e.event_date < :end
          AND COALESCE(e.to_org_id, e.org_id) IN (SELECT id FROM subtree)
          AND (:category IS NULL OR COALESCE(e.new_category, m.category) = :category)
          AND NOT EXISTS (
              SELECT 1 FROM membership_events x JOIN ref_removal_reasons rr ON rr.code = x.reason
              WHERE x.member_id = m.id AND x.kind = 'removed' AND rr.excluded_from_stats = 1)
    """ + (" AND m.sex = 'F'" if women else "")
    return session.execute(text(sql), {"code": code, "start": start.isoformat(),
                                       "end": end.isoformat(), "category": category}).scalar_one()


def removed(session: Session, code: str, start: date, end: date, group: str,
            women: bool = False) -> int:
    sql = SUBTREE + """
        SELECT count(*) FROM membership_events e JOIN members m ON m.id = e.member_id
        JOIN ref_removal_reasons rr ON rr.code = e.reason
        WHERE e.deleted = 0 AND m.deleted = 0 AND e.kind = 'removed'
          AND e.event_date >= :start AND e.event_date < :end
          AND COALESCE(e.from_org_id, e.org_id) IN (SELECT id FROM subtree)
          AND rr.report_group = :group
    """ + (" AND m.sex = 'F'" if women else "")
    return session.execute(text(sql), {"code": code, "start": start.isoformat(),
                                       "end": end.isoformat(), "group": group}).scalar_one()


def roles(session: Session, code: str, x: date, group: str, released: bool | None = None
          ) -> int:
    sql = STOCK + """
        SELECT count(*) FROM member_roles mr JOIN ref_union_roles r ON r.code = mr.role
        JOIN stock s ON s.id = mr.member_id JOIN members m ON m.id = mr.member_id
        JOIN organisations o ON o.id = m.org_id
        WHERE mr.deleted = 0 AND r.report_group = :group
          AND (mr.since IS NULL OR mr.since < :x) AND (mr.until IS NULL OR mr.until >= :x)
    """
    if released is not None:
        sql += f" AND o.chair_released = {int(released)}"
    return session.execute(text(sql), {"code": code, "x": x.isoformat(),
                                       "group": group}).scalar_one()


def passport(session: Session, code: str, field: str) -> int | None:
    sql = SUBTREE + f" SELECT sum({field}) FROM organisations WHERE id IN (SELECT id FROM subtree)"
    return session.execute(text(sql), {"code": code}).scalar_one()


def expected(session: Session, code: str, cutoff: date) -> dict[str, dict[str, int | None]]:
    """Every counted row of 5sp.json, computed here (row key → column → value)."""
    start = cutoff.replace(year=cutoff.year - 1)
    out: dict[str, dict[str, int | None]] = {}
    stocks = {
        "employees_members": "category = 'working'",
        "students_members": "category = 'student'",
        "pensioners": "category = 'pensioner'",
        "unemployed": "category = 'unemployed'",
        "all_members": "1",
        "pedagogical": "category = 'working' AND pedagogical = 1",
    }
    for key, where in stocks.items():
        out[key] = {"start": stock(session, code, start, where),
                    "end": stock(session, code, cutoff, where),
                    "women": stock(session, code, cutoff, where, women=True)}
    out["youth"] = {
        "start": stock(session, code, start, f"birth_date > '{youth_born_after(start)}'"),
        "end": stock(session, code, cutoff, f"birth_date > '{youth_born_after(cutoff)}'"),
        "women": stock(session, code, cutoff, f"birth_date > '{youth_born_after(cutoff)}'",
                       women=True),
    }
    for key, category in (("employees_admitted", "working"), ("students_admitted", "student")):
        out[key] = {"end": admitted(session, code, start, cutoff, category),
                    "women": admitted(session, code, start, cutoff, category, women=True)}
    out["restored"] = {"end": admitted(session, code, start, cutoff, None, kind="restored"),
                       "women": admitted(session, code, start, cutoff, None, women=True,
                                         kind="restored")}
    for key, group in (("left_voluntary", "voluntary"), ("expelled", "expelled"),
                       ("removed_other", "other")):
        out[key] = {"end": removed(session, code, start, cutoff, group),
                    "women": removed(session, code, start, cutoff, group, women=True)}
    for key, group, released in (("chairs_released", "chair", True),
                                 ("chairs_not_released", "chair", False),
                                 ("committee", "committee", None),
                                 ("revision", "revision", None),
                                 ("group_organisers", "group_organiser", None),
                                 ("safety", "safety", None)):
        out[key] = {"start": roles(session, code, start, group, released),
                    "end": roles(session, code, cutoff, group, released)}
    out["employees"] = {"end": passport(session, code, "employees_total"),
                        "women": passport(session, code, "employees_women")}
    out["students"] = {"end": passport(session, code, "students_total")}
    return out

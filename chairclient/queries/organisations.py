"""Organisation tree queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chairclient.db.models import Member, Organisation


@dataclass(frozen=True)
class OrgNode:
    id: str
    parent_id: str | None
    code: str
    name: str
    level: str
    active_members: int
    #: A closed organisation (its superiors still see it, under the tree's «Закрытые» filter).
    closed_on: date | None = None
    closure_kind: str | None = None


def org_tree(session: Session) -> list[OrgNode]:
    """Every organisation in the local store (= the user's scope), closed ones too, parents
    before children."""
    counts = dict(
        session.execute(
            select(Member.org_id, func.count())
            .where(Member.deleted.is_(False), Member.status == "active")
            .group_by(Member.org_id)
        ).all()
    )
    orgs = session.scalars(
        select(Organisation).where(Organisation.deleted.is_(False)).order_by(Organisation.code)
    ).all()
    by_parent: dict[str | None, list[Organisation]] = {}
    ids = {o.id for o in orgs}
    for org in orgs:
        parent = org.parent_id if org.parent_id in ids else None
        by_parent.setdefault(parent, []).append(org)
    ordered: list[OrgNode] = []

    def walk(parent: str | None) -> None:
        for org in sorted(by_parent.get(parent, []), key=lambda o: (o.short_name or o.full_name)):
            ordered.append(
                OrgNode(org.id, parent, org.code, org.short_name or org.full_name, org.level,
                        counts.get(org.id, 0), org.closed_on, org.closure_kind)
            )
            walk(org.id)

    walk(None)
    return ordered


def subtree_ids(session: Session, org_id: str) -> list[str]:
    """``org_id`` and every organisation below it (recursive CTE)."""
    tree = (
        select(Organisation.id)
        .where(Organisation.id == org_id)
        .cte("subtree", recursive=True)
    )
    tree = tree.union_all(select(Organisation.id).where(Organisation.parent_id == tree.c.id))
    return list(session.scalars(select(tree.c.id)))


def operator_settings(session: Session, org_id: str) -> tuple[str | None, str | None, list]:
    """The personal-data operator and processors, inherited from the nearest ancestor that has them."""
    org = session.get(Organisation, org_id)
    while org is not None:
        if org.pd_operator_name:
            return org.pd_operator_name, org.pd_operator_address, list(org.pd_processors or [])
        org = session.get(Organisation, org.parent_id) if org.parent_id else None
    return None, None, []

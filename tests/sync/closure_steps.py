"""Closures as steps of the convergence test, and what each side should end up holding."""

from __future__ import annotations

import contextlib
from datetime import date

from sqlalchemy import select

from chairclient.db.models import Member, Organisation
from chairclient.domain import closure
from chairclient.services.closure import ClosureRefused, close_organisation
from registry.models import members as server_members
from registry.models import organisations as server_orgs
from tests.sync.helpers import server_scope


def close_a_sibling(side, *, keep: str, merge: bool) -> None:
    """Queue a liquidation, or a merger into ``keep``, of an open primary organisation next to
    ``keep`` (refused locally when none is left, one is already queued, or its draft card
    request holds lines)."""
    with side.db.transaction() as session:
        parent = session.get(Organisation, keep).parent_id
        org_id = session.scalar(select(Organisation.id).where(
            Organisation.parent_id == parent, Organisation.id != keep,
            Organisation.level == "primary", Organisation.closed_on.is_(None),
            Organisation.deleted.is_(False)).order_by(Organisation.code).limit(1))
    if org_id is None:
        return
    kind = closure.MERGER if merge else closure.LIQUIDATION
    with contextlib.suppress(ClosureRefused), side.db.transaction() as session:
        close_organisation(session, org_id, kind, date.today(),
                           positions=[(p.org_id, p.role) for p in side.client.positions],
                           merged_into_id=keep if merge else None)


def held(side) -> tuple[set, set]:
    """The side's organisations (with their closure day) and members (organisation, status)."""
    with side.db.transaction() as session:
        orgs = {(o.id, o.closed_on) for o in session.scalars(
            select(Organisation).where(Organisation.deleted.is_(False)))}
        people = {tuple(r) for r in session.execute(
            select(Member.id, Member.org_id, Member.status).where(Member.deleted.is_(False)))}
    return orgs, people


def held_on_server(server, login: str) -> tuple[set, set]:
    """What :func:`held` should find on the side of ``login``: its scope on the registry."""
    scope = server_scope(server.db, login)
    with server.db.read() as session:
        orgs = {tuple(r) for r in session.execute(
            select(server_orgs.c.id, server_orgs.c.closed_on).where(
                server_orgs.c.id.in_(scope), server_orgs.c.deleted.is_(False)))}
        people = {tuple(r) for r in session.execute(
            select(server_members.c.id, server_members.c.org_id, server_members.c.status)
            .where(server_members.c.org_id.in_(scope), server_members.c.deleted.is_(False)))}
    return orgs, people

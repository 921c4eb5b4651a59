"""``/api/v1/sync``: meta, push, pull — always within the scope computed for this request."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import select

from registry import pull as pull_module
from registry import push as push_module
from registry.auth import now_utc
from registry.changelog import tombstone_horizon
from registry.deps import ReadyUser, RegistryDep
from registry.models import organisations
from registry.scope import compute_scope
from sync.protocol import (
    ErrorResponse,
    Position,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    SyncMeta,
    UserInfo,
)

router = APIRouter(prefix="/api/v1/sync", tags=["sync"])
_ERRORS = {401: {"model": ErrorResponse}, 403: {"model": ErrorResponse}}


@router.get("/meta", response_model=SyncMeta, responses=_ERRORS)
def meta(user: ReadyUser, registry: RegistryDep) -> SyncMeta:
    """Server time, the user and positions, the scope and per-organisation row counts."""
    with registry.db.read() as session:
        scope = compute_scope(session, user.id)
        org_ids = [org_id for org_id, _ in scope.positions]
        names = dict(
            session.execute(
                select(organisations.c.id, organisations.c.short_name).where(
                    organisations.c.id.in_(org_ids)
                )
            ).all()
        )
        positions = [
            Position(org_id=org_id, role=role, org_name=names.get(org_id, ""))
            for org_id, role in scope.positions
        ]
        return SyncMeta(
            server_time=now_utc(),
            user=UserInfo(
                id=user.id, login=user.login, full_name=user.full_name, positions=positions
            ),
            scope=sorted(scope.org_ids),
            counts=pull_module.counts(session, scope),
            tombstone_horizon=tombstone_horizon(session),
        )


@router.post("/pull", response_model=PullResponse, responses=_ERRORS)
def pull(body: PullRequest, user: ReadyUser, registry: RegistryDep) -> PullResponse:
    """One page of full rows and tombstones after the given per-organisation cursors."""
    with registry.db.read() as session:
        scope = compute_scope(session, user.id)
        return pull_module.pull(session, scope, body)


@router.post("/push", response_model=PushResponse, responses=_ERRORS)
def push(body: PushRequest, user: ReadyUser, registry: RegistryDep) -> PushResponse:
    """Apply mutations in order; a mutation already applied is answered ``duplicate`` with its
    stored result and is not applied again."""
    results = push_module.push(registry.db, user.id, body.mutations)
    return PushResponse(results=results, server_time=now_utc())

"""``/api/v1/sync``: meta, push, pull — always within the scope computed for this request."""

from __future__ import annotations

from datetime import UTC

from fastapi import APIRouter, Response
from pydantic_core import to_json
from sqlalchemy import select

from registry import pull as pull_module
from registry import push as push_module
from registry.auth import AuthUser, now_utc
from registry.body import BODY_ERRORS
from registry.changelog import tombstone_horizon
from registry.deps import (
    PASSWORD_CHANGE_REQUIRED,
    BearerToken,
    ReadyUser,
    Registry,
    RegistryDep,
    authenticate,
)
from registry.errors import error_doc
from registry.models import organisations
from registry.scope import compute_scope
from sync.protocol import (
    ClientReleaseInfo,
    ExchangeRequest,
    ExchangeResponse,
    Position,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    SyncMeta,
    UserInfo,
)

router = APIRouter(prefix="/api/v1/sync", tags=["sync"])
SYNC_ROLES = frozenset({"admin", "regional", "territorial", "primary"})
_ERRORS: dict[int | str, dict] = {
    401: error_doc("Срок действия входа истёк, обновите токен"),
    403: error_doc(PASSWORD_CHANGE_REQUIRED),
}
_BODY_ERRORS: dict[int | str, dict] = {**_ERRORS, **BODY_ERRORS}


def _json(model: SyncMeta | PushResponse) -> Response:
    """A response model sent as is: FastAPI would validate the model just built once more (on
    a thread-pool hop of its own, for a ``def`` endpoint) before dumping the same JSON."""
    return Response(model.model_dump_json(by_alias=True), media_type="application/json")


@router.get("/meta", response_model=SyncMeta, responses=_ERRORS)
def meta(user: ReadyUser, registry: RegistryDep) -> Response:
    """Server time, the user and positions, the scope and per-organisation row counts."""
    with registry.db.read() as session:
        scope = compute_scope(session, user.id, user.positions)
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
            if role in SYNC_ROLES  # a PROFCARDS operator's position is no sync position
        ]
        return _json(SyncMeta(
            server_time=now_utc(),
            user=UserInfo(
                id=user.id, login=user.login, full_name=user.full_name, positions=positions
            ),
            scope=sorted(scope.org_ids),
            counts=pull_module.counts(session, scope),
            tombstone_horizon=tombstone_horizon(session),
            client=ClientReleaseInfo(**vars(registry.release)),
        ))


@router.post("/pull", response_model=PullResponse, responses=_BODY_ERRORS)
def pull(body: PullRequest, user: ReadyUser, registry: RegistryDep) -> Response:
    """One page of full rows and tombstones after the given per-organisation cursors."""
    with registry.db.read() as session:
        scope = compute_scope(session, user.id, user.positions)
        page = pull_module.pull_json(session, scope, body)
    # Straight to JSON bytes: a page of up to 5,000 rows made by the server itself needs no
    # model per row nor a validation pass (``response_model`` stays for the docs).
    return Response(page, media_type="application/json")


@router.post("/push", response_model=PushResponse, responses=_BODY_ERRORS)
def push(body: PushRequest, user: ReadyUser, registry: RegistryDep) -> Response:
    """Apply mutations in order; a mutation already applied is answered ``duplicate`` with its
    stored result and is not applied again."""
    results = push_module.push(registry.db, user.id, body.mutations)
    return _json(PushResponse(results=results, server_time=now_utc()))


#: The exchange's path (:mod:`registry.exchange_path` answers the usual one before routing).
EXCHANGE_PATH = "/api/v1/sync/exchange"


@router.post("/exchange", response_model=ExchangeResponse, responses=_BODY_ERRORS)
def exchange(body: ExchangeRequest, token: BearerToken, registry: RegistryDep) -> Response:
    """Push, pull and the count check in one round trip: the mutations are applied first (as
    ``/push``), then one page after ``cursors`` is read (as ``/pull``), and with the last page
    the per-organisation counts (as ``/meta``). A usual sync is this one request."""
    user = authenticate(registry, token)
    return Response(exchange_answer(registry, user, body), media_type="application/json")


def exchange_answer(registry: Registry, user: AuthUser, body: ExchangeRequest) -> bytes:
    """The exchange's answer as JSON bytes, for a user whose token was checked."""
    results, scope, known = push_module.push_in_scope(
        registry.db, user.id, body.mutations, user.positions)
    page, counts = b"null", b"null"
    if body.cursors is not None:
        request = PullRequest(cursors=body.cursors, limit=body.limit)
        with registry.db.read() as session:
            if scope is None:  # the push's scope serves, unless it changed the tree
                known_positions = None if body.mutations else user.positions
                scope = compute_scope(session, user.id, known_positions)
            page, _, found = pull_module.pull_json_more(
                session, scope, request, known, with_counts=body.counts)
            if found is not None:
                counts = to_json(found)
    head = to_json({"results": [r.model_dump(mode="json") for r in results],
                    "server_time": now_utc().replace(tzinfo=UTC)})
    # The page is spliced in as the bytes the pull made (no parse and re-dump of its rows).
    return head[:-1] + b',"page":' + page + b',"counts":' + counts + b"}"

"""The wire format between the client and the registry (``/api/v1``), as pydantic models.

Shared by ``registry/`` (server) and the sync client. Every synchronised row travels as a plain
JSON object of its columns (dates as ISO strings); client-derived columns never travel.
Only the server's sequence numbers order anything; client clocks are never trusted.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from chairclient.domain.passwords import MAX_LENGTH
from sync.protocol_runs import TOMBSTONE_COLUMNS, ChangeRun
from sync.protocol_values import FieldValues, UtcTime

API_PREFIX = "/api/v1"

#: Longest batch of mutations in one push and largest pull page. The desktop client pulls the
#: largest pages: each is applied in one local transaction, and bigger transactions rewrite
#: fewer index pages (a first download of a 100,000-member region is some 630,000 rows).
MAX_PUSH_MUTATIONS = 500
MAX_PULL_LIMIT = 10000
DEFAULT_PULL_LIMIT = 1000

Role = Literal["admin", "regional", "territorial", "primary"]
Op = Literal["create", "update", "delete", "command"]
PushStatus = Literal["applied", "duplicate", "conflict", "rejected"]

_ORG = "3f0c7a52-1d8e-4b8f-9a51-6f2b1c0d9e11"
_MEMBER = "9b2e4d10-5c3a-4e7f-8d21-0a1b2c3d4e5f"


class _Request(BaseModel):
    """Requests refuse unknown fields: a typo is a clear 422, never silently ignored. Values are
    not coerced either (``true`` or ``"5"`` is no integer): what the schema says is what passes."""

    model_config = ConfigDict(extra="forbid", strict=True)


# --- auth ---------------------------------------------------------------------------------


class LoginRequest(_Request):
    login: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=200)

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"login": "chair.school1", "password": "demo-1234"}]},
    )


class RefreshRequest(_Request):
    refresh_token: str = Field(min_length=1, max_length=200)

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"refresh_token": "r1.Zx…"}]}
    )


class LogoutRequest(RefreshRequest):
    """Revokes the refresh token's whole family (every token rotated from the same login)."""


class ChangePasswordRequest(_Request):
    """``new_password``: the policy of :mod:`chairclient.domain.passwords` (at least 10
    characters, not a common password); a refusal is explained in Russian (400)."""

    old_password: str = Field(min_length=1, max_length=200)
    new_password: str = Field(min_length=1, max_length=MAX_LENGTH)

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"old_password": "temporary-1", "new_password": "Новый-пароль-2025"}]
        },
    )


class Position(BaseModel):
    org_id: str
    role: Role
    org_name: str = ""


class TokenResponse(BaseModel):
    """Tokens after login, refresh or a password change.

    While ``must_change_password`` is true only ``/auth/change-password`` and ``/auth/logout``
    accept the access token.
    """

    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Lifetime of the access token, seconds")
    must_change_password: bool = False
    user_id: str
    login: str
    positions: list[Position] = Field(
        [], description="The user's positions: what the client may offer (e.g. managing logins)"
    )

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "access_token": "eyJhbGciOiJIUzI1NiJ9…",
                    "refresh_token": "r1.Zx…",
                    "token_type": "bearer",
                    "expires_in": 900,
                    "must_change_password": False,
                    "user_id": "0d5b…",
                    "login": "chair.school1",
                    "positions": [{"org_id": _ORG, "role": "primary", "org_name": "ППО"}],
                }
            ]
        }
    )


class ErrorResponse(BaseModel):
    """Every 4xx answer: ``detail`` is a Russian message a person can read."""

    detail: str

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"detail": "Неверный логин или пароль"}]}
    )


class RequestProblem(BaseModel):
    """One thing wrong with a request: where (``loc``, e.g. ``["body", "mutations", 0, "op"]``),
    what (``msg``, Russian) and the machine-readable ``type``. Values are never echoed."""

    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorResponse(BaseModel):
    """422: the body is not JSON, or does not match the schema (a wrong type, a missing or an
    unknown field). ``detail`` names the fields in Russian; ``errors`` lists every problem."""

    detail: str
    errors: list[RequestProblem] = []

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "detail": "Неверный формат запроса: неизвестное поле «extra»",
                    "errors": [
                        {"loc": ["body", "extra"], "msg": "неизвестное поле",
                         "type": "extra_forbidden"}
                    ],
                }
            ]
        }
    )


# --- meta ---------------------------------------------------------------------------------


class UserInfo(BaseModel):
    id: str
    login: str
    full_name: str = ""
    positions: list[Position] = []


class ClientReleaseInfo(BaseModel):
    """The desktop client's versions as the registry announces them (empty: not announced)."""

    latest: str = Field("", description="The newest client version, e.g. 0.3.0")
    minimum: str = Field("", description="Older clients may not sync (answered 426)")
    download_url: str = Field("", description="Where the installer of the newest version is")


class SyncMeta(BaseModel):
    """Who the user is, what they may see, and how many live rows each organisation holds."""

    server_time: UtcTime
    user: UserInfo
    scope: list[str] = Field(description="Organisation ids the user may read and write")
    counts: dict[str, dict[str, int]] = Field(
        description="Per organisation, live (not deleted) rows per entity; compare after a sync"
    )
    tombstone_horizon: int = Field(
        0, description="Cursors below this (other than 0) must be re-downloaded from 0"
    )
    client: ClientReleaseInfo = Field(default_factory=ClientReleaseInfo)

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "server_time": "2025-03-01T09:00:00Z",
                    "user": {
                        "id": "0d5b…",
                        "login": "chair.school1",
                        "full_name": "Иванова Анна Петровна",
                        "positions": [{"org_id": _ORG, "role": "primary", "org_name": "ППО"}],
                    },
                    "scope": [_ORG],
                    "counts": {_ORG: {"organisation": 1, "member": 54}},
                    "tombstone_horizon": 0,
                    "client": {"latest": "0.3.0", "minimum": "0.2.0",
                               "download_url": "https://reestr.example.ru/download/"},
                }
            ]
        }
    )


# --- push ---------------------------------------------------------------------------------


class Mutation(_Request):
    """One outbox entry. ``base`` holds the changed fields' values as last seen from the server."""

    mutation_id: str = Field(min_length=1, max_length=36)
    entity: str = Field(min_length=1, max_length=40)
    entity_id: str = Field(min_length=1, max_length=36)
    org_id: str = Field(min_length=1, max_length=36)
    op: Op
    fields: FieldValues = {}
    base: FieldValues = {}
    base_version: int = Field(0, ge=0)


class PushRequest(_Request):
    mutations: list[Mutation] = Field(max_length=MAX_PUSH_MUTATIONS)

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "mutations": [
                        {
                            "mutation_id": "5a8f0e4c-2b1d-4c3e-9f7a-1b2c3d4e5f60",
                            "entity": "member",
                            "entity_id": _MEMBER,
                            "org_id": _ORG,
                            "op": "update",
                            "fields": {"phone": "+79161234567"},
                            "base": {"phone": None},
                            "base_version": 3,
                        }
                    ]
                },
                {
                    "mutations": [
                        {
                            "mutation_id": "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
                            "entity": "transfer_request",
                            "entity_id": "2f6b8c1d-3e4a-4b5c-9d6e-7f8a9b0c1d2e",
                            "org_id": _ORG,
                            "op": "command",
                            "fields": {"command": "request_transfer",
                                       "handle": "q3Zb0n7Xc1VfLw9kT2mYpA4s",
                                       "on": "2025-09-01", "comment": "Переходит к нам",
                                       "person_label": "СНИЛС 112-233-445 95"},
                            "base": {},
                            "base_version": 0,
                        }
                    ]
                },
            ]
        },
    )


class FieldConflict(BaseModel):
    """The same field changed on both sides: the server kept ``server``; a person decides."""

    base: Any = None
    mine: Any = None
    server: Any = None


class MutationResult(BaseModel):
    """Outcome of one mutation; ``duplicate`` repeats the stored outcome of an earlier push."""

    mutation_id: str
    status: PushStatus
    original_status: PushStatus | None = Field(
        None, description="For a duplicate: the status the mutation got when first applied"
    )
    reason: str | None = Field(None, description="Why it was rejected (Russian)")
    version: int | None = Field(None, description="The row's server version afterwards")
    applied_fields: list[str] = []
    conflicts: dict[str, FieldConflict] = {}


class PushResponse(BaseModel):
    results: list[MutationResult]
    server_time: UtcTime

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "results": [
                        {
                            "mutation_id": "5a8f0e4c-2b1d-4c3e-9f7a-1b2c3d4e5f60",
                            "status": "conflict",
                            "version": 4,
                            "applied_fields": ["email"],
                            "conflicts": {
                                "phone": {
                                    "base": None,
                                    "mine": "+79161234567",
                                    "server": "+79031112233",
                                }
                            },
                        },
                        {
                            "mutation_id": "6b9f…",
                            "status": "rejected",
                            "reason": "Поле «СНИЛС»: Неверная контрольная сумма",
                        },
                    ],
                    "server_time": "2025-03-01T09:00:01Z",
                }
            ]
        }
    )


# --- pull ---------------------------------------------------------------------------------


class PullRequest(_Request):
    """Cursors of the organisations the client holds; an org in scope but absent starts at 0."""

    cursors: dict[Annotated[str, Field(min_length=1, max_length=36)], int] = Field(
        default_factory=dict, max_length=100_000
    )
    limit: int = Field(DEFAULT_PULL_LIMIT, ge=1, le=MAX_PULL_LIMIT)

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"cursors": {_ORG: 1520}, "limit": 1000}]}
    )


class PullResponse(BaseModel):
    """One page. Apply ``runs`` (in order) and ``cursors`` in one local transaction.

    ``added``: orgs now in scope the client did not send (they start from 0, their changes are
    in this or later pages). ``revoked``: orgs the client sent that are not in scope (purge
    locally; a forged or unknown org id is answered the same way). ``reset_required``: cursors
    older than the tombstone horizon: purge that org locally and pull it again from 0.
    """

    runs: list[ChangeRun]
    cursors: dict[str, int]
    added: list[str] = []
    revoked: list[str] = []
    reset_required: list[str] = []
    more: bool = False
    server_time: UtcTime

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "runs": [
                        {
                            "entity": "member",
                            "deleted": False,
                            "columns": ["id", "org_id", "version", "last_name", "first_name"],
                            "rows": [[_MEMBER, _ORG, 4, "Иванова", "Анна"]],
                        },
                        {
                            "entity": "consent",
                            "deleted": True,
                            "columns": TOMBSTONE_COLUMNS,
                            "rows": [["0b7e2c1a-5d4f-4e3b-8a9c-2f1e0d3c4b5a", _ORG, 2]],
                        },
                    ],
                    "cursors": {_ORG: 1521},
                    "added": [],
                    "revoked": [],
                    "reset_required": [],
                    "more": False,
                    "server_time": "2025-03-01T09:00:02Z",
                }
            ]
        }
    )


# --- exchange: push, pull and the count check in one round trip ---------------------------


class ExchangeRequest(_Request):
    """One sync round trip: ``mutations`` are applied first, in order (as ``/sync/push``);
    then, when ``cursors`` is given, one page after them (as ``/sync/pull``), and with the last
    page (``more`` false) the per-organisation counts for the check (as ``/sync/meta``).

    A client with a long outbox sends its earlier batches with ``cursors`` null (push only) and
    the cursors with its last batch: a usual sync is then a single request."""

    mutations: list[Mutation] = Field(default_factory=list, max_length=MAX_PUSH_MUTATIONS)
    cursors: dict[Annotated[str, Field(min_length=1, max_length=36)], int] | None = Field(
        None, max_length=100_000, description="Null: push only, no page"
    )
    limit: int = Field(DEFAULT_PULL_LIMIT, ge=1, le=MAX_PULL_LIMIT)
    counts: bool = Field(True, description="Add the counts to the last page")

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "mutations": PushRequest.model_config["json_schema_extra"]["examples"][0][
                        "mutations"
                    ],
                    "cursors": {_ORG: 1520},
                    "limit": 1000,
                    "counts": True,
                }
            ]
        },
    )


class ExchangeResponse(BaseModel):
    """``results``: one per mutation, as ``/sync/push``. ``page``: as ``/sync/pull`` (null when
    no cursors were sent). ``counts``: live rows per organisation in scope and per entity, as
    ``/sync/meta``, with the last page only (null otherwise)."""

    results: list[MutationResult] = []
    page: PullResponse | None = None
    counts: dict[str, dict[str, int]] | None = None
    server_time: UtcTime

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "results": [
                        {"mutation_id": "5a8f0e4c-2b1d-4c3e-9f7a-1b2c3d4e5f60",
                         "status": "applied", "version": 4, "applied_fields": ["phone"]}
                    ],
                    "page": PullResponse.model_config["json_schema_extra"]["examples"][0],
                    "counts": {_ORG: {"organisation": 1, "member": 54}},
                    "server_time": "2025-03-01T09:00:02Z",
                }
            ]
        }
    )

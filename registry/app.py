"""The FastAPI application factory."""

from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import timedelta

from fastapi import FastAPI
from sqlalchemy import select
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from registry import api_auth, api_members, api_profcards, api_sync, api_users
from registry.auth import ACCESS_TTL, TokenService
from registry.body import MAX_BODY_BYTES, RequestBody
from registry.db import DEFAULT_THREADS, Database, open_database
from registry.deps import Registry
from registry.errors import install_error_handlers
from registry.exchange_path import ExchangePath
from registry.models import server_settings
from registry.settings import Settings
from registry.throttle import SignInLimits
from registry.version_gate import ClientVersionGate


def _secret(db: Database, settings: Settings) -> str:
    stored = None
    if settings.secret is None and settings.demo:
        with db.read() as session:
            stored = session.scalar(
                select(server_settings.c.value).where(server_settings.c.key == "secret")
            )
    return settings.signing_secret(stored)


#: Comma-separated addresses or networks of the reverse proxies whose ``X-Forwarded-For`` names
#: the client (``docs/sign-in-limits.md``). Unset: nobody's, the connection's peer counts.
TRUSTED_PROXIES_ENV = "REGISTRY_TRUSTED_PROXIES"


def trusted_proxies(value: str | None = None) -> list[str]:
    """The trusted proxies from ``value`` or the environment (empty: trust none)."""
    text = os.environ.get(TRUSTED_PROXIES_ENV, "") if value is None else value
    return [part.strip() for part in text.split(",") if part.strip()]


def _startup(
    threads: int, freeze_heap: bool
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        if freeze_heap:
            # Everything loaded so far (modules, the app, SQLAlchemy's and pydantic's schemas)
            # lives as long as the process: out of the garbage collector's way, its oldest
            # generation no longer walks it, and the pauses that stopped every request thread
            # of the worker shrink (50 clients: sync latency p95 256–344 ms against 377–398
            # over three alternating runs, 2026-12-07).
            gc.collect()
            gc.freeze()
        yield

    return lifespan


def create_app(
    db_url: str | None = None,
    *,
    db: Database | None = None,
    access_ttl: timedelta = ACCESS_TTL,
    threads: int = DEFAULT_THREADS,
    freeze_heap: bool = False,
    sign_in_limits: SignInLimits | None = None,
    proxies: list[str] | None = None,
    settings: Settings | None = None,
) -> FastAPI:
    """The registry app on ``db_url`` (or an open :class:`Database`); the schema must exist.
    ``threads``: requests handled at once (see :data:`DEFAULT_THREADS`); ``freeze_heap``: the
    process is a server of its own (``registry serve``), whose startup objects may be frozen
    for the garbage collector (not an app embedded in the desktop client); ``sign_in_limits``:
    the limits on password attempts (default: the production ones); ``proxies``: the trusted
    reverse proxies (default: ``REGISTRY_TRUSTED_PROXIES``). Serve it with the server's own
    proxy-header handling off (``registry serve`` does): the app reads ``X-Forwarded-For``
    itself, from these proxies only. ``settings``: from the environment when not given
    (:mod:`registry.settings`); outside demo mode the app refuses to be made without a
    proper ``REGISTRY_SECRET``."""
    settings = settings or Settings.from_env()
    if db is None:
        if db_url is None:
            raise ValueError("db_url or db is required")
        db = open_database(db_url)
    app = FastAPI(
        lifespan=_startup(threads, freeze_heap),
        title="Реестр Профсоюза — API синхронизации",
        version="1",
        description=(
            "Central registry of the education workers' union: login, and offline sync of the "
            "chair's client by per-organisation cursors. Anything outside the caller's scope "
            "answers exactly like something that does not exist."
        ),
    )
    tokens = TokenService(_secret(db, settings), access_ttl, sign_in_limits)
    app.state.registry = Registry(db=db, tokens=tokens, release=settings.release)
    # The usual sync exchange is answered before routing; bodies are limited before either.
    app.add_middleware(ExchangePath, registry=app.state.registry)
    app.add_middleware(ClientVersionGate, minimum=settings.release.minimum)
    app.add_middleware(RequestBody, max_bytes=MAX_BODY_BYTES)
    # Outermost: the client's address is known before anything counts attempts by it.
    app.add_middleware(ProxyHeadersMiddleware,
                       trusted_hosts=trusted_proxies() if proxies is None else proxies)
    install_error_handlers(app)
    app.include_router(api_auth.router)
    app.include_router(api_sync.router)
    app.include_router(api_members.router)
    app.include_router(api_profcards.router)
    app.include_router(api_users.router)

    @app.get(
        "/api/v1/health",
        tags=["meta"],
        responses={200: {"content": {"application/json": {"example": {"status": "ok"}}}}},
    )
    def health() -> dict[str, str]:
        return {"status": "ok"}

    return app

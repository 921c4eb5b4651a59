"""The FastAPI application factory."""

from __future__ import annotations

import os
from datetime import timedelta

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import select
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import Response

from registry import api_auth, api_sync
from registry.auth import ACCESS_TTL, TokenService
from registry.db import Database, open_database
from registry.deps import Registry
from registry.models import server_settings

#: Largest request body accepted (a full push batch fits easily).
MAX_BODY_BYTES = 5 * 1024 * 1024


class BodyLimit(BaseHTTPMiddleware):
    """Refuse bodies above :data:`MAX_BODY_BYTES` before reading them."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        length = request.headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                return JSONResponse({"detail": "Неверный заголовок Content-Length"}, 400)
            if int(length) > MAX_BODY_BYTES:
                return JSONResponse({"detail": "Слишком большой запрос"}, 413)
        elif request.method in ("POST", "PUT", "PATCH"):
            body = await request.body()
            if len(body) > MAX_BODY_BYTES:
                return JSONResponse({"detail": "Слишком большой запрос"}, 413)
        return await call_next(request)


def _secret(db: Database) -> str:
    env = os.environ.get("REGISTRY_SECRET")
    if env:
        return env
    with db.read() as session:
        value = session.scalar(
            select(server_settings.c.value).where(server_settings.c.key == "secret")
        )
    if not value:
        raise RuntimeError("registry database not initialised: run `python -m registry init-db`")
    return value


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    """422 with a readable Russian summary plus the field details (values not echoed)."""
    assert isinstance(exc, RequestValidationError)
    details = [
        {"loc": list(err.get("loc", ())), "msg": err.get("msg", ""), "type": err.get("type", "")}
        for err in exc.errors()
    ]
    return JSONResponse(
        {"detail": "Неверный формат запроса", "errors": details}, status_code=422
    )


def create_app(
    db_url: str | None = None,
    *,
    db: Database | None = None,
    access_ttl: timedelta = ACCESS_TTL,
) -> FastAPI:
    """The registry app on ``db_url`` (or an open :class:`Database`); the schema must exist."""
    if db is None:
        if db_url is None:
            raise ValueError("db_url or db is required")
        db = open_database(db_url)
    app = FastAPI(
        title="Реестр Профсоюза — API синхронизации",
        version="1",
        description=(
            "Central registry of the education workers' union: login, and offline sync of the "
            "chair's client by per-organisation cursors. Anything outside the caller's scope "
            "answers exactly like something that does not exist."
        ),
    )
    app.state.registry = Registry(db=db, tokens=TokenService(_secret(db), access_ttl))
    app.add_middleware(BodyLimit)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.include_router(api_auth.router)
    app.include_router(api_sync.router)

    @app.get("/api/v1/health", tags=["meta"])
    def health() -> dict[str, str]:
        return {"status": "ok"}

    return app

"""A small HTTP client of the registry API (``/api/v1``) with typed, Russian-worded errors.

Push and pull are retried with back-off on network errors and 5xx (both are idempotent: a push
repeats its ``mutation_id``s). An expired access token is renewed once with the refresh token.
Tokens and personal data are never logged.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import httpx

from chairclient.version import VERSION_HEADER, __version__
from sync.pages import ExchangeAnswer, PulledPage, read_answer, read_page
from sync.protocol import (
    API_PREFIX,
    Mutation,
    Position,
    PushResponse,
    SyncMeta,
    TokenResponse,
)
from sync.protocol_lookup import LookupMatch, LookupQuery, LookupResponse, LookupResult

log = logging.getLogger(__name__)

PASSWORD_CHANGE_DETAIL = "Требуется сменить пароль"
OFFLINE_MESSAGE = "Сервер реестра недоступен"
SERVER_ERROR_MESSAGE = "Ошибка на сервере реестра"
NOT_LOGGED_IN = "Требуется вход"


class RegistryError(Exception):
    """Any refusal of the registry; ``str()`` is a Russian message a person can read."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class AuthError(RegistryError):
    """Wrong login or password, a locked account, or a session that ended."""


class PasswordChangeRequired(RegistryError):
    """The password must be changed before anything else (the tokens are kept for that)."""


class Offline(RegistryError):
    """The server cannot be reached (connection refused, reset, timed out)."""


class ServerError(RegistryError):
    """The server answered 5xx (after the retries)."""


class ClientTooOld(RegistryError):
    """The registry no longer syncs with this version of the app (426); the message says
    which version it needs. Local data stay as they are."""


def _detail(response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail")
    except ValueError:
        detail = None
    return detail if isinstance(detail, str) and detail else f"Ошибка {response.status_code}"


class RegistryClient:
    """Login, token refresh and the sync calls. ``transport`` lets tests inject faults;
    ``version`` (the app's own unless a test says otherwise) goes with every request."""

    def __init__(
        self,
        base_url: str,
        transport: httpx.BaseTransport | None = None,
        *,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 0.3,
        on_tokens: Callable[[TokenResponse], None] | None = None,
        version: str = __version__,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.version = version
        self.http = httpx.Client(
            base_url=self.base_url + API_PREFIX, transport=transport, timeout=timeout,
            headers={VERSION_HEADER: version},
        )
        self.retries = retries
        self.backoff = backoff
        self.on_tokens = on_tokens
        self.access_token: str | None = None
        self.refresh_token: str | None = None
        self.login_name: str | None = None
        #: The signed-in user's positions, as the last sign-in or refresh told them.
        self.positions: list[Position] = []
        self._refreshing = threading.Lock()

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> RegistryClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- auth ----------------------------------------------------------------------------

    def login(self, login: str, password: str) -> TokenResponse:
        """Log in; raises :class:`PasswordChangeRequired` (tokens kept) on a first login."""
        tokens = self._tokens(self._send("POST", "/auth/login",
                                         {"login": login, "password": password}))
        if tokens.must_change_password:
            raise PasswordChangeRequired(PASSWORD_CHANGE_DETAIL, 403)
        return tokens

    def refresh(self, refresh_token: str | None = None) -> TokenResponse:
        """New tokens for the stored (or given) refresh token; the old one stops working."""
        token = refresh_token or self.refresh_token
        if not token:
            raise AuthError(NOT_LOGGED_IN, 401)
        return self._tokens(self._send("POST", "/auth/refresh", {"refresh_token": token}))

    def change_password(self, old_password: str, new_password: str) -> TokenResponse:
        body = {"old_password": old_password, "new_password": new_password}
        return self._tokens(self._send("POST", "/auth/change-password", body, auth=True))

    def logout(self) -> None:
        """Revoke the refresh token (best effort when offline) and forget the tokens."""
        token, self.refresh_token, self.access_token = self.refresh_token, None, None
        if token:
            try:
                self._send("POST", "/auth/logout", {"refresh_token": token})
            except Offline:
                log.info("logout: registry unreachable, tokens forgotten locally")

    # --- sync ----------------------------------------------------------------------------

    def meta(self) -> SyncMeta:
        return SyncMeta.model_validate(self._call("GET", "/sync/meta", None))

    def push(self, mutations: list[Mutation]) -> PushResponse:
        body = {"mutations": [m.model_dump(mode="json") for m in mutations]}
        return PushResponse.model_validate(self._call("POST", "/sync/push", body))

    def pull(self, cursors: dict[str, int], limit: int = 1000) -> PulledPage:
        body = {"cursors": cursors, "limit": limit}
        # Read from the bytes in one pass (a page can be megabytes): sync/pages.py.
        return read_page(self._call("POST", "/sync/pull", body, raw=True))

    def exchange(
        self, mutations: list[Mutation], cursors: dict[str, int] | None, limit: int = 1000
    ) -> ExchangeAnswer:
        """Push ``mutations`` and, given ``cursors``, bring the page after them (with the
        counts when it is the last): a whole usual sync in one round trip."""
        body = {"mutations": [m.model_dump(mode="json") for m in mutations],
                "cursors": cursors, "limit": limit}
        return read_answer(self._call("POST", "/sync/exchange", body, raw=True))

    # --- members ---------------------------------------------------------------------------

    def lookup_members(self, queries: Sequence[LookupQuery]) -> list[LookupResult]:
        """Where the registry knows these people (whole union, minimum answer): one
        :class:`LookupResult` per query, in order. At most ``MAX_LOOKUP_QUERIES`` per call;
        a bad query is a :class:`RegistryError` (400), too many per hour one with status 429."""
        body = {"queries": [q.model_dump(mode="json", exclude_none=True) for q in queries]}
        return LookupResponse.model_validate(
            self._call("POST", "/members/lookup", body)).results

    def find_member(
        self, *, snils: str | None = None, last_name: str | None = None,
        first_name: str | None = None, birth_date: date | None = None,
    ) -> list[LookupMatch]:
        """One person by СНИЛС, or by surname + first name + birth date: the matches."""
        query = LookupQuery(snils=snils, last_name=last_name, first_name=first_name,
                            birth_date=birth_date)
        return self.lookup_members([query])[0].matches

    # --- plumbing ------------------------------------------------------------------------

    def _tokens(self, data: Any) -> TokenResponse:
        tokens = TokenResponse.model_validate(data)
        self.access_token, self.refresh_token = tokens.access_token, tokens.refresh_token
        self.login_name = tokens.login
        self.positions = list(tokens.positions)
        if self.on_tokens is not None:
            self.on_tokens(tokens)
        return tokens

    @property
    def signed_in(self) -> bool:
        """Holds tokens (possibly expired); False for a session opened offline without them."""
        return bool(self.access_token or self.refresh_token)

    def ping(self) -> None:
        """Reach the server without signing in: :class:`Offline` or :class:`ServerError` when
        it cannot answer."""
        self._send("GET", "/health", None)

    def call(self, method: str, path: str, body: Any = None, *, retry: bool = True) -> Any:
        """An authenticated call of any endpoint, refreshed on 401: the parsed JSON answer.
        ``retry``: also retried on network errors and 5xx (not for a step that must not run
        twice). Typed wrappers such as :mod:`sync.users_api` build on it."""
        return self._call(method, path, body, retry=retry)

    def _call(self, method: str, path: str, body: Any, *, raw: bool = False,
              retry: bool = True) -> Any:
        """An authenticated sync call: retried on network errors and 5xx, refreshed on 401.
        The parsed JSON answer, or with ``raw`` its bytes."""
        refreshed = False
        while True:
            used = self.access_token
            try:
                if not retry:
                    return self._send(method, path, body, auth=True, raw=raw)
                return self._with_retries(method, path, body, raw)
            except AuthError:
                if refreshed or not self.refresh_token:
                    raise
                refreshed = True
                with self._refreshing:  # a lookup and a sync may both find the token expired:
                    if self.access_token == used:  # refresh once (a reused one ends the session)
                        self.refresh()

    def _with_retries(self, method: str, path: str, body: Any, raw: bool = False) -> Any:
        for attempt in range(self.retries + 1):
            try:
                return self._send(method, path, body, auth=True, raw=raw)
            except (Offline, ServerError) as exc:
                if attempt >= self.retries:
                    raise
                delay = self.backoff * (2**attempt)
                log.info("%s %s failed (%s), retry in %.1fs", method, path, type(exc).__name__,
                         delay)
                time.sleep(delay)
        raise AssertionError("unreachable")

    def _send(
        self, method: str, path: str, body: Any, *, auth: bool = False, raw: bool = False
    ) -> Any:
        headers = {}
        if auth:
            if not self.access_token:
                raise AuthError(NOT_LOGGED_IN, 401)
            headers["Authorization"] = f"Bearer {self.access_token}"
        try:
            with self.http.stream(method, path, json=body, headers=headers) as response:
                if raw and response.status_code < 400:
                    # Not ``response.content``: the response would keep the body (a page is
                    # megabytes) until the garbage collector frees the response's own
                    # reference cycle, and a long pull pauses the collector.
                    return b"".join(response.iter_bytes())
                response.read()
        except httpx.TransportError as exc:
            raise Offline(OFFLINE_MESSAGE) from exc
        status = response.status_code
        if status >= 500:
            raise ServerError(SERVER_ERROR_MESSAGE, status)
        if status == 401:
            raise AuthError(_detail(response), status)
        if status == 426:
            raise ClientTooOld(_detail(response), status)
        if status == 403 and _detail(response) == PASSWORD_CHANGE_DETAIL:
            raise PasswordChangeRequired(PASSWORD_CHANGE_DETAIL, status)
        if status >= 400:
            raise RegistryError(_detail(response), status)
        if raw:
            return response.content
        return response.json() if status != 204 else None

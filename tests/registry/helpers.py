"""HTTP client and mutation builders for the registry tests."""

from __future__ import annotations

from typing import Any

import httpx

from sync.protocol_runs import changes_of
from tests.registry.world import PASSWORD, World, new_id


class Api:
    """A thin HTTP client of the registry that logs users in once per test."""

    def __init__(self, base_url: str, world: World | None = None) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=60)
        self.world = world
        self._tokens: dict[str, str] = {}

    def close(self) -> None:
        self.http.close()

    def full_login(self, login: str) -> str:
        return self.world.logins.get(login, login) if self.world else login

    def login(self, login: str, password: str = PASSWORD) -> httpx.Response:
        return self.http.post(
            "/api/v1/auth/login", json={"login": self.full_login(login), "password": password}
        )

    def headers(self, login: str) -> dict[str, str]:
        if login not in self._tokens:
            response = self.login(login)
            assert response.status_code == 200, response.text
            self._tokens[login] = response.json()["access_token"]
        return {"Authorization": f"Bearer {self._tokens[login]}"}

    def push(self, login: str, *mutations: dict[str, Any]) -> list[dict[str, Any]]:
        response = self.http.post(
            "/api/v1/sync/push", json={"mutations": list(mutations)}, headers=self.headers(login)
        )
        assert response.status_code == 200, response.text
        return response.json()["results"]

    def pull(self, login: str, cursors: dict[str, int], limit: int = 1000) -> dict[str, Any]:
        response = self.http.post(
            "/api/v1/sync/pull", json={"cursors": cursors, "limit": limit},
            headers=self.headers(login),
        )
        assert response.status_code == 200, response.text
        return response.json()

    def pull_all(self, login: str, cursors: dict[str, int] | None = None, limit: int = 1000):
        """Pull pages until ``more`` is false; returns (changes, final cursors, pages)."""
        cursors = dict(cursors or {})
        changes: list[dict[str, Any]] = []
        pages = 0
        while True:
            page = self.pull(login, cursors, limit)
            pages += 1
            changes.extend(changes_of(page["runs"]))
            cursors = page["cursors"]
            if not page["more"]:
                return changes, cursors, pages

    def exchange(self, login: str, *mutations: dict[str, Any], **request: Any
                 ) -> dict[str, Any]:
        """``/sync/exchange`` with these mutations and the other fields of ``request``."""
        response = self.http.post(
            "/api/v1/sync/exchange", json={"mutations": list(mutations), **request},
            headers=self.headers(login),
        )
        assert response.status_code == 200, response.text
        return response.json()

    def meta(self, login: str) -> dict[str, Any]:
        response = self.http.get("/api/v1/sync/meta", headers=self.headers(login))
        assert response.status_code == 200, response.text
        return response.json()


def update(entity: str, entity_id: str, org_id: str, fields: dict[str, Any], base: dict[str, Any],
           base_version: int = 1, mutation_id: str | None = None) -> dict[str, Any]:
    """An update mutation as the client's outbox would send it."""
    return {
        "mutation_id": mutation_id or new_id(), "entity": entity, "entity_id": entity_id,
        "org_id": org_id, "op": "update", "fields": fields, "base": base,
        "base_version": base_version,
    }


def create(entity: str, entity_id: str, org_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "mutation_id": new_id(), "entity": entity, "entity_id": entity_id, "org_id": org_id,
        "op": "create", "fields": fields, "base": {}, "base_version": 0,
    }


def delete(entity: str, entity_id: str, org_id: str, base_version: int = 1) -> dict[str, Any]:
    return {
        "mutation_id": new_id(), "entity": entity, "entity_id": entity_id, "org_id": org_id,
        "op": "delete", "fields": {}, "base": {}, "base_version": base_version,
    }

"""The registry's settings from the environment: the signing secret, demo mode, client releases.

Production is the default. There the token-signing key must come from ``REGISTRY_SECRET``
(32 bytes or more): a key kept in the database it protects would be read by anyone who reads
a backup of it. The embedded demo registry of the desktop app (and ``registry serve --demo``)
is the one place that may keep a generated key in its own database, as before.

``REGISTRY_CLIENT_LATEST`` / ``REGISTRY_CLIENT_MINIMUM`` / ``REGISTRY_CLIENT_DOWNLOAD_URL``
tell the desktop clients (in ``/sync/meta``) the newest version, the oldest one allowed to
sync, and where to download the installer.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from chairclient.version import parse_version

MIN_SECRET_BYTES = 32
_TRUE = {"1", "true", "yes", "on"}


class ConfigurationError(RuntimeError):
    """The registry must not start with these settings; ``str()`` says what to fix."""


@dataclass(frozen=True)
class ClientRelease:
    """What the registry tells the desktop clients about versions (empty: not announced)."""

    latest: str = ""
    minimum: str = ""
    download_url: str = ""


@dataclass(frozen=True)
class Settings:
    secret: str | None = None
    demo: bool = False
    release: ClientRelease = field(default_factory=ClientRelease)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, *,
                 demo: bool | None = None) -> Settings:
        env = os.environ if environ is None else environ
        if demo is None:
            demo = env.get("REGISTRY_DEMO", "").strip().lower() in _TRUE
        release = ClientRelease(
            latest=env.get("REGISTRY_CLIENT_LATEST", "").strip(),
            minimum=env.get("REGISTRY_CLIENT_MINIMUM", "").strip(),
            download_url=env.get("REGISTRY_CLIENT_DOWNLOAD_URL", "").strip(),
        )
        for name, value in (("REGISTRY_CLIENT_LATEST", release.latest),
                            ("REGISTRY_CLIENT_MINIMUM", release.minimum)):
            if value and parse_version(value) is None:
                raise ConfigurationError(
                    f"{name}={value!r}: ожидается номер версии вида 1.2.3")
        return cls(secret=env.get("REGISTRY_SECRET") or None, demo=demo, release=release)

    def signing_secret(self, stored: str | None) -> str:
        """The token-signing key: ``REGISTRY_SECRET``, or in demo mode the one the database
        keeps (``stored``). Refuses a short key, and a missing one outside demo mode."""
        if self.secret is not None:
            if len(self.secret.encode("utf-8")) < MIN_SECRET_BYTES:
                raise ConfigurationError(
                    f"REGISTRY_SECRET короче {MIN_SECRET_BYTES} байт: задайте длинный случайный "
                    "ключ, например вывод `python -c \"import secrets; "
                    "print(secrets.token_hex(32))\"`")
            return self.secret
        if not self.demo:
            raise ConfigurationError(
                "REGISTRY_SECRET не задан: реестр не запускается без ключа подписи токенов "
                f"(не короче {MIN_SECRET_BYTES} байт). Для демонстрации запустите его с --demo "
                "(или REGISTRY_DEMO=1).")
        if not stored:
            raise ConfigurationError(
                "registry database not initialised: run `python -m registry init-db`")
        return stored

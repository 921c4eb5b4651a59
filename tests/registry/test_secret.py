"""The registry refuses to start in production without a proper token-signing key; demo mode
(the desktop app's embedded registry, ``serve --demo``) keeps the key its database made."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from registry.app import create_app
from registry.settings import ConfigurationError, Settings

ROOT = Path(__file__).resolve().parents[2]
GOOD = "k" * 32


def test_production_refuses_a_missing_or_short_secret(db) -> None:
    with pytest.raises(ConfigurationError, match="REGISTRY_SECRET не задан"):
        create_app(db=db, settings=Settings.from_env({}))
    with pytest.raises(ConfigurationError, match="короче 32 байт"):
        create_app(db=db, settings=Settings.from_env({"REGISTRY_SECRET": "k" * 31}))
    # Bytes, not characters: 16 Cyrillic letters are 32 bytes in UTF-8.
    create_app(db=db, settings=Settings.from_env({"REGISTRY_SECRET": "ключ" * 4}))
    create_app(db=db, settings=Settings.from_env({"REGISTRY_SECRET": GOOD}))


def test_a_short_secret_is_refused_in_demo_mode_too(db) -> None:
    settings = Settings.from_env({"REGISTRY_SECRET": "short", "REGISTRY_DEMO": "1"})
    with pytest.raises(ConfigurationError):
        create_app(db=db, settings=settings)


def test_demo_mode_uses_the_key_kept_in_the_database(db) -> None:
    app = create_app(db=db, settings=Settings.from_env({"REGISTRY_DEMO": "1"}))
    demo_key = app.state.registry.tokens._secret
    assert len(demo_key) >= 32 and demo_key != GOOD


def test_a_bad_client_version_setting_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="REGISTRY_CLIENT_MINIMUM"):
        Settings.from_env({"REGISTRY_SECRET": GOOD, "REGISTRY_CLIENT_MINIMUM": "latest"})


def _serve(url: str, *extra: str, secret: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGISTRY_")}
    if secret is not None:
        env["REGISTRY_SECRET"] = secret
    return subprocess.run(
        [sys.executable, "-m", "registry", "serve", "--db", url, "--port", "1", *extra],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("secret", [None, "too-short"])
def test_serve_exits_with_a_message_before_binding_a_port(tmp_path, secret) -> None:
    # Port 1 would fail to bind: the refusal must come first, with exit code 2.
    done = _serve(f"sqlite:///{tmp_path / 'r.sqlite'}", secret=secret)
    assert done.returncode == 2, done.stderr
    assert "REGISTRY_SECRET" in done.stderr and "Traceback" not in done.stderr

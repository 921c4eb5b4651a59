"""Where the application keeps its files (per user, no admin rights needed)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "ChairClient"
APP_AUTHOR = "Eseur"

_dirs = PlatformDirs(APP_NAME, APP_AUTHOR)


def data_dir() -> Path:
    return Path(_dirs.user_data_dir)


def default_database_path() -> Path:
    return data_dir() / "chairclient.sqlite"


def demo_database_path() -> Path:
    return data_dir() / "demo.sqlite"


def log_dir() -> Path:
    return Path(_dirs.user_log_dir)


def secure_data_dirs() -> None:
    """The data folder and its accounts folder owner-only (0700), also when an older version
    created them 0755; missing ones are left for whoever creates them (also 0700)."""
    from chairclient.private_files import private_dir

    for folder in (data_dir(), data_dir() / "accounts"):
        if folder.is_dir():
            private_dir(folder)

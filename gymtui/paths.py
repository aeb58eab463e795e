"""Where gymtui keeps the user's files. Computed on demand: nothing is created at import."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "gymtui"
DATA_DIR_ENV = "GYMTUI_DATA_DIR"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir wins, then $GYMTUI_DATA_DIR, then the platform's user data folder."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def user_config_dir() -> Path:
    """User themes live here (themes/*.json)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def shipped_dir(name: str) -> Path:
    """Where a shipped folder ("data", "themes") lives.

    An installed wheel carries it inside the package (pyproject force-includes it under
    `gymtui/_shipped/`); a source checkout or editable install has it at the top of the
    repository, next to the package.
    """
    import gymtui

    package = Path(gymtui.__file__).resolve().parent
    installed = package / "_shipped" / name
    if installed.is_dir():
        return installed
    return package.parent / name

"""Where seedreader keeps user files; environment variables override platformdirs for tests and CI."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "seedreader"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The directory for notes and reader state. Not created here: callers create it lazily."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("SEEDREADER_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """What can be rebuilt (the links of opened corpora): ``$SEEDREADER_CACHE_DIR``, else the
    platform's user cache directory."""
    env = os.environ.get("SEEDREADER_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    env = os.environ.get("SEEDREADER_CONFIG_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_file() -> Path:
    return config_dir() / "config.toml"


def sample_corpus_dir() -> Path:
    """The bundled articles: inside the installed package, or at the top of a source checkout."""
    package_dir = Path(__file__).resolve().parent
    shipped = package_dir / "sample_corpus"
    if shipped.is_dir():
        return shipped
    return package_dir.parent / "sample_corpus"

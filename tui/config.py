"""User settings from ``config.toml`` in the platformdirs config directory.

Three tables are read. ``[index]``: its keys are the field names of
:class:`tui.claims.IndexConfig` (e.g. ``link_threshold = 0.4``); command-line flags win over the
file, and the file wins over the defaults, which were chosen by measurement. ``[keys]``: binding
ids of the reader mapped to keys (``"reader.next" = "j,down,ctrl+n"``; ``?`` in the reader lists
the ids). ``[ratings]``: the verdicts a note can carry, ``scale`` from most true to most false
and ``other`` for verdicts off that scale (``unproven``).
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tui.claims import IndexConfig
from tui.exports.model import Publisher
from tui.notes.ratings import DEFAULT_RATINGS, RatingScale
from tui.paths import config_file
from tui.thresholds import threshold_problem


class ConfigError(Exception):
    """A config file or flag value that cannot be used; the message names the file and key."""


def tunable_fields() -> dict[str, type]:
    """IndexConfig fields that are plain numbers or booleans, which flags and the file may set."""
    defaults = IndexConfig()
    out: dict[str, type] = {}
    for field in dataclasses.fields(IndexConfig):
        value = getattr(defaults, field.name)
        if isinstance(value, (bool, int, float)):
            out[field.name] = type(value)
    return out


def field_docs() -> dict[str, str]:
    """The attribute docstrings of IndexConfig, so ``--help`` explains each threshold."""
    try:
        tree = ast.parse(inspect.getsource(IndexConfig))
    except (OSError, TypeError, SyntaxError):
        return {}
    docs: dict[str, str] = {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    for node, after in zip(body, body[1:]):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[node.target.id] = " ".join(after.value.value.split()).strip(".")
    return docs


def _coerce(name: str, value: Any, kind: type, where: str) -> Any:
    if kind is bool:
        if isinstance(value, bool):
            return value
        raise ConfigError(f"{where}: {name} must be true or false, not {value!r}")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigError(f"{where}: {name} must be a number, not {value!r}")
    if kind is int and isinstance(value, float) and not value.is_integer():
        raise ConfigError(f"{where}: {name} must be a whole number, not {value!r}")
    return kind(value)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config ({exc.strerror or exc})") from exc
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc


def read_keymap(path: Path) -> dict[str, str]:
    """The ``[keys]`` table: binding id -> comma-separated keys."""
    section = _read_toml(path).get("keys", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [keys] must be a table")
    keymap: dict[str, str] = {}
    for binding_id, keys in section.items():
        if not isinstance(keys, str) or not keys.strip():
            raise ConfigError(f"{path}: keys.{binding_id} must be a string such as \"j,down\"")
        keymap[binding_id] = keys
    return keymap


def _labels(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f'{path}: ratings.{key} must be a list of names such as ["true", "false"]')
    labels = tuple(" ".join(v.split()) for v in value)
    for label in labels:
        if len(label) > 60 or not label.isprintable():
            raise ConfigError(f"{path}: ratings.{key}: {label[:60]!r} is not a short printable name")
    return labels


def read_ratings(path: Path) -> RatingScale:
    """The ``[ratings]`` table; either list may be left out to keep its default."""
    section = _read_toml(path).get("ratings", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [ratings] must be a table")
    unknown = sorted(set(section) - {"scale", "other"})
    if unknown:
        raise ConfigError(f"{path}: unknown setting ratings.{unknown[0]} (known: other, scale)")
    scale = _labels(path, "scale", section["scale"]) if "scale" in section else DEFAULT_RATINGS.scale
    other = _labels(path, "other", section["other"]) if "other" in section else DEFAULT_RATINGS.other
    seen: set[str] = set()
    for label in scale + other:
        if label.casefold() in seen:
            raise ConfigError(f"{path}: rating {label!r} is listed twice")
        seen.add(label.casefold())
    if not seen:
        raise ConfigError(f"{path}: [ratings] lists no rating")
    return RatingScale(scale, other)


PUBLISH_KEYS = ("author", "author_url", "author_type", "review_url")


def read_publisher(path: Path) -> Publisher:
    """The ``[publish]`` table: who signs the ClaimReview export and where it is published."""
    section = _read_toml(path).get("publish", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [publish] must be a table")
    values: dict[str, str] = {}
    for key, value in section.items():
        if key not in PUBLISH_KEYS:
            raise ConfigError(f"{path}: unknown setting publish.{key} (known: {', '.join(PUBLISH_KEYS)})")
        if not isinstance(value, str):
            raise ConfigError(f"{path}: publish.{key} must be a string")
        values[key] = value.strip()
    if values.get("author_type", "Organization") not in ("Organization", "Person"):
        raise ConfigError(f"{path}: publish.author_type must be \"Organization\" or \"Person\"")
    return Publisher(**values)


def read_config_file(path: Path) -> dict[str, Any]:
    """The ``[index]`` settings in ``path``; an absent file means no settings."""
    section = _read_toml(path).get("index", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [index] must be a table")
    fields = tunable_fields()
    settings: dict[str, Any] = {}
    for key, value in section.items():
        if key not in fields:
            known = ", ".join(sorted(fields))
            raise ConfigError(f"{path}: unknown setting index.{key} (known: {known})")
        settings[key] = _coerce(key, value, fields[key], str(path))
        problem = threshold_problem(key, settings[key])
        if problem is not None:
            raise ConfigError(f"{path}: index.{key} {problem}, not {value!r}")
    return settings


def index_config(
    file_settings: Mapping[str, Any], flag_settings: Mapping[str, Any]
) -> IndexConfig:
    merged = {**file_settings, **{k: v for k, v in flag_settings.items() if v is not None}}
    return dataclasses.replace(IndexConfig(), **merged)


def load_index_config(flag_settings: Mapping[str, Any] | None = None) -> IndexConfig:
    """Defaults, then the user's config.toml, then flags: what every command indexes with."""
    return index_config(read_config_file(config_file()), flag_settings or {})

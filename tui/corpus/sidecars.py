"""Source details kept next to the articles: ``sources.toml`` over ``meta.json``, per folder."""

from __future__ import annotations

import os

from .files import read_regular
from .model import LoadProblem
from .source import SourceInfo, from_meta_json, from_sources_toml

SIDECAR_BYTES = 1024 * 1024


def _read_sidecar(path: str) -> str | None:
    try:
        data = read_regular(path)
    except OSError:
        return None
    if len(data) > SIDECAR_BYTES:
        return None
    return data.decode("utf-8-sig", errors="replace")


class Sidecars:
    """``sources.toml`` over ``meta.json`` of each folder, read once per folder."""

    def __init__(self, problems: list[LoadProblem]) -> None:
        self.problems = problems
        self.by_folder: dict[str, dict[str, SourceInfo]] = {}

    def lookup(self, path: str) -> SourceInfo | None:
        folder, name = os.path.split(path)
        table = self.by_folder.get(folder)
        if table is None:
            table = self._load(folder)
            self.by_folder[folder] = table
        return table.get(name)

    def _load(self, folder: str) -> dict[str, SourceInfo]:
        import tomllib

        table: dict[str, SourceInfo] = {}
        meta = _read_sidecar(os.path.join(folder or ".", "meta.json"))
        if meta is not None:
            table.update(from_meta_json(meta))
        toml_path = os.path.join(folder or ".", "sources.toml")
        toml = _read_sidecar(toml_path)
        if toml is not None:
            try:
                for name, info in from_sources_toml(toml).items():
                    table[name] = info.over(table.get(name, SourceInfo()))
            except tomllib.TOMLDecodeError as exc:
                self.problems.append(LoadProblem(toml_path, f"not valid TOML ({exc}); ignored",
                                                 fatal=False))
        return table

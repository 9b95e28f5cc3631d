"""The claim index's links, remembered per corpus in the user cache directory.

A reopened story skips scoring: a 50-article story indexes in a fraction of the time
(``benchmarks/index_scale.py`` prints both). One small JSON file per corpus and settings,
named by :func:`tui.claims.memo.link_key`; the newest :data:`KEEP` are kept. Anything
unreadable counts as a miss and is overwritten; a cache that cannot be written is skipped
silently, since nothing is lost without it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from tui.claims.lexical import ScoredPair
from tui.paths import cache_dir

KEEP = 64
"""Corpora remembered; older files are removed when a new one is written."""
MAX_FILE_BYTES = 64 * 2**20


def _version() -> str:
    try:
        return metadata.version("seedreader")
    except metadata.PackageNotFoundError:
        return "source"


class LinkCache:
    """A :class:`tui.claims.memo.LinkMemo` over files in ``folder / "links"``.

    Keys are qualified by the installed seedreader version: an upgrade may score differently
    without the model files or settings changing, so it starts afresh.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = (folder or cache_dir()) / "links"
        self.version = _version()

    def _qualified(self, key: str) -> str:
        return hashlib.sha256(f"{self.version}|{key}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / f"{self._qualified(key)[:40]}.json"

    def get(self, key: str) -> list[ScoredPair] | None:
        path = self._path(key)
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                return None
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("key") != self._qualified(key):
                return None
            pairs = [ScoredPair(int(a), int(b), float(score), tuple(str(t) for t in shared),
                                float(cos))
                     for a, b, score, shared, cos in data["pairs"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        try:
            os.utime(path)  # recently used: pruned last
        except OSError:
            pass
        return pairs

    def put(self, key: str, pairs: Sequence[ScoredPair]) -> None:
        rows = [[p.a, p.b, p.score, list(p.shared), p.cosine] for p in pairs]
        text = json.dumps({"key": self._qualified(key), "pairs": rows}, ensure_ascii=False,
                          separators=(",", ":"))
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".links-", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    out.write(text)
                os.replace(tmp, self._path(key))
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            self._prune()
        except OSError:
            return

    def _prune(self) -> None:
        files = sorted(self.folder.glob("*.json"), key=lambda p: p.stat().st_mtime,
                       reverse=True)
        for old in files[KEEP:]:
            old.unlink(missing_ok=True)


def default_cache() -> LinkCache | None:
    """The cache, unless ``SEEDREADER_NO_CACHE`` is set (benchmarks timing a cold index)."""
    if os.environ.get("SEEDREADER_NO_CACHE"):
        return None
    return LinkCache()

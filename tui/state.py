"""The reader's last position and filter per corpus, kept in one small JSON file.

Documents are remembered by fingerprint, not by load order, so adding a file to a folder or
passing the paths in another order still restores the right article. The file is created on
the first save only, written atomically, and ignored (then replaced) when unreadable.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.corpus.model import LoadResult

STATE_FILE = "reader-state.json"
STATE_VERSION = 1
MAX_CORPORA = 200


def corpus_key(result: LoadResult) -> str:
    """Identifies a set of articles by content, whatever order or paths they were opened with."""
    digest = hashlib.sha256()
    for fingerprint in sorted(doc.fingerprint for doc in result.documents):
        digest.update(fingerprint.encode())
    return digest.hexdigest()[:16]
"""Oldest entries are dropped beyond this, so the file stays small."""


@dataclass
class ReaderState:
    order: list[str] = field(default_factory=list)
    """Fingerprints of the documents shown, in pane order."""
    active: str = ""
    """Fingerprint of the document holding the cursor."""
    cursors: dict[str, int] = field(default_factory=dict)
    """Fingerprint -> statement index of each document's cursor."""
    filter: str = "all"
    page: int = 0
    scroll_lock: bool = True

    @classmethod
    def from_json(cls, data: Any) -> ReaderState | None:
        if not isinstance(data, dict):
            return None
        try:
            state = cls(
                order=[str(x) for x in data.get("order", [])],
                active=str(data.get("active", "")),
                cursors={str(k): int(v) for k, v in dict(data.get("cursors", {})).items()},
                filter=str(data.get("filter", "all")),
                page=int(data.get("page", 0)),
                scroll_lock=bool(data.get("scroll_lock", True)),
            )
        except (TypeError, ValueError):
            return None
        return state


class StateStore:
    """Load and save ``ReaderState`` by corpus key in ``directory/reader-state.json``."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / STATE_FILE

    def _read_all(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
            return {}
        corpora = data.get("corpora")
        return corpora if isinstance(corpora, dict) else {}

    def load(self, corpus_key: str) -> ReaderState | None:
        entry = self._read_all().get(corpus_key)
        if not isinstance(entry, dict):
            return None
        return ReaderState.from_json(entry.get("state"))

    def save(self, corpus_key: str, state: ReaderState) -> None:
        """Write atomically: a crash mid-save leaves the previous file intact."""
        corpora = self._read_all()
        corpora[corpus_key] = {"saved": time.time(), "state": asdict(state)}
        if len(corpora) > MAX_CORPORA:
            newest = sorted(corpora.items(), key=lambda item: float(item[1].get("saved", 0)), reverse=True)
            corpora = dict(newest[:MAX_CORPORA])
        self.directory.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"version": STATE_VERSION, "corpora": corpora}, ensure_ascii=False, indent=1)
        handle, temp_name = tempfile.mkstemp(prefix=".reader-state-", suffix=".tmp", dir=self.directory)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(payload)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temp_name, self.path)
        except BaseException:
            try:
                os.unlink(temp_name)
            except OSError:
                pass
            raise

"""Remembering the links of a corpus between runs: the key, and what a store must offer.

Scoring candidate pairs is most of the time an index takes (1.0 s of 1.3 s for a 50-article
story). Its result depends only on the statements, the link settings and the model files, so
a corpus opened again with nothing changed can reuse it. The claim index does no I/O: the
caller passes a :class:`LinkMemo` (``tui/link_cache.py`` keeps one in the user cache
directory) and the index asks it by :func:`link_key`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Protocol

from tui.claims.lexical import LinkConfig, ScoredPair
from tui.corpus.model import Statement

MEMO_VERSION = 1
"""Bump when scoring changes in a way the model files and settings do not show."""


class LinkMemo(Protocol):
    def get(self, key: str) -> list[ScoredPair] | None:
        """The links stored under ``key``, or None."""

    def put(self, key: str, pairs: Sequence[ScoredPair]) -> None:
        """Store ``pairs`` under ``key``; failing quietly is fine (it is only a cache)."""


def link_key(statements: Sequence[Statement], doc_pos: dict[str, int], config: LinkConfig,
             probability: float, model: str) -> str:
    """Everything the selected links depend on: each statement's document, paragraph, position
    and text in order; the settings; ``model`` (digests of the vectors and the combiner)."""
    digest = hashlib.sha256()
    digest.update(f"v{MEMO_VERSION}|{model}|{config!r}|{probability!r}".encode())
    for s in statements:
        digest.update(f"\x1e{doc_pos[s.doc_id]}\x1f{s.paragraph}\x1f{s.index}\x1f".encode())
        digest.update(s.plain.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()

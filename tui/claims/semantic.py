"""Candidate pairs by meaning: each statement's nearest statements in other documents.

Sentence vectors find reworded reports that share no rare word ("arrested a man" / "took a
suspect into custody"). Documents are compared whole first, so a large corpus compares each
document only with its nearest ``max_docs`` documents and the work stays linear in practice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float32]
else:
    Matrix = Any


@dataclass
class Neighbours:
    """Candidate pairs (``i < j``) with their cosine, and each statement's best cosine per
    compared document (what a pair's cosine is measured against)."""

    pairs: dict[tuple[int, int], float]
    best: dict[int, dict[int, int]]
    """Document -> {other document -> column in ``best_rows[document]``}."""
    best_rows: dict[int, Matrix]
    """Document -> matrix (its statements x compared documents) of best cosines."""
    row_of: list[int]
    """Statement -> its row in its document's matrix."""

    def best_of(self, i: int, doc_i: int, other_doc: int) -> float:
        col = self.best[doc_i].get(other_doc)
        if col is None:
            return 1.0
        rows = self._lists.get(doc_i)
        if rows is None:
            rows = self._lists[doc_i] = self.best_rows[doc_i].tolist()
        return float(rows[self.row_of[i]][col])

    _lists: dict[int, list[list[float]]] = field(default_factory=dict)


def neighbours(vectors: Matrix, doc_of: list[int], per_statement: int = 8,
               floor: float = 0.65, max_docs: int = 48) -> Neighbours:
    import numpy as np

    n = len(doc_of)
    members: dict[int, list[int]] = {}
    for i, d in enumerate(doc_of):
        members.setdefault(d, []).append(i)
    docs = sorted(members)
    row_of = [0] * n
    for d in docs:
        for r, i in enumerate(members[d]):
            row_of[i] = r
    compared: dict[int, list[int]] = {d: [] for d in docs}
    if len(docs) - 1 <= max_docs:
        for d in docs:
            compared[d] = [o for o in docs if o != d]
    else:
        centroids = np.stack([vectors[members[d]].mean(axis=0) for d in docs])
        centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-9)
        sims = centroids @ centroids.T
        np.fill_diagonal(sims, -2.0)
        near = np.argpartition(-sims, max_docs, axis=1)[:, :max_docs]
        chosen: dict[int, set[int]] = {d: set() for d in docs}
        for a, row in enumerate(near):
            for b in row:
                chosen[docs[a]].add(docs[int(b)])
                chosen[docs[int(b)]].add(docs[a])
        compared = {d: sorted(chosen[d]) for d in docs}
    pairs: dict[tuple[int, int], float] = {}
    best: dict[int, dict[int, int]] = {}
    best_rows: dict[int, Matrix] = {}
    for d in docs:
        others = compared[d]
        if not others:
            best[d] = {}
            best_rows[d] = np.zeros((len(members[d]), 0), dtype=np.float32)
            continue
        cols = [j for o in others for j in members[o]]
        bounds = np.cumsum([0] + [len(members[o]) for o in others[:-1]])
        sims = vectors[members[d]] @ vectors[cols].T
        best[d] = {o: k for k, o in enumerate(others)}
        best_rows[d] = np.maximum.reduceat(sims, bounds, axis=1)
        k = min(per_statement, sims.shape[1])
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for r, i in enumerate(members[d]):
            for c in top[r]:
                cos = float(sims[r, c])
                if cos < floor:
                    continue
                j = cols[int(c)]
                key = (i, j) if i < j else (j, i)
                pairs[key] = cos
    return Neighbours(pairs, best, best_rows, row_of)

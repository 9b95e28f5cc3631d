"""Linking with the sentence model: candidates by meaning and by rare words, one score each.

Used by ``build_index`` when the static model and the combiner load; otherwise linking is
lexical only (``grouping.link_items``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from tui.claims.combine import FEATURES, Combiner, Wording, pair_features, wording
from tui.claims.facts import Facts
from tui.claims.lexical import Item, LinkConfig, ScoredPair
from tui.claims.linking import score_candidates
from tui.claims.semantic import neighbours
from tui.claims.term_weights import TermWeights

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float32]
else:
    Matrix = Any

LEAD = 1
"""Statements at this index or before open their article: leads report the story's core."""
LARGE = 20_000
"""Statements from which each is compared with fewer neighbours (4, in 16 nearest documents
instead of 8 in 48): a thousand-article corpus stays within seconds; claims still form because
linked statements pass links on."""
LARGE_LEXICAL = 6
"""Lexical candidates scored per statement from :data:`LARGE` statements on (12 below), found
through its 4 rarest terms (6 below) and 20 neighbours in each term's postings (40 below)."""
MASKED_MEANING = 0.65
"""Cosine two statements linked by meaning alone must keep once their shared names are gone."""


@dataclass
class Candidates:
    pairs: list[tuple[int, int]]
    """``(i, j)`` with ``i < j`` in different documents."""
    features: Matrix
    """One row of :data:`FEATURES` per pair."""
    wordings: list[Wording]
    identical: list[tuple[int, int]]
    """Pairs of the same text in two documents: the same report, no features needed."""


def candidate_signals(items: Sequence[Item], facts: Sequence[Facts], indices: Sequence[int],
                      vectors: Matrix, tw: TermWeights, config: LinkConfig) -> Candidates:
    """Every candidate pair with its features. ``indices``: each statement's position in its
    document (leads are told apart)."""
    import numpy as np

    doc_of = [it.doc for it in items]
    large = len(items) > LARGE
    near = neighbours(vectors, doc_of, per_statement=4 if large else 8,
                      max_docs=16 if large else 48)
    cands = dict(near.pairs)
    if large:
        config = replace(config, candidates_per_statement=min(config.candidates_per_statement,
                                                               LARGE_LEXICAL),
                         probe_terms=min(config.probe_terms, 4),
                         posting_window=min(config.posting_window, 20))
    lexical = score_candidates(items, config, tw, 0.0)
    for key in lexical:
        if key not in cands:
            cands[key] = float(vectors[key[0]] @ vectors[key[1]])
    memo: dict[tuple[int, int], Wording] = {}
    pairs: list[tuple[int, int]] = []
    rows: list[tuple[float, ...]] = []
    wordings: list[Wording] = []
    identical: list[tuple[int, int]] = []
    for (i, j), cos in cands.items():
        x, y = items[i], items[j]
        if x.terms is y.terms:
            identical.append((i, j))
            continue
        mkey = (id(x.terms), id(y.terms))
        w = memo.get(mkey)
        if w is None:
            hit = lexical.get((i, j))
            w = memo[mkey] = wording(x, y, facts[i], facts[j], tw,
                                     (tw.totals[i], tw.totals[j]), config,
                                     (hit.score, hit.shared) if hit is not None else None)
        lead = indices[i] <= LEAD and indices[j] <= LEAD
        rows.append(pair_features(w, cos, near.best_of(i, doc_of[i], doc_of[j]),
                                  near.best_of(j, doc_of[j], doc_of[i]), lead))
        pairs.append((i, j))
        wordings.append(w)
    matrix: Any = np.array(rows, dtype=np.float64).reshape(len(rows), len(FEATURES))
    return Candidates(pairs, matrix, wordings, identical)


def semantic_pairs(items: Sequence[Item], facts: Sequence[Facts], indices: Sequence[int],
                   vectors: Matrix, tw: TermWeights, config: LinkConfig, combiner: Combiner,
                   threshold: float, texts: Sequence[str] = (),
                   embed: Callable[[list[str]], Any] | None = None,
                   ) -> dict[tuple[int, int], ScoredPair]:
    """Candidate pairs whose combined probability reaches ``threshold``, and those the lexical
    engine links on its own (two rare shared pieces of evidence: right 9 times in 10 on real
    coverage)."""
    cands = candidate_signals(items, facts, indices, vectors, tw, config)
    scored: dict[tuple[int, int], ScoredPair] = {}
    evidence: dict[int, tuple[str, ...]] = {}
    for i, j in cands.identical:
        shown = evidence.get(id(items[i].terms))
        if shown is None:
            shown = evidence[id(items[i].terms)] = _evidence(items[i], tw)
        scored[(i, j)] = ScoredPair(i, j, 1.0, shown, 1.0)
    if not cands.pairs:
        return scored
    probs = combiner.probabilities(cands.features).tolist()
    cosines = cands.features[:, 0].tolist()
    by_meaning: list[int] = []
    for k, (i, j) in enumerate(cands.pairs):
        w = cands.wordings[k]
        if w.gate > 0.0 and w.lex >= config.link_threshold:
            scored[(i, j)] = ScoredPair(i, j, probs[k], w.shared, cosines[k])
        elif probs[k] >= threshold:
            by_meaning.append(k)
    if by_meaning and embed is not None:
        # Linked by meaning alone: the meaning must survive without the names both share,
        # or a speaker or a place common to the story links different facts.
        stripped: list[str] = []
        for k in by_meaning:
            i, j = cands.pairs[k]
            stripped.extend(_without_shared_names(texts[i], texts[j], items[i], items[j]))
        masked = embed(stripped)
        for n, k in enumerate(by_meaning):
            if float(masked[2 * n] @ masked[2 * n + 1]) >= MASKED_MEANING:
                i, j = cands.pairs[k]
                scored[(i, j)] = ScoredPair(i, j, probs[k], cands.wordings[k].shared,
                                            cosines[k])
    return scored


def _evidence(item: Item, tw: TermWeights) -> tuple[str, ...]:
    """The heaviest terms of a text found verbatim in two documents, as written."""
    terms = sorted(item.terms, key=lambda t: (-tw.weights.get(t, 0.0), t))[:8]
    return tuple(item.surface.get(t, t) for t in terms if tw.weights.get(t, 0.0) > 0.0)


def _without_shared_names(a: str, b: str, x: Item, y: Item) -> tuple[str, str]:
    names = {x.surface.get(t, t).lower() for t in x.caps & y.caps}
    names |= {y.surface.get(t, t).lower() for t in x.caps & y.caps}

    def strip(text: str) -> str:
        return " ".join(w for w in text.split() if w.strip(".,;:!?\"'()").lower() not in names)

    return strip(a), strip(b)

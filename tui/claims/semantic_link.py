"""Linking with the sentence model: candidates by meaning and by rare words, one score each.

Used by ``build_index`` when the static model and the combiner load; otherwise linking is
lexical only (``linking.link_items``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from tui.claims.combine import FEATURES, Combiner, PairSignals, pair_features
from tui.claims.facts import Facts
from tui.claims.linking import Item, LinkConfig, ScoredPair, TermWeights, score_candidates
from tui.claims.semantic import neighbours

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float32]
else:
    Matrix = Any

LEAD = 1
"""Statements at this index or before open their article: leads report the story's core."""


def candidate_signals(items: Sequence[Item], facts: Sequence[Facts], indices: Sequence[int],
                      vectors: Matrix, tw: TermWeights, config: LinkConfig,
                      ) -> dict[tuple[int, int], PairSignals]:
    """Every candidate pair (``i < j``, different documents) with its features.

    ``indices``: each statement's position in its document (leads are told apart).
    """
    doc_of = [it.doc for it in items]
    near = neighbours(vectors, doc_of)
    cands = dict(near.pairs)
    for key in score_candidates(items, config, tw, 0.0):
        if key not in cands:
            cands[key] = float(vectors[key[0]] @ vectors[key[1]])
    out: dict[tuple[int, int], PairSignals] = {}
    memo: dict[tuple[int, int, float, float, bool], PairSignals] = {}
    for (i, j), cos in cands.items():
        bi = near.best_of(i, doc_of[i], doc_of[j])
        bj = near.best_of(j, doc_of[j], doc_of[i])
        lead = indices[i] <= LEAD and indices[j] <= LEAD
        mkey = (id(items[i].terms), id(items[j].terms), round(bi - cos, 6), round(bj - cos, 6),
                lead)
        sig = memo.get(mkey)
        if sig is None:
            sig = pair_features(items[i], items[j], facts[i], facts[j], cos, bi, bj, lead, tw,
                                (tw.totals[i], tw.totals[j]), config)
            memo[mkey] = sig
        out[(i, j)] = sig
    return out


def semantic_pairs(items: Sequence[Item], facts: Sequence[Facts], indices: Sequence[int],
                   vectors: Matrix, tw: TermWeights, config: LinkConfig, combiner: Combiner,
                   threshold: float, texts: Sequence[str] = (),
                   embed: Callable[[list[str]], Any] | None = None,
                   ) -> dict[tuple[int, int], ScoredPair]:
    """Candidate pairs whose combined probability reaches the combiner's threshold."""
    cut = threshold
    scored: dict[tuple[int, int], ScoredPair] = {}
    prob: Callable[[tuple[float, ...]], float] = combiner.probability
    gate, lex = FEATURES.index("gate"), FEATURES.index("lex")
    by_meaning: list[tuple[int, int, float, PairSignals]] = []
    probs: dict[int, float] = {}
    for (i, j), sig in candidate_signals(items, facts, indices, vectors, tw, config).items():
        p = probs.get(id(sig))
        if p is None:
            p = probs[id(sig)] = prob(sig.features)
        # What the lexical engine links on its own (two rare shared pieces of evidence) stays
        # linked: on real coverage those links were right 9 times in 10.
        lexical = sig.features[gate] > 0.0 and sig.features[lex] >= config.link_threshold
        if lexical:
            scored[(i, j)] = ScoredPair(i, j, p, sig.shared, sig.features[0])
        elif p >= cut:
            by_meaning.append((i, j, p, sig))
    if by_meaning and embed is not None:
        # Linked by meaning alone: the meaning must survive without the names both share,
        # or a speaker or a place common to the story links different facts.
        masked = embed([t for i, j, _, _ in by_meaning
                        for t in _without_shared_names(texts[i], texts[j], items[i], items[j])])
        for k, (i, j, p, sig) in enumerate(by_meaning):
            if float(masked[2 * k] @ masked[2 * k + 1]) >= MASKED_MEANING:
                scored[(i, j)] = ScoredPair(i, j, p, sig.shared, sig.features[0])
    return scored


MASKED_MEANING = 0.65
"""Cosine two statements must keep once their shared names are removed."""


def _without_shared_names(a: str, b: str, x: Item, y: Item) -> tuple[str, str]:
    names = {x.surface.get(t, t).lower() for t in x.caps & y.caps}
    names |= {y.surface.get(t, t).lower() for t in x.caps & y.caps}

    def strip(text: str) -> str:
        return " ".join(w for w in text.split() if w.strip(".,;:!?\"'()").lower() not in names)

    return strip(a), strip(b)

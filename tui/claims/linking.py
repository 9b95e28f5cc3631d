"""Which statements share wording: candidates from rare terms, scored lexically.

Candidates come from an inverted index over the rarer content terms of each statement, so the
work grows with the corpus, not with its square (``grouping`` keeps the best links and forms
claims; ``semantic_link`` adds candidates by meaning).

Only the candidate search lives here: term weights come from ``term_weights`` (the story's
topic words weigh little) and each candidate is scored by ``lexical.score_pair`` (a link
needs two independent pieces of evidence, and a score covers both statements).
"""

from __future__ import annotations

import heapq
from operator import itemgetter
from bisect import bisect_left
from collections.abc import Sequence

from tui.claims.lexical import Item, LinkConfig, ScoredPair, score_pair
from tui.claims.term_weights import TermWeights


def score_candidates(items: Sequence[Item], config: LinkConfig, tw: TermWeights,
                     min_score: float) -> dict[tuple[int, int], ScoredPair]:
    """Pairs that share rare terms, scored lexically; those scoring ``min_score`` or more."""
    n = len(items)
    weights, df, evidence, totals = tw.weights, tw.df, tw.evidence, tw.totals
    max_df = max(int(config.max_term_df_ratio * n), config.min_term_df_cap)
    postings: dict[str, list[int]] = {}
    probes: list[list[str]] = []
    for i, it in enumerate(items):
        eligible = [t for t in it.terms if t in weights and df[t] <= max_df and df[t] > 1]
        eligible.sort(key=lambda t: (-weights[t], t))
        chosen = eligible[: config.probe_terms]
        probes.append(chosen)
        for t in chosen:
            postings.setdefault(t, []).append(i)

    half = config.posting_window // 2
    scored: dict[tuple[int, int], ScoredPair] = {}
    # Near-duplicate corpora score the same pair of texts many times: score each once.
    memo: dict[tuple[int, int], tuple[float, tuple[str, ...]]] = {}
    doc_of = [it.doc for it in items]
    window = config.posting_window
    by_score = itemgetter(1)
    for i, it in enumerate(items):
        coarse: dict[int, float] = {}
        get = coarse.get
        doc = doc_of[i]
        for t in probes[i]:
            plist = postings[t]
            if len(plist) > window:
                lo = max(0, bisect_left(plist, i) - half)
                plist = plist[lo: lo + window]
            w = weights[t]
            for j in plist:
                if doc_of[j] != doc:
                    coarse[j] = get(j, 0.0) + w
        if not coarse:
            continue
        # Ties keep insertion order, which follows the sorted probes and postings: deterministic.
        best = heapq.nlargest(config.candidates_per_statement, coarse.items(), key=by_score)
        for j, _ in best:
            key = (i, j) if i < j else (j, i)
            if key in scored:
                continue
            x, y = items[key[0]], items[key[1]]
            mkey = (id(x.terms), id(y.terms))
            hit = memo.get(mkey)
            if hit is None:
                hit = score_pair(x, y, weights, config.fuzzy_term_ratio,
                                 (totals[key[0]], totals[key[1]]), evidence)
                memo[mkey] = hit
            s, shared = hit
            if s >= min_score and s > 0.0:
                scored[key] = ScoredPair(key[0], key[1], s, shared)
    return scored


__all__ = ["score_candidates"]

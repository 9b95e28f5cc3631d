"""How much each term counts as evidence in one corpus: IDF with the story's topic damped.

On real coverage of one story most statements share its cast and setting ("Putin", "visit",
"Kyrgyzstan"), so the topic words of the corpus weigh little (:func:`weigh_terms`, once per
corpus, also sets how much evidence a link needs).

Split from ``linking``: weighing terms is one job; ``lexical`` scores pairs with the weights.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from tui.claims.lexical import Item, LinkConfig
from tui.claims.terms import idf_weights


@dataclass(frozen=True, slots=True)
class TermWeights:
    """How much each term counts as evidence in one corpus, and what that implies."""

    weights: dict[str, float]
    df: dict[str, int]
    evidence: tuple[float, int]
    """(minimum weight of a term that counts as evidence, pieces of evidence a link needs)."""
    totals: list[float]
    """Summed weight of each item's terms."""


def weigh_terms(items: Sequence[Item], config: LinkConfig) -> TermWeights:
    """IDF weights with the story's topic words damped, computed once per corpus."""
    n = len(items)
    df: dict[str, int] = {}
    doc_df: dict[str, int] = {}
    last_doc: dict[str, int] = {}
    docs: set[int] = set()
    for it in items:
        docs.add(it.doc)
        for t in it.terms:
            df[t] = df.get(t, 0) + 1
            if last_doc.get(t) != it.doc:
                last_doc[t] = it.doc
                doc_df[t] = doc_df.get(t, 0) + 1
    weights = idf_weights(df, n)
    _damp_topic_terms(weights, df, doc_df, len(docs), config.topic_damping)
    evidence = (config.min_evidence_weight * math.log((n + 1.0) / 2.5 + 1.0),
                config.min_evidence_terms)
    total_of: dict[int, float] = {}
    totals: list[float] = []
    for it in items:
        key_t = id(it.terms)
        if key_t not in total_of:
            total_of[key_t] = math.fsum(weights.get(t, 0.0) for t in it.terms)
        totals.append(total_of[key_t])
    return TermWeights(weights, df, evidence, totals)


def _damp_topic_terms(weights: dict[str, float], df: dict[str, int], doc_df: dict[str, int],
                      n_docs: int, damping: float) -> None:
    """Down-weight the story's own vocabulary: terms in most documents, again and again.

    A term found in every document but once in each is a fact everyone reports ("four
    departments"); one that recurs through every document is the topic ("Putin", "Harlan").
    Documents are counted in runs of consecutive statements, so this assumes statements come
    grouped by document, as ``build_index`` passes them.
    """
    if n_docs < 2 or damping <= 0.0:
        return
    for t, w in weights.items():
        d = doc_df.get(t, 0)
        if d < 2:
            continue
        spread = df[t] / d
        if spread <= 1.0:
            continue
        weights[t] = w * (1.0 - damping * (d / n_docs) * (1.0 - 1.0 / spread))


__all__ = ["TermWeights", "weigh_terms"]

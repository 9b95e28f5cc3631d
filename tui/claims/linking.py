"""Which statements report the same thing: candidates from rare terms, a weighted score, groups.

Candidates come from an inverted index over the rarer content terms of each statement, so the
work grows with the corpus, not with its square. Near-duplicate statements (syndicated copy,
recombined corpora) are common, so every statement keeps only its best links per other
document and a few in total; a link is accepted only when both ends keep it, which stops one
vague statement from chaining unrelated claims together.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from math import sqrt

from rapidfuzz import fuzz

from tui.claims.terms import idf_weights


@dataclass(frozen=True, slots=True)
class LinkConfig:
    link_threshold: float
    max_links_per_statement: int
    max_links_per_document: int
    max_term_df_ratio: float
    min_term_df_cap: int
    probe_terms: int
    posting_window: int
    candidates_per_statement: int
    fuzzy_term_ratio: float


@dataclass(slots=True)
class Item:
    """What linking needs to know about one statement."""

    doc: int
    terms: frozenset[str]
    compounds: dict[str, tuple[str, str]]
    """Stem of two adjacent words written together ("air base" -> "airbas") -> their stems."""
    surface: dict[str, str]
    """Stem -> the word as written, for showing evidence."""


@dataclass(frozen=True, slots=True)
class ScoredPair:
    a: int
    b: int
    score: float
    shared: tuple[str, ...]


def _close(a: str, b: str, ratio: float) -> bool:
    la, lb = len(a), len(b)
    if la < 4 or lb < 4 or a.isdigit() or b.isdigit():
        return False
    if (a.startswith(b) or b.startswith(a)) and min(la, lb) >= 5:
        return True
    if min(la, lb) < 5:
        return False
    return fuzz.ratio(a, b) >= ratio


def score_pair(x: Item, y: Item, weights: dict[str, float], fuzzy_ratio: float,
               totals: tuple[float, float] | None = None) -> tuple[float, tuple[str, ...]]:
    """Weighted overlap of content terms, 0..1, and the shared terms as written in ``x``."""
    if totals is None:
        wx = sum(weights.get(t, 0.0) for t in x.terms)
        wy = sum(weights.get(t, 0.0) for t in y.terms)
    else:
        wx, wy = totals
    if wx <= 0.0 or wy <= 0.0:
        return 0.0, ()
    shared = x.terms & y.terms
    matched: list[tuple[float, str]] = [(weights.get(t, 0.0), t) for t in shared]
    left_x = [t for t in x.terms - shared if weights.get(t, 0.0) > 0.0]
    left_y = [t for t in y.terms - shared if weights.get(t, 0.0) > 0.0]
    if left_x and left_y:
        used_y: set[str] = set()
        for a in sorted(left_x, key=lambda t: -weights.get(t, 0.0)):
            for b in left_y:
                if b not in used_y and _close(a, b, fuzzy_ratio):
                    used_y.add(b)
                    matched.append((min(weights.get(a, 0.0), weights.get(b, 0.0)), a))
                    break
        for side, other, left in ((x, y, left_y), (y, x, left_x)):
            for compound, parts in side.compounds.items():
                if compound in other.terms and compound in left and parts[0] not in other.terms:
                    matched.append((weights.get(compound, 0.0), compound))
    total = sum(w for w, _ in matched)
    score = min(1.0, total / sqrt(wx * wy))
    matched.sort(key=lambda m: -m[0])
    shown: list[str] = []
    for w, t in matched:
        if w <= 0.0:
            continue
        word = x.surface.get(t) or y.surface.get(t) or t
        if word not in shown:
            shown.append(word)
        if len(shown) == 8:
            break
    return score, tuple(shown)


def link_items(items: Sequence[Item], config: LinkConfig) -> list[ScoredPair]:
    """Accepted links between items of different documents, best first per item."""
    n = len(items)
    df: dict[str, int] = {}
    for it in items:
        for t in it.terms:
            df[t] = df.get(t, 0) + 1
    weights = idf_weights(df, n)
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
    total_of: dict[int, float] = {}
    totals: list[float] = []
    for it in items:
        key_t = id(it.terms)
        if key_t not in total_of:
            total_of[key_t] = sum(weights.get(t, 0.0) for t in it.terms)
        totals.append(total_of[key_t])
    # Near-duplicate corpora score the same pair of texts many times: score each once.
    memo: dict[tuple[int, int], tuple[float, tuple[str, ...]]] = {}
    for i, it in enumerate(items):
        coarse: dict[int, float] = {}
        doc = it.doc
        for t in probes[i]:
            plist = postings[t]
            if len(plist) > config.posting_window:
                pos = bisect_left(plist, i)
                lo = max(0, pos - half)
                plist = plist[lo: lo + config.posting_window]
            w = weights[t]
            for j in plist:
                if items[j].doc != doc:
                    coarse[j] = coarse.get(j, 0.0) + w
        if not coarse:
            continue
        best = heapq.nlargest(config.candidates_per_statement, coarse.items(),
                              key=lambda kv: kv[1])
        for j, _ in best:
            key = (i, j) if i < j else (j, i)
            if key in scored:
                continue
            x, y = items[key[0]], items[key[1]]
            mkey = (id(x.terms), id(y.terms))
            hit = memo.get(mkey)
            if hit is None:
                hit = score_pair(x, y, weights, config.fuzzy_term_ratio,
                                 (totals[key[0]], totals[key[1]]))
                memo[mkey] = hit
            s, shared = hit
            if s >= config.link_threshold:
                scored[key] = ScoredPair(key[0], key[1], s, shared)
    return _select(scored, items, config)


def _select(scored: dict[tuple[int, int], ScoredPair], items: Sequence[Item],
            config: LinkConfig) -> list[ScoredPair]:
    by_item: dict[int, list[ScoredPair]] = {}
    for p in scored.values():
        by_item.setdefault(p.a, []).append(p)
        by_item.setdefault(p.b, []).append(p)
    kept: dict[int, set[tuple[int, int]]] = {}
    for i, pairs in by_item.items():
        pairs.sort(key=lambda p: (-p.score, p.a, p.b))
        per_doc: dict[int, int] = {}
        keep: set[tuple[int, int]] = set()
        for p in pairs:
            other = p.b if p.a == i else p.a
            d = items[other].doc
            if per_doc.get(d, 0) >= config.max_links_per_document:
                continue
            per_doc[d] = per_doc.get(d, 0) + 1
            keep.add((p.a, p.b))
            if len(keep) >= config.max_links_per_statement:
                break
        kept[i] = keep
    accepted = [p for key, p in scored.items() if key in kept[p.a] and key in kept[p.b]]
    accepted.sort(key=lambda p: (p.a, p.b))
    return accepted


def group(n: int, pairs: Sequence[ScoredPair]) -> list[int]:
    """Union-find: the root item of each item's group."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        ra, rb = find(p.a), find(p.b)
        if ra != rb:
            if ra < rb:
                parent[rb] = ra
            else:
                parent[ra] = rb
    return [find(i) for i in range(n)]

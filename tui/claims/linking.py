"""Which statements share wording: candidates from rare terms and a weighted lexical score.

Candidates come from an inverted index over the rarer content terms of each statement, so the
work grows with the corpus, not with its square (``grouping`` keeps the best links and forms
claims; ``semantic_link`` adds candidates by meaning).

On real coverage of one story most statements share its cast and setting ("Putin", "visit",
"Kyrgyzstan"), so the topic words of the corpus weigh little, a link needs two independent
pieces of evidence, and a score covers both statements, not just the shorter one.
"""

from __future__ import annotations

import heapq
from operator import itemgetter
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
import math

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

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
    topic_damping: float = 0.8
    min_evidence_weight: float = 0.3
    min_evidence_terms: int = 2


@dataclass(slots=True)
class Item:
    """What linking needs to know about one statement."""

    doc: int
    terms: frozenset[str]
    compounds: dict[str, tuple[str, str]]
    """Stem of two adjacent words written together ("air base" -> "airbas") -> their stems."""
    surface: dict[str, str]
    """Stem -> the word as written, for showing evidence."""
    caps: frozenset[str] = frozenset()
    """Terms written with a capital (names, demonyms): "Kyrgyz" may match "Kyrgyzstan"."""
    positions: dict[str, int] | None = None
    """Term -> token position of its first occurrence."""
    seq: tuple[str, ...] = ()
    """Every token's stem in order, function words too: recognises near-verbatim copies."""


@dataclass(frozen=True, slots=True)
class ScoredPair:
    a: int
    b: int
    score: float
    shared: tuple[str, ...]
    cosine: float = 0.0
    """Similarity of the two sentence vectors; 0.0 when linked without the model."""


def _near_number(a: str, b: str) -> bool:
    """Roundings of one count ("more than 1,100" / "1,140", "about 1,700" / "1,736")."""
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    if x < 100 or y < 100 or any(v.is_integer() and 1800 <= v <= 2100 for v in (x, y)):
        return False
    return abs(x - y) <= 0.05 * max(x, y)


def _initial(word: str) -> str:
    return "0" if word[0].isdigit() else word[0]


def _close(a: str, b: str, ratio: float, names: bool = False) -> bool:
    """Spellings or inflections of one word, not merely related words.

    A prefix is enough for names ("Kyrgyz"/"Kyrgyzstan") or a short ending ("Russia"/
    "Russian"); otherwise "coincided"/"coincidence" would be one word. Other near matches need
    a high ratio and nearly equal lengths ("organisation"/"organization").
    """
    la, lb = len(a), len(b)
    if a[0].isdigit() and b[0].isdigit():
        return _near_number(a, b)
    if la < 4 or lb < 4 or a.isdigit() or b.isdigit() or min(la, lb) < 5:
        return False
    if a.startswith(b) or b.startswith(a):
        return names or abs(la - lb) <= 2
    if abs(la - lb) > 1:
        return False
    return fuzz.ratio(a, b) >= ratio


PHRASE_WINDOW = 1
"""Shared terms this close in both statements are one phrase. Wider windows merge the
distinct facts of short sentences (measured: 2 costs the fixtures 0.04 conflict recall)."""


def _units(strong: list[str], x: Item, y: Item) -> int:
    """Distinct pieces of evidence: terms next to each other in both statements are one
    phrase ("Sadyr Japarov", "Russian airbase"), so a full name is one piece, not two."""
    px, py = x.positions, y.positions
    if px is None or py is None:
        return len(strong)
    root = {t: t for t in strong}

    def find(t: str) -> str:
        while root[t] != t:
            t = root[t]
        return t

    units = len(strong)
    for i, a in enumerate(strong):
        for b in strong[i + 1:]:
            if (a in px and b in px and a in py and b in py
                    and abs(px[a] - px[b]) <= PHRASE_WINDOW
                    and abs(py[a] - py[b]) <= PHRASE_WINDOW):
                ra, rb = find(a), find(b)
                if ra != rb:
                    root[rb] = ra
                    units -= 1
    return units


NEAR_COPY_TERMS = 0.75
"""Share of all content terms two statements must have in common to be copies..."""
NEAR_COPY_TOKENS = 0.8
"""...or similarity of their whole token sequences (one name or number swapped, a "not"
inserted, a synonym: still the same sentence)."""


def _near_copy(x: Item, y: Item, shared: int) -> bool:
    """The same sentence, lightly edited: evidence enough even when all its words are the
    story's topic words (an article indexed with its own edited copy is all topic)."""
    if shared < 2:
        return False
    union = len(x.terms) + len(y.terms) - shared
    if shared >= 3 and union > 0 and shared / union >= NEAR_COPY_TERMS:
        return True
    if not x.seq or not y.seq:
        return False
    # A short statement ("It does not stop the disease.") must be all but identical.
    cutoff = NEAR_COPY_TOKENS if shared >= 3 else 0.95
    return Indel.normalized_similarity(x.seq, y.seq, score_cutoff=cutoff) >= cutoff


def score_pair(x: Item, y: Item, weights: dict[str, float], fuzzy_ratio: float,
               totals: tuple[float, float] | None = None,
               evidence: tuple[float, int] = (0.0, 0)) -> tuple[float, tuple[str, ...]]:
    """Weighted overlap of content terms, 0..1, and the shared terms as written in ``x``.

    The score is the harmonic mean of how much of each statement's weight the shared terms
    cover, so a six-word fragment cannot match half of a long sentence. It is 0 unless at least
    ``evidence[1]`` distinct shared terms (a name of two words counts once) weigh
    ``evidence[0]`` or more: one name or one topic word is not a report.
    """
    if totals is None:
        wx = math.fsum(weights.get(t, 0.0) for t in x.terms)
        wy = math.fsum(weights.get(t, 0.0) for t in y.terms)
    else:
        wx, wy = totals
    if wx <= 0.0 or wy <= 0.0:
        return 0.0, ()
    shared = x.terms & y.terms
    matched: list[tuple[float, str]] = [(weights.get(t, 0.0), t) for t in shared]
    left_x = sorted((t for t in x.terms - shared if weights.get(t, 0.0) > 0.0),
                    key=lambda t: (-weights.get(t, 0.0), t))
    left_y = sorted(t for t in y.terms - shared if weights.get(t, 0.0) > 0.0)
    if left_x and left_y:
        used_y: set[str] = set()
        # Spellings and inflections of one word start alike; comparing only words with the
        # same first character keeps this loop from being quadratic in the leftovers.
        by_initial: dict[str, list[str]] = {}
        for b in left_y:
            by_initial.setdefault(_initial(b), []).append(b)
        for a in left_x:
            for b in by_initial.get(_initial(a), ()):
                if b not in used_y and _close(a, b, fuzzy_ratio,
                                              a in x.caps and b in y.caps):
                    used_y.add(b)
                    matched.append((min(weights.get(a, 0.0), weights.get(b, 0.0)), a))
                    break
        for side, other, left in ((x, y, left_y), (y, x, left_x)):
            for compound, parts in side.compounds.items():
                if compound in other.terms and compound in left and parts[0] not in other.terms:
                    matched.append((weights.get(compound, 0.0), compound))
    min_weight, min_terms = evidence
    if min_terms > 0:
        strong = sorted({t for w, t in matched if w >= min_weight})
        if (len(strong) < min_terms or _units(strong, x, y) < min_terms) and not _near_copy(
                x, y, len(matched)):
            return 0.0, ()
    total = math.fsum(w for w, _ in matched)
    score = min(1.0, 2.0 * total / (wx + wy))
    matched.sort(key=lambda m: (-m[0], m[1]))
    shown: list[str] = []
    for w, t in matched:
        if w <= 0.0 or t.startswith("@"):
            continue
        # Evidence is shown in words of the two statements: not a dated-event key, nor a term
        # a scene-setting sentence borrowed from the next one.
        word = x.surface.get(t) or y.surface.get(t)
        if not word:
            continue
        if word not in shown:
            shown.append(word)
        if len(shown) == 8:
            break
    return score, tuple(shown)


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

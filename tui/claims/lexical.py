"""How much two statements share in wording: the lexical pair score.

:func:`score_pair` weighs the content terms two statements share (spellings, inflections,
compounds and near numbers count as one word) and asks for two independent pieces of
evidence unless one is a lightly edited copy of the other. :class:`Item` is what linking knows
of a statement, :class:`LinkConfig` its settings, :class:`ScoredPair` its result.

Split from ``linking``: scoring one pair is one job; ``term_weights`` says how much each term
counts, ``linking`` finds the pairs worth scoring.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel


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
    score, shown, passed = score_and_gate(x, y, weights, fuzzy_ratio, totals, evidence)
    return (score, shown) if passed else (0.0, ())


def score_and_gate(x: Item, y: Item, weights: dict[str, float], fuzzy_ratio: float,
                   totals: tuple[float, float] | None = None,
                   evidence: tuple[float, int] = (0.0, 0),
                   ) -> tuple[float, tuple[str, ...], bool]:
    """:func:`score_pair`'s score and shared terms whether or not the pair has the evidence,
    and whether it has: the combiner uses all three, at the cost of one scoring."""
    if totals is None:
        wx = math.fsum(weights.get(t, 0.0) for t in x.terms)
        wy = math.fsum(weights.get(t, 0.0) for t in y.terms)
    else:
        wx, wy = totals
    if wx <= 0.0 or wy <= 0.0:
        return 0.0, (), False
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
    passed = True
    if min_terms > 0:
        strong = sorted({t for w, t in matched if w >= min_weight})
        passed = (len(strong) >= min_terms and _units(strong, x, y) >= min_terms) or _near_copy(
            x, y, len(matched))
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
    return score, tuple(shown), passed


__all__ = ["Item", "LinkConfig", "NEAR_COPY_TERMS", "NEAR_COPY_TOKENS", "PHRASE_WINDOW",
           "ScoredPair", "score_and_gate", "score_pair"]

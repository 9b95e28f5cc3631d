"""One calibrated score from every signal: meaning, shared rare words, names, numbers, quotes.

:func:`pair_features` turns a candidate pair into numbers; a logistic model fitted on
hand-labelled real coverage (``benchmarks/fit_combiner.py``, cross-validated by story) turns them
into the probability that the two statements report the same fact. The coefficients ship in
``model/combiner.json`` (pinned in ``model/MANIFEST.json``).
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.claims.facts import Facts
from tui.claims.lexical import Item, LinkConfig, score_and_gate
from tui.claims.term_weights import TermWeights

FEATURES = (
    "cos", "cos2", "lex", "lex_sqrt", "gate", "gap_a", "gap_b", "best_a", "best_b", "mutual",
    "same_number", "leads", "min_len", "max_len", "cos_lex", "cover", "cover_sqrt",
    "shared_weight", "shared_names", "quote_run", "long_quote",
)


def _longest_run(a: tuple[str, ...], b: tuple[str, ...], least: int = 3) -> int:
    """Length of the longest run of tokens both statements share (a quoted phrase)."""
    if len(a) < least or len(b) < least:
        return 0
    starts: dict[tuple[str, ...], list[int]] = {}
    for k in range(len(a) - least + 1):
        starts.setdefault(a[k:k + least], []).append(k)
    best = 0
    for m in range(len(b) - least + 1):
        for k in starts.get(b[m:m + least], ()):
            if k and m and a[k - 1] == b[m - 1]:
                continue  # inside a run that starts one token earlier, and is longer
            run = least
            while k + run < len(a) and m + run < len(b) and a[k + run] == b[m + run]:
                run += 1
            best = max(best, run)
    return best


@dataclass(frozen=True, slots=True)
class Wording:
    """What two statements' words have in common; depends on the two texts only, so it is
    computed once per distinct pair of texts (syndicated corpora repeat them)."""

    lex: float
    gate: float
    shared_weight: float
    cover: float
    names: float
    run: int
    same_number: float
    min_len: int
    max_len: int
    shared: tuple[str, ...]
    """Shared terms as written, for the explanation."""


def wording(x: Item, y: Item, fx: Facts, fy: Facts, tw: TermWeights,
            totals: tuple[float, float], config: LinkConfig,
            gated: tuple[float, tuple[str, ...]] | None = None) -> Wording:
    """``gated``: the pair's lexical score and shared terms when it already passed the
    evidence gate (the gate does not change the score), saving two scorings."""
    weights = tw.weights
    if gated is not None:
        lex, shared = gated
        gate = 1.0
    else:
        lex, shared, passed = score_and_gate(x, y, weights, config.fuzzy_term_ratio, totals,
                                             tw.evidence)
        gate = 1.0 if passed and lex > 0.0 else 0.0
    common = x.terms & y.terms
    wsh = math.fsum(weights.get(t, 0.0) for t in common)
    names = math.fsum(weights.get(t, 0.0) for t in common if t in x.caps and t in y.caps)
    run = _longest_run(x.seq, y.seq) if common else 0
    same_number = 1.0 if {n.value for n in fx.numbers} & {n.value for n in fy.numbers} else 0.0
    lx, ly = len(fx.tokens), len(fy.tokens)
    return Wording(lex, gate, wsh, wsh / max(1e-9, min(totals)), names, run, same_number,
                   min(lx, ly), max(lx, ly), shared)


def pair_features(w: Wording, cos: float, best_x: float, best_y: float,
                  lead: bool) -> tuple[float, ...]:
    """In the order of :data:`FEATURES`. ``best_x``: the best cosine ``x`` reaches in ``y``'s
    document, and the reverse: a pair that is each other's best match is likelier the same."""
    ma, mb = float(cos >= best_x - 1e-6), float(cos >= best_y - 1e-6)
    return (
        cos, cos * cos, w.lex, math.sqrt(w.lex), w.gate, cos - best_x, cos - best_y, ma, mb,
        ma * mb, w.same_number, 1.0 if lead else 0.0, math.log(w.min_len + 1.0),
        math.log(w.max_len + 1.0), cos * w.lex, w.cover, math.sqrt(w.cover), w.shared_weight,
        w.names, min(w.run, 12) / 12.0, 1.0 if w.run >= 5 else 0.0,
    )


@dataclass(frozen=True)
class Combiner:
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float
    """Probability from which a pair is linked (chosen for precision on held-out stories)."""
    digest: str = ""
    """Of the file it was read from: caches keyed by it never mix two models."""

    def probability(self, features: tuple[float, ...]) -> float:
        z = self.intercept
        for v, m, s, c in zip(features, self.mean, self.scale, self.coef):
            z += c * (v - m) / s
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def probabilities(self, features: Any) -> Any:
        """:meth:`probability` of each row of a numpy matrix, at once."""
        import numpy as np

        z = self.intercept + ((features - np.asarray(self.mean)) / np.asarray(self.scale)) @ (
            np.asarray(self.coef))
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))

    def to_json(self) -> str:
        return json.dumps({"features": list(FEATURES), "mean": self.mean, "scale": self.scale,
                           "coef": self.coef, "intercept": self.intercept,
                           "threshold": self.threshold}, indent=1)


def load_combiner(path: Path) -> Combiner | None:
    """The fitted model, or None when it is missing, unreadable or not the one pinned by sha256
    in the ``MANIFEST.json`` beside it."""
    try:
        raw = path.read_bytes()
        manifest = json.loads((path.parent / "MANIFEST.json").read_text(encoding="utf-8"))
        if hashlib.sha256(raw).hexdigest() != manifest["built_here"][path.name]:
            return None
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if tuple(data.get("features", ())) != FEATURES:
        return None
    return Combiner(tuple(data["mean"]), tuple(data["scale"]), tuple(data["coef"]),
                    float(data["intercept"]), float(data["threshold"]),
                    hashlib.sha256(raw).hexdigest()[:16])

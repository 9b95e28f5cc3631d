"""One calibrated score from every signal: meaning, shared rare words, names, numbers, quotes.

:func:`pair_features` turns a candidate pair into numbers; a logistic model fitted on
hand-labelled real coverage (``benchmarks/fit_combiner.py``, cross-validated by story) turns them
into the probability that the two statements report the same fact. The coefficients ship in
``model/combiner.json`` (pinned in ``model/MANIFEST.json``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from tui.claims.facts import Facts
from tui.claims.linking import Item, LinkConfig, TermWeights, score_pair

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
            run = least
            while k + run < len(a) and m + run < len(b) and a[k + run] == b[m + run]:
                run += 1
            best = max(best, run)
    return best


@dataclass(frozen=True, slots=True)
class PairSignals:
    features: tuple[float, ...]
    shared: tuple[str, ...]
    """Shared terms as written, for the explanation."""
    lexical: float


def pair_features(x: Item, y: Item, fx: Facts, fy: Facts, cos: float, best_x: float,
                  best_y: float, lead: bool, tw: TermWeights, totals: tuple[float, float],
                  config: LinkConfig) -> PairSignals:
    """``best_x``: the best cosine ``x`` reaches in ``y``'s document, and the reverse."""
    weights = tw.weights
    lex, shared = score_pair(x, y, weights, config.fuzzy_term_ratio, totals, (0.0, 0))
    gate = 0.0
    if lex > 0.0:
        gated, _ = score_pair(x, y, weights, config.fuzzy_term_ratio, totals, tw.evidence)
        gate = 1.0 if gated > 0.0 else 0.0
    common = x.terms & y.terms
    wsh = math.fsum(weights.get(t, 0.0) for t in common)
    cover = wsh / max(1e-9, min(totals))
    names = math.fsum(weights.get(t, 0.0) for t in common if t in x.caps and t in y.caps)
    run = _longest_run(x.seq, y.seq)
    nx = {n.value for n in fx.numbers}
    same_number = 1.0 if nx & {n.value for n in fy.numbers} else 0.0
    lx, ly = len(fx.tokens), len(fy.tokens)
    ma, mb = float(cos >= best_x - 1e-6), float(cos >= best_y - 1e-6)
    feats = (
        cos, cos * cos, lex, math.sqrt(lex), gate, cos - best_x, cos - best_y, ma, mb, ma * mb,
        same_number, 1.0 if lead else 0.0, math.log(min(lx, ly) + 1.0),
        math.log(max(lx, ly) + 1.0), cos * lex, cover, math.sqrt(cover), wsh, names,
        min(run, 12) / 12.0, 1.0 if run >= 5 else 0.0,
    )
    return PairSignals(feats, shared, lex)


@dataclass(frozen=True)
class Combiner:
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float
    """Probability from which a pair is linked (chosen for precision on held-out stories)."""

    def probability(self, features: tuple[float, ...]) -> float:
        z = self.intercept
        for v, m, s, c in zip(features, self.mean, self.scale, self.coef):
            z += c * (v - m) / s
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> str:
        return json.dumps({"features": list(FEATURES), "mean": self.mean, "scale": self.scale,
                           "coef": self.coef, "intercept": self.intercept,
                           "threshold": self.threshold}, indent=1)


def load_combiner(path: Path) -> Combiner | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if tuple(data.get("features", ())) != FEATURES:
        return None
    return Combiner(tuple(data["mean"]), tuple(data["scale"]), tuple(data["coef"]),
                    float(data["intercept"]), float(data["threshold"]))

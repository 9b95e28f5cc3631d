"""Fit the link combiner (``tui/claims/model/combiner.json``) on the hand-labelled dev stories.

    python benchmarks/fit_combiner.py [REALNEWS_DIR] [--precision 0.85] [--write]

Candidate pairs come from the engine itself (``semantic_link.candidate_signals``), so the model
is fitted on exactly what it will score. A pair labelled same-fact is 1, a pair in no group 0;
"loose" pairs are left out. Prints leave-one-story-out figures (fit on the other dev stories,
score on the one left out), picks the probability threshold at which the held-out pair
precision reaches ``--precision``, and with ``--write`` fits on all dev stories and writes the
model and its sha256 into ``MANIFEST.json``. Test stories are never used here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._realnews import DEFAULT_ROOT, LABELS, load_labels  # noqa: E402
from tui.claims.combine import Combiner  # noqa: E402
from tui.claims.config import IndexConfig  # noqa: E402
from tui.claims.embed import MODEL_DIR, load_model  # noqa: E402
from tui.claims.index import _link_config, prepare  # noqa: E402
from tui.claims.term_weights import weigh_terms  # noqa: E402
from tui.claims.semantic_link import candidate_signals  # noqa: E402


def story_rows(path: Path, root: Path) -> tuple[str, np.ndarray, np.ndarray]:
    labels = load_labels(path, root)
    prep = prepare(labels.story.documents)
    model, why = load_model()
    assert model is not None, why
    config = _link_config(IndexConfig())
    tw = weigh_terms(prep.items, config)
    vectors = model.embed([s.plain for s in prep.statements])
    cands = candidate_signals(prep.items, prep.facts, [s.index for s in prep.statements],
                              vectors, tw, config)
    ids = [s.id for s in prep.statements]
    xs, ys = [], []
    for (i, j), row in zip(cands.pairs, cands.features):
        pair = frozenset((ids[i], ids[j]))
        if pair in labels.loose:
            continue
        xs.append(row)
        ys.append(1.0 if pair in labels.pairs else 0.0)
    return labels.story.name, np.array(xs, dtype=float), np.array(ys)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> Combiner:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    w = np.zeros(z.shape[1])
    reg = l2 * np.eye(len(w))
    reg[0, 0] = 0.0
    for _ in range(40):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        grad = z.T @ (p - y) + reg @ w
        hess = (z * (p * (1 - p))[:, None]).T @ z + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Combiner(tuple(mean.tolist()), tuple(scale.tolist()), tuple(w[1:].tolist()),
                    float(w[0]), 0.5)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=str(DEFAULT_ROOT))
    ap.add_argument("--precision", type=float, default=0.85)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    root = Path(args.root)
    stories = []
    for path in sorted(LABELS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("split") == "dev":
            stories.append(story_rows(path, root))
    print(f"{len(stories)} dev stories, "
          f"{sum(len(y) for _, _, y in stories)} candidate pairs, "
          f"{int(sum(y.sum() for _, _, y in stories))} labelled same-fact")
    held_p: list[np.ndarray] = []
    held_y: list[np.ndarray] = []
    for k, (name, x, y) in enumerate(stories):
        others = [s for m, s in enumerate(stories) if m != k]
        model = fit(np.vstack([s[1] for s in others]), np.concatenate([s[2] for s in others]))
        held_p.append(np.array([model.probability(tuple(r)) for r in x]))
        held_y.append(y)
    p_all, y_all = np.concatenate(held_p), np.concatenate(held_y)
    print("leave-one-story-out, candidate pairs (pair level, before grouping):")
    threshold = 0.95
    for t in np.arange(0.2, 0.96, 0.05):
        pred = p_all >= t
        tp = float((pred & (y_all == 1)).sum())
        prec = tp / max(1.0, float(pred.sum()))
        print(f"  p >= {t:.2f}: precision {prec:.2f} recall {tp / y_all.sum():.2f}")
        if prec >= args.precision and t < threshold:
            threshold = float(t)
    print(f"threshold for precision {args.precision}: {threshold:.2f}")
    if args.write:
        final = fit(np.vstack([s[1] for s in stories]), np.concatenate([s[2] for s in stories]))
        final = Combiner(final.mean, final.scale, final.coef, final.intercept,
                         round(threshold, 2))
        (MODEL_DIR / "combiner.json").write_text(final.to_json() + "\n", encoding="utf-8")
        manifest_path = MODEL_DIR / "MANIFEST.json"
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        manifest.setdefault("built_here", {})["combiner.json"] = hashlib.sha256(
            (MODEL_DIR / "combiner.json").read_bytes()).hexdigest()
        manifest_path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        print("wrote", MODEL_DIR / "combiner.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

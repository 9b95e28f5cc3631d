"""How the claim index does on real multi-outlet coverage, against hand labels.

    python benchmarks/real_coverage.py [REALNEWS_DIR] [--split dev|test|all] [--lexical] [-v]

Reads the articles from REALNEWS_DIR (default ``../shared/realnews``) and the labels from
``benchmarks/labels/realnews/``. Prints per story and in total:

- link precision / recall over statement pairs of different articles: a pair is linked when the
  index puts both statements in one claim or links them directly;
- conflict precision / recall (a reported conflict is right when its pair is labelled as a
  conflict, any grade), recall per kind, and how many labelled traps were reported;
- the share of labelled corroborated statements the index shows as uncorroborated.

Only ``test`` stories were never looked at while developing; quote those figures.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._realnews import DEFAULT_ROOT, LABELS, Labels, load_labels  # noqa: E402
from benchmarks._scoring import prf  # noqa: E402
from tui.claims.config import IndexConfig  # noqa: E402
from tui.claims.index import build_index  # noqa: E402
from tui.claims.model import ClaimIndex, Status  # noqa: E402


def predicted_pairs(index: ClaimIndex) -> set[frozenset[str]]:
    doc = {sid: s.doc_id for sid, s in index.statements.items()}
    pairs: set[frozenset[str]] = set()
    for claim in index.claims:
        for a, b in combinations(claim.statements, 2):
            if doc[a] != doc[b]:
                pairs.add(frozenset((a, b)))
        for link in claim.links:
            pairs.add(frozenset((link.a, link.b)))
    for link in index.cross_links:
        pairs.add(frozenset((link.a, link.b)))
    return pairs


@dataclass
class Score:
    link_tp: int = 0
    link_fp: int = 0
    link_fn: int = 0
    conf_tp: int = 0
    conf_fp: int = 0
    conf_fn: int = 0
    conf_tp_kind: Counter[str] = field(default_factory=Counter)
    conf_fn_kind: Counter[str] = field(default_factory=Counter)
    traps_hit: int = 0
    traps: int = 0
    corroborated: int = 0
    shown_uncorroborated: int = 0

    def add(self, other: "Score") -> None:
        for name in ("link_tp", "link_fp", "link_fn", "conf_tp", "conf_fp", "conf_fn",
                     "traps_hit", "traps", "corroborated", "shown_uncorroborated"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.conf_tp_kind.update(other.conf_tp_kind)
        self.conf_fn_kind.update(other.conf_fn_kind)

    def line(self) -> str:
        lp, lr = prf(self.link_tp, self.link_fp, self.link_fn)
        cp, cr = prf(self.conf_tp, self.conf_fp, self.conf_fn)
        miss = self.shown_uncorroborated / self.corroborated if self.corroborated else 0.0
        return (f"links P {lp:.2f} R {lr:.2f} ({self.link_tp}/{self.link_tp + self.link_fn}, "
                f"{self.link_fp} wrong)  conflicts P {cp:.2f} R {cr:.2f} "
                f"({self.conf_tp} right, {self.conf_fp} false, {self.conf_fn} missed)  "
                f"traps hit {self.traps_hit}/{self.traps}  corroborated shown ? {miss:.2f} "
                f"({self.shown_uncorroborated}/{self.corroborated})")


def score_story(labels: Labels, index: ClaimIndex, verbose: bool = False) -> Score:
    sc = Score()
    pred = predicted_pairs(index)
    sc.link_tp = len(pred & labels.pairs)
    sc.link_fp = len(pred - labels.pairs - labels.loose)
    sc.link_fn = len(labels.pairs - pred)
    truth = {frozenset((a, b)): kind for a, b, kind, _ in labels.conflicts}
    reported = {frozenset((c.a, c.b)): c for claim in index.claims for c in claim.conflicts}
    for pair, kind in truth.items():
        if pair in reported:
            sc.conf_tp += 1
            sc.conf_tp_kind[kind] += 1
        else:
            sc.conf_fn += 1
            sc.conf_fn_kind[kind] += 1
    sc.conf_fp = sum(1 for p in reported if p not in truth)
    traps = {frozenset((a, b)) for a, b in labels.traps} - set(truth)
    sc.traps = len(traps)
    sc.traps_hit = sum(1 for p in traps if p in reported)
    sc.corroborated = len(labels.corroborated)
    sc.shown_uncorroborated = sum(
        1 for sid in labels.corroborated
        if index.verdicts[sid].status is Status.UNCORROBORATED)
    if verbose:
        text = {sid: s.plain for sid, s in index.statements.items()}
        for p in sorted(labels.pairs - pred, key=sorted)[:40]:
            a, b = sorted(p)
            print(f"    MISSED {a} {text[a][:90]!r}\n           {b} {text[b][:90]!r}")
        for p in sorted(pred - labels.pairs - labels.loose, key=sorted)[:40]:
            a, b = sorted(p)
            print(f"    WRONG  {a} {text[a][:90]!r}\n           {b} {text[b][:90]!r}")
        for p, c in reported.items():
            tag = "RIGHT" if p in truth else "FALSE"
            print(f"    {tag} conflict {c.a} {c.b} {c.reason}")
        for p in truth:
            if p not in reported:
                a, b = sorted(p)
                print(f"    MISSED conflict {a} {b} {truth[p]}: {text[a][:60]!r} / {text[b][:60]!r}")
    return sc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", default=str(DEFAULT_ROOT))
    ap.add_argument("--split", default="test", choices=["dev", "test", "all"])
    ap.add_argument("--story", help="only stories whose name contains this")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--probability", type=float, default=None,
                    help="link probability threshold (default: the one fitted with the model)")
    ap.add_argument("--lexical", action="store_true", help="without the sentence model")
    args = ap.parse_args(argv)
    root = Path(args.root)
    if not root.is_dir():
        print(f"real_coverage: {root}: no such folder (give the realnews folder)", file=sys.stderr)
        return 2
    import json

    total = Score()
    files = sorted(LABELS.glob("*.json"))
    stories = 0
    for path in files:
        split = json.loads(path.read_text(encoding="utf-8")).get("split", "dev")
        if args.split != "all" and split != args.split:
            continue
        if args.story and args.story not in path.stem:
            continue
        labels = load_labels(path, root)
        if labels.errors:
            print(f"{path.name}: {len(labels.errors)} label errors, e.g. {labels.errors[0]}")
        config = (IndexConfig() if args.probability is None
                  else IndexConfig(link_probability=args.probability))
        index = build_index(labels.story.documents, config, semantic=not args.lexical)
        sc = score_story(labels, index, args.verbose)
        print(f"{labels.story.name[:60]:60} [{split}]\n    {sc.line()}")
        total.add(sc)
        stories += 1
    print(f"\nTOTAL {args.split} ({stories} stories)\n    {total.line()}")
    kinds = sorted(set(total.conf_tp_kind) | set(total.conf_fn_kind))
    print("    conflict recall by kind: " + ", ".join(
        f"{k} {total.conf_tp_kind[k]}/{total.conf_tp_kind[k] + total.conf_fn_kind[k]}"
        for k in kinds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Precision and recall of the claim index on the labelled fixtures in tests/fixtures/claims/.

Every story becomes three documents (original, reworded, fact-changed), all indexed together,
so unrelated stories and unrelated sentences of one story must stay apart.

    python benchmarks/accuracy.py [--threshold 0.3]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tui.claims import ClaimIndex, IndexConfig, build_index  # noqa: E402
from tui.corpus.model import Document, Statement  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "claims" / "stories.json"
KINDS = ("number", "date", "name", "negation", "antonym")
VARIANTS = ("orig", "reworded", "changed")


def document_from_sentences(doc_id: str, sentences: Sequence[str], path: str = "") -> Document:
    """One statement per sentence, offsets into the joined text."""
    parts: list[Statement] = []
    text = ""
    for k, sentence in enumerate(sentences):
        if text:
            text += " "
        start = len(text)
        text += sentence
        parts.append(Statement(f"{doc_id}:{k}", doc_id, k, start, len(text), sentence, sentence,
                               0))
    return Document(doc_id, path or f"{doc_id}.txt", doc_id, text, tuple(parts))


@dataclasses.dataclass
class Fixture:
    documents: list[Document]
    key: dict[str, tuple[str, int]]
    """Statement id -> (story, sentence number)."""
    variant: dict[str, str]
    kind: dict[tuple[str, int], str | None]
    only: set[tuple[str, int]]


def load_fixture(path: Path = FIXTURE) -> Fixture:
    data = json.loads(path.read_text(encoding="utf-8"))
    documents: list[Document] = []
    key: dict[str, tuple[str, int]] = {}
    variant: dict[str, str] = {}
    kind: dict[tuple[str, int], str | None] = {}
    only: set[tuple[str, int]] = set()
    for story in data["stories"]:
        sid = story["id"]
        for v in VARIANTS:
            doc_id = f"{sid}-{v}"
            sentences: list[str] = []
            for n, s in enumerate(story["sentences"]):
                if s.get("only"):
                    only.add((sid, n))
                    if v != "orig":
                        continue
                kind[(sid, n)] = s.get("kind")
                sentences.append(s.get(v, s["orig"]) if v != "orig" else s["orig"])
                key[f"{doc_id}:{len(sentences) - 1}"] = (sid, n)
                variant[f"{doc_id}:{len(sentences) - 1}"] = v
            documents.append(document_from_sentences(doc_id, sentences))
    return Fixture(documents, key, variant, kind, only)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r


def evaluate(index: ClaimIndex, fx: Fixture) -> dict[str, Any]:
    """All figures as a dict: per-kind conflicts, per-status, link rates, false links."""
    claim = {sid: v.claim for sid, v in index.verdicts.items()}
    ids = list(fx.key)
    # Links: counterparts are the same sentence of the same story in another variant.
    expected_pairs = {(a, b) for a in ids for b in ids if a < b and fx.key[a] == fx.key[b]}
    together = {(a, b) for a in ids for b in ids if a < b and claim[a] == claim[b]}
    link_tp = len(expected_pairs & together)
    link_fp = len(together - expected_pairs)
    link_fn = len(expected_pairs - together)
    reworded = [(a, b) for a, b in expected_pairs
                if {fx.variant[a], fx.variant[b]} == {"orig", "reworded"}]
    linked_reworded = sum(1 for pair in reworded if pair in together)

    found: dict[tuple[str, str], set[str]] = {}
    for c in index.claims:
        for x in c.conflicts:
            a, b = sorted((x.a, x.b))
            found.setdefault((a, b), set()).add(x.kind)
    counts = {k: Counter[str]() for k in KINDS}
    false_on_reworded = 0
    for a, b in expected_pairs:
        want = fx.kind[fx.key[a]]
        vs = {fx.variant[a], fx.variant[b]}
        if "changed" not in vs:
            want = None
        got = found.get((a, b), set())
        if want is None and got and vs == {"orig", "reworded"}:
            false_on_reworded += 1
        for k in KINDS:
            if k == want and k in got:
                counts[k]["tp"] += 1
            elif k == want:
                counts[k]["fn"] += 1
            elif k in got:
                counts[k]["fp"] += 1
    for (a, b), kinds in found.items():
        if (a, b) not in expected_pairs:
            for k in kinds:
                counts[k]["fp"] += 1

    statuses = Counter[tuple[str, str]]()
    for sid in ids:
        k = fx.key[sid]
        if k in fx.only:
            want_status = "uncorroborated"
        elif fx.kind[k] is not None:
            want_status = "conflicting"
        else:
            want_status = "agreeing"
        statuses[(want_status, index.verdicts[sid].status.value)] += 1
    return {
        "conflicts": {k: dict(counts[k]) for k in KINDS},
        "statuses": dict(statuses),
        "links": {"tp": link_tp, "fp": link_fp, "fn": link_fn},
        "linked_reworded": linked_reworded / len(reworded) if reworded else 1.0,
        "reworded_pairs": len(reworded),
        "false_conflicts_on_reworded": false_on_reworded,
    }


def summary(result: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """(precision, recall) per conflict kind, per status, overall conflicts and links."""
    out: dict[str, tuple[float, float]] = {}
    tot = Counter[str]()
    for k, c in result["conflicts"].items():
        out[f"conflict:{k}"] = _prf(c.get("tp", 0), c.get("fp", 0), c.get("fn", 0))
        tot.update(c)
    out["conflict:all"] = _prf(tot["tp"], tot["fp"], tot["fn"])
    st: dict[tuple[str, str], int] = result["statuses"]
    for s in ("agreeing", "conflicting", "uncorroborated"):
        tp = st.get((s, s), 0)
        fp = sum(v for (w, g), v in st.items() if g == s and w != s)
        fn = sum(v for (w, g), v in st.items() if w == s and g != s)
        out[f"status:{s}"] = _prf(tp, fp, fn)
    lk = result["links"]
    out["links"] = _prf(lk["tp"], lk["fp"], lk["fn"])
    return out


def run(config: IndexConfig | None = None) -> tuple[dict[str, Any], dict[str, tuple[float, float]]]:
    fx = load_fixture()
    index = build_index(fx.documents, config)
    result = evaluate(index, fx)
    return result, summary(result)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--threshold", type=float, default=None, help="link_threshold override")
    parser.add_argument("--sweep", action="store_true", help="try several link thresholds")
    args = parser.parse_args(argv)
    base = IndexConfig()
    thresholds = ([0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5] if args.sweep
                  else [args.threshold if args.threshold is not None else base.link_threshold])
    for t in thresholds:
        config = dataclasses.replace(base, link_threshold=t)
        result, figures = run(config)
        print(f"link_threshold = {t}")
        print(f"{'measure':<26}{'precision':>10}{'recall':>10}{'tp':>6}{'fp':>6}{'fn':>6}")
        for name, (p, r) in figures.items():
            if name.startswith("conflict:") and name != "conflict:all":
                c = result["conflicts"][name.split(":")[1]]
                counts = f"{c.get('tp', 0):>6}{c.get('fp', 0):>6}{c.get('fn', 0):>6}"
            elif name == "links":
                lk = result["links"]
                counts = f"{lk['tp']:>6}{lk['fp']:>6}{lk['fn']:>6}"
            else:
                counts = ""
            print(f"{name:<26}{p:>10.3f}{r:>10.3f}{counts}")
        print(f"{'reworded pairs linked':<26}{result['linked_reworded']:>10.3f}"
              f"  (of {result['reworded_pairs']})")
        print(f"{'conflicts on reworded':<26}{result['false_conflicts_on_reworded']:>10d}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Precision and recall of the claim index on the labelled fixtures in tests/fixtures/claims/.

Invented fixtures (stories.json): every story becomes three documents (original, reworded,
fact-changed), all indexed together, so unrelated stories and unrelated sentences of one story
must stay apart.

Real text (sample_links.json over sample_corpus/, and real/<story>/ with links.json): articles
as different outlets wrote them, with hand-labelled cross-document pairs that report the same
thing ("same"), arguable pairs ("maybe", counted neither way) and tempting pairs that share
names or topic words but report different things ("different"). A predicted pair is two
statements of different documents in one claim; every predicted pair that is neither "same"
nor "maybe" is a false link.

    python benchmarks/accuracy.py [--threshold 0.3] [--sweep] [--show-errors]
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

from benchmarks._scoring import prf  # noqa: E402
from tui.claims import ClaimIndex, IndexConfig, build_index  # noqa: E402
from tui.corpus.model import Document, Statement  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "claims" / "stories.json"
SAMPLE_LINKS = ROOT / "tests" / "fixtures" / "claims" / "sample_links.json"
REAL_DIR = ROOT / "tests" / "fixtures" / "claims" / "real"
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
        out[f"conflict:{k}"] = prf(c.get("tp", 0), c.get("fp", 0), c.get("fn", 0))
        tot.update(c)
    out["conflict:all"] = prf(tot["tp"], tot["fp"], tot["fn"])
    st: dict[tuple[str, str], int] = result["statuses"]
    for s in ("agreeing", "conflicting", "uncorroborated"):
        tp = st.get((s, s), 0)
        fp = sum(v for (w, g), v in st.items() if g == s and w != s)
        fn = sum(v for (w, g), v in st.items() if w == s and g != s)
        out[f"status:{s}"] = prf(tp, fp, fn)
    lk = result["links"]
    out["links"] = prf(lk["tp"], lk["fp"], lk["fn"])
    return out


def run(config: IndexConfig | None = None) -> tuple[dict[str, Any], dict[str, tuple[float, float]]]:
    fx = load_fixture()
    index = build_index(fx.documents, config, copies=False)
    result = evaluate(index, fx)
    return result, summary(result)


Pair = frozenset[str]


@dataclasses.dataclass
class LinkSet:
    """Real articles and their labelled statement pairs (as statement ids)."""

    name: str
    documents: list[Document]
    same: set[Pair]
    maybe: set[Pair]
    different: set[Pair]


def _load_linkset(name: str, documents: Sequence[Document], labels: Path) -> LinkSet:
    data = json.loads(labels.read_text(encoding="utf-8"))
    by_text: dict[str, str] = {}
    for d in documents:
        for s in d.statements:
            if s.text in by_text:
                raise ValueError(f"{labels}: statement text occurs twice: {s.text!r}")
            by_text[s.text] = s.id
    sets: dict[str, set[Pair]] = {}
    for kind in ("same", "maybe", "different"):
        sets[kind] = set()
        for a, b in data.get(kind, []):
            missing = [t for t in (a, b) if t not in by_text]
            if missing:
                raise ValueError(f"{labels}: no statement reads {missing[0]!r}")
            sa, sb = by_text[a], by_text[b]
            if sa.split(":")[0] == sb.split(":")[0]:
                raise ValueError(f"{labels}: same-document pair {a!r} / {b!r}")
            sets[kind].add(frozenset((sa, sb)))
    return LinkSet(name, list(documents), sets["same"], sets["maybe"], sets["different"])


def load_linksets() -> list[LinkSet]:
    """The sample corpus and every story under tests/fixtures/claims/real/."""
    from tui.corpus import load_corpus
    from tui.paths import sample_corpus_dir

    out = [_load_linkset("sample_corpus", load_corpus([sample_corpus_dir()]).documents,
                         SAMPLE_LINKS)]
    for story in sorted(p for p in REAL_DIR.iterdir() if p.is_dir()):
        out.append(_load_linkset(story.name, load_corpus([story]).documents,
                                 story / "links.json"))
    return out


def predicted_pairs(index: ClaimIndex) -> set[Pair]:
    """Statements of different documents that share a claim: what the reader shows as linked."""
    out: set[Pair] = set()
    for c in index.claims:
        for i, a in enumerate(c.statements):
            for b in c.statements[i + 1:]:
                if index.statements[a].doc_id != index.statements[b].doc_id:
                    out.add(frozenset((a, b)))
    return out


def evaluate_links(index: ClaimIndex, ls: LinkSet) -> dict[str, Any]:
    got = predicted_pairs(index)
    tp = got & ls.same
    fp = got - ls.same - ls.maybe
    fn = ls.same - got
    return {"tp": len(tp), "fp": len(fp), "fn": len(fn), "tempting": len(got & ls.different),
            "different": len(ls.different), "false_pairs": sorted(sorted(p) for p in fp),
            "missed_pairs": sorted(sorted(p) for p in fn)}


def run_real(config: IndexConfig | None = None) -> dict[str, dict[str, Any]]:
    """Per link set and "all" (pooled counts): tp, fp, fn, tempting pairs linked."""
    out: dict[str, dict[str, Any]] = {}
    pooled = Counter[str]()
    for ls in load_linksets():
        index = build_index(ls.documents, config, copies=False)
        r = evaluate_links(index, ls)
        r["index"] = index
        out[ls.name] = r
        pooled.update({k: r[k] for k in ("tp", "fp", "fn", "tempting", "different")})
    out["all"] = dict(pooled)
    return out


def link_prf(r: dict[str, Any]) -> tuple[float, float]:
    return prf(r["tp"], r["fp"], r["fn"])


def _print_real(real: dict[str, dict[str, Any]], show_errors: bool) -> None:
    print(f"{'real-text links':<26}{'precision':>10}{'recall':>10}{'tp':>6}{'fp':>6}{'fn':>6}"
          f"{'tempting':>10}")
    for name, r in real.items():
        p, rc = link_prf(r)
        print(f"{name:<26}{p:>10.3f}{rc:>10.3f}{r['tp']:>6}{r['fp']:>6}{r['fn']:>6}"
              f"{r['tempting']:>6}/{r['different']:<3}")
        if show_errors and name != "all":
            index: ClaimIndex = r["index"]
            for label, key in (("false", "false_pairs"), ("missed", "missed_pairs")):
                for a, b in r[key]:
                    print(f"    {label} {a} | {index.statements[a].text[:90]}")
                    print(f"    {' ' * len(label)} {b} | {index.statements[b].text[:90]}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--threshold", type=float, default=None, help="link_threshold override")
    parser.add_argument("--sweep", action="store_true", help="try several link thresholds")
    parser.add_argument("--show-errors", action="store_true",
                        help="list false and missed real-text pairs")
    args = parser.parse_args(argv)
    base = IndexConfig()
    thresholds = ([0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5] if args.sweep
                  else [args.threshold if args.threshold is not None else base.link_threshold])
    for t in thresholds:
        config = dataclasses.replace(base, link_threshold=t)
        result, figures = run(config)
        print(f"link_threshold = {t}")
        print("invented fixtures (stories.json)")
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
        _print_real(run_real(config), args.show_errors)
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

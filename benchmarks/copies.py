"""Copy detection, precision and recall: real stories (labels/copies.json) and synthetic copies.

    python benchmarks/copies.py [REALNEWS_DIR]

Real: every pair of articles within each story of ``../shared/realnews`` (labelled by hand in
``benchmarks/labels/copies.json``; no pair there is a whole copy, two share wire or reprinted
passages). Synthetic: for each story, copies of its first article made at run time (the texts
stay in the shared folder): a re-post with a new header, a lightly edited copy, a heavily edited
copy, a copy with every sentence reworded (a word in three swapped, clauses moved), a
trimmed copy, the wire text with local paragraphs added, and an article of another
outlet with three paragraphs of the first spliced in (a passage copy).
"""

from __future__ import annotations

import json
import random
import sys
import time
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._realnews import DEFAULT_ROOT, LabelError, load_story, resolve  # noqa: E402
from tui.claims.copies import detect_copies  # noqa: E402
from tui.claims.shingles import statement_shingles  # noqa: E402
from tui.corpus.document import document_from_text  # noqa: E402
from tui.corpus.model import Document  # noqa: E402

LABELS = Path(__file__).resolve().parent / "labels" / "copies.json"
_EDITS = {"said": "told reporters", "says": "said", "the": "this", "and": "as well as",
          "on": "on", "in": "inside", "that": "which", "was": "had been", "is": "remains",
          "a": "one", "to": "towards"}


def _paragraphs(doc: Document) -> list[str]:
    paras: dict[int, list[str]] = {}
    for s in doc.statements:
        paras.setdefault(s.paragraph, []).append(s.text)
    return [" ".join(p) for p in paras.values()]


def _edit(sentence: str, rng: random.Random, every: int) -> str:
    words = sentence.split()
    for k in range(rng.randrange(every), len(words), every):
        words[k] = _EDITS.get(words[k].lower(), words[k])
    if len(words) > 8 and rng.random() < 0.5:  # move a trailing clause to the front
        cut = len(words) * 2 // 3
        words = words[cut:] + words[:cut]
    return " ".join(words)


def _variants(source: Document, other: Document,
              rng: random.Random) -> list[tuple[str, str, list[int]]]:
    """(kind, text, indices of source paragraphs spliced in); the text's first line is a title."""
    paras = _paragraphs(source)
    n = len(paras)
    light = [_edit(p, rng, 7) if k % 4 == 1 else p for k, p in enumerate(paras)]
    heavy = [_edit(p, rng, 4) if k % 2 == 0 else p for k, p in enumerate(paras)]
    reworded = [_edit(p, rng, 3) for p in paras]
    local = ["Local officials did not immediately respond to a request for comment on Monday.",
             "The county's emergency office said it was monitoring the situation closely."]
    out = [
        ("repost", "\n\n".join(["Wire story", "Originally published by the wire service.", *paras,
                                "Copyright 2024. All rights reserved."]), []),
        ("light-edit", "\n\n".join(["Edited headline", *light[:-1]]), []),
        ("heavy-edit", "\n\n".join(["Rewritten headline", *heavy]), []),
        ("reworded", "\n\n".join(["Reworded headline", *reworded]), []),
        ("trimmed", "\n\n".join(["Short version", *paras[: max(2, n * 6 // 10)]]), []),
        ("with-local", "\n\n".join(["Wire plus local", local[0], *paras, local[1]]), []),
    ]
    own = _paragraphs(other)
    if n >= 8 and len(own) >= 4:
        at = n // 3
        spliced = list(range(at, at + min(3, n // 4)))  # a quarter of the source at most
        half = len(own) // 2
        body = own[:half] + [paras[k] for k in spliced] + own[half:]
        out.append(("passage", "\n\n".join(["Own reporting with wire paragraphs", *body]), spliced))
    return out


def _pr(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"P {p:.3f} R {r:.3f} (tp {tp}, fp {fp}, fn {fn})"


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else DEFAULT_ROOT
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    copy_docs = {(d["story"], frozenset((d["a"], d["b"]))) for d in labels["documents"] if d["copy"]}
    stories = sorted(p.name for p in root.iterdir() if (p / "meta.json").exists())
    real = {"doc": [0, 0, 0], "pas": [0, 0, 0], "pas_unquoted": [0, 0, 0]}
    synth: dict[str, list[int]] = {}
    pas_syn = [0, 0, 0]
    pas_judgeable = [0, 0, 0]
    pairs = 0
    seconds = 0.0
    fps: list[str] = []
    for name in stories:
        story = load_story(root, name)
        docs = story.documents
        t0 = time.perf_counter()
        copies = detect_copies(docs)
        seconds += time.perf_counter() - t0
        for a, b in combinations(docs, 2):
            pairs += 1
            truth = (name, frozenset((story.prefix_of[a.id], story.prefix_of[b.id]))) in copy_docs
            said = copies.original(a.id) == copies.original(b.id)
            if said or truth:
                real["doc"][0 if truth and said else 1 if said else 2] += 1
            if said and not truth:
                fps.append(f"doc {name} {a.name} {b.name}")
        wanted: set[frozenset[str]] = set()
        quoted: set[frozenset[str]] = set()
        for p in labels["passages"]:
            if p["story"] == name:
                try:
                    pair = frozenset((resolve(story, p["a"]), resolve(story, p["b"])))
                except LabelError as exc:
                    print("label error:", exc)
                    return 1
                (quoted if p.get("quoted") else wanted).add(pair)
        found = set(copies.passages)
        for key, truth_set in (("pas", wanted | quoted), ("pas_unquoted", wanted)):
            real[key][0] += len(found & truth_set)
            real[key][1] += len(found - wanted - quoted)
            real[key][2] += len(truth_set - found)
        fps += [f"passage {name} {sorted(p)}" for p in found - wanted - quoted]

        # Synthetic copies of the first article; the second is the other outlet's base.
        rng = random.Random(name)
        source, other = docs[0], docs[1]
        made = []
        for k, (kind, text, spliced) in enumerate(_variants(source, other, rng)):
            doc = document_from_text(text, doc_id=f"s{k}", path=f"{kind}.txt")
            made.append((kind, doc, spliced))
        all_docs = [*docs, *(d for _, d, _ in made)]
        t0 = time.perf_counter()
        copies = detect_copies(all_docs)
        seconds += time.perf_counter() - t0
        for kind, doc, spliced in made:
            tally = synth.setdefault(kind, [0, 0, 0])
            expect = other.id if kind == "passage" else source.id
            for d in all_docs:
                if d is doc:
                    continue
                truth = copies_expected(kind, d, expect, made, doc)
                said = copies.original(d.id) == copies.original(doc.id)
                if truth and said:
                    tally[0] += 1
                elif said:
                    tally[1] += 1
                    fps.append(f"synthetic {kind} {name} ~ {d.name}")
                elif truth:
                    tally[2] += 1
            if kind == "passage":
                spliced_text = {" ".join(s.text.split()) for s in source.statements
                                if s.paragraph in {p.paragraph for p in source.statements}
                                and _para_index(source, s.paragraph) in spliced}
                truth_pairs = {frozenset((s.id, t.id)) for s in source.statements
                               for t in doc.statements
                               if " ".join(s.text.split()) in spliced_text
                               and " ".join(s.text.split()) == " ".join(t.text.split())}
                got = {p for p in copies.passages if any(x.startswith(f"{doc.id}:") for x in p)
                       and any(x.startswith(f"{source.id}:") for x in p)}
                pas_syn[0] += len(got & truth_pairs)
                pas_syn[1] += len(got - truth_pairs)
                pas_syn[2] += len(truth_pairs - got)
                sh = statement_shingles(source)
                judgeable = {p for p in truth_pairs if any(len(sh.get(x, ())) >= 3 for x in p)}
                pas_judgeable[0] += len(got & judgeable)
                pas_judgeable[2] += len(judgeable - got)

    print(f"{len(stories)} stories, {pairs} real article pairs; detection {seconds:.2f} s in all")
    print(f"real, document copies:           {_pr(*real['doc'])}")
    print(f"real, copied passages:           {_pr(*real['pas'])}")
    print(f"  ... not counting quoted copies: {_pr(*real['pas_unquoted'])}")
    for kind, (tp, fp, fn) in synth.items():
        print(f"synthetic {kind:<11} document: {_pr(tp, fp, fn)}")
    tp = sum(v[0] for v in synth.values())
    fp = sum(v[1] for v in synth.values())
    fn = sum(v[2] for v in synth.values())
    print(f"synthetic, all document pairs:   {_pr(tp, fp, fn)}")
    print(f"synthetic, spliced passages:     {_pr(*pas_syn)}")
    print(f"  ... those with 3+ unquoted shingles: {_pr(*pas_judgeable)}")
    for line in fps[:20]:
        print("  false positive:", line)
    return 0


def _para_index(doc: Document, paragraph: int) -> int:
    return sorted({s.paragraph for s in doc.statements}).index(paragraph)


def copies_expected(kind: str, d: Document, expect: str,
                    made: list[tuple[str, Document, list[int]]], doc: Document) -> bool:
    """Is ``d`` the same text as the variant ``doc``? Copies of the source are all one group."""
    if kind == "passage":
        return d.id == expect
    if d.id == expect:
        return True
    return any(other is d and other_kind != "passage" for other_kind, other, _ in made)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

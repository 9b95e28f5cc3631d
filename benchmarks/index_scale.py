"""Speed and memory of the whole pipeline (documents -> claim index) at 10, 100, 1,000 articles.

Articles are recombined from the sample corpus statements: each takes ~60 statements, shuffled,
some dropped, and about a third perturbed (a number, a date or a name swapped), as near-duplicate
heavy as real syndicated coverage. At 100 articles it also times a bare all-pairs
``rapidfuzz.process.cdist`` over the same statement texts and prints our time as a ratio of it.

    python benchmarks/index_scale.py [--sizes 10 100 1000]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process  # noqa: E402

from tui.claims import build_index  # noqa: E402
from tui.corpus import load_corpus  # noqa: E402
from tui.corpus.model import Document, Statement  # noqa: E402
from tui.link_cache import LinkCache  # noqa: E402
from tui.paths import sample_corpus_dir  # noqa: E402

_NAMES = ["Putin", "Japarov", "Lukashenko", "Abramovich", "Bazhaev", "Tokayev", "Mirziyoyev"]
_MONTHS = ["September", "October", "November", "December"]


def _perturb(text: str, rng: random.Random) -> str:
    choice = rng.randrange(3)
    if choice == 0 and re.search(r"\d", text):
        return re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), text, count=1)
    if choice == 1 and any(m in text for m in _MONTHS):
        month = next(m for m in _MONTHS if m in text)
        return text.replace(month, rng.choice(_MONTHS), 1)
    present = [n for n in _NAMES if n in text]
    if present:
        return text.replace(present[0], rng.choice(_NAMES), 1)
    words = text.split()
    if len(words) > 6:
        k = rng.randrange(1, len(words) - 1)
        words[k], words[k + 1] = words[k + 1], words[k]
    return " ".join(words)


def make_corpus(n_articles: int, pool: Sequence[str], seed: int = 7,
                per_article: int = 60) -> list[Document]:
    rng = random.Random(seed)
    docs: list[Document] = []
    for a in range(n_articles):
        doc_id = f"d{a + 1}"
        chosen = rng.sample(list(pool), min(per_article, len(pool)))
        sentences = [(_perturb(s, rng) if rng.random() < 0.33 else s) for s in chosen]
        statements: list[Statement] = []
        text = ""
        for k, s in enumerate(sentences):
            text += " " if text else ""
            start = len(text)
            text += s
            statements.append(Statement(f"{doc_id}:{k}", doc_id, k, start, len(text), s, s,
                                        k // 4))
        docs.append(Document(doc_id, f"{doc_id}.txt", doc_id, text, tuple(statements)))
    return docs


def write_articles(docs: Sequence[Document], folder: Path) -> None:
    """The benchmark measures the whole pipeline, so the articles go through real files."""
    for doc in docs:
        sentences = [s.text for s in doc.statements]
        paragraphs = [" ".join(sentences[k:k + 4]) for k in range(0, len(sentences), 4)]
        (folder / f"{doc.id}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")


def _timed(paths: Sequence[str], memo: LinkCache | None = None) -> tuple[int, float]:
    t0 = time.perf_counter()
    docs = load_corpus(list(paths)).documents
    build_index(docs, memo=memo)
    return sum(len(d.statements) for d in docs), time.perf_counter() - t0


def _real_rows(realnews: str) -> None:
    """The sample corpus, then 50 real articles (the first 13 stories of the development set):
    without the link cache, then opened again with it (``tui/link_cache.py``). The first build
    in this process also loads the sentence model."""
    n, cold = _timed([str(sample_corpus_dir())])
    _, warm = _timed([str(sample_corpus_dir())])
    print(f"sample corpus: {n} statements, {cold:.2f} s cold (model load included), "
          f"{warm:.2f} s warm")
    folder = Path(realnews)
    if not folder.is_dir():
        print(f"50 real articles: skipped ({folder} not found)")
        return
    files = sorted(str(p) for story in sorted(folder.iterdir()) if story.is_dir()
                   for p in story.glob("*.txt"))[:50]
    with tempfile.TemporaryDirectory() as cache_folder:
        cache = LinkCache(Path(cache_folder))
        n, first = _timed(files, cache)
        _, again = _timed(files, cache)
    print(f"50 real articles: {n} statements, {first:.2f} s first open, "
          f"{again:.2f} s reopened (links from the cache)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="claim index speed and memory")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--realnews", default=str(ROOT.parent / "shared" / "realnews"),
                        help="real stories for the 50-article row (skipped when missing)")
    args = parser.parse_args(argv)
    sample = load_corpus([sample_corpus_dir()])
    pool = [s.plain for d in sample.documents for s in d.statements]
    print(f"pool: {len(pool)} sample statements")
    print("whole pipeline: article files -> load_corpus -> build_index")
    print(f"{'articles':>9}{'statements':>12}{'seconds':>9}{'stmt/s':>10}{'peak MiB':>10}"
          f"{'claims':>8}{'conflicts':>10}")
    _real_rows(args.realnews)
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            write_articles(make_corpus(n, pool), Path(folder))
            tracemalloc.start()
            docs = load_corpus([folder]).documents
            index = build_index(docs)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            # Runs without tracemalloc for the timing (tracing slows allocation-heavy code).
            t0 = time.perf_counter()
            docs = load_corpus([folder]).documents
            loaded = time.perf_counter() - t0
            index = build_index(docs)
            elapsed = time.perf_counter() - t0
        total = sum(len(d.statements) for d in docs)
        conflicts = sum(len(c.conflicts) for c in index.claims)
        print(f"{n:>9}{total:>12}{elapsed:>9.2f}{total / elapsed:>10.0f}{peak / 2**20:>10.1f}"
              f"{len(index.claims):>8}{conflicts:>10}   (files->documents {loaded:.2f} s)")
        if n == 100:
            texts = [s.plain for d in docs for s in d.statements]
            try:
                import numpy  # noqa: F401  (rapidfuzz's cdist returns a numpy matrix)
            except ImportError:
                print(f"{'':>9}cdist comparison skipped: pip install numpy")
                continue
            t0 = time.perf_counter()
            process.cdist(texts, texts, scorer=fuzz.ratio, workers=-1, dtype="uint8")
            bare = time.perf_counter() - t0
            print(f"{'':>9}all-pairs cdist over {len(texts)} texts: {bare:.2f} s; "
                  f"pipeline / cdist = {elapsed / bare:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

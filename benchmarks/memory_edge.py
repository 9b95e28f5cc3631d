"""Memory at the edge: peak memory and time of ``seedreader report`` and of the reader (headless)
for one very long article beside the sample corpus, up to the text limit and beyond it.

    .venv/bin/python benchmarks/memory_edge.py            # prints figures; asserts nothing
    .venv/bin/python benchmarks/memory_edge.py 0.5 2 19   # other sizes, in million characters

Each run is a fresh process (peak RSS from getrusage). The article is made of varied
sentences (words of the sample corpus, names, numbers, days), so it links and extracts facts
like prose rather than repeating one paragraph. Figures that set the limit
(``tui.corpus.loader.MAX_TEXT_CHARS``), peak RSS on 2 shared cores:

    article                     report            reader (headless)
    0.5 M characters            188 MB   4.8 s    217 MB   9.4 s
    1.0 M characters            244 MB   9.8 s    277 MB  14.1 s
    2.0 M characters (limit)    349 MB  16.1 s    409 MB  13.5 s
    19 M characters, before     2.6 GB  84 s      (the issue: 1.7 GB, 35-43 s; 1.9 GB)
    19 M characters, now        140 MB   4.1 s    155 MB   6.1 s  (skipped with one line)

About 105 MB (report) and 130 MB (reader) per million characters on top of ~140 MB, almost
all of it the claim index's per-statement words, facts and term sets, so the limit is on
text rather than a rewrite of the index.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.paths import sample_corpus_dir  # noqa: E402

REPORT = """
import resource, sys
from tui.cli import main
sys.stdout = open("/dev/null", "w")
code = main(["report", sys.argv[1]])
print(code, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""

READER = """
import asyncio, resource, sys
from pathlib import Path
from tui.cli import corpus_key, load
from tui.app import SeedReaderApp

async def run() -> None:
    result = load([sys.argv[1]])
    if result is None:
        return
    app = SeedReaderApp(result.documents, result.problems, corpus_key=corpus_key(result),
                        data_dir=Path(sys.argv[2]))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("j", "j", "n")
        await pilot.pause()

asyncio.run(run())
print(0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def article(chars: int, seed: int = 2) -> str:
    rng = random.Random(seed)
    source = " ".join(p.read_text(encoding="utf-8") for p in sorted(sample_corpus_dir().glob("*.txt")))
    words = sorted(set(re.findall(r"[A-Za-z]+", source)))
    names = sorted(set(re.findall(r"\b[A-Z][a-z]+\b", source)))
    days = ["on Monday", "on Tuesday", "on March 3", "on June 12"]
    out: list[str] = []
    size = 0
    while size < chars:
        sentences = []
        for _ in range(rng.randint(2, 6)):
            ws = [rng.choice(words) for _ in range(rng.randint(8, 30))]
            if rng.random() < 0.5:
                ws.insert(rng.randint(0, len(ws)), str(rng.randint(2, 5000)))
            if rng.random() < 0.4:
                ws.insert(0, rng.choice(names))
            if rng.random() < 0.2:
                ws.append(rng.choice(days))
            text = " ".join(ws)
            sentences.append(text[0].upper() + text[1:] + ".")
        paragraph = " ".join(sentences)
        out.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(out)[:chars]


def measure(code: str, *args: str) -> tuple[float, int, str]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, timeout=1800
    )
    elapsed = time.perf_counter() - start
    last = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    try:
        _, peak = last.split()
        return elapsed, int(peak) // 1024, ""
    except ValueError:
        return elapsed, 0, last


def main(argv: list[str]) -> None:
    from tui.corpus.loader import MAX_TEXT_CHARS

    sizes = [float(a) for a in argv] or [0.5, 1.0, MAX_TEXT_CHARS / 1e6, 19.0]
    print(f"text limit: {MAX_TEXT_CHARS:,} characters")
    print(f"{'article':>12}  {'report':>18}  {'reader (headless)':>20}")
    for millions in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "corpus"
            folder.mkdir()
            for path in sample_corpus_dir().glob("*.txt"):
                (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
            (folder / "long.txt").write_text(article(int(millions * 1e6)), encoding="utf-8")
            mb = (folder / "long.txt").stat().st_size / 1e6
            r_time, r_peak, r_note = measure(REPORT, str(folder))
            v_time, v_peak, v_note = measure(READER, str(folder), str(Path(tmp) / "data"))
            print(
                f"{millions:>5.1f} M chr ({mb:.1f} MB)  {r_peak:>5} MB {r_time:>6.1f} s"
                f"  {v_peak:>7} MB {v_time:>6.1f} s  {r_note or v_note}",
                flush=True,
            )
    print("(a file over the limit is skipped with one line; its run is the rest of the corpus)")


if __name__ == "__main__":
    main(sys.argv[1:])

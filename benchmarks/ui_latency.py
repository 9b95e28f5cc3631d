"""UI latency of the reader, measured through ``App.run_test()`` (headless) and printed.

Targets on 2 cores: first full paint of the sample corpus under 1.5 s; per-keystroke latency
(press ``j`` until every pane has updated) p95 under 50 ms, for the sample corpus and for a
synthetic corpus of 50 articles x 100 statements.

    .venv/bin/python benchmarks/ui_latency.py [--presses 200]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from tui.app import SeedReaderApp
from tui.claims import build_index
from tui.corpus import document_from_text, load_corpus
from tui.corpus.model import Document
from tui.paths import sample_corpus_dir
from tui.screens.reader import ReaderScreen

WORDS = (
    "president minister parliament airbase agreement visit capital summit talks border treaty "
    "defence energy trade officials delegation signed announced confirmed reported security"
).split()
PLACES = ["Bishkek", "Moscow", "Kant", "Astana", "Tashkent", "Dushanbe"]


def synthetic_corpus(articles: int = 50, statements: int = 100, seed: int = 7) -> list[Document]:
    """Articles that share a pool of reports, with dates and numbers varied, so claims link."""
    rng = random.Random(seed)
    pool = []
    for number in range(400):
        words = rng.sample(WORDS, 8)
        pool.append(
            f"The {words[0]} in {rng.choice(PLACES)} {words[1]} {words[2]} {words[3]} about "
            f"{words[4]} and {words[5]} on November {rng.randint(20, 28)} with {rng.randint(2, 90)} "
            f"{words[6]} report {number}."
        )
    documents = []
    for article in range(articles):
        paragraphs = []
        chosen = rng.sample(pool, statements)
        for start in range(0, statements, 4):
            paragraphs.append(" ".join(chosen[start : start + 4]))
        text = f"Synthetic article {article}\n\n" + "\n\n".join(paragraphs) + "\n"
        documents.append(document_from_text(text, doc_id=f"d{article + 1}", path=f"synthetic-{article:02}.txt"))
    return documents


def _panes_ready(app: SeedReaderApp, indexed: bool) -> bool:
    screen = app.screen
    if not isinstance(screen, ReaderScreen) or not screen.panes:
        return False
    if indexed and screen.index is None:
        return False
    return all(pane.view.line_count > 0 for pane in screen.panes)


async def measure(documents: Sequence[Document], presses: int, size: tuple[int, int]) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as data:
        start = time.perf_counter()
        app = SeedReaderApp(documents, corpus_key="bench", data_dir=Path(data))
        figures: dict[str, float] = {}
        async with app.run_test(size=size) as pilot:
            while not _panes_ready(app, indexed=False):
                await asyncio.sleep(0.002)
            await pilot.pause()
            figures["text_paint"] = time.perf_counter() - start
            while not _panes_ready(app, indexed=True):
                await asyncio.sleep(0.002)
            await pilot.pause()
            figures["full_paint"] = time.perf_counter() - start
            screen = app.screen
            assert isinstance(screen, ReaderScreen)
            baseline = []
            for _ in range(20):  # an unbound key: what Pilot itself costs per press
                before = time.perf_counter()
                await pilot.press("z")
                await pilot.pause()
                baseline.append((time.perf_counter() - before) * 1000)
            figures["pilot_baseline_ms"] = statistics.median(baseline)
            samples = []
            cpu_samples = []
            for _ in range(presses):
                view = screen.active_view
                assert view is not None
                if view.cursor >= len(view.document.statements) - 1:
                    await pilot.press("g")
                    await pilot.pause()
                before = time.perf_counter()
                before_cpu = time.process_time()
                await pilot.press("j")
                await pilot.pause()  # the follow-up refresh of every pane has been processed
                samples.append((time.perf_counter() - before) * 1000)
                cpu_samples.append((time.process_time() - before_cpu) * 1000)
            samples.sort()
            cpu_samples.sort()
            figures["cpu_median_ms"] = statistics.median(cpu_samples)
            figures["cpu_p95_ms"] = cpu_samples[int(len(cpu_samples) * 0.95) - 1]
            figures["median_ms"] = statistics.median(samples)
            figures["p95_ms"] = samples[int(len(samples) * 0.95) - 1]
            figures["max_ms"] = samples[-1]
            figures["panes"] = len(screen.panes)
    return figures


def report(name: str, figures: dict[str, float]) -> None:
    print(
        f"{name:<34} text paint {figures['text_paint']:.3f} s · full paint {figures['full_paint']:.3f} s · "
        f"({int(figures['panes'])} panes)\n"
        f"{'':<34} j wall median {figures['median_ms']:.1f} ms · p95 {figures['p95_ms']:.1f} ms · "
        f"max {figures['max_ms']:.1f} ms · CPU median {figures['cpu_median_ms']:.1f} ms · "
        f"p95 {figures['cpu_p95_ms']:.1f} ms · Pilot idle baseline {figures['pilot_baseline_ms']:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=200)
    args = parser.parse_args()
    load_start = time.perf_counter()
    sample = load_corpus([sample_corpus_dir()]).documents
    load_time = time.perf_counter() - load_start
    print(f"sample corpus load: {load_time:.3f} s ({len(sample)} articles)")
    report("sample corpus 160x45", asyncio.run(measure(sample, args.presses, (160, 45))))
    report("sample corpus 80x24", asyncio.run(measure(sample, args.presses, (80, 24))))
    synthetic = synthetic_corpus()
    index_start = time.perf_counter()
    build_index(synthetic)
    print(f"synthetic 50x100 build_index alone: {time.perf_counter() - index_start:.3f} s")
    report("synthetic 50x100 160x45", asyncio.run(measure(synthetic, args.presses, (160, 45))))
    print("targets: full paint (sample) < 1.5 s; p95 < 50 ms")


if __name__ == "__main__":
    main()

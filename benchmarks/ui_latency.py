"""UI latency of the reader, measured through ``App.run_test()`` (headless) and printed.

Targets on 2 cores: first full paint of the sample corpus under 1.5 s; per-keystroke latency
(press ``j`` until every pane has updated) p95 under 50 ms, for the sample corpus and for a
synthetic corpus of 50 articles x 100 statements.

How a keystroke is timed: the key goes to the driver as a terminal key would, then the benchmark
waits until every message pump on the screen has drained, the screen has nothing dirty and no new
frame follows. The figure is the time from the key to the *last* frame it caused, each frame
encoded to terminal escape sequences as the real driver would (the headless driver skips that).
Every frame is also applied to a shadow terminal, and after each press the benchmark checks that
the shadow shows the cursor bar on the cursor's row in every pane that reports the claim, so a
figure cannot come from a frame taken before the panes followed.

For comparison it also prints the old Pilot figure (``pilot.press`` + ``pilot.pause`` wall time
minus the same for an unbound key), which is dominated by Pilot's idle polling.

    .venv/bin/python benchmarks/ui_latency.py [--presses 200] [--runs 3] [--only sample|synthetic]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import random
import statistics
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.segment import Segment
from textual import events
from textual._compositor import CompositorUpdate
from textual.pilot import Pilot
from textual.screen import Screen

from tui.app import SeedReaderApp
from tui.claims import build_index
from tui.corpus import document_from_text, load_corpus
from tui.corpus.model import Document
from tui.paths import sample_corpus_dir
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import CURSOR_BAR, ArticleView

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


def write_corpus(documents: Sequence[Document], folder: Path) -> None:
    """Write documents as .txt files (for trying the reader by hand in tmux)."""
    folder.mkdir(parents=True, exist_ok=True)
    for document in documents:
        (folder / Path(document.path).name).write_text(document.text, encoding="utf-8")


@dataclass
class Frames:
    """Every frame the app sends, timed, and a shadow terminal they are applied to on demand."""

    size: tuple[int, int]
    console: Console
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    pending: list[CompositorUpdate] = field(default_factory=list)
    grid: list[list[str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        width, height = self.size
        self.grid = [[" "] * width for _ in range(height)]

    def record(self, update: CompositorUpdate) -> None:
        update.render_segments(self.console)  # what the real driver spends before writing
        self.pending.append(update)
        self.times.append(time.perf_counter())
        self.cpu.append(time.process_time())

    def apply(self) -> None:
        """Draw the frames sent so far on the shadow terminal."""
        width, height = self.size
        for update in self.pending:
            x = y = 0
            for segment in self.console.render(update):
                if segment.control:
                    for control in segment.control:
                        if len(control) == 3:  # (MOVE_TO, x, y)
                            x, y = control[1], control[2]
                    continue
                if segment.text == "\n":
                    y, x = y + 1, 0
                    continue
                for char in segment.text:
                    if 0 <= y < height and 0 <= x < width:
                        self.grid[y][x] = char
                    x += 1
        self.pending.clear()

    def row(self, y: int) -> str:
        return "".join(self.grid[y])


def _hook_frames(app: SeedReaderApp, frames: Frames) -> None:
    original = app._display

    def display(screen: Screen[object], renderable: object) -> None:
        original(screen, renderable)  # type: ignore[arg-type]
        if isinstance(renderable, CompositorUpdate) and screen is app.screen and not app._batch_count:
            frames.record(renderable)

    app._display = display  # type: ignore[method-assign]


def _panes_ready(app: SeedReaderApp, indexed: bool) -> bool:
    screen = app.screen
    if not isinstance(screen, ReaderScreen) or not screen.panes:
        return False
    if indexed and screen.index is None:
        return False
    return all(pane.view.line_count > 0 for pane in screen.panes)


def _screen_dirty(app: SeedReaderApp) -> bool:
    screen = app.screen
    return bool(
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._dirty_widgets
        or screen._callbacks
        or not app._message_queue.empty()
    )


async def _settle(pilot: Pilot[int], frames: Frames) -> None:
    """Wait until every pump has drained, nothing is dirty and no further frame comes."""
    while True:
        seen = len(frames.times)
        await pilot._wait_for_screen()
        await asyncio.sleep(0.002)
        await pilot._wait_for_screen()
        if not _screen_dirty(pilot.app) and len(frames.times) == seen:
            return
        await asyncio.sleep(0.002)


async def _wait_for_frame_after(app: SeedReaderApp, frames: Frames, start: float, timeout: float = 5.0) -> None:
    """Cheap polling (no extra messages) until a frame newer than ``start`` exists and the screen is clean."""
    deadline = start + timeout
    while time.perf_counter() < deadline:
        if frames.times and frames.times[-1] > start and not _screen_dirty(app):
            return
        await asyncio.sleep(0.0005)


def _press(app: SeedReaderApp, key: str) -> None:
    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    assert app._driver is not None
    app._driver.send_message(event)


def _check_screen(screen: ReaderScreen, frames: Frames) -> None:
    """The shadow terminal shows the cursor bar where every linked pane's cursor is."""
    frames.apply()
    for pane in screen.panes:
        view = pane.view
        if not view.document.statements or not (view.has_focus or view.linked):
            continue
        row = view.cursor_row()
        if row is None:
            raise AssertionError(f"{view.document.name}: cursor statement is off screen")
        region = view.content_region
        text = frames.row(region.y + row)
        if text[region.x] != CURSOR_BAR:
            raise AssertionError(
                f"{view.document.name}: terminal row {region.y + row} does not show the cursor: {text!r}"
            )


def _pct(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * fraction + 0.5) - 1)]


async def measure(documents: Sequence[Document], presses: int, size: tuple[int, int]) -> dict[str, float]:
    frames = Frames(size, Console(file=io.StringIO(), width=size[0], height=size[1], force_terminal=True,
                                  color_system="truecolor", legacy_windows=False))
    with tempfile.TemporaryDirectory() as data:
        start = time.perf_counter()
        app = SeedReaderApp(documents, corpus_key="bench", data_dir=Path(data))
        _hook_frames(app, frames)
        figures: dict[str, float] = {}
        async with app.run_test(size=size) as pilot:
            while not _panes_ready(app, indexed=False):
                await asyncio.sleep(0.001)
            await _wait_for_frame_after(app, frames, time.perf_counter())
            figures["text_paint"] = frames.times[-1] - start
            while not _panes_ready(app, indexed=True):
                await asyncio.sleep(0.001)
            await _wait_for_frame_after(app, frames, time.perf_counter())
            figures["full_paint"] = frames.times[-1] - start
            await _settle(pilot, frames)
            screen = app.screen
            assert isinstance(screen, ReaderScreen)

            # The old figure: Pilot's press + pause, and the same for an unbound key.
            baseline = []
            for _ in range(20):
                before = time.perf_counter()
                await pilot.press("z")
                await pilot.pause()
                baseline.append((time.perf_counter() - before) * 1000)
            pilot_j = []
            for _ in range(20):
                view = screen.active_view
                assert view is not None
                if view.cursor >= len(view.document.statements) - 1:
                    await pilot.press("g")
                    await pilot.pause()
                before = time.perf_counter()
                await pilot.press("j")
                await pilot.pause()
                pilot_j.append((time.perf_counter() - before) * 1000)
            figures["pilot_baseline_ms"] = statistics.median(baseline)
            figures["pilot_j_minus_baseline_ms"] = statistics.median(pilot_j) - figures["pilot_baseline_ms"]

            # Key to last frame, checked on the shadow terminal.
            await _settle(pilot, frames)
            frames.apply()
            wall: list[float] = []
            cpu: list[float] = []
            for _ in range(presses):
                view = screen.active_view
                assert view is not None
                if view.cursor >= len(view.document.statements) - 1:
                    _press(app, "g")
                    await _settle(pilot, frames)
                    frames.apply()
                cursor = view.cursor
                seen = len(frames.times)
                before, before_cpu = time.perf_counter(), time.process_time()
                _press(app, "j")
                await _wait_for_frame_after(app, frames, before)
                await _settle(pilot, frames)
                if len(frames.times) == seen or view.cursor == cursor and view.cursor_row() is None:
                    raise AssertionError("j produced no frame")
                wall.append((frames.times[-1] - before) * 1000)
                cpu.append((frames.cpu[-1] - before_cpu) * 1000)
                _check_screen(screen, frames)
            figures["median_ms"] = statistics.median(wall)
            figures["p95_ms"] = _pct(wall, 0.95)
            figures["max_ms"] = max(wall)
            figures["cpu_median_ms"] = statistics.median(cpu)
            figures["cpu_p95_ms"] = _pct(cpu, 0.95)
            figures["panes"] = len(screen.panes)
    return figures


def report(name: str, runs: list[dict[str, float]]) -> None:
    print(f"{name}  ({int(runs[0]['panes'])} panes)")
    for number, figures in enumerate(runs, 1):
        print(
            f"  run {number}: paint text {figures['text_paint']:.3f} s, full {figures['full_paint']:.3f} s · "
            f"j key→last frame median {figures['median_ms']:.1f} ms p95 {figures['p95_ms']:.1f} ms "
            f"max {figures['max_ms']:.1f} ms · CPU median {figures['cpu_median_ms']:.1f} ms "
            f"p95 {figures['cpu_p95_ms']:.1f} ms · Pilot j−baseline {figures['pilot_j_minus_baseline_ms']:.1f} ms "
            f"(baseline {figures['pilot_baseline_ms']:.1f} ms)"
        )
    worst = {key: max(f[key] for f in runs) for key in ("full_paint", "median_ms", "p95_ms", "cpu_p95_ms")}
    print(
        f"  worst of {len(runs)}: full paint {worst['full_paint']:.3f} s · median {worst['median_ms']:.1f} ms · "
        f"p95 {worst['p95_ms']:.1f} ms · CPU p95 {worst['cpu_p95_ms']:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=("sample", "synthetic"))
    parser.add_argument("--write-synthetic", type=Path, metavar="DIR", help="write the 50x100 corpus as .txt and exit")
    args = parser.parse_args()
    if args.write_synthetic:
        write_corpus(synthetic_corpus(), args.write_synthetic)
        print(f"wrote 50 articles to {args.write_synthetic}")
        return
    if args.only != "synthetic":
        load_start = time.perf_counter()
        sample = load_corpus([sample_corpus_dir()]).documents
        print(f"sample corpus load: {time.perf_counter() - load_start:.3f} s ({len(sample)} articles)")
        for size in ((160, 45), (80, 24)):
            runs = [asyncio.run(measure(sample, args.presses, size)) for _ in range(args.runs)]
            report(f"sample corpus {size[0]}x{size[1]}", runs)
    if args.only != "sample":
        synthetic = synthetic_corpus()
        index_start = time.perf_counter()
        build_index(synthetic)
        print(f"synthetic 50x100 build_index alone: {time.perf_counter() - index_start:.3f} s")
        runs = [asyncio.run(measure(synthetic, args.presses, (160, 45))) for _ in range(args.runs)]
        report("synthetic 50x100 160x45", runs)
    print("targets: full paint (sample) < 1.5 s; key→last frame p95 < 50 ms")


if __name__ == "__main__":
    main()

"""A 200,000-character one-line statement: the claim panel caps it and ``j`` stays fast."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from tests.ui_fixtures import make_document, make_index, ready, sync
from tui.app import SeedReaderApp
from tui.widgets.claim_panel import VERSION_CHARS, ClaimPanel, capped

WORDS = ("alpha", "beta", "gamma", "delta", "report", "minister", "said", "on", "Monday", "the", "visit", "3,000")


def long_line(length: int = 200_000, shift: int = 0) -> str:
    words = (WORDS[(i * 7 + shift + i // 5) % len(WORDS)] for i in range(length // 3))
    return " ".join(words)[:length]


def long_corpus() -> tuple[list, object]:
    text = "# Long\n\nShort first sentence.\n" + long_line() + "\nLast one.\n"
    other = "# Other\n\nShort first sentence.\n" + long_line(60_000, shift=3) + "\nLast one.\n"
    docs = [make_document("d1", "long.txt", text), make_document("d2", "other.txt", other)]
    index = make_index(docs, groups=[("d1:0", "d2:0"), ("d1:1", "d2:1"), ("d1:2", "d2:2")])
    return docs, index


def test_capped_cuts_at_a_word_and_counts_the_rest() -> None:
    text, more = capped("word " * 1000)
    assert len(text) <= VERSION_CHARS and text.endswith("word")
    assert more == 5000 - len(text)
    assert capped("short") == ("short", 0)


@sync
async def test_long_statement_is_capped_in_the_panel_and_j_stays_fast(tmp_path: Path) -> None:
    docs, index = long_corpus()
    app = SeedReaderApp(docs, corpus_key="long", data_dir=tmp_path, index_builder=lambda _: index)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("j")  # onto the 200,000-character statement
        await ready(pilot)
        panel = app.reader.query_one(ClaimPanel)
        text = panel.describe().plain
        assert "more characters)" in text
        assert len(text) < 3 * VERSION_CHARS + 1000, "the panel shows a few lines of each version, not all"
        started = time.perf_counter()
        panel._cache.clear()
        panel.describe()
        assert time.perf_counter() - started < 0.05

        baseline, moves = [], []
        for _ in range(5):
            before = time.perf_counter()
            await pilot.press("z")
            await pilot.pause()
            baseline.append(time.perf_counter() - before)
        for key in ("k", "j") * 3:  # off the long statement and back onto it
            before = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            moves.append(time.perf_counter() - before)
        assert statistics.median(moves) - statistics.median(baseline) < 0.05, (moves, baseline)

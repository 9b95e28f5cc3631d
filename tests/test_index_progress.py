"""The reader shows the claim index worker's stages while it runs: posted from the worker thread
as ``IndexProgress`` messages (only the newest waits in the queue), drawn on the UI thread."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from textual.message import Message
from textual.widgets import ProgressBar, Static

from tests.ui_fixtures import ready, small_corpus, sync
from tui.app import SeedReaderApp
from tui.claims.model import ClaimIndex
from tui.corpus.model import Document
from tui.messages import IndexProgress, ReaderStateChanged


def test_only_the_newest_progress_waits_in_the_queue() -> None:
    older = IndexProgress("reading statements", 0.0, 10)
    assert older.can_replace(IndexProgress("matching statements", 0.25, 10))
    assert not older.can_replace(Message())
    assert ReaderStateChanged().can_replace(ReaderStateChanged())
    assert not ReaderStateChanged().can_replace(older)


@sync
async def test_the_status_bar_shows_the_stage_while_the_index_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.claims

    docs, index = small_corpus()
    reached = threading.Event()
    gate = threading.Event()
    threads: list[str] = []
    memos: list[object] = []

    def build_index(documents: Sequence[Document], config: object = None, *,
                    progress: Callable[[str, float], None] | None = None,
                    memo: object = None) -> ClaimIndex:
        assert progress is not None
        memos.append(memo)
        threads.append(threading.current_thread().name)
        progress("reading statements", 0.0)
        progress("matching statements", 0.25)
        reached.set()
        gate.wait(10)  # hold the worker in this stage so the screen can be looked at
        progress("done", 1.0)
        return index

    monkeypatch.setattr(tui.claims, "build_index", build_index)
    app = SeedReaderApp(docs, corpus_key="small", data_dir=tmp_path)
    try:
        async with app.run_test(size=(160, 45)) as pilot:
            assert reached.wait(10)
            stage = app.reader.query_one("#indexing-stage", Static)
            bar = app.reader.query_one(ProgressBar)
            for _ in range(50):
                await pilot.pause(0.02)
                if "matching" in str(stage.render()):
                    break
            statements = sum(len(d.statements) for d in docs)
            assert str(stage.render()) == f"indexing {statements} statements: matching statements"
            assert stage.display and bar.display
            assert (bar.progress, bar.total) == (25, 100)
            assert app.reader.index is None
            gate.set()
            await ready(pilot)
            assert app.reader.index is index
            assert not stage.display and not bar.display, "gone once the index is there"
    finally:
        gate.set()
    assert threads and threading.main_thread().name not in threads
    # The reader remembers links in the user cache like the report does (SEEDREADER_CACHE_DIR
    # is a temporary folder in tests).
    from tui.link_cache import LinkCache

    assert isinstance(memos[0], LinkCache)
    assert str(memos[0].folder).startswith(os.environ["SEEDREADER_CACHE_DIR"])

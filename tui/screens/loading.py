"""The first screen of a large corpus: a progress bar while the files are read.

The files are read in a thread worker; it only posts :class:`LoadingScreen.Progress` messages
(``post_message`` is thread-safe) and the screen updates its widgets on the UI thread. When the
worker ends, the app gets the :class:`LoadResult` (``SeedReaderApp.corpus_loaded``), which opens
the reader, where the claim index is built behind the status bar's progress bar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from threading import Lock

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Label, ProgressBar
from textual.worker import Worker, WorkerState

from tui.corpus.model import LoadProblem, LoadResult
from tui.widgets.text import display_text

class LoadingScreen(Screen[None]):
    DEFAULT_CSS = """
    LoadingScreen { align: center middle; }
    LoadingScreen Label { width: 100%; content-align: center middle; }
    LoadingScreen #loading-file { color: $text-muted; }
    LoadingScreen ProgressBar { width: auto; }
    """

    class Progress(Message):
        """``done`` of ``total`` files read, the last one ``path``."""

        def __init__(self, done: int, total: int, path: str) -> None:
            super().__init__()
            self.done = done
            self.total = total
            self.path = path

    def __init__(self, paths: Sequence[str], on_loaded: Callable[[LoadResult], None]) -> None:
        super().__init__()
        self.paths = tuple(paths)
        self._on_loaded = on_loaded
        self.done = 0
        self.total: int | None = None
        self._lock = Lock()
        self._pending = False
        self._latest = (0, 0, "")

    def compose(self) -> ComposeResult:
        with Middle():
            yield Label("Reading the articles…", id="loading-title")
            with Center():
                yield ProgressBar(total=None, show_eta=False, id="loading-bar")
            yield Label("", id="loading-file")

    def on_mount(self) -> None:
        self.run_worker(self._load, thread=True, exclusive=True, group="load", name="load")

    def _load(self) -> LoadResult:
        """Runs in a thread: reads the files, posts progress, touches no widget."""
        from tui.corpus import load_corpus

        def report(done: int, total: int, path: str) -> None:
            # Coalesced: one message in flight at a time, the handler reads the newest count,
            # so 10,000 small files do not queue 10,000 messages and the last count is shown.
            self._latest = (done, total, path)
            with self._lock:
                if self._pending:
                    return
                self._pending = True
            self.post_message(self.Progress(done, total, path))

        return load_corpus(self.paths, progress=report)

    def on_loading_screen_progress(self, message: Progress) -> None:
        with self._lock:
            self._pending = False
            message.done, message.total, message.path = self._latest
        self.done, self.total = message.done, message.total
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)
        self.query_one("#loading-title", Label).update(
            f"Reading the articles: {message.done:,} of {message.total:,} files")
        name = message.path.replace("\\", "/").rsplit("/", 1)[-1]
        self.query_one("#loading-file", Label).update(display_text(name))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "load":
            return
        if event.state == WorkerState.SUCCESS:
            result = event.worker.result
            assert isinstance(result, LoadResult)
            self._on_loaded(result)
        elif event.state == WorkerState.ERROR:
            problem = LoadProblem(", ".join(self.paths), f"could not be read ({event.worker.error})")
            self._on_loaded(LoadResult((), (problem,)))

"""The Textual application: paints the articles at once, indexes claims and opens the notes store
in workers, saves state."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.theme import Theme
from textual.timer import Timer

from tui.claims.config import IndexConfig
from tui.claims.model import ClaimIndex
from tui.commands import ReaderCommands
from tui.corpus.model import Document, LoadProblem, LoadResult
from tui.messages import NotesOpened, ReaderStateChanged
from tui.notes import AnchoredNote, NoteError, NoteStore
from tui.notes.ratings import DEFAULT_RATINGS, RatingScale
from tui.screens.reader import IndexBuilder, IndexProgressCallback, ReaderScreen, StagedIndexBuilder
from tui.safe_text import safe_line
from tui.state import StateStore
from tui.widgets.text import display_text

EXIT_NOTHING_LOADED = 2

SAVE_DELAY = 1.0
"""Seconds of quiet before the position is written, so holding j does not hammer the disk."""


def _default_builder(
    documents: Sequence[Document], progress: IndexProgressCallback, config: IndexConfig | None = None
) -> ClaimIndex:
    from tui.claims import build_index
    from tui.link_cache import default_cache

    index: ClaimIndex = build_index(documents, config, progress=progress, memo=default_cache())
    return index


def _without_progress(builder: IndexBuilder) -> StagedIndexBuilder:
    """A builder that cannot report its stages: the reader shows only that it is indexing."""

    def build(documents: Sequence[Document], progress: IndexProgressCallback) -> ClaimIndex:
        return builder(documents)

    return build


class SeedReaderApp(App[int]):
    """Side-by-side reader for ``documents``; ``corpus_key`` names the corpus for saved state.

    ``keymap`` maps binding ids (``reader.next``, ``reader.filter``... see ``?``) to keys.
    ``index_config`` holds the thresholds (``config.toml`` ``[index]``), the same the report uses;
    ``index_builder`` replaces ``tui.claims.build_index`` (tests, other engines).
    With ``paths`` instead of ``documents`` the app reads the files itself, behind a progress
    bar; when none loads it exits with ``EXIT_NOTHING_LOADED`` and ``load_result`` says why.
    """

    TITLE = "seedreader"
    CSS_PATH = "reader.tcss"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", show=False, id="app.quit"),
    ]

    def __init__(
        self,
        documents: Sequence[Document],
        problems: Sequence[LoadProblem] = (),
        *,
        corpus_key: str,
        data_dir: Path | None = None,
        keymap: Mapping[str, str] | None = None,
        index_builder: IndexBuilder | None = None,
        index_config: IndexConfig | None = None,
        ratings: RatingScale = DEFAULT_RATINGS,
        paths: Sequence[str] | None = None,
    ) -> None:
        super().__init__()
        if not documents and paths is None:
            raise ValueError("SeedReaderApp needs at least one document")
        self.paths = tuple(paths) if paths is not None else None
        self.load_result: LoadResult | None = None
        self.documents = tuple(documents)
        self.problems = tuple(problems)
        self.corpus_key = corpus_key
        if data_dir is None:
            from tui.paths import data_dir as default_data_dir

            data_dir = default_data_dir()
        self.store = StateStore(data_dir)
        self.data_dir = data_dir
        self.index_config = index_config
        self._builder: StagedIndexBuilder = (
            _without_progress(index_builder) if index_builder is not None
            else partial(_default_builder, config=index_config)
        )
        self._save_timer: Timer | None = None
        self.note_store: NoteStore | None = None
        """Opened in a worker once the reader is shown; closed on quit."""
        self.ratings = ratings
        if keymap:
            self.set_keymap(dict(keymap))

    @property
    def reader(self) -> ReaderScreen:
        return self.get_screen("reader")  # type: ignore[return-value]

    def _restore_theme(self) -> None:
        """The theme chosen last time (``ctrl+p`` → theme), then save every later change."""
        from tui.preferences import load_preferences

        theme = load_preferences(self.data_dir).theme
        if theme and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        from tui.preferences import Preferences, load_preferences, save_preferences

        if load_preferences(self.data_dir).theme == theme.name:
            return
        try:
            save_preferences(self.data_dir, Preferences(theme=theme.name))
        except OSError as error:
            self.notify(f"Could not save the theme: {error}", severity="warning", markup=False)

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Save an SVG of the screen in the Downloads folder, or in the data directory when there
        is none (Textual's own action fails without ``~/Downloads``), and say where."""
        from platformdirs import user_downloads_path

        if path is not None:
            folder = Path(path)
        else:
            downloads = user_downloads_path()
            folder = downloads if downloads.is_dir() else self.data_dir / "screenshots"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            saved = self.save_screenshot(filename, str(folder))
        except OSError as error:
            self.notify(f"Could not save the screenshot: {error}", severity="error", timeout=8, markup=False)
            return
        self.notify(f"Screenshot saved to {saved}", timeout=8, markup=False)

    def on_mount(self) -> None:
        self._restore_theme()
        if self.paths is not None:
            from tui.screens.loading import LoadingScreen

            self.push_screen(LoadingScreen(self.paths, self.corpus_loaded))
            return
        self._open_reader()

    def corpus_loaded(self, result: LoadResult) -> None:
        """The files are read: open the reader on them, or leave when none could be."""
        self.load_result = result
        if not result.documents:
            self.exit(EXIT_NOTHING_LOADED, return_code=EXIT_NOTHING_LOADED)
            return
        from tui.state import corpus_key

        self.documents = result.documents
        self.problems = result.problems
        self.corpus_key = corpus_key(result)
        self.pop_screen()
        self._open_reader()

    def _open_reader(self) -> None:
        state = None
        try:
            state = self.store.load(self.corpus_key)
        except OSError:
            state = None
        reader = ReaderScreen(
            self.documents,
            builder=self._builder,
            state=state,
            expect_notes=True,
            ratings=self.ratings,
            data_dir=self.data_dir,
        )
        self.install_screen(reader, "reader")
        self.push_screen("reader")
        self._report_problems()
        self.run_worker(partial(self._open_notes, self.documents), thread=True, exclusive=True, group="notes",
                        name="notes")

    def _open_notes(self, documents: Sequence[Document]) -> None:
        """Runs in a thread: open the store and place its notes in ``documents``; touches no widget."""
        try:
            store = NoteStore.open_or_disabled(data_dir=self.data_dir)
        except Exception as error:  # the reader works without notes, and says why
            self.post_message(NotesOpened(None, [], str(error)))
            return
        notes: list[AnchoredNote] = []
        if store.readable:
            try:
                notes = store.notes_for(documents)
            except NoteError:
                notes = []
        self.post_message(NotesOpened(store, notes))

    @on(NotesOpened)
    def _notes_opened(self, message: NotesOpened) -> None:
        self.note_store = message.store
        self.reader.note_actions.opened(message)

    def _report_problems(self) -> None:
        if not self.problems:
            return
        skipped = [p for p in self.problems if p.fatal]
        warnings = [p for p in self.problems if not p.fatal]
        lines = []
        if skipped:
            lines.append(f"Skipped {len(skipped)} file{'s' if len(skipped) != 1 else ''}:")
            lines.extend(f"• {display_text(str(p))}" for p in skipped[:8])
            if len(skipped) > 8:
                lines.append(f"… and {len(skipped) - 8} more")
        lines.extend(f"• {display_text(str(p))}" for p in warnings[:4])
        self.notify("\n".join(lines), title="Some files were not loaded" if skipped else "Warnings",
                    severity="warning", timeout=12, markup=False)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification, from any screen, passes here: paths and errors in it are sanitised."""
        message = "\n".join(safe_line(line) for line in message.split("\n"))
        super().notify(message, title=safe_line(title), severity=severity, timeout=timeout, markup=markup)

    @on(ReaderStateChanged)
    def schedule_save(self) -> None:
        """Save the position once the keys rest; the reader posts ``ReaderStateChanged`` on every move."""
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.save_state)

    def save_state(self) -> None:
        try:
            screen = self.get_screen("reader")
        except KeyError:
            return
        if not isinstance(screen, ReaderScreen) or not screen.is_mounted:
            return
        try:
            self.store.save(self.corpus_key, screen.reader_state())
        except OSError as error:
            self.notify(f"Could not save the reader position: {error}", severity="warning")

    def close_notes(self) -> None:
        """Close the notes database so SQLite checkpoints its WAL; every note is already on disk."""
        if self.note_store is not None:
            self.note_store.close()

    async def action_quit(self) -> None:
        """Quit from any screen (``ctrl+q``, the reader's ``q``): save the position, close the notes."""
        self.save_state()
        self.close_notes()
        self.exit(0)

"""The main screen: article panes side by side that follow the claim index as the cursor moves.

It routes keys and messages only: where the cursor goes is worked out in ``tui.navigation`` and
``tui.paging`` (plain functions), notes in ``NotesController``, the export in ``ExportFlow``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.widgets import Footer
from textual.worker import Worker, WorkerState

from tui.claims.model import ClaimIndex, Status
from tui.corpus.model import Document
from tui.counts import counts_by_document
from tui.messages import ExportWritten, IndexProgress, NoteDeleted, NoteRestored, NotesReanchored
from tui.notes import AnchoredNote, NoteStore
from tui.notes.ratings import DEFAULT_RATINGS, RatingScale
from tui.screens.export_flow import ExportFlow
from tui.screens.gc_pause import GcPause
from tui.screens.notes_controller import NotesController
from tui.screens.reader_bindings import READER_BINDINGS
from tui.screens.reader_moves import ReaderMoves
from tui.state import ReaderState
from tui.widgets.article_view import FILTERS, ArticleView
from tui.widgets.claim_panel import ClaimPanel
from tui.widgets.status_bar import StatusBar

WIDE = 120
"""Terminals at least this wide (and 30 rows tall) open with the claim panel shown."""

IndexProgressCallback = Callable[[str, float], None]
"""``(stage, fraction)`` as ``tui.claims.build_index`` reports it."""
IndexBuilder = Callable[[Sequence[Document]], ClaimIndex]
"""Documents in, claim index out (``tui.claims.build_index`` with settings, or a test's own)."""
StagedIndexBuilder = Callable[[Sequence[Document], IndexProgressCallback], ClaimIndex]
"""An ``IndexBuilder`` that reports its stages as it goes (the reader shows them)."""


class ReaderScreen(ReaderMoves):
    """Owns the keys and the pane order, and keeps panes, claim panel and status in step."""

    BINDINGS: ClassVar[list[BindingType]] = READER_BINDINGS

    def __init__(
        self,
        documents: Sequence[Document],
        *,
        builder: StagedIndexBuilder,
        state: ReaderState | None = None,
        expect_notes: bool = False,
        ratings: RatingScale = DEFAULT_RATINGS,
        data_dir: Path | None = None,
    ) -> None:
        """``expect_notes``: the app is opening the notes store and will hand it over
        (``notes_opened``). ``ratings`` are the verdicts the note editor offers; ``data_dir``
        keeps the text of a note that could not be saved."""
        super().__init__()
        self.ratings = ratings
        self.documents: tuple[Document, ...] = tuple(documents)
        self._builder = builder
        self.index: ClaimIndex | None = None
        by_fingerprint = {d.fingerprint: d for d in self.documents if d.fingerprint}
        state = state or ReaderState()
        order = [by_fingerprint[f].id for f in state.order if f in by_fingerprint]
        self.order: list[str] = list(dict.fromkeys(order)) or [d.id for d in self.documents]
        """Ids of the documents shown, in pane order (the document list ``d`` edits it)."""
        self.cursors: dict[str, int] = {
            by_fingerprint[f].id: i for f, i in state.cursors.items() if f in by_fingerprint
        }
        active = by_fingerprint.get(state.active)
        self.active_id: str = active.id if active is not None and active.id in self.order else self.order[0]
        self.filter: str = state.filter if state.filter in FILTERS else "all"
        self.scroll_lock: bool = state.scroll_lock
        self.page_start: int = max(0, state.page)
        self.pane_count: int = 0
        self._claim_open: bool | None = None
        self.by_id = {d.id: d for d in self.documents}
        self.note_actions = NotesController(self, expected=expect_notes, recovery_dir=data_dir)
        self.exports = ExportFlow(self)
        self._statement_total = sum(len(d.statements) for d in self.documents)
        self._status_totals: Counter[Status] | None = None
        """Corpus totals per status, counted once when the index arrives (``None`` until then)."""
        self.doc_counts: dict[str, Counter[Status]] = {}
        """Each document's statements per status, counted once per index for the pane headers."""
        self.gc_pause = GcPause(self)

    @property
    def notes(self) -> list[AnchoredNote]:
        """The notes of the open documents, anchored to their current text (orphans included)."""
        return self.note_actions.notes

    @property
    def note_store(self) -> NoteStore | None:
        """The app's notes store, once it is open."""
        return self.note_actions.store

    def compose(self) -> ComposeResult:
        yield Horizontal(id="panes")
        yield ClaimPanel(id="claim")
        yield StatusBar()
        yield Footer()

    def on_mount(self) -> None:
        self._label_filter()
        if self.filter != "all":
            self.notify(
                f"Filter from last time: only {self.filter} statements are bright and "
                f"{self.key_for('cursor_down')}/{self.key_for('cursor_up')} skip the rest; "
                f"{self.key_for('cycle_filter')} changes it",
                timeout=6,
            )
        self.query_one(StatusBar).set_indexing(True)
        self.run_worker(self._build_index, thread=True, exclusive=True, group="index", name="index")

    def on_unmount(self) -> None:
        self.gc_pause.release_all()

    def _build_index(self) -> ClaimIndex:
        """Runs in a thread: builds the index and posts each stage; touches no widget."""
        statements = self._statement_total

        def progress(stage: str, fraction: float) -> None:
            self.post_message(IndexProgress(stage, fraction, statements))

        return self._builder(self.documents, progress)

    async def on_resize(self, event: events.Resize) -> None:
        if self._claim_open is None:
            self._claim_open = event.size.width >= WIDE and event.size.height >= 30
            self.query_one(ClaimPanel).display = self._claim_open
        self.set_class(event.size.height < 30, "-short")
        footer = self.query_one(Footer)
        footer.compact = event.size.width < WIDE
        footer.show_command_palette = event.size.width >= WIDE  # ctrl+p still works; ? says so
        await self.fit_panes(event.size.width)

    # Messages -----------------------------------------------------------------------

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        event.stop()
        self.follow(event.view)

    async def on_key(self, event: events.Key) -> None:
        """``a`` and ``e`` open the editor in typing order, and keys typed right after them go
        into it: a binding would run only after those keys had reached the reader."""
        from tui.screens.note_editor import NoteEditorScreen

        active = self.app.screen
        if active is not self:
            if isinstance(active, NoteEditorScreen):
                event.stop()
                event.prevent_default()
                active.type_ahead(event)
            return
        bound = self.active_bindings.get(event.key)
        if bound is not None and bound.binding.action in ("add_note", "edit_note"):
            event.stop()
            event.prevent_default()
            await self.run_action(bound.binding.action)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        widget = event.widget
        if isinstance(widget, ArticleView) and widget.document.id != self.active_id:
            self.follow(widget)

    @on(IndexProgress)
    def _index_progress(self, message: IndexProgress) -> None:
        self.query_one(StatusBar).show_index_progress(message.stage, message.fraction, message.statements)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "index":
            return
        if event.state == WorkerState.SUCCESS:
            result = event.worker.result
            assert isinstance(result, ClaimIndex)
            self.set_index(result)
        elif event.state == WorkerState.ERROR:
            self.query_one(StatusBar).set_indexing(False)
            self.notify(f"Could not build the claim index: {event.worker.error}", severity="error", timeout=10,
                        markup=False)

    def set_index(self, index: ClaimIndex) -> None:
        self.index = index
        if index.notice:
            self.notify(index.notice, title="Claim index", severity="warning", timeout=10, markup=False)
        self._status_totals = Counter(v.status for v in index.verdicts.values())
        self.doc_counts = counts_by_document(index)
        self.query_one(StatusBar).set_indexing(False)
        for pane in self.panes:
            pane.set_index(index, self.doc_counts.get(pane.document.id))
        view = self.active_view
        if view is not None:
            self.follow(view)
        self.call_after_refresh(self.gc_pause.freeze)

    def notes_changed(self) -> None:
        """The notes changed (or the store's state did): repaint marks, claim panel and status."""
        self.mark_notes()
        if self.is_mounted:
            self._update_claim(self._current_statement_id())
            self._update_status()

    @on(NotesReanchored)
    def _reanchored(self, message: NotesReanchored) -> None:
        self.note_actions.reanchored(message)

    @on(NoteDeleted)
    def _note_deleted(self, message: NoteDeleted) -> None:
        self.note_actions.was_deleted(message)

    @on(NoteRestored)
    def _note_restored(self, message: NoteRestored) -> None:
        self.note_actions.was_restored(message)

    @on(ExportWritten)
    def _exported(self, message: ExportWritten) -> None:
        self.exports.written(message)

    def go_to(self, statement_id: str) -> None:
        self.run_worker(self.jump(statement_id), group="jump")

    # Notes and export keys -----------------------------------------------------------

    def action_add_note(self) -> None:
        self.note_actions.add()

    def action_edit_note(self) -> None:
        self.note_actions.edit()

    def action_delete_note(self) -> None:
        self.note_actions.delete()

    def action_undo_delete(self) -> None:
        self.note_actions.undo_delete()

    def action_retry_notes(self) -> None:
        self.note_actions.retry()

    def action_notes_list(self) -> None:
        self.note_actions.list_notes(self._jump_to_chosen)

    def action_export(self) -> None:
        if self.index is None:
            self.notify("Still indexing claims: export when it is done", severity="warning", timeout=3)
            return
        notes = self.note_actions
        notes.reload(then=lambda: self.exports.ask(notes.notes, notes.store))

    def export_to(self, path: Path, title: str) -> None:
        """Write the Markdown export of the current notes to ``path`` (in a thread)."""
        self.exports.write(path, title, self.notes)

    # State for saving -------------------------------------------------------------

    def reader_state(self) -> ReaderState:
        for pane in self.panes:
            self.cursors[pane.document.id] = pane.view.cursor
        fingerprint = {d.id: d.fingerprint for d in self.documents}
        return ReaderState(
            order=[fingerprint[d] for d in self.order],
            active=fingerprint.get(self.active_id, ""),
            cursors={fingerprint[d]: i for d, i in self.cursors.items()},
            filter=self.filter,
            page=self.page_start,
            scroll_lock=self.scroll_lock,
        )

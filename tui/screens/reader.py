"""The main screen: article panes side by side that follow the claim index as the cursor moves."""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from time import monotonic
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer
from textual.worker import Worker, WorkerState

from tui.claims.model import ClaimIndex, Status
from tui.corpus.model import Document, Statement
from tui.counts import counts_by_document
from tui.notes import AnchoredNote, AnchorState, Note, NoteError, NoteStore
from tui.messages import ExportWritten, NoteDeleted, NoteRestored, NotesReanchored
from tui.navigation import find_next, wrap_message
from tui.notes.ratings import DEFAULT_RATINGS, RatingScale
from tui.safe_text import safe_line
from tui.state import ReaderState
from tui.widgets.article_pane import ArticlePane
from tui.widgets.article_view import FILTERS, ArticleView
from tui.widgets.claim_panel import ClaimPanel, PanelNote
from tui.widgets.status_bar import StatusBar

MIN_PANE_WIDTH = 40
"""Below this a pane is too narrow to read; show fewer panes and page with [ and ]."""
WIDE = 120
"""Terminals at least this wide (and 30 rows tall) open with the claim panel shown."""
GC_REST = 0.5
"""Seconds the cursor must rest before the garbage collector may run again (see ``_hold_gc``)."""

_MOVE = Binding.Group("Move", compact=True)
_CONFLICT = Binding.Group("Conflict", compact=True)
_UNCORROBORATED = Binding.Group("Uncorroborated", compact=True)

IndexBuilder = Callable[[Sequence[Document]], ClaimIndex]
NoteStoreFactory = Callable[[], NoteStore]


class ReaderScreen(Screen[None]):
    """Owns the keys, the pane order and paging, and keeps panes, claim panel and status in step."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # The footer shows the keys a reader needs every minute, most used first, paired keys as one
        # entry, so that 80 columns still show help and quit; `?` lists every key.
        Binding("j,down", "cursor_down", "Next statement", id="reader.next", group=_MOVE),
        Binding("k,up", "cursor_up", "Previous statement", id="reader.previous", group=_MOVE),
        Binding("n", "next_status('conflicting', 1)", "Next conflict", id="reader.next_conflict", group=_CONFLICT),
        Binding(
            "N",
            "next_status('conflicting', -1)",
            "Previous conflict",
            id="reader.previous_conflict",
            group=_CONFLICT,
        ),
        Binding(
            "u",
            "next_status('uncorroborated', 1)",
            "Next uncorroborated",
            id="reader.next_uncorroborated",
            group=_UNCORROBORATED,
        ),
        Binding(
            "U",
            "next_status('uncorroborated', -1)",
            "Previous uncorroborated",
            id="reader.previous_uncorroborated",
            group=_UNCORROBORATED,
        ),
        Binding("f", "cycle_filter", "Filter", id="reader.filter"),
        Binding("slash", "search", "Search", id="reader.search"),
        Binding("question_mark", "help", "Help", id="reader.help"),
        Binding("q", "quit", "Quit", id="reader.quit"),
        Binding("a", "add_note", "Note", id="reader.add_note"),
        Binding("o", "notes_list", "Notes", id="reader.notes_list"),
        Binding("g,home", "first", "First statement", id="reader.first", show=False),
        Binding("G,end", "last", "Last statement", id="reader.last", show=False),
        Binding("pagedown", "page_down", "Page down", id="reader.page_down", show=False),
        Binding("pageup", "page_up", "Page up", id="reader.page_up", show=False),
        Binding("tab,l", "next_pane", "Next pane", id="reader.next_pane", show=False),
        Binding("h,shift+tab", "previous_pane", "Previous pane", id="reader.previous_pane", show=False),
        Binding("right_square_bracket", "page(1)", "More articles", id="reader.page_next", show=False),
        Binding("left_square_bracket", "page(-1)", "Earlier articles", id="reader.page_previous", show=False),
        Binding("d", "documents", "Choose articles", id="reader.documents", show=False),
        Binding("O", "open_source", "Open the article's source", id="reader.open_source", show=False),
        Binding("y", "copy_statement", "Copy statement with its source", id="reader.copy", show=False),
        Binding("c", "toggle_claim", "Claim panel", id="reader.claim_panel", show=False),
        Binding("s", "toggle_lock", "Scroll lock", id="reader.scroll_lock", show=False),
        Binding("e", "edit_note", "Edit note", id="reader.edit_note", show=False),
        Binding("x", "delete_note", "Delete note", id="reader.delete_note", show=False),
        Binding("ctrl+z", "undo_delete", "Undo delete", id="reader.undo_delete", show=False),
        Binding("ctrl+e", "export", "Export notes", id="reader.export", show=False),
        Binding("R", "retry_notes", "Retry notes", id="reader.retry_notes", show=False),
    ]

    def __init__(
        self,
        documents: Sequence[Document],
        *,
        builder: IndexBuilder,
        state: ReaderState | None = None,
        notes: NoteStoreFactory | None = None,
        ratings: RatingScale = DEFAULT_RATINGS,
    ) -> None:
        """``notes`` opens the notes store (in a worker); ``None`` runs without notes.
        ``ratings`` are the verdicts the note editor offers."""
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
        self._by_id = {d.id: d for d in self.documents}
        self._open_notes = notes
        self.note_store: NoteStore | None = None
        """Set once the notes worker has opened it; ``available`` / ``readable`` say what it allows."""
        self.notes: list[AnchoredNote] = []
        """The notes of the open documents, anchored to their current text (orphans included)."""
        self._notes_on: dict[str, list[AnchoredNote]] = {}
        self._deleted: AnchoredNote | None = None
        """The last note deleted, for ``ctrl+z``."""
        self._statement_total = sum(len(d.statements) for d in self.documents)
        self._status_totals: Counter[Status] | None = None
        """Corpus totals per status, counted once when the index arrives (``None`` until then)."""
        self._doc_counts: dict[str, Counter[Status]] = {}
        """Each document's statements per status, counted once per index for the pane headers."""
        self._frozen = False
        self._gc_held = False
        self._last_move = 0.0
        self._gc_timer: Timer | None = None

    # Composition and layout ----------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Horizontal(id="panes")
        yield ClaimPanel(id="claim")
        yield StatusBar()
        yield Footer()

    @property
    def panes(self) -> list[ArticlePane]:
        return list(self.query_one("#panes").query_children(ArticlePane))

    @property
    def active_pane(self) -> ArticlePane | None:
        for pane in self.panes:
            if pane.document.id == self.active_id:
                return pane
        panes = self.panes
        return panes[0] if panes else None

    @property
    def active_view(self) -> ArticleView | None:
        pane = self.active_pane
        return pane.view if pane is not None else None

    def on_mount(self) -> None:
        self._label_filter()
        if self.filter != "all":
            self.notify(
                f"Filter from last time: only {self.filter} statements are bright and "
                f"{self._key_for('cursor_down')}/{self._key_for('cursor_up')} skip the rest; "
                f"{self._key_for('cycle_filter')} changes it",
                timeout=6,
            )
        self.query_one(StatusBar).set_indexing(True)
        self.run_worker(self._build_index, thread=True, exclusive=True, group="index", name="index")
        if self._open_notes is not None:
            self.run_worker(self._load_notes, thread=True, exclusive=True, group="notes", name="notes")

    def on_unmount(self) -> None:
        if self._gc_held:
            gc.enable()
            self._gc_held = False
        if self._frozen:
            gc.unfreeze()
            self._frozen = False

    def _freeze_heap(self) -> None:
        """Take what lives as long as the screen (documents, index, widgets) out of the garbage
        collector's full passes, which walk every tracked object: with 50 articles they were
        100-300 ms stalls in the middle of a keystroke. ``on_unmount`` gives them back."""
        if self._frozen or not self.is_mounted:
            return
        gc.collect()
        gc.freeze()
        self._frozen = True

    def _hold_gc(self) -> None:
        """Keep the collector off while the cursor moves and let it run once it rests, as Textual
        does during smooth scrolling (``App.PAUSE_GC_ON_SCROLL``); reference counting frees
        nearly everything a keystroke allocates, the collector only finds the cycles."""
        self._last_move = monotonic()
        if self._gc_held or not gc.isenabled():
            return
        gc.disable()
        self._gc_held = True
        if self._gc_timer is None:
            self._gc_timer = self.set_interval(GC_REST / 2, self._release_gc, name="gc-release")
        else:
            self._gc_timer.resume()

    def _release_gc(self) -> None:
        if self._gc_held and monotonic() - self._last_move < GC_REST:
            return
        if self._gc_held:
            gc.enable()
            self._gc_held = False
        if self._gc_timer is not None:
            self._gc_timer.pause()

    def _build_index(self) -> ClaimIndex:
        return self._builder(self.documents)

    def _fits(self, width: int) -> int:
        return max(1, width // MIN_PANE_WIDTH)

    async def on_resize(self, event: events.Resize) -> None:
        if self._claim_open is None:
            self._claim_open = event.size.width >= WIDE and event.size.height >= 30
            self.query_one(ClaimPanel).display = self._claim_open
        self.set_class(event.size.height < 30, "-short")
        footer = self.query_one(Footer)
        footer.compact = event.size.width < WIDE
        footer.show_command_palette = event.size.width >= WIDE  # ctrl+p still works; ? says so
        count = min(self._fits(event.size.width), len(self.order))
        if count != self.pane_count:
            self.pane_count = count
            await self._show_page(self.page_start)

    async def _show_page(self, start: int) -> None:
        """Mount the panes for ``order[start:start + pane_count]`` and resync them."""
        start = max(0, min(start, len(self.order) - max(1, self.pane_count)))
        self.page_start = start
        shown = self.order[start : start + max(1, self.pane_count)]
        if self.active_id not in shown:
            self.active_id = shown[0]
        container = self.query_one("#panes")
        existing = [pane.document.id for pane in self.panes]
        if existing != shown:
            for pane in self.panes:
                self.cursors[pane.document.id] = pane.view.cursor
            await container.remove_children()
            panes = [
                ArticlePane(self._by_id[d], self.index, self.cursors.get(d, 0), self.filter, self._doc_counts.get(d))
                for d in shown
            ]
            await container.mount_all(panes)
            self._mark_notes()
        self.call_after_refresh(self._sync)

    def _sync(self) -> None:
        """Focus the active pane, keep its cursor on screen and make the others follow it."""
        view = self.active_view
        if view is None:
            return
        for pane in self.panes:
            pane.view.filter = self.filter
        if not view.has_focus:
            view.focus()
        view.ensure_cursor_visible()
        self._follow(view)

    # Following -------------------------------------------------------------------

    def _current_statement_id(self) -> str | None:
        view = self.active_view
        if view is None or not view.document.statements:
            return None
        return view.document.statements[view.cursor].id

    def _follow(self, source: ArticleView) -> None:
        """Bring each other pane's counterpart of the cursor statement into view, at the same row."""
        self._hold_gc()
        self.active_id = source.document.id
        self.cursors[source.document.id] = source.cursor
        sid = self._current_statement_id()
        counterparts: dict[str, str] = {}
        if self.index is not None and sid is not None and sid in self.index.verdicts:
            counterparts = self.index.counterparts(sid)
        row = source.cursor_row()
        panes = self.panes
        for pane in panes:
            view = pane.view
            if view is source:
                pane.set_link_state(self._dimmed_hint(view, view.cursor))
                continue
            if self.index is None or sid is None:
                pane.set_link_state("")
                continue
            other = counterparts.get(pane.document.id)
            if other is None:
                view.set_cursor(view.cursor, linked=False)
                pane.set_link_state("not reported here")
                continue
            target = self.index.statements[other].index
            view.set_cursor(target, linked=True)
            self.cursors[pane.document.id] = target
            if self.scroll_lock:
                view.scroll_statement_to(target, row if row is not None else 0)
            dimmed = " · dimmed by the filter" if self._dimmed_hint(view, target) else ""
            pane.set_link_state(f"↔ statement {target + 1}{dimmed}")
        self._update_claim(sid, counterparts, panes)
        self._update_status(panes)
        self.app.call_later(self._schedule_save)

    def _dimmed_hint(self, view: ArticleView, position: int) -> str:
        """Why the statement at ``position`` is dim (the filter hides it), or ``""``."""
        statements = view.document.statements
        if self.filter == "all" or not 0 <= position < len(statements) or self.index is None:
            return ""
        if view.matches_filter(statements[position]):
            return ""
        return f"dimmed: the filter shows {self.filter} statements ({self._key_for('cycle_filter')} changes it)"

    def _label_filter(self) -> None:
        """Make the footer say what the filter does to movement: ``Filter: conflicting`` and
        ``Move (conflicting only)``, since j/k skip the dimmed statements."""
        move = _MOVE if self.filter == "all" else Binding.Group(f"Move ({self.filter} only)", compact=True)
        label = "Filter" if self.filter == "all" else f"Filter: {self.filter}"
        table = self._bindings.key_to_bindings
        for key, bindings in table.items():
            table[key] = [
                replace(b, description=label) if b.id == "reader.filter"
                else replace(b, group=move) if b.id in ("reader.next", "reader.previous")
                else b
                for b in bindings
            ]
        self.refresh_bindings()

    def _nothing_kept(self, direction: int) -> None:
        """j/k found no statement the filter keeps: say so instead of doing nothing."""
        if self.filter == "all":
            return
        where = "below" if direction > 0 else "above"
        self.notify(
            f"No {self.filter} statement {where} in this article; "
            f"{self._key_for('cycle_filter')} changes the filter",
            timeout=3,
        )

    def _schedule_save(self) -> None:
        save = getattr(self.app, "schedule_save", None)
        if callable(save):
            save()

    def _update_claim(
        self,
        sid: str | None,
        counterparts: dict[str, str] | None = None,
        panes: Sequence[ArticlePane] | None = None,
    ) -> None:
        panel = self.query_one(ClaimPanel)
        if not panel.display:
            return
        if counterparts is None:
            counterparts = {}
            if self.index is not None and sid is not None and sid in self.index.verdicts:
                counterparts = self.index.counterparts(sid)
        shown = {p.document.id for p in (self.panes if panes is None else panes)}
        panel.hidden_hint = self._reveal_hint([d for d in counterparts if d not in shown])
        panel.notes = self._claim_notes(sid)
        panel.show(self.index, sid, [self._by_id[d] for d in self.order], shown)

    def _reveal_hint(self, hidden: Sequence[str]) -> str:
        """The key that shows the hidden articles ``hidden``: a page key, or the article list."""
        if not hidden:
            return ""
        positions = [self.order.index(d) for d in hidden if d in self.order]
        if len(positions) < len(hidden):
            return self._key_for("documents")
        after = all(p >= self.page_start for p in positions)
        before = all(p < self.page_start for p in positions)
        if after:
            return self._key_for("page(1)")
        if before:
            return self._key_for("page(-1)")
        return f"{self._key_for('page(-1)')} {self._key_for('page(1)')}"

    def _claim_notes(self, sid: str | None) -> list[PanelNote]:
        """Notes on every statement of the claim behind ``sid``: its own first, then in pane order."""
        if sid is None or not self._notes_on:
            return []
        members = [sid]
        if self.index is not None and sid in self.index.verdicts:
            members += [s for s in self.index.claim_of(sid).statements if s != sid]
        rank = {d: n for n, d in enumerate(self.order)}
        others = sorted(
            (s for s in members[1:] if s in self._notes_on),
            key=lambda s: (rank.get(s.rsplit(":", 1)[0], len(rank)), s),
        )
        result: list[PanelNote] = []
        for member in [sid, *others]:
            for anchored in self._notes_on.get(member, []):
                statement = self._statement(member)
                if statement is None:
                    continue
                result.append(
                    PanelNote(
                        source=self._by_id[statement.doc_id].name,
                        statement=statement.index + 1,
                        body=anchored.note.body,
                        tags=anchored.note.tags,
                        here=member == sid,
                        rating=anchored.note.rating,
                        lean=self.ratings.lean(anchored.note.rating),
                    )
                )
        return result

    def _update_status(self, panes: Sequence[ArticlePane] | None = None) -> None:
        view = self.active_view
        position = ""
        if view is not None:
            total = len(view.document.statements)
            position = f"{view.cursor + 1 if total else 0}/{total}"
        shown = len(self.panes if panes is None else panes)
        page = ""
        if shown < len(self.order):
            page = f"articles {self.page_start + 1}–{self.page_start + shown} of {len(self.order)}"
        self.query_one(StatusBar).show(
            articles=len(self.documents),
            statements=self._statement_total,
            counts=self._status_totals,
            filter_name=self.filter,
            scroll_lock=self.scroll_lock,
            position=position,
            page=page,
            notes=self._notes_summary(),
        )

    def _notes_summary(self) -> str:
        if self.note_store is None:
            return ""
        if not self.note_store.readable:
            return "notes off"
        count = sum(len(notes) for notes in self._notes_on.values())
        orphans = sum(1 for a in self.notes if a.state is AnchorState.ORPHANED)
        if not count and not orphans and self.note_store.available:
            return ""
        text = "1 note" if count == 1 else f"{count} notes"
        if orphans:
            text += f" ({orphans} orphaned)"
        if not self.note_store.available:
            text += ", read-only"
        elif self.note_store.transient:
            text += f", last save failed ({self._key_for('retry_notes')} retries)"
        return text

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        event.stop()
        self._follow(event.view)

    async def on_key(self, event: events.Key) -> None:
        """``a`` and ``e`` open the editor in typing order, and keys typed right after them go
        into it: a binding would run only after those keys had reached the reader."""
        active = self.app.screen
        if active is not self:
            type_ahead = getattr(active, "type_ahead", None)
            if callable(type_ahead):
                event.stop()
                event.prevent_default()
                type_ahead(event)
            return
        bound = self.active_bindings.get(event.key)
        if bound is not None and bound.binding.action in ("add_note", "edit_note"):
            event.stop()
            event.prevent_default()
            await self.run_action(bound.binding.action)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        widget = event.widget
        if isinstance(widget, ArticleView) and widget.document.id != self.active_id:
            self._follow(widget)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "notes":
            if event.state == WorkerState.SUCCESS:
                store, notes = event.worker.result  # type: ignore[misc]
                self._notes_loaded(store, notes)
            elif event.state == WorkerState.ERROR:
                self.notify(f"Notes are disabled: {event.worker.error}", severity="warning", timeout=10, markup=False)
            return
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
            self.notify(index.notice, title="Claim index", severity="warning", timeout=10,
                        markup=False)
        self._status_totals = Counter(v.status for v in index.verdicts.values())
        self._doc_counts = counts_by_document(index)
        self.query_one(StatusBar).set_indexing(False)
        for pane in self.panes:
            pane.set_index(index, self._doc_counts.get(pane.document.id))
        view = self.active_view
        if view is not None:
            self._follow(view)
        self.call_after_refresh(self._freeze_heap)

    # Notes ------------------------------------------------------------------------

    def _load_notes(self) -> tuple[NoteStore, list[AnchoredNote]]:
        """Open the store and place its notes in the open documents (runs in a worker thread)."""
        assert self._open_notes is not None
        store = self._open_notes()
        notes: list[AnchoredNote] = []
        if store.readable:
            try:
                notes = store.notes_for(self.documents)
            except NoteError:
                notes = []
        return store, notes

    def _notes_loaded(self, store: NoteStore, notes: list[AnchoredNote]) -> None:
        self.note_store = store
        self.set_notes(notes)
        if store.reason:
            self.notify(store.reason + self._notes_hint(store), title="Notes", severity="warning", timeout=12,
                        markup=False)

    def set_notes(self, notes: Sequence[AnchoredNote]) -> None:
        """Replace the notes shown and refresh the gutter markers, the claim panel and the status."""
        self.notes = list(notes)
        self._notes_changed()

    def reload_notes(self, then: Callable[[], None] | None = None) -> None:
        """Read the store again (picks up notes another reader saved meanwhile) and re-anchor them
        in a thread; ``then`` runs once they are shown."""
        store = self.note_store
        if store is None or not store.readable:
            if then is not None:
                then()
            return
        self._reanchor(store, then)

    @work(thread=True, group="reanchor")
    def _reanchor(self, store: NoteStore, then: Callable[[], None] | None) -> None:
        try:
            notes = store.notes_for(self.documents)
        except NoteError as error:
            self.post_message(NotesReanchored(None, then, error.message))
            return
        self.post_message(NotesReanchored(notes, then))

    @on(NotesReanchored)
    def _reanchored(self, message: NotesReanchored) -> None:
        if message.notes is None:
            self.notify(message.error, title="Notes", severity="warning", markup=False)
        else:
            self.set_notes(message.notes)
        if message.then is not None:
            message.then()

    def _notes_changed(self) -> None:
        by_statement: dict[str, list[AnchoredNote]] = {}
        for anchored in self.notes:
            if anchored.state is not AnchorState.ORPHANED and anchored.statement_id is not None:
                by_statement.setdefault(anchored.statement_id, []).append(anchored)
        for notes in by_statement.values():
            notes.sort(key=lambda a: a.note.created_at)
        self._notes_on = by_statement
        self._mark_notes()
        if self.is_mounted:
            self._update_claim(self._current_statement_id())
            self._update_status()

    def _mark_notes(self) -> None:
        """Gutter marks: a dot per noted statement, or the letter of its latest rating."""
        marked: dict[str, set[str]] = {}
        marks: dict[str, dict[str, tuple[str, str]]] = {}
        for sid, notes in self._notes_on.items():
            doc_id = notes[0].doc_id
            if doc_id is not None:
                marked.setdefault(doc_id, set()).add(sid)
                rated = [a.note for a in notes if a.note.rating]
                if rated:
                    latest = max(rated, key=lambda note: note.updated_at)
                    marks.setdefault(doc_id, {})[sid] = (
                        self.ratings.mark(latest.rating),
                        self.ratings.lean(latest.rating),
                    )
        for pane in self.panes:
            ids = marked.get(pane.document.id, set())
            pane_marks = marks.get(pane.document.id, {})
            if pane.view.note_ids != ids or pane.view.note_marks != pane_marks:
                pane.view.set_note_ids(ids, pane_marks)

    def notes_on(self, statement_id: str) -> list[AnchoredNote]:
        """The notes on one statement, oldest first."""
        return list(self._notes_on.get(statement_id, ()))

    def _statement(self, statement_id: str) -> Statement | None:
        if self.index is not None and statement_id in self.index.statements:
            return self.index.statements[statement_id]
        document = self._by_id.get(statement_id.rsplit(":", 1)[0])
        if document is None:
            return None
        return next((s for s in document.statements if s.id == statement_id), None)

    def _current_statement(self) -> tuple[Document, Statement] | None:
        view = self.active_view
        if view is None or not view.document.statements:
            return None
        return view.document, view.document.statements[view.cursor]

    def _key_for(self, action: str) -> str:
        """The key bound to ``action`` as a user would type it (``ctrl+z``, not ``^z``), after remapping."""
        for key, active in self.active_bindings.items():
            if active.binding.action == action:
                return key if len(key) == 1 or "+" in key else self.app.get_key_display(active.binding)
        return action

    def _writable_store(self) -> NoteStore | None:
        """The store if notes can be saved; otherwise say why (once per key press) and ``None``."""
        store = self.note_store
        if store is None:
            message = "Notes are still loading…" if self._open_notes is not None else "Notes are off in this reader"
            self.notify(message, severity="warning", timeout=3)
            return None
        if not store.available:
            reason = store.reason or f"{store.path}: notes are disabled"
            self.notify(f"Notes cannot be saved: {reason}{self._notes_hint(store)}", severity="warning", timeout=8,
                        markup=False)
            return None
        return store

    def _notes_hint(self, store: NoteStore) -> str:
        """What the retry key does for this store's problem, as a sentence to append."""
        key = self._key_for("retry_notes")
        if store.bad_file is not None:
            return f" — {key} moves it aside and starts a fresh notes database"
        if store.transient:
            return f" — {key} tries again"
        return ""

    def action_retry_notes(self) -> None:
        """After a passing fault, try the store again; for a bad file, offer to move it aside."""
        from tui.screens.confirm import ConfirmScreen

        store = self.note_store
        if store is None:
            self._writable_store()
            return
        if store.bad_file is not None:

            def answered(move: bool | None) -> None:
                if move:
                    self._move_store_aside(store)

            question = (
                f"{safe_line(store.reason or str(store.path))}\n\n"
                "Move this file aside (renamed, nothing is deleted) and start a fresh notes database?"
            )
            self.app.push_screen(ConfirmScreen(question, yes="move aside", no="cancel"), answered)
            return
        if store.retry():
            self.notify("Notes can be saved again", title="Notes", timeout=4)
            self.reload_notes()
        else:
            reason = store.reason or f"{store.path}: notes are disabled"
            self.notify(f"Notes still cannot be saved: {reason}", severity="warning", timeout=8, markup=False)
        self._update_status()

    def _move_store_aside(self, store: NoteStore) -> None:
        try:
            moved = store.move_aside()
        except NoteError as error:
            self.notify(error.message, title="Notes", severity="error", timeout=10, markup=False)
            return
        self.notify(f"The old notes database is now {moved}; notes are on again", title="Notes", timeout=10,
                    markup=False)
        self.reload_notes()
        self._update_status()

    def _latest_note_here(self, verb: str) -> AnchoredNote | None:
        current = self._current_statement()
        if current is None:
            return None
        notes = self.notes_on(current[1].id)
        if not notes:
            key = self._key_for("add_note")
            self.notify(f"No note on this statement to {verb} ({key} writes one)", timeout=3)
            return None
        if len(notes) > 1:
            key = self._key_for("notes_list")
            self.notify(f"{len(notes)} notes here: {verb} the latest ({key} lists them all)", timeout=4)
        return notes[-1]

    def action_add_note(self) -> None:
        from tui.screens.note_editor import NoteEditorScreen

        store = self._writable_store()
        current = self._current_statement()
        if store is None or current is None:
            return
        document, statement = current

        def save(body: str, rating: str | None) -> Note:
            return store.add(document, statement, body, rating=rating)

        def saved(note: Note | None) -> None:
            if note is None:
                return
            anchored = AnchoredNote(
                note, AnchorState.OK, document.id, statement.id, statement.start, statement.end, 100.0, "position"
            )
            self.set_notes([*self.notes, anchored])
            self.notify("Note saved", timeout=2)

        self.app.push_screen(NoteEditorScreen(document, statement, self.index, save, ratings=self.ratings), saved)

    def action_edit_note(self) -> None:
        from tui.screens.note_editor import NoteEditorScreen

        store = self._writable_store()
        if store is None:
            return
        anchored = self._latest_note_here("edit")
        current = self._current_statement()
        if anchored is None or current is None:
            return
        document, statement = current

        def save(body: str, rating: str | None) -> Note:
            try:
                return store.update(anchored.note.id, body, anchored.note.revision, rating=rating)
            except NoteError:
                self.app.call_from_thread(self.reload_notes)  # runs in the editor's save worker
                raise

        def saved(note: Note | None) -> None:
            if note is None:
                return
            self.set_notes([replace(a, note=note) if a.note.id == note.id else a for a in self.notes])
            self.notify("Note saved", timeout=2)

        editor = NoteEditorScreen(
            document,
            statement,
            self.index,
            save,
            initial=anchored.note.body,
            editing=True,
            ratings=self.ratings,
            rating=anchored.note.rating,
        )
        self.app.push_screen(editor, saved)

    def action_delete_note(self) -> None:
        store = self._writable_store()
        if store is None:
            return
        anchored = self._latest_note_here("delete")
        if anchored is None:
            return
        self._delete(store, anchored)

    @work(thread=True, group="note-write")
    def _delete(self, store: NoteStore, anchored: AnchoredNote) -> None:
        try:
            deleted = store.delete(anchored.note.id, anchored.note.revision)
        except NoteError as error:
            self.post_message(NoteDeleted(anchored, None, error.message))
            return
        self.post_message(NoteDeleted(anchored, deleted))

    @on(NoteDeleted)
    def _note_deleted(self, message: NoteDeleted) -> None:
        anchored = message.anchored
        if message.deleted is None:
            self.notify(message.error, title="Note not deleted", severity="error", timeout=8, markup=False)
            self.reload_notes()
            return
        self._deleted = replace(anchored, note=message.deleted)
        self.set_notes([a for a in self.notes if a.note.id != anchored.note.id])
        self.notify(f"Note deleted — {self._key_for('undo_delete')} to undo", timeout=8)

    def action_undo_delete(self) -> None:
        deleted = self._deleted
        if deleted is None:
            self.notify("Nothing to undo", timeout=2)
            return
        store = self._writable_store()
        if store is None:
            return
        self._deleted = None
        self._restore(store, deleted)

    @work(thread=True, group="note-write")
    def _restore(self, store: NoteStore, deleted: AnchoredNote) -> None:
        try:
            restored = store.restore(deleted.note)
        except NoteError as error:
            self.post_message(NoteRestored(deleted, None, error.message))
            return
        self.post_message(NoteRestored(deleted, restored))

    @on(NoteRestored)
    def _note_restored(self, message: NoteRestored) -> None:
        deleted = message.anchored
        if message.restored is None:
            self._deleted = deleted
            self.notify(message.error, title="Note not restored", severity="error", timeout=8, markup=False)
            return
        self.set_notes([*self.notes, replace(deleted, note=message.restored)])
        self.notify("Note restored", timeout=2)
        if deleted.statement_id is not None and deleted.statement_id != self._current_statement_id():
            self.run_worker(self.jump(deleted.statement_id), group="jump")

    def action_notes_list(self) -> None:
        from tui.screens.notes_list import NotesListScreen

        store = self.note_store
        if store is None:
            self._writable_store()
            return
        if not store.readable:
            reason = store.reason or f"{store.path}: notes are disabled"
            self.notify(f"Notes cannot be listed: {reason}", severity="warning", timeout=8, markup=False)
            return

        def chosen(statement_id: str | None) -> None:
            if statement_id:
                self.run_worker(self.jump(statement_id), group="jump")

        def show() -> None:
            problem = None if store.available else store.reason
            listing = NotesListScreen(self.notes, self.documents, problem=problem, ratings=self.ratings)
            self.app.push_screen(listing, chosen)

        self.reload_notes(then=show)

    def action_export(self) -> None:
        if self.index is None:
            self.notify("Still indexing claims: export when it is done", severity="warning", timeout=3)
            return
        self.reload_notes(then=self._ask_export)

    def _ask_export(self) -> None:
        from tui.exports.command import export_title
        from tui.exports.markdown import default_export_name
        from tui.screens.export_dialog import ExportScreen

        title = export_title(self.documents)
        count = len(self.notes)
        summary = f"{count} note{'s' if count != 1 else ''} on {len(self.documents)} articles, and every conflict."
        store = self.note_store
        if store is not None and not store.readable:
            summary += " Notes are disabled, so only the conflicts are exported."

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.export_to(path, title)

        slug_source = re.sub(r"^notes(?: on)?:?\s*", "", title, flags=re.IGNORECASE)
        suggestion = default_export_name(slug_source, datetime.now(UTC))
        self.app.push_screen(ExportScreen(suggestion, summary), chosen)

    def export_to(self, path: Path, title: str, *, force: bool = False) -> None:
        """Write the Markdown export in a thread; asks before replacing a file."""
        if self.index is not None:
            self._export(self.index, list(self.notes), path, title, force)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, index: ClaimIndex, notes: list[AnchoredNote], path: Path, title: str, force: bool) -> None:
        from tui.exports.collect import collect
        from tui.exports.markdown import export_markdown
        from tui.notes import ExportError, write_atomically

        data = collect(index, notes, title=title, exported_at=datetime.now(UTC), ratings=self.ratings)
        try:
            write_atomically(path, export_markdown(data), force=force)
        except ExportError as error:
            self.post_message(ExportWritten(path, title, 0, error.message, exists=error.exists and not force))
            return
        self.post_message(ExportWritten(path, title, len(notes)))

    @on(ExportWritten)
    def _exported(self, message: ExportWritten) -> None:
        from tui.screens.confirm import ConfirmScreen

        path, title = message.path, message.title
        if message.exists:

            def answered(overwrite: bool | None) -> None:
                if overwrite:
                    self.export_to(path, title, force=True)

            self.app.push_screen(ConfirmScreen(f"{path} already exists. Replace it?", yes="replace", no="cancel"), answered)
        elif message.error:
            self.notify(message.error, title="Export failed", severity="error", timeout=10, markup=False)
        else:
            count = message.count
            self.notify(f"Exported {count} note{'s' if count != 1 else ''} to {path}", timeout=8, markup=False)

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

    # Actions ------------------------------------------------------------------------

    def _move(self, target: int | None) -> None:
        view = self.active_view
        if view is not None and target is not None:
            view.move_cursor(target, notify=False)
            self._follow(view)

    def _step(self, direction: int) -> None:
        view = self.active_view
        if view is None or view.scroll_within(direction):
            return
        target = view.step(direction)
        if target is None:
            self._nothing_kept(direction)
        self._move(target)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_first(self) -> None:
        view = self.active_view
        if view is not None:
            target = view.step(1, start=-1)
            if target is None:
                self._nothing_kept(1)
            self._move(target)

    def action_last(self) -> None:
        """Last statement; pressed again there, the end of the article (a long last statement)."""
        view = self.active_view
        if view is None:
            return
        target = view.step(-1, start=len(view.document.statements))
        if target == view.cursor or target is None:
            view.scroll_end(animate=False, immediate=True)
        else:
            self._move(target)

    def _page(self, direction: int) -> None:
        view = self.active_view
        if view is None or not view.document.statements or view.scroll_within(direction):
            return
        first, _ = view.statement_lines(view.cursor)
        height = max(1, view.scrollable_content_region.height - 2)
        target = view.statement_at_line(first + direction * height)
        if target is not None and target == view.cursor:
            target = view.step(direction)
        if target is not None:
            row = view.cursor_row()
            view.move_cursor(target, notify=False)
            if row is not None:
                view.scroll_statement_to(target, row)
            self._follow(view)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    async def _focus_pane(self, position: int) -> None:
        """Focus the pane at ``position`` in ``order``, paging when it is off screen."""
        position = max(0, min(position, len(self.order) - 1))
        doc_id = self.order[position]
        shown = self.order[self.page_start : self.page_start + self.pane_count]
        self.active_id = doc_id
        if doc_id not in shown:
            start = position if position < self.page_start else position - self.pane_count + 1
            await self._show_page(start)
        else:
            self._sync()

    async def action_next_pane(self) -> None:
        await self._focus_pane(self.order.index(self.active_id) + 1)

    async def action_previous_pane(self) -> None:
        await self._focus_pane(self.order.index(self.active_id) - 1)

    def _partners(self, statement_id: str) -> list[str]:
        """Documents worth showing beside ``statement_id``: the other side of each conflict first,
        then the other versions in pane order."""
        if self.index is None or statement_id not in self.index.verdicts:
            return []
        doc_id = statement_id.rsplit(":", 1)[0]
        partners: list[str] = []
        for conflict in self.index.conflicts_of(statement_id):
            other = conflict.b if conflict.a == statement_id else conflict.a
            partners.append(self.index.statements[other].doc_id)
        rank = {d: n for n, d in enumerate(self.order)}
        partners += sorted(self.index.counterparts(statement_id), key=lambda d: rank.get(d, len(rank)))
        return [d for d in dict.fromkeys(partners) if d != doc_id and d in rank]

    def _page_for(self, doc_id: str, partners: Sequence[str]) -> int:
        """The page start that shows ``doc_id`` and, when a page is wide enough, its first partner
        that fits; the current page when it already does, otherwise the smallest move."""
        count = max(1, self.pane_count)
        position = self.order.index(doc_id)
        lowest = max(0, position - count + 1)
        highest = min(position, max(0, len(self.order) - count))
        for partner in partners:
            other = self.order.index(partner)
            if abs(other - position) < count:
                lowest = max(lowest, other - count + 1)
                highest = min(highest, other)
                break
        return max(lowest, min(self.page_start, highest))

    async def jump(self, statement_id: str) -> None:
        """Show the article holding ``statement_id`` (adding it back if hidden) and put the cursor
        there, on a page that also shows the other side of its conflict when one fits."""
        doc_id = statement_id.rsplit(":", 1)[0]
        document = self._by_id.get(doc_id)
        if document is None:
            return
        statement = next((s for s in document.statements if s.id == statement_id), None)
        if statement is None:
            return
        if doc_id not in self.order:
            self.order.append(doc_id)
            self.notify(f"Showing {document.name} again", markup=False)
        self.cursors[doc_id] = statement.index
        self.active_id = doc_id
        start = self._page_for(doc_id, self._partners(statement_id))
        if start != self.page_start or doc_id not in [p.document.id for p in self.panes]:
            await self._show_page(start)
        pane = self.active_pane
        if pane is not None and pane.document.id == doc_id:
            pane.view.set_cursor(statement.index)
            self.call_after_refresh(self._sync)

    @on(ClaimPanel.VersionClicked)
    async def _version_clicked(self, message: ClaimPanel.VersionClicked) -> None:
        await self.jump(message.statement_id)

    async def action_next_status(self, status: str, direction: int) -> None:
        """Jump to the next statement with ``status`` in reading order across all shown articles."""
        if self.index is None:
            self.notify("Still indexing claims…", severity="warning")
            return
        view = self.active_view
        if view is None:
            return
        verdicts = self.index.verdicts
        sequence = [(d, s) for d in self.order for s in range(len(self._by_id[d].statements))]
        if not sequence:
            return
        here = sequence.index((self.active_id, view.cursor)) if view.document.statements else 0

        def matches(number: int) -> bool:
            doc_id, position = sequence[number]
            verdict = verdicts.get(self._by_id[doc_id].statements[position].id)
            return verdict is not None and verdict.status.value == status

        found = find_next(len(sequence), here, direction, matches)
        if found is None:
            self.notify(f"No {status} statements in the articles shown")
            return
        message = wrap_message(found, status, direction)
        if message is not None:
            self.notify(message, timeout=3)
        if not found.only:
            doc_id, position = sequence[found.position]
            await self.jump(self._by_id[doc_id].statements[position].id)

    def action_cycle_filter(self) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        for pane in self.panes:
            pane.view.set_filter(self.filter)
        self._label_filter()
        view = self.active_view
        if view is not None:
            self._follow(view)
        self._update_status()
        self._schedule_save()

    def action_open_source(self) -> None:
        """The article's file in ``$VISUAL``/``$EDITOR`` (at the statement's line), else its page
        or file in the browser."""
        import subprocess

        from textual.app import SuspendNotSupported

        from tui.opening import browser_url, editor_command

        current = self._current_statement()
        if current is None:
            return
        document, statement = current
        command = editor_command(document, statement)
        if command is not None:
            try:
                with self.app.suspend():
                    subprocess.run(command, check=False)
                return
            except SuspendNotSupported:
                pass
            except OSError as error:
                self.notify(f"Could not start {command[0]}: {error}", severity="error", timeout=8, markup=False)
                return
        url = browser_url(document)
        if url is None:
            self.notify("This article has no file or address to open", severity="warning", timeout=4)
            return
        self.app.open_url(url)
        self.notify(f"Opening {url}", timeout=4, markup=False)

    def action_copy_statement(self) -> None:
        """Put the cursor's statement on the clipboard with outlet, title and position."""
        from tui.labels import citation

        current = self._current_statement()
        if current is None:
            return
        document, statement = current
        self.app.copy_to_clipboard(citation(document, statement))
        self.notify(
            f"Copied statement {statement.index + 1} of {document.source} with its source", timeout=3, markup=False
        )

    def action_toggle_lock(self) -> None:
        self.scroll_lock = not self.scroll_lock
        self.notify(f"Scroll lock {'on' if self.scroll_lock else 'off'}", timeout=2)
        view = self.active_view
        if view is not None:
            self._follow(view)

    def action_toggle_claim(self) -> None:
        panel = self.query_one(ClaimPanel)
        panel.display = not panel.display
        self._claim_open = bool(panel.display)
        self._update_claim(self._current_statement_id())
        self.call_after_refresh(self._sync)

    async def action_page(self, direction: int) -> None:
        if len(self.order) <= self.pane_count:
            self.notify("All articles are shown", timeout=2)
            return
        await self._show_page(self.page_start + direction * max(1, self.pane_count))
        self._update_status()

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        def chosen(statement_id: str | None) -> None:
            if statement_id:
                self.run_worker(self.jump(statement_id), group="jump")

        self.app.push_screen(SearchScreen(self.documents, self.index), chosen)

    def action_documents(self) -> None:
        from tui.screens.documents import DocumentsScreen

        async def chosen(order: list[str] | None) -> None:
            if not order:
                return
            self.order = order
            if self.active_id not in order:
                self.active_id = order[0]
            self.pane_count = min(self._fits(self.size.width), len(self.order))
            await self._show_page(0 if self.active_id not in order[: self.pane_count] else 0)
            await self._focus_pane(self.order.index(self.active_id))

        self.app.push_screen(DocumentsScreen(self.documents, self.order), chosen)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.active_bindings))

    async def action_quit(self) -> None:
        for name in ("save_state", "close_notes"):
            step = getattr(self.app, name, None)
            if callable(step):
                step()
        self.app.exit(0)

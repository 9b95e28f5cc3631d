"""The reader's panes and what keeps them in step: which articles are mounted (paging), and,
as the cursor moves, each follower's counterpart, the claim panel, the status bar and the note
marks. Decisions come from ``tui.navigation``, ``tui.paging`` and ``tui.notes_display``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from textual.screen import Screen

from tui.claims.model import ClaimIndex, Status
from tui.corpus.model import Document, Statement
from tui.messages import ReaderStateChanged
from tui.navigation import counterparts_of, follower_targets, keeps, link_state
from tui.notes.ratings import RatingScale
from tui.notes_display import claim_notes, gutter_marks, notes_summary
from tui.paging import clamp_start, page_label, panes_that_fit, reveal, start_showing
from tui.screens.gc_pause import GcPause
from tui.screens.notes_controller import NotesController
from tui.screens.reader_bindings import label_filter
from tui.widgets.article_pane import ArticlePane
from tui.widgets.article_view import ArticleView
from tui.widgets.claim_panel import ClaimPanel
from tui.widgets.status_bar import StatusBar


class ReaderPanes(Screen[None]):
    """Panes for ``order[page_start:page_start + pane_count]``, following the active one."""

    documents: tuple[Document, ...]
    by_id: dict[str, Document]
    index: ClaimIndex | None
    order: list[str]
    cursors: dict[str, int]
    active_id: str
    filter: str
    scroll_lock: bool
    page_start: int
    pane_count: int
    doc_counts: dict[str, Counter[Status]]
    _claim_open: bool | None
    ratings: RatingScale
    note_actions: NotesController
    gc_pause: GcPause
    _statement_total: int
    _status_totals: Counter[Status] | None

    # Panes ----------------------------------------------------------------------------

    @property
    def panes(self) -> list[ArticlePane]:
        return list(self.query_one("#panes").query_children(ArticlePane))

    @property
    def active_pane(self) -> ArticlePane | None:
        panes = self.panes
        for pane in panes:
            if pane.document.id == self.active_id:
                return pane
        return panes[0] if panes else None

    @property
    def active_view(self) -> ArticleView | None:
        pane = self.active_pane
        return pane.view if pane is not None else None

    async def fit_panes(self, width: int) -> None:
        """Show as many panes as ``width`` holds."""
        count = panes_that_fit(width, len(self.order))
        if count != self.pane_count:
            self.pane_count = count
            await self._show_page(self.page_start)

    async def _show_page(self, start: int) -> None:
        """Mount the panes for ``order[start:start + pane_count]`` and resync them."""
        self.page_start = clamp_start(start, len(self.order), self.pane_count)
        shown = self.order[self.page_start : self.page_start + max(1, self.pane_count)]
        if self.active_id not in shown:
            self.active_id = shown[0]
        container = self.query_one("#panes")
        if [pane.document.id for pane in self.panes] != shown:
            for pane in self.panes:
                self.cursors[pane.document.id] = pane.view.cursor
            await container.remove_children()
            await container.mount_all(
                ArticlePane(self.by_id[d], self.index, self.cursors.get(d, 0), self.filter, self.doc_counts.get(d))
                for d in shown
            )
            self.mark_notes()
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
        self.follow(view)

    async def _focus_pane(self, position: int) -> None:
        """Focus the pane at ``position`` in ``order``, paging when it is off screen."""
        position = max(0, min(position, len(self.order) - 1))
        self.active_id = self.order[position]
        start = start_showing(position, self.page_start, self.pane_count)
        if start != self.page_start:
            await self._show_page(start)
        else:
            self._sync()

    # Following ---------------------------------------------------------------------

    def _current_statement_id(self) -> str | None:
        current = self.current_statement()
        return current[1].id if current is not None else None

    def current_statement(self) -> tuple[Document, Statement] | None:
        view = self.active_view
        if view is None or not view.document.statements:
            return None
        return view.document, view.document.statements[view.cursor]

    def key_for(self, action: str) -> str:
        """The key bound to ``action`` as a user would type it (``ctrl+z``, not ``^z``), after remapping."""
        for key, active in self.active_bindings.items():
            if active.binding.action == action:
                return key if len(key) == 1 or "+" in key else self.app.get_key_display(active.binding)
        return action

    def follow(self, source: ArticleView) -> None:
        """Bring each other pane's counterpart of the cursor statement into view, at the same row."""
        self.gc_pause.hold()
        self.active_id = source.document.id
        self.cursors[source.document.id] = source.cursor
        sid = self._current_statement_id()
        counterparts = counterparts_of(self.index, sid)
        panes = self.panes
        targets = None
        if self.index is not None and sid is not None:
            targets = follower_targets(self.index, counterparts, [p.document.id for p in panes])
        row = source.cursor_row()
        for pane in panes:
            view = pane.view
            if view is source:
                pane.set_link_state(self._dimmed_hint(view, view.cursor))
                continue
            if targets is None:
                pane.set_link_state("")
                continue
            target = targets[pane.document.id]
            if target is None:
                view.set_cursor(view.cursor, linked=False)
            else:
                view.set_cursor(target, linked=True)
                self.cursors[pane.document.id] = target
                if self.scroll_lock:
                    view.scroll_statement_to(target, row if row is not None else 0)
            pane.set_link_state(link_state(target, target is not None and bool(self._dimmed_hint(view, target))))
        self._update_claim(sid, counterparts, panes)
        self._update_status(panes)
        self.post_message(ReaderStateChanged())

    def _dimmed_hint(self, view: ArticleView, position: int) -> str:
        """Why the statement at ``position`` is dim (the filter hides it), or ``""``."""
        statements = view.document.statements
        if self.filter == "all" or not 0 <= position < len(statements) or self.index is None:
            return ""
        if keeps(self.filter, view.status_of(statements[position])):
            return ""
        return f"dimmed: the filter shows {self.filter} statements ({self.key_for('cycle_filter')} changes it)"

    def _label_filter(self) -> None:
        label_filter(self._bindings, self.filter)
        self.refresh_bindings()

    def _update_claim(
        self, sid: str | None, counterparts: dict[str, str] | None = None, panes: Sequence[ArticlePane] | None = None
    ) -> None:
        panel = self.query_one(ClaimPanel)
        if not panel.display:
            return
        if counterparts is None:
            counterparts = counterparts_of(self.index, sid)
        shown = {p.document.id for p in (self.panes if panes is None else panes)}
        side = reveal(self.order, self.page_start, [d for d in counterparts if d not in shown])
        keys = {"documents": self.key_for("documents"), "next": self.key_for("page(1)"),
                "previous": self.key_for("page(-1)"), None: ""}
        panel.hidden_hint = keys[side] if side != "both" else f"{keys['previous']} {keys['next']}"
        notes = self.note_actions
        panel.notes = claim_notes(sid, notes.on_statement, self.index, self.by_id, self.order, self.ratings)
        panel.show(self.index, sid, [self.by_id[d] for d in self.order], shown)

    def _update_status(self, panes: Sequence[ArticlePane] | None = None) -> None:
        view = self.active_view
        position = ""
        if view is not None:
            total = len(view.document.statements)
            position = f"{view.cursor + 1 if total else 0}/{total}"
        notes = self.note_actions
        self.query_one(StatusBar).show(
            articles=len(self.documents),
            statements=self._statement_total,
            counts=self._status_totals,
            filter_name=self.filter,
            scroll_lock=self.scroll_lock,
            position=position,
            page=page_label(self.page_start, len(self.panes if panes is None else panes), len(self.order)),
            notes=notes_summary(notes.store, notes.notes, notes.on_statement, lambda: self.key_for("retry_notes")),
        )

    def mark_notes(self) -> None:
        """Gutter marks: a dot per noted statement, or the letter of its latest rating."""
        marked, marks = gutter_marks(self.note_actions.on_statement, self.ratings)
        for pane in self.panes:
            ids = marked.get(pane.document.id, set())
            pane_marks = marks.get(pane.document.id, {})
            if pane.view.note_ids != ids or pane.view.note_marks != pane_marks:
                pane.view.set_note_ids(ids, pane_marks)

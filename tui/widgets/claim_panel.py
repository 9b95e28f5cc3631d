"""What the sources say about the current statement: versions, differing words, conflicts, notes.

The words are built in ``claim_text``; this widget caches them per statement, width, notes and
shown articles, resizes to them once the cursor rests, and turns clicks on a version into jumps."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from textual import events
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static

from tui.claims.model import ClaimIndex
from tui.corpus.model import Document
from tui.notes_display import PanelNote
from tui.widgets.claim_text import VERSION_CHARS, ClaimText, capped, rating_content, reader_reason, statement_label

__all__ = ["VERSION_CHARS", "ClaimPanel", "PanelNote", "capped", "rating_content", "reader_reason", "statement_label"]

SHRINK_DELAY = 0.3
"""Seconds the cursor must rest before the panel resizes to its text. A resize relayouts the
whole screen (~50-70 ms at 160x45), so keys never pay for it: while they arrive the panel keeps
its height, padding shorter text and cutting longer text until the cursor rests."""


class ClaimPanel(VerticalScroll, can_focus=False):
    """The claim behind the cursor, in words.

    ``notes`` are the notes on every statement of the claim (the reader sets them before
    ``show``), listed under the versions with the article each belongs to. Statements are named
    by article and number ("state-visit.txt #2"), never by internal id. The rendered body is
    cached per statement, width, notes and shown articles, so keys that change none of them cost
    nothing here.
    """

    DEFAULT_CSS = """
    ClaimPanel {
        height: auto;
        max-height: 40%;
        border-top: solid $primary;
        background: $surface-darken-1;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    ClaimPanel > Static { width: 1fr; height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.notes: list[PanelNote] = []
        """Notes on the statements of the current claim (set by the reader)."""
        self.hidden_hint = "]"
        """Key that brings hidden articles into view, named when a counterpart is off screen."""
        self._index: ClaimIndex | None = None
        self._statement_id: str | None = None
        self._order_ids: tuple[str, ...] = ()
        self._shown: frozenset[str] | None = None
        self._lines = -1
        self._shown_key: tuple[object, ...] | None = None
        self._cache: dict[tuple[object, ...], tuple[Content, dict[int, str]]] = {}
        self._targets: dict[int, str] = {}
        """Row of the shown text -> the statement id of the version drawn there (clicks jump)."""
        self._describing: dict[int, str] = {}
        self._shrink_timer: Timer | None = None
        """Pending resize to the current text (``tests/ui_fixtures.settled`` waits for it)."""
        self._by_id: dict[str, Document] = {}
        """The current index's documents by id, rebuilt when an index arrives."""

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(Content.styled("Indexing claims…", "$text-muted"), id="claim-body")

    def show(
        self,
        index: ClaimIndex | None,
        statement_id: str | None,
        order: Sequence[Document],
        shown: Collection[str] | None = None,
    ) -> None:
        """Describe ``statement_id``; ``order`` is the documents in pane order, ``shown`` the ids on screen."""
        arrived = index is not self._index
        if arrived:
            self._cache.clear()
            self._by_id = {d.id: d for d in index.documents} if index is not None else {}
        self._index = index
        self._statement_id = statement_id
        self._order_ids = tuple(d.id for d in order)
        self._shown = frozenset(shown) if shown is not None else None
        self.refresh_claim(fit=arrived)

    def on_resize(self) -> None:
        self._update_body(fit=True)

    def _key(self) -> tuple[object, ...]:
        return (
            id(self._index),
            self._statement_id,
            self.scrollable_content_region.width,
            tuple(self.notes),
            self._order_ids,
            self._shown,
            self.hidden_hint,
        )

    def _update_body(self, *, fit: bool = False) -> bool:
        """Update the text; ``False`` when nothing changed. The panel resizes to the text at once
        when ``fit`` (the screen is being laid out anyway) or the cursor did not move (a note
        was added), else once the cursor rests."""
        key = self._key()
        if key == self._shown_key:
            return False
        fit = fit or self._shown_key is None or self._shown_key[1] == key[1]
        cached = self._cache.get(key)
        if cached is None:
            cached = (self.describe(), self._describing)
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[key] = cached
        content, self._targets = cached
        lines = content.plain.count("\n") + 1
        body = self.query_one("#claim-body", Static)
        self._shown_key = key
        if fit or self._lines < 0:
            self._fit(content, lines)
        elif lines == self._lines:
            body.update(content, layout=False)
        else:
            padding = Content("\n" * (self._lines - lines)) if lines < self._lines else Content("")
            body.update(content + padding, layout=False)
            self._schedule_fit(content, lines)
        return True

    def _fit(self, content: Content, lines: int) -> None:
        if self._shrink_timer is not None:
            self._shrink_timer.stop()
            self._shrink_timer = None
        self.query_one("#claim-body", Static).update(content, layout=lines != self._lines)
        self._lines = lines

    def _schedule_fit(self, content: Content, lines: int) -> None:
        if self._shrink_timer is not None:
            self._shrink_timer.stop()

        def fit() -> None:
            self._shrink_timer = None
            if (self._cache.get(self._shown_key or ()) or (None,))[0] is content:
                self._fit(content, lines)

        self._shrink_timer = self.set_timer(SHRINK_DELAY, fit)

    def refresh_claim(self, *, fit: bool = False) -> None:
        if self._update_body(fit=fit):
            self.scroll_home(animate=False)

    class VersionClicked(Message):
        """A click on another version of the claim: the reader jumps to ``statement_id``."""

        def __init__(self, statement_id: str) -> None:
            super().__init__()
            self.statement_id = statement_id

    def on_click(self, event: events.Click) -> None:
        body = self.query_one("#claim-body", Static)
        offset = event.get_content_offset(body)
        if offset is None:
            return
        target = self._targets.get(offset.y)
        if target is not None:
            event.stop()
            self.post_message(self.VersionClicked(target))

    def describe(self) -> Content:
        """The panel's text for the current statement; which rows are other versions lands in
        ``_describing`` (row -> statement id) for clicks."""
        text = ClaimText(self._index, self._statement_id, self._by_id, self._order_ids, self._shown,
                         self.hidden_hint, self.notes, self.scrollable_content_region.width)
        content = text.describe()
        self._describing = text.targets
        return content

"""The body of one article: its statements with a status gutter and a cursor that keys, clicks
and the wheel move. One widget per article, not one per statement: the lines are laid out in
``article_layout``, drawn in ``article_strips`` and cached in ``article_lines``."""

from __future__ import annotations

from textual import events
from textual.message import Message

from tui.navigation import FILTERS, next_kept
from tui.widgets.article_layout import GUTTER, Block, build_blocks
from tui.widgets.article_lines import ArticleLines
from tui.widgets.article_strips import (ARTICLE_VIEW_CSS, COMPONENT_CLASSES, CURSOR_BAR, GLYPHS, NOTE_MARK,
                                        POSSIBLE_GLYPH)

__all__ = [
    "CURSOR_BAR", "FILTERS", "GLYPHS", "GUTTER", "NOTE_MARK", "POSSIBLE_GLYPH", "ArticleView", "Block", "build_blocks",
]

STRIP_CACHE_SCREENS = 4
"""Rendered lines kept per view, in screens. Each cached ``Strip`` keeps alive the crops and
styled copies Textual derives from it (~140 objects a line), and every live object lengthens the
garbage collector's full passes: a 4096-line cache per pane made them 100-300 ms keystroke
stalls with 50 articles."""


class ArticleView(ArticleLines, can_focus=True, inherit_bindings=False):
    """Statements of one document, wrapped to the width, with a gutter and a cursor.

    The reader screen owns the keys; this widget owns layout, drawing and mouse input.
    ``note_ids`` is the hook for the notes store: statement ids that carry a note get a marker in
    the second gutter column (call ``set_note_ids`` to update it); a rated note's mark is the
    rating's letter (``F`` false, ``t`` mostly true...) instead of the dot.
    """

    COMPONENT_CLASSES = COMPONENT_CLASSES
    DEFAULT_CSS = ARTICLE_VIEW_CSS

    class CursorMoved(Message):
        """The user moved the cursor in this view (key, click or wheel)."""

        def __init__(self, view: ArticleView, statement_id: str) -> None:
            super().__init__()
            self.view = view
            self.statement_id = statement_id

        @property
        def control(self) -> ArticleView:
            return self.view

    def on_resize(self, event: events.Resize) -> None:
        self._strips.maxsize = max(128, STRIP_CACHE_SCREENS * self.scrollable_content_region.height)
        row = self.cursor_row()
        self._layout(self._content_width())
        if row is not None and self.document.statements:
            self.scroll_statement_to(self.cursor, row)
        if (self.has_focus or self.linked) and self.document.statements:
            # the claim panel below grows and shrinks with its text: keep the cursor in sight
            self.ensure_cursor_visible()
        self.refresh()

    def on_mount(self) -> None:
        self._layout(max(GUTTER + 8, self._content_width()))

    def cursor_row(self) -> int | None:
        """Row of the cursor's first line inside the viewport, or ``None`` when it is off screen."""
        if not self.document.statements or not self.text_layout.line_count:
            return None
        first, _ = self.statement_lines(self.cursor)
        row = first - round(self.scroll_y)
        return row if 0 <= row < self.scrollable_content_region.height else None

    def set_cursor(self, statement_index: int, *, linked: bool = True) -> None:
        """Move the cursor without telling anyone (the screen calls this on followers).

        Repaints only the old and new cursor statements; nothing when neither changes.
        """
        if not self.document.statements:
            return
        statement_index = max(0, min(statement_index, len(self.document.statements) - 1))
        if statement_index != self.cursor or linked != self.linked:
            old = self.cursor
            self.cursor = statement_index
            self.linked = linked
            self.refresh_statement(old)
            if statement_index != old:
                self.refresh_statement(statement_index)

    def move_cursor(self, statement_index: int, *, notify: bool = True) -> None:
        """Move the cursor as the user asked: keep it in view and tell the screen.

        ``notify=False`` is for the screen's own keys: it updates the other panes in the same
        call, so the cursor and its followers reach the terminal in one frame, not two.
        """
        if not self.document.statements:
            return
        self.set_cursor(statement_index, linked=True)
        self.ensure_cursor_visible()
        if notify:
            self.post_message(self.CursorMoved(self, self.document.statements[self.cursor].id))

    def ensure_cursor_visible(self) -> None:
        if not self.document.statements:
            return
        first, last = self.statement_lines(self.cursor)
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        if first < top:
            self.scroll_to(y=max(0, first - 1), animate=False, immediate=True)
        elif last > top + height:
            target = min(first, last - height + 1)
            self.scroll_to(y=max(0, target), animate=False, immediate=True)

    def scroll_within(self, direction: int) -> bool:
        """Scroll a page inside a cursor statement taller than the view; ``False`` when already at its edge."""
        if not self.document.statements:
            return False
        first, last = self.statement_lines(self.cursor)
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        step = max(1, height - 2)
        if direction > 0 and last > top + height:
            self.scroll_to(y=min(top + step, last - height), animate=False, immediate=True)
            return True
        if direction < 0 and first < top:
            self.scroll_to(y=max(top - step, first), animate=False, immediate=True)
            return True
        return False

    def scroll_statement_to(self, statement_index: int, row: int) -> None:
        """Scroll so that a statement's first line sits at viewport ``row`` (clamped)."""
        if not self.document.statements:
            return
        first, last = self.statement_lines(statement_index)
        height = max(1, self.scrollable_content_region.height)
        row = max(0, min(row, height - min(height, last - first)))
        self.scroll_to(y=max(0, first - row), animate=False, immediate=True)

    def step(self, direction: int, start: int | None = None) -> int | None:
        """The next statement in ``direction`` that the filter keeps, or ``None``."""
        statements = self.document.statements
        position = self.cursor if start is None else start
        return next_kept(len(statements), position, direction, lambda n: self.matches_filter(statements[n]))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        statement = self.statement_at_line(round(self.scroll_y) + offset.y)
        self.focus()
        if statement is not None:
            self.move_cursor(statement)

    def _after_wheel(self) -> None:
        """Wheel scrolling drags the cursor along so it never leaves the screen."""
        if not self.document.statements or self.cursor_row() is not None:
            return
        top = round(self.scroll_y)
        height = max(1, self.scrollable_content_region.height)
        first, _ = self.statement_lines(self.cursor)
        line = top if first < top else top + height - 1
        statement = self.statement_at_line(line)
        if statement is not None:
            first, last = self.statement_lines(statement)
            if first < top and statement + 1 < len(self.document.statements):
                statement += 1
            self.set_cursor(statement)
            self.post_message(self.CursorMoved(self, self.document.statements[self.cursor].id))

    def _on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        super()._on_mouse_scroll_down(event)
        self.call_after_refresh(self._after_wheel)

    def _on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        super()._on_mouse_scroll_up(event)
        self.call_after_refresh(self._after_wheel)

    def on_focus(self) -> None:
        self.refresh_statement(self.cursor)

    def on_blur(self) -> None:
        self.refresh_statement(self.cursor)
